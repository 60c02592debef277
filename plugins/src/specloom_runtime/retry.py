"""Built-in retries: only what is safe to replay, capped exponential backoff, Retry-After honoured.

Replay is safe for GET, HEAD, PUT, DELETE and OPTIONS, and for POST/PATCH
carrying an idempotency key (generated once per call and sent unchanged on
every attempt). A request that never reached the server (the connection could
not be opened) is safe to replay whatever its method.
"""

from __future__ import annotations

import math
import random
import time
import uuid

import httpx

from .call import Call
from .errors import TokenUnavailable
from .hookspecs import hookimpl

RETRYABLE_STATUS = frozenset({408, 429, 500, 502, 503, 504})
# Sent before any byte of the request left, so replaying cannot repeat a write.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def retry_after_seconds(response: httpx.Response, now: float | None = None) -> float | None:
    """The wait a response asks for: ``retry-after-ms``, or ``Retry-After`` as seconds or an HTTP-date."""
    millis = response.headers.get("retry-after-ms")
    if millis is not None:
        try:
            value = float(millis) / 1000
            return value if math.isfinite(value) and value >= 0 else None
        except ValueError:
            pass
    header = response.headers.get("retry-after")
    if header is None:
        return None
    try:
        seconds = float(header)
    except ValueError:
        import email.utils  # rarely needed: most servers send seconds

        try:
            date = email.utils.parsedate_to_datetime(header)
        except (TypeError, ValueError):
            return None
        seconds = date.timestamp() - (time.time() if now is None else now)
    if not math.isfinite(seconds):
        return None
    return max(0.0, seconds)


def _in_progress(response: httpx.Response) -> bool:
    """A 409 saying the same idempotent request is still being executed (so retrying will get its result)."""
    try:
        body = response.json()
    except ValueError:
        return False
    text = " ".join(str(body.get(k, "")) for k in ("code", "message", "error")) if isinstance(body, dict) else ""
    return "in_progress" in text.lower() or "in progress" in text.lower()


class RetryPlugin:
    """Decides retries; the transport loop sleeps."""

    def __init__(self, rng: random.Random | None = None) -> None:
        self._rng = rng or random.Random()

    @hookimpl
    def prepare_request(self, call: Call, request: httpx.Request) -> None:
        method = call.operation.method
        key = call.options.idempotency_key
        if key is None and method in ("POST", "PATCH") and (call.config.idempotent_writes or call.operation.idempotent):
            key = str(uuid.uuid4())
        if key is not None:
            call.idempotency_key = key
            request.headers["Idempotency-Key"] = key

    @hookimpl
    def retry_decision(self, call: Call, attempt: int, response: httpx.Response | None, error: Exception | None) -> float | None:
        if attempt > call.max_retries:
            return None
        replayable = call.operation.safe or call.idempotency_key is not None
        if isinstance(error, TokenUnavailable):
            # Only the token request went out: replaying the call is safe whatever its method.
            replayable = True
            if error.response is not None:
                response, error = error.response, None
        if error is not None:
            if replayable or isinstance(error, _NOT_SENT):
                return self.backoff(call, attempt)
            return None
        assert response is not None
        status = response.status_code
        if status == 409:
            if call.idempotency_key is None or not _in_progress(response):
                return None
        elif status not in RETRYABLE_STATUS and status < 500:
            return None
        if not replayable:
            return None
        wait = retry_after_seconds(response)
        if wait is None:
            return self.backoff(call, attempt)
        # Above the cap, waiting is the caller's decision: the error is raised now, with retry_after set.
        return wait if wait <= call.config.retry_after_cap else None

    def backoff(self, call: Call, attempt: int) -> float:
        """Capped exponential backoff with "equal jitter": half fixed, half random."""
        delay = min(call.config.retry_backoff_cap, call.config.retry_backoff * 2.0 ** (attempt - 1))
        return delay / 2 + self._rng.uniform(0, delay / 2)
