"""Verify signed webhook deliveries: the ``t=<timestamp>,v1=<signature>`` HMAC-SHA256 scheme.

A platform that signs its webhook deliveries sends, with every POST, a signature header
(RunInfra calls it ``RunInfra-Signature``) that looks like::

    t=1714000000,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd

* ``t`` is the Unix time, in whole seconds, at which the delivery was signed: a non-negative
  integer written in ASCII digits. There is exactly one.
* ``v1`` is the lowercase hex HMAC-SHA256 of the *signed payload*, keyed by the endpoint's
  webhook secret encoded as UTF-8. The signed payload is the timestamp exactly as written in
  the header, a ``.``, then the raw request body bytes::

      hmac_sha256(key=secret_utf8, msg=b"<t>." + raw_body).hexdigest()

  There may be several ``v1`` parts (a platform rotating secrets signs with the old and the
  new one); the delivery is authentic if **any** of them matches.
* Parts are separated by ``,``; whitespace around a part is ignored, and so are parts this
  module does not know (``v0=...``, ``scheme=...``), so a platform can add new signature
  versions without breaking older receivers. The whole header may be at most 8192 characters.

A delivery is accepted only if a ``v1`` value matches (compared in constant time with
:func:`hmac.compare_digest`) **and** ``t`` lies within ``tolerance`` seconds of the current
time, in the past or the future. The signature binds the timestamp, so the window bounds how
long a captured delivery can be replayed.

Always verify the **exact raw body** you received, before any JSON parsing or re-encoding:
re-serialised JSON rarely reproduces the same bytes. :func:`construct_webhook_event` does both
steps in the right order.

Every verification failure raises :class:`WebhookVerificationError` (a
:class:`~specloom_runtime.errors.SpecloomError`) whose message says what is wrong and whose
:attr:`~WebhookVerificationError.reason` is a stable code to branch on. A mistake in how the
helper is *called* (an empty secret, a negative tolerance, a payload of the wrong type) is a
programming or configuration error, not a bad delivery, and raises
:class:`~specloom_runtime.errors.ConfigurationError` or :class:`TypeError` instead. The secret
never appears in any message or ``repr``.

Example, in any web framework::

    from specloom_runtime.webhooks import WebhookVerificationError, construct_webhook_event

    try:
        event = construct_webhook_event(raw_body, headers.get("RunInfra-Signature"), secret)
    except WebhookVerificationError as exc:
        return 400, str(exc)

:func:`sign_webhook` produces a valid header, for tests (yours included) that need to
simulate a delivery.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import re
import time
from typing import Any, Final, Literal, NoReturn

from .errors import ConfigurationError, SpecloomError

__all__ = [
    "DEFAULT_TOLERANCE_SECONDS",
    "MAX_HEADER_LENGTH",
    "WebhookVerificationError",
    "construct_webhook_event",
    "sign_webhook",
    "verify_webhook",
]

DEFAULT_TOLERANCE_SECONDS: Final = 300
"""How far (seconds, either direction) the header's ``t`` may be from now by default."""

MAX_HEADER_LENGTH: Final = 8192
"""Longest signature header accepted, in characters."""

_MAX_TIMESTAMP_DIGITS: Final = 15  # ~31 million years; keeps arithmetic with floats exact and cheap
_TIMESTAMP: Final = re.compile(r"[0-9]+")  # ASCII only: str.isdigit() also accepts "²" and "٣"

WebhookFailure = Literal[
    "missing_header",
    "malformed_header",
    "no_signature",
    "timestamp_too_old",
    "timestamp_in_future",
    "signature_mismatch",
    "invalid_payload",
    "invalid_json",
]
"""The values :attr:`WebhookVerificationError.reason` can take."""


class WebhookVerificationError(SpecloomError):
    """A webhook delivery failed verification; treat it as unauthenticated and reject it (HTTP 400).

    ``reason`` is a stable machine-readable code: ``missing_header``, ``malformed_header``,
    ``no_signature``, ``timestamp_too_old``, ``timestamp_in_future``, ``signature_mismatch``,
    ``invalid_payload`` (a ``str`` body that cannot be encoded as UTF-8) or ``invalid_json``
    (authentic, but not a JSON document; only from :func:`construct_webhook_event`).
    The message is human-readable and never contains the secret or an expected signature.
    """

    def __init__(self, message: str, *, reason: WebhookFailure) -> None:
        super().__init__(message)
        self.message = message
        self.reason: WebhookFailure = reason

    def __repr__(self) -> str:
        return f"{type(self).__name__}(reason={self.reason!r}, message={self.message!r})"


def verify_webhook(
    payload: bytes | str,
    header: str | None,
    secret: str | bytes,
    *,
    tolerance: float = DEFAULT_TOLERANCE_SECONDS,
    now: float | None = None,
) -> None:
    """Check that ``payload`` was signed with ``secret`` recently; return ``None`` or raise.

    ``payload`` is the raw request body (a ``str`` is encoded as UTF-8 first; prefer the bytes).
    ``header`` is the signature header's value; ``None`` (header absent) is reported as
    missing. ``secret`` is the endpoint's webhook secret (a ``str`` is encoded as UTF-8).
    ``tolerance`` is the largest accepted distance, in seconds, between the header's ``t`` and
    ``now`` (default: :func:`time.time`), in either direction; the boundary itself is accepted.
    Pass ``math.inf`` to skip the time check (not recommended: it allows replays).

    Raises :class:`WebhookVerificationError` if the header is missing, malformed, has no ``v1``
    signature, no ``v1`` value matches, or ``t`` is outside the tolerance (the signature is
    checked first, so a time error means the delivery is authentic but stale or the clocks
    disagree). Raises :class:`~specloom_runtime.errors.ConfigurationError` for an empty or
    non-UTF-8 secret, a negative or NaN ``tolerance`` or a non-finite ``now``, and
    :class:`TypeError` for arguments of the wrong type.
    """
    _verify(payload, header, secret, tolerance=tolerance, now=now)


def construct_webhook_event(
    payload: bytes | str,
    header: str | None,
    secret: str | bytes,
    *,
    tolerance: float = DEFAULT_TOLERANCE_SECONDS,
    now: float | None = None,
) -> Any:
    """Verify a delivery exactly as :func:`verify_webhook` does, then parse its body as JSON.

    Returns the decoded JSON document (usually a ``dict``). The body must be UTF-8 JSON as
    RFC 8259 defines it: ``NaN``/``Infinity`` literals are refused. Raises
    :class:`WebhookVerificationError` with reason ``invalid_json`` if the authentic body is not
    such a document, and everything :func:`verify_webhook` raises otherwise.
    """
    body = _verify(payload, header, secret, tolerance=tolerance, now=now)
    try:
        return json.loads(body.decode("utf-8"), parse_constant=_reject_constant)
    except UnicodeDecodeError as exc:
        _fail("invalid_json", f"webhook payload is not UTF-8 text (invalid byte at offset {exc.start})")
    except json.JSONDecodeError as exc:
        _fail("invalid_json", f"webhook payload is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")
    except ValueError as exc:  # from _reject_constant
        _fail("invalid_json", f"webhook payload is not valid JSON: {exc}")
    except RecursionError:
        _fail("invalid_json", "webhook payload is not valid JSON: nested too deeply to parse")


def sign_webhook(payload: bytes | str, secret: str | bytes, *, timestamp: int | None = None) -> str:
    """Return a signature header, ``t=<timestamp>,v1=<hex>``, that verifies ``payload`` with ``secret``.

    ``timestamp`` is the Unix time in whole seconds to sign at (default: now). Meant for tests,
    including SDK users' own, that need to simulate a delivery::

        header = sign_webhook(body, "whsec_test")
        verify_webhook(body, header, "whsec_test")

    Raises :class:`~specloom_runtime.errors.ConfigurationError` for an empty or non-UTF-8
    secret or a negative timestamp, :class:`TypeError` for arguments of the wrong type and
    :class:`WebhookVerificationError` (``invalid_payload``) for a ``str`` payload that cannot
    be encoded as UTF-8.
    """
    key = _key_bytes(secret)
    body = _payload_bytes(payload)
    if timestamp is None:
        timestamp = int(time.time())
    elif isinstance(timestamp, bool) or not isinstance(timestamp, int):
        raise TypeError(f"timestamp must be an int (Unix seconds), not {type(timestamp).__name__}")
    elif timestamp < 0:
        raise ConfigurationError(f"timestamp must be a non-negative Unix time in seconds, got {timestamp}")
    t = str(timestamp)
    return f"t={t},v1={_signature(key, t, body)}"


# --- internals -----------------------------------------------------------------------------


def _verify(
    payload: bytes | str, header: str | None, secret: str | bytes, *, tolerance: float, now: float | None
) -> bytes:
    """Verify and return the payload as bytes (what :func:`construct_webhook_event` parses)."""
    key = _key_bytes(secret)
    body = _payload_bytes(payload)
    tolerance = _check_tolerance(tolerance)
    current = time.time() if now is None else _check_now(now)
    t, signatures = _parse_header(header)

    expected = _signature(key, t, body).encode("ascii")
    # Compare against every value (no early exit) so timing does not reveal which one matched.
    matched = False
    for candidate in signatures:
        matched |= hmac.compare_digest(expected, candidate)
    if not matched:
        count = "the v1 signature" if len(signatures) == 1 else f"any of the {len(signatures)} v1 signatures"
        _fail(
            "signature_mismatch",
            f"webhook signature mismatch: the payload signed with this secret does not match {count} "
            "(wrong secret, or a body that was modified or re-encoded before verification)",
        )

    skew = current - int(t)
    if skew > tolerance:
        _fail(
            "timestamp_too_old",
            f"webhook timestamp t={t} is {_seconds(skew)} in the past, outside the tolerance of "
            f"{_seconds(tolerance)} (a replayed delivery, or a clock out of sync)",
        )
    if -skew > tolerance:
        _fail(
            "timestamp_in_future",
            f"webhook timestamp t={t} is {_seconds(-skew)} in the future, outside the tolerance of "
            f"{_seconds(tolerance)} (a clock out of sync)",
        )
    return body


def _parse_header(header: str | None) -> tuple[str, list[bytes]]:
    """``(t as written, [v1 values as ASCII-lowercased bytes])``, or raise."""
    if header is None:
        _fail("missing_header", "webhook signature header is missing")
    if not isinstance(header, str):
        raise TypeError(f"webhook signature header must be a str, not {type(header).__name__}")
    if len(header) > MAX_HEADER_LENGTH:
        _fail(
            "malformed_header",
            f"webhook signature header is {len(header)} characters long; at most {MAX_HEADER_LENGTH} are accepted",
        )
    if not header.strip():
        _fail("missing_header", "webhook signature header is empty")

    timestamps: list[str] = []
    signatures: list[bytes] = []
    for part in header.split(","):
        key, sep, value = part.strip().partition("=")
        if not sep:
            continue  # not a key=value pair: ignored like any unknown part
        key, value = key.strip(), value.strip()
        if key == "t":
            timestamps.append(value)
        elif key == "v1":
            # Hex is case-insensitive; anything non-ASCII can never match, and surrogates must not crash.
            signatures.append(value.lower().encode("utf-8", "surrogatepass"))

    if not timestamps:
        _fail("malformed_header", "webhook signature header has no timestamp (expected 't=<unix seconds>,v1=<hex>')")
    if len(timestamps) > 1:
        _fail(
            "malformed_header", f"webhook signature header has {len(timestamps)} timestamps; expected exactly one 't='"
        )
    t = timestamps[0]
    if not _TIMESTAMP.fullmatch(t):
        _fail(
            "malformed_header",
            f"webhook signature header timestamp {_excerpt(t)} is not a non-negative integer number of Unix seconds",
        )
    if len(t) > _MAX_TIMESTAMP_DIGITS:
        _fail(
            "malformed_header",
            f"webhook signature header timestamp has {len(t)} digits; not a plausible Unix time in seconds",
        )
    if not signatures:
        _fail("no_signature", "webhook signature header has no 'v1=' signature")
    return t, signatures


def _signature(key: bytes, t: str, body: bytes) -> str:
    mac = hmac.new(key, digestmod=hashlib.sha256)
    mac.update(t.encode("ascii") + b".")
    mac.update(body)
    return mac.hexdigest()


def _key_bytes(secret: str | bytes) -> bytes:
    if isinstance(secret, str):
        try:
            key = secret.encode("utf-8")
        except UnicodeEncodeError:
            # ``from None``: the UnicodeEncodeError holds the whole secret in ``.object``.
            raise ConfigurationError("webhook secret is a str that cannot be encoded as UTF-8") from None
    elif isinstance(secret, bytes | bytearray | memoryview):
        key = bytes(secret)
    else:
        raise TypeError(f"webhook secret must be a str or bytes, not {type(secret).__name__}")
    if not key:
        raise ConfigurationError("webhook secret is empty")
    return key


def _payload_bytes(payload: bytes | str) -> bytes:
    if isinstance(payload, str):
        try:
            return payload.encode("utf-8")
        except UnicodeEncodeError as exc:
            _fail(
                "invalid_payload",
                f"webhook payload is a str that cannot be encoded as UTF-8 (character {exc.start}); "
                "pass the raw request body bytes instead",
            )
    if isinstance(payload, bytes | bytearray | memoryview):
        return bytes(payload)
    raise TypeError(f"webhook payload must be the raw body as bytes or str, not {type(payload).__name__}")


def _check_tolerance(tolerance: float) -> float:
    if isinstance(tolerance, bool) or not isinstance(tolerance, int | float):
        raise TypeError(f"tolerance must be a number of seconds, not {type(tolerance).__name__}")
    if math.isnan(tolerance) or tolerance < 0:
        raise ConfigurationError(f"tolerance must be a non-negative number of seconds, got {tolerance!r}")
    return tolerance


def _check_now(now: float) -> float:
    if isinstance(now, bool) or not isinstance(now, int | float):
        raise TypeError(f"now must be a Unix time in seconds, not {type(now).__name__}")
    if not math.isfinite(now):
        raise ConfigurationError(f"now must be a finite Unix time in seconds, got {now!r}")
    return now


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not a JSON value")


def _seconds(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    return f"{text} second" if text == "1" else f"{text} seconds"


def _excerpt(value: str, limit: int = 40) -> str:
    return repr(value if len(value) <= limit else value[:limit] + "...")


def _fail(reason: WebhookFailure, message: str) -> NoReturn:
    raise WebhookVerificationError(message, reason=reason)
