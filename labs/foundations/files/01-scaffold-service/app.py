"""The prediction service: a Flask app that serves the house-price model as a JSON API."""
import os

from flask import Flask, jsonify, request

from model import Model

app = Flask(__name__)
model = Model.load()


@app.get("/health")
def health():
    return jsonify(status="ok", model=model.version)


# TODO: add a POST /predict route.
#   - Read the JSON body with request.get_json(silent=True).
#   - Answer 400 with {"error": ...} when the body is not a JSON object,
#     and 400 with {"error": ..., "missing": [...]} when features are missing
#     (Model.missing tells you which).
#   - Otherwise answer {"price": <rounded to 0.1>, "unit": "kEUR", "model": <version>}.
#     Model.predict raises ValueError when a feature is not a number: answer 400 then too.


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "5000")))
