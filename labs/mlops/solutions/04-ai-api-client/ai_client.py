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
    return boto3.client(service,
                        region_name=os.environ.get("AWS_REGION", "eu-west-1"),
                        endpoint_url=os.environ.get("AWS_ENDPOINT_URL") or None)


def sentiment(text, client=None):
    """POSITIVE, NEGATIVE, NEUTRAL or MIXED, with the model's confidence in each."""
    if not text or len(text.encode("utf-8")) > MAX_TEXT_BYTES:
        raise ValueError(f"text must be 1 to {MAX_TEXT_BYTES} bytes of UTF-8")
    client = client or make_client("comprehend")
    response = client.detect_sentiment(Text=text, LanguageCode="en")
    return {"sentiment": response["Sentiment"], "scores": response["SentimentScore"]}


def image_labels(image_bytes, client=None, max_labels=5, min_confidence=80.0):
    """What Rekognition sees in a JPEG or PNG: [{"name": "Kitchen", "confidence": 97.1}, ...]."""
    client = client or make_client("rekognition")
    response = client.detect_labels(Image={"Bytes": image_bytes}, MaxLabels=max_labels,
                                    MinConfidence=min_confidence)
    return [{"name": label["Name"], "confidence": round(label["Confidence"], 1)}
            for label in response["Labels"]]
