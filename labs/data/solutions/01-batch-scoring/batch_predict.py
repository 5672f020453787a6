"""Scores a CSV file of flats in one batch run: reads every row, predicts its price, writes the results.

Usage: python3 batch_predict.py INPUT_CSV OUTPUT_CSV

A row that cannot be scored (a value missing or not a number) is counted and skipped rather than
fatal: one bad row should not cost the whole night's run. The exit code says whether the run as a
whole worked, which is what a scheduler (cron, a Kubernetes Job) looks at.
"""
import csv
import os
import sys
import time

from model import Model


def score(model, rows):
    """Returns (scored, skipped): dicts with id and price for good rows, and the ids of bad ones."""
    scored, skipped = [], []
    for row in rows:
        try:
            features = {name: float(row[name]) for name in model.features}
        except (KeyError, TypeError, ValueError):
            skipped.append(row.get("id") or "?")
            continue
        scored.append({"id": row["id"], "price": round(model.predict(features), 1)})
    return scored, skipped


def write_results(path, scored):
    """Writes to a temporary file first, then renames it: readers never see half a file."""
    folder = os.path.dirname(path)
    if folder:
        os.makedirs(folder, exist_ok=True)
    temporary = path + ".tmp"
    with open(temporary, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "price"])
        writer.writeheader()
        writer.writerows(scored)
    os.replace(temporary, path)


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    input_path, output_path = argv[1], argv[2]
    started = time.monotonic()
    model = Model.load()
    with open(input_path, newline="", encoding="utf-8") as handle:
        scored, skipped = score(model, csv.DictReader(handle))
    write_results(output_path, scored)
    mean = sum(row["price"] for row in scored) / len(scored) if scored else 0.0
    print(f"scored {len(scored)} rows, skipped {len(skipped)} ({', '.join(skipped) or 'none'}), "
          f"mean price {mean:.1f} kEUR, wrote {output_path} in {time.monotonic() - started:.2f}s")
    return 0 if scored else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
