"""Load test for Locust (https://locust.io), for runs against staging from CI or a laptop:

    locust -f locustfile.py --headless --users 50 --spawn-rate 5 --run-time 2m \\
           --host https://staging.example.com
"""
from locust import HttpUser, between, task  # pylint: disable=import-error


class PredictUser(HttpUser):
    """A visitor who mostly asks for prices and now and then checks the service is up."""

    wait_time = between(0.5, 2)

    @task(10)
    def predict(self):
        self.client.post("/predict", json={"area_m2": 80, "rooms": 3, "age_years": 10})

    @task(1)
    def health(self):
        self.client.get("/health")
