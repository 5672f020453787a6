"""The house-price model: a linear formula whose coefficients live in model.json."""
import json
from pathlib import Path

MODEL_PATH = Path(__file__).with_name("model.json")


class Model:
    """Predicts a price in thousands of euros from area_m2, rooms and age_years."""

    def __init__(self, spec):
        self.name = spec["name"]
        self.version = spec["version"]
        self.features = list(spec["features"])
        self.intercept = float(spec["intercept"])
        self.coefficients = {k: float(v) for k, v in spec["coefficients"].items()}
        self.trained_rows = spec.get("trained_rows")
        self.r2 = spec.get("r2")

    @classmethod
    def load(cls, path=MODEL_PATH):
        with open(path, encoding="utf-8") as handle:
            return cls(json.load(handle))

    def missing(self, payload):
        """The features the payload lacks, in the model's order."""
        return [name for name in self.features if name not in payload]

    def predict(self, payload):
        """Raises ValueError when a feature is not a number."""
        total = self.intercept
        for name in self.features:
            value = payload[name]
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ValueError(f"{name} must be a number, not {value!r}")
            total += self.coefficients[name] * value
        return total
