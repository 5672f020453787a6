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

    def test_predict_returns_a_price_for_a_typical_flat(self):
        response = self.client.post("/predict", json={"area_m2": 80, "rooms": 3, "age_years": 10})
        self.assertEqual(response.status_code, 200)
        price = response.get_json()["price"]
        self.assertGreater(price, 200)
        self.assertLess(price, 350)

    def test_bigger_flats_cost_more(self):
        small = self.client.post("/predict", json={"area_m2": 50, "rooms": 2, "age_years": 10})
        large = self.client.post("/predict", json={"area_m2": 120, "rooms": 2, "age_years": 10})
        self.assertGreater(large.get_json()["price"], small.get_json()["price"])

    def test_predict_rejects_missing_features(self):
        response = self.client.post("/predict", json={"area_m2": 80})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.get_json()["missing"], ["rooms", "age_years"])

    def test_predict_rejects_text_values(self):
        response = self.client.post("/predict", json={"area_m2": "big", "rooms": 3, "age_years": 10})
        self.assertEqual(response.status_code, 400)


if __name__ == "__main__":
    unittest.main()
