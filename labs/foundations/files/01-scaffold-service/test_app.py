"""Tests for the prediction service. Written as unittest classes, so pytest runs them on a
laptop or in CI, and `python3 -m unittest` runs them in the slim image without pytest."""
import unittest

from app import app


class PredictServiceTest(unittest.TestCase):

    def setUp(self):
        self.client = app.test_client()

    def test_health_reports_ok(self):
        response = self.client.get("/health")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.get_json()["status"], "ok")

    # TODO: test the prediction route:
    #   - a typical flat (80 m2, 3 rooms, 10 years) gets a 200 and a price between 200 and 350;
    #   - a body without rooms and age_years gets a 400 that lists them under "missing";
    #   - a feature sent as text ("big") gets a 400.


if __name__ == "__main__":
    unittest.main()
