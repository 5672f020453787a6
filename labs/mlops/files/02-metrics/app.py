"""The prediction service: a Flask app that serves the house-price model as a JSON API."""
import os
import time

from flask import Flask, Response, jsonify, request

from metrics import Metrics
from model import Model

app = Flask(__name__)
model = Model.load()
# TODO 1: create one Metrics object for the whole app: metrics = Metrics(model.version)


@app.get("/health")
def health():
    # Configuration comes from the environment, so one image serves dev, staging and production.
    return jsonify(status="ok", model=model.version, environment=os.environ.get("APP_ENV", "dev"),
                   version=os.environ.get("APP_VERSION", "dev"))


@app.get("/model")
def model_card():
    """What is being served: which model, trained on how much data, and how well it fits."""
    return jsonify(name=model.name, version=model.version, features=model.features,
                   trained_rows=model.trained_rows, r2=model.r2)


def answer(payload):
    """The prediction logic, free of HTTP details: returns (body, status)."""
    if not isinstance(payload, dict):
        return {"error": "send a JSON object such as {\"area_m2\": 80, \"rooms\": 3, \"age_years\": 10}"}, 400
    missing = model.missing(payload)
    if missing:
        return {"error": "missing features", "missing": missing}, 400
    try:
        price = model.predict(payload)
    except ValueError as problem:
        return {"error": str(problem)}, 400
    return {"price": round(price, 1), "unit": "kEUR", "model": model.version}, 200


@app.post("/predict")
def predict():
    # TODO 2: measure how long answer() takes with time.perf_counter() and record every
    #         request, good or bad, with metrics.observe(status, seconds).
    body, status = answer(request.get_json(silent=True))
    return jsonify(body), status


# TODO 3: GET /metrics returns metrics.render() as a Response with the mimetype
#         "text/plain; version=0.0.4" (Prometheus' text format).


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "5000")))
