"""A tiny sentiment model for the edge: a word list and a few rules, no network, no libraries.

Usage: python3 edge_sentiment.py TEXT...            classify texts
       python3 edge_sentiment.py --evaluate CSV     accuracy and speed on labelled reviews

It is far less capable than a cloud API, but it answers in microseconds, offline, on a device
with little memory and power. Whether that trade is right depends on the use case.
"""
import csv
import re
import sys
import time

POSITIVE = {"bright", "spacious", "lovely", "great", "friendly", "clean", "quiet", "excellent",
            "helpful", "perfect", "recommend", "good", "spotless", "cosy", "new", "well", "value"}
NEGATIVE = {"noisy", "dirty", "dark", "damp", "rude", "broken", "expensive", "small", "awful",
            "mould", "cold", "slow", "terrible", "bad", "tiny", "old", "smell"}
NEGATIONS = {"not", "never", "no", "hardly", "isn't", "wasn't", "aren't", "don't"}
# A negation flips the sentiment of the next few words: "not clean", "never rude".
NEGATION_REACH = 3


def words(text):
    return re.findall(r"[a-z']+", text.lower())


def classify(text):
    """POSITIVE, NEGATIVE or NEUTRAL, from the balance of positive and negative words."""
    score = 0
    negated_for = 0
    for word in words(text):
        if word in NEGATIONS:
            negated_for = NEGATION_REACH
            continue
        polarity = 1 if word in POSITIVE else -1 if word in NEGATIVE else 0
        if negated_for > 0:
            polarity = -polarity
            negated_for -= 1
        score += polarity
    if score > 0:
        return "POSITIVE"
    if score < 0:
        return "NEGATIVE"
    return "NEUTRAL"


def evaluate(path):
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    started = time.perf_counter()
    predictions = [classify(row["text"]) for row in rows]
    elapsed = time.perf_counter() - started
    correct = sum(1 for row, guess in zip(rows, predictions) if guess == row["label"])
    for row, guess in zip(rows, predictions):
        if guess != row["label"]:
            print(f"wrong: {guess:8} for {row['label']:8} {row['text']}")
    size = sum(len(word) for word in POSITIVE | NEGATIVE | NEGATIONS)
    print(f"edge model: {len(rows)} reviews, accuracy {correct / len(rows):.2f}, "
          f"{elapsed / len(rows) * 1e6:.1f} microseconds per review, vocabulary {size} bytes, offline")
    return 0


def main(argv):
    if len(argv) == 3 and argv[1] == "--evaluate":
        return evaluate(argv[2])
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    for text in argv[1:]:
        print(f"{classify(text)}\t{text}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
