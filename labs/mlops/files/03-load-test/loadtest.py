"""A small load test: simulated users send POST /predict at the same time, and the run is judged
against service-level objectives (SLOs). Standard library only, so it runs in the slim image.

Usage: python3 loadtest.py PLAN_JSON
Exit code 0 when every objective is met, 1 when one is violated, 2 when the target never came up.
"""
import json
import math
import sys
import threading
import time
import urllib.error
import urllib.request


def wait_until_up(base_url, timeout_seconds):
    """Polls GET /health until it answers 200, so the test does not measure a starting server."""
    deadline = time.monotonic() + timeout_seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base_url + "/health", timeout=2) as response:
                if response.status == 200:
                    return True
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    return False


def simulate_user(base_url, payload, count, results, lock):
    """One user: sends count predictions one after another and records (succeeded, seconds)."""
    body = json.dumps(payload).encode("utf-8")
    for _ in range(count):
        request = urllib.request.Request(base_url + "/predict", data=body, method="POST",
                                         headers={"Content-Type": "application/json"})
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                response.read()
                succeeded = response.status == 200
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            succeeded = False
        elapsed = time.perf_counter() - started
        with lock:
            results.append((succeeded, elapsed))


def percentile(values, pct):
    """Nearest-rank percentile: the smallest value that at least pct % of the values do not exceed."""
    # TODO: sort the values; the rank is ceil(pct / 100 * number of values), but at least 1;
    #       return the value at that rank (ranks count from 1, list indexes from 0).
    raise NotImplementedError("percentile() is not written yet")


def summarize(results, slo):
    """Turns raw results into the numbers the SLO speaks about, and a verdict."""
    # TODO: return a dict with
    #   requests    the number of results
    #   errors      how many did not succeed
    #   error_rate  errors / requests
    #   p50_ms, p95_ms   percentiles of the latencies, in milliseconds
    #   violations  a list of texts, one per objective missed: p95_ms above slo["p95_ms"],
    #               error_rate above slo["max_error_rate"] (empty when all are met)
    raise NotImplementedError("summarize() is not written yet")


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[3], file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as handle:
        plan = json.load(handle)
    target = plan["target"].rstrip("/")
    if not wait_until_up(target, 30):
        print(f"{target} did not answer /health within 30 s", file=sys.stderr)
        return 2
    results, lock = [], threading.Lock()
    users = [threading.Thread(target=simulate_user,
                              args=(target, plan["payload"], plan["requests_per_user"], results, lock))
             for _ in range(plan["users"])]
    started = time.perf_counter()
    for user in users:
        user.start()
    for user in users:
        user.join()
    wall = time.perf_counter() - started
    summary = summarize(results, plan["slo"])
    print(f"load test: {summary['requests']} requests from {plan['users']} users in {wall:.2f} s "
          f"({summary['requests'] / wall:.1f} req/s)")
    print(f"latency: p50 {summary['p50_ms']:.1f} ms, p95 {summary['p95_ms']:.1f} ms "
          f"(objective {plan['slo']['p95_ms']} ms)")
    print(f"errors: {summary['errors']} ({summary['error_rate']:.2%}, "
          f"objective at most {plan['slo']['max_error_rate']:.2%})")
    if summary["violations"]:
        print("SLO violated: " + "; ".join(summary["violations"]))
        return 1
    print("SLO met")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
