"""Tests for the AI API wrappers. botocore's Stubber answers in place of AWS, checks that each
call sends exactly the expected parameters, and needs no network and no real credentials."""
import os
import unittest
from unittest import mock

import boto3
from botocore.stub import Stubber

import ai_client
import review_service

FAKE = {"region_name": "eu-west-1", "aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


class ClientTest(unittest.TestCase):

    def test_endpoint_and_region_come_from_the_environment(self):
        settings = {"AWS_ENDPOINT_URL": "http://127.0.0.1:4566", "AWS_REGION": "eu-central-1"}
        with mock.patch.dict(os.environ, settings):
            client = ai_client.make_client("comprehend")
        self.assertEqual(client.meta.endpoint_url, "http://127.0.0.1:4566")
        self.assertEqual(client.meta.region_name, "eu-central-1")


class SentimentTest(unittest.TestCase):

    def test_sentiment_sends_the_text_in_english(self):
        client = boto3.client("comprehend", **FAKE)
        with Stubber(client) as stub:
            stub.add_response(
                "detect_sentiment",
                {"Sentiment": "POSITIVE",
                 "SentimentScore": {"Positive": 0.97, "Negative": 0.01, "Neutral": 0.01, "Mixed": 0.01}},
                {"Text": "Bright flat, lovely view", "LanguageCode": "en"})
            result = ai_client.sentiment("Bright flat, lovely view", client=client)
            stub.assert_no_pending_responses()
        self.assertEqual(result["sentiment"], "POSITIVE")

    def test_sentiment_refuses_text_longer_than_the_api_accepts(self):
        with self.assertRaises(ValueError):
            ai_client.sentiment("x" * (ai_client.MAX_TEXT_BYTES + 1), client=object())


class ImageLabelsTest(unittest.TestCase):

    def test_labels_are_names_with_rounded_confidence(self):
        client = boto3.client("rekognition", **FAKE)
        with Stubber(client) as stub:
            stub.add_response(
                "detect_labels",
                {"Labels": [{"Name": "Kitchen", "Confidence": 97.123}]},
                {"Image": {"Bytes": b"jpeg"}, "MaxLabels": 5, "MinConfidence": 80.0})
            labels = ai_client.image_labels(b"jpeg", client=client)
        self.assertEqual(labels, [{"name": "Kitchen", "confidence": 97.1}])


class ReviewServiceTest(unittest.TestCase):

    def setUp(self):
        self.client = review_service.app.test_client()

    def test_review_answers_with_the_sentiment(self):
        with mock.patch.object(ai_client, "sentiment", return_value={"sentiment": "NEGATIVE", "scores": {}}):
            response = self.client.post("/review", json={"text": "Damp and noisy"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.get_json()["sentiment"], "NEGATIVE")

    def test_review_without_text_is_a_bad_request(self):
        self.assertEqual(self.client.post("/review", json={}).status_code, 400)

    def test_provider_failure_is_a_bad_gateway(self):
        failure = boto3.client("comprehend", **FAKE).exceptions.InternalServerException(
            {"Error": {"Code": "InternalServerException", "Message": "down"}}, "DetectSentiment")
        with mock.patch.object(ai_client, "sentiment", side_effect=failure):
            response = self.client.post("/review", json={"text": "Fine"})
        self.assertEqual(response.status_code, 502)


if __name__ == "__main__":
    unittest.main()
