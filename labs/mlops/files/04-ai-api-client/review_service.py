"""The review service: one small job, done well. It tells whether a review of a flat is
positive or negative, using a managed sentiment API rather than a model of our own."""
import os

from botocore.exceptions import BotoCoreError, ClientError
from flask import Flask, jsonify, request

import ai_client

app = Flask(__name__)


# TODO: POST /review with {"text": "..."}:
#   400 when text is missing, blank or longer than ai_client.MAX_TEXT_BYTES bytes;
#   otherwise the result of ai_client.sentiment(text) as JSON;
#   502 (bad gateway) when the call raises BotoCoreError or ClientError.


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "5001")))
