"""Thin wrappers around managed AI APIs: the service rents text and image understanding
instead of training a worse model of its own.

Credentials come from boto3's standard chain (environment variables, ~/.aws, SSO, or the role
of the machine the code runs on), never from this file. AWS_ENDPOINT_URL, when set, sends every
call elsewhere, for example to the LabDesk AI gateway, which records calls and can answer
offline.
"""
import os

import boto3

# Comprehend refuses texts longer than this many bytes of UTF-8 in one DetectSentiment call.
MAX_TEXT_BYTES = 5000


def make_client(service):
    """A boto3 client for 'comprehend' or 'rekognition'. Create it once and reuse it."""
    # TODO: boto3.client(service, ...) with the region from AWS_REGION (default eu-west-1) and
    #       endpoint_url from AWS_ENDPOINT_URL (None when unset, so boto3 uses AWS itself).
    raise NotImplementedError("make_client() is not written yet")


def sentiment(text, client=None):
    """POSITIVE, NEGATIVE, NEUTRAL or MIXED, with the model's confidence in each."""
    # TODO: refuse (ValueError) an empty text or one longer than MAX_TEXT_BYTES bytes of UTF-8;
    #       use the given client or make_client("comprehend"); call DetectSentiment for English;
    #       return {"sentiment": <the Sentiment field>, "scores": <the SentimentScore field>}.
    raise NotImplementedError("sentiment() is not written yet")


def image_labels(image_bytes, client=None, max_labels=5, min_confidence=80.0):
    """What Rekognition sees in a JPEG or PNG: [{"name": "Kitchen", "confidence": 97.1}, ...]."""
    # TODO: use the given client or make_client("rekognition"); call DetectLabels with the image
    #       bytes, max_labels and min_confidence; return name and confidence (rounded to 0.1)
    #       of each label.
    raise NotImplementedError("image_labels() is not written yet")
