"""The review service: one small job, done well. It tells whether a review of a flat is
positive or negative, using a managed sentiment API rather than a model of our own."""
import os

from botocore.exceptions import BotoCoreError, ClientError
from flask import Flask, jsonify, request

import ai_client

app = Flask(__name__)


@app.post("/review")
def review():
    payload = request.get_json(silent=True)
    text = payload.get("text") if isinstance(payload, dict) else None
    if not isinstance(text, str) or not text.strip():
        return jsonify(error='send {"text": "the review"}'), 400
    if len(text.encode("utf-8")) > ai_client.MAX_TEXT_BYTES:
        return jsonify(error=f"a review may be at most {ai_client.MAX_TEXT_BYTES} bytes"), 400
    try:
        result = ai_client.sentiment(text)
    except (BotoCoreError, ClientError):
        # The provider is down or refused the call: say so, and do not pretend to know.
        return jsonify(error="the sentiment service is unavailable; try again later"), 502
    return jsonify(result)


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "5001")))
