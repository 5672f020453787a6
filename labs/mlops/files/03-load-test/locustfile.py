"""Load test for Locust (https://locust.io), for runs against staging from CI or a laptop:

    locust -f locustfile.py --headless --users 50 --spawn-rate 5 --run-time 2m \\
           --host https://staging.example.com
"""
from locust import HttpUser, between, task  # pylint: disable=import-error


# TODO: a class PredictUser(HttpUser) that
#   - waits between 0.5 and 2 seconds between tasks (wait_time = between(...)),
#   - has a task with weight 10 that POSTs {"area_m2": 80, "rooms": 3, "age_years": 10}
#     as JSON to /predict,
#   - has a task with weight 1 that GETs /health.
