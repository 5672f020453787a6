"""The prediction service: a Flask app that serves the house-price model as a JSON API."""
import os

from flask import Flask, jsonify, request

from model import Model

app = Flask(__name__)
model = Model.load()


@app.get("/health")
def health():
    return jsonify(status="ok", model=model.version)


@app.post("/predict")
def predict():
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict):
        return jsonify(error="send a JSON object such as {\"area_m2\": 80, \"rooms\": 3, \"age_years\": 10}"), 400
    missing = model.missing(payload)
    if missing:
        return jsonify(error="missing features", missing=missing), 400
    try:
        price = model.predict(payload)
    except ValueError as problem:
        return jsonify(error=str(problem)), 400
    return jsonify(price=round(price, 1), unit="kEUR", model=model.version)


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "5000")))
