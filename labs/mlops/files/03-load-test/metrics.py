"""Request counters and a latency histogram in Prometheus' text format, without a client library.

Prometheus scrapes GET /metrics and stores every number as a time series; queries such as
rate(predict_requests_total[5m]) then turn the ever-growing counters into rates.
"""
import threading

# Upper bounds (seconds) of the latency buckets; +Inf catches everything slower.
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0)


class Metrics:
    """Thread-safe: Flask may serve requests on several threads at once."""

    def __init__(self, model_version):
        self._lock = threading.Lock()
        self._model_version = model_version
        self._requests = {}
        self._bucket_counts = [0] * len(BUCKETS)
        self._latency_sum = 0.0
        self._latency_count = 0

    def observe(self, status, seconds):
        """Records one prediction request: its HTTP status and how long it took."""
        with self._lock:
            self._requests[status] = self._requests.get(status, 0) + 1
            for i, bound in enumerate(BUCKETS):
                if seconds <= bound:
                    self._bucket_counts[i] += 1
            self._latency_sum += seconds
            self._latency_count += 1

    def render(self):
        """The exposition format: HELP and TYPE lines, then one 'name{labels} value' per series."""
        with self._lock:
            lines = [
                "# HELP predict_requests_total Prediction requests, by HTTP status.",
                "# TYPE predict_requests_total counter",
            ]
            for status in sorted(self._requests):
                lines.append(f'predict_requests_total{{status="{status}"}} {self._requests[status]}')
            lines += [
                "# HELP predict_latency_seconds Time to answer a prediction request.",
                "# TYPE predict_latency_seconds histogram",
            ]
            for bound, count in zip(BUCKETS, self._bucket_counts):
                lines.append(f'predict_latency_seconds_bucket{{le="{bound}"}} {count}')
            lines += [
                f'predict_latency_seconds_bucket{{le="+Inf"}} {self._latency_count}',
                f"predict_latency_seconds_sum {self._latency_sum:.6f}",
                f"predict_latency_seconds_count {self._latency_count}",
                "# HELP predict_model_info The model being served (always 1).",
                "# TYPE predict_model_info gauge",
                f'predict_model_info{{version="{self._model_version}"}} 1',
            ]
        return "\n".join(lines) + "\n"
