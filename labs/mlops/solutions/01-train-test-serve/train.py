"""Fits the house-price model with ordinary least squares, using only the standard library.

Usage: python3 train.py [DATA_CSV] [MODEL_JSON]
Reads rows of area_m2, rooms, age_years and price_k, fits
price_k = intercept + a*area_m2 + b*rooms + c*age_years, and writes the
coefficients (and how well they fit) to MODEL_JSON.
"""
import csv
import json
import sys

FEATURES = ["area_m2", "rooms", "age_years"]
TARGET = "price_k"


def load_rows(path):
    """Returns (features, targets): a list of feature lists and a list of prices."""
    features, targets = [], []
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            features.append([float(row[name]) for name in FEATURES])
            targets.append(float(row[TARGET]))
    return features, targets


def solve(matrix, vector):
    """Solves matrix * x = vector by Gaussian elimination with partial pivoting."""
    size = len(vector)
    rows = [list(matrix[i]) + [vector[i]] for i in range(size)]
    for col in range(size):
        pivot = max(range(col, size), key=lambda r, c=col: abs(rows[r][c]))
        if abs(rows[pivot][col]) < 1e-12:
            raise ValueError("the features are linearly dependent; the model cannot be fitted")
        rows[col], rows[pivot] = rows[pivot], rows[col]
        for r in range(col + 1, size):
            factor = rows[r][col] / rows[col][col]
            for c in range(col, size + 1):
                rows[r][c] -= factor * rows[col][c]
    solution = [0.0] * size
    for r in range(size - 1, -1, -1):
        rest = sum(rows[r][c] * solution[c] for c in range(r + 1, size))
        solution[r] = (rows[r][size] - rest) / rows[r][r]
    return solution


def fit(features, targets):
    """Least squares through the normal equations: (X^T X) w = X^T y, with a leading 1 for the intercept."""
    design = [[1.0] + row for row in features]
    width = len(design[0])
    xtx = [[sum(row[i] * row[j] for row in design) for j in range(width)] for i in range(width)]
    xty = [sum(row[i] * y for row, y in zip(design, targets)) for i in range(width)]
    return solve(xtx, xty)


def r_squared(features, targets, weights):
    """The share of the price variance the model explains (1.0 is a perfect fit)."""
    mean = sum(targets) / len(targets)
    predicted = [weights[0] + sum(w * x for w, x in zip(weights[1:], row)) for row in features]
    residual = sum((y - p) ** 2 for y, p in zip(targets, predicted))
    total = sum((y - mean) ** 2 for y in targets)
    return 1.0 - residual / total


def main(argv):
    data_path = argv[1] if len(argv) > 1 else "data/houses.csv"
    model_path = argv[2] if len(argv) > 2 else "model.json"
    features, targets = load_rows(data_path)
    weights = fit(features, targets)
    model = {
        "name": "house-price",
        "version": "1.0.0",
        "features": FEATURES,
        "intercept": round(weights[0], 4),
        "coefficients": {name: round(w, 4) for name, w in zip(FEATURES, weights[1:])},
        "trained_rows": len(targets),
        "r2": round(r_squared(features, targets, weights), 4),
    }
    with open(model_path, "w", encoding="utf-8") as handle:
        json.dump(model, handle, indent=2)
        handle.write("\n")
    print(f"trained on {len(targets)} rows, r2={model['r2']}, wrote {model_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
