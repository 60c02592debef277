"""Log redaction: no credential reaches a log line, whoever logs it (specloom, httpx, httpcore).

The runtime logs only methods, paths, statuses and ids; this filter is the
second line of defence for anything else that might format a header or body.
"""

from __future__ import annotations

import logging
import re

_PATTERNS = (
    # Authorization-style values: "Bearer <token>", "Basic <creds>".
    (re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+"), r"\1 ***"),
    # JWTs anywhere (three base64url parts, the first two starting with eyJ).
    (re.compile(r"eyJ[A-Za-z0-9_-]*\.eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*"), "***"),
    # JSON/form/query fields that hold secrets.
    (re.compile(r"""(?i)(["']?(?:client_?secret|app_?secret|password|access_?token|refresh_?token|api_?key|token)["']?\s*[:=]\s*["']?)[^"'&,\s}]+"""),
     r"\1***"),
)
LOGGERS = ("specloom", "httpx", "httpcore")
# Secrets no pattern recognises (an API key in a query string or a cookie, a password), masked by value.
_KNOWN_SECRETS: set[str] = set()


def register_secret(value: str) -> None:
    """Mask ``value`` wherever it appears in a log line from now on.

    Values under 4 characters are left alone: masking each "k" would make every line unreadable, and
    such a value protects nothing.
    """
    if len(value) >= 4:
        _KNOWN_SECRETS.add(value)


def redact(text: str) -> str:
    """``text`` with credentials masked."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    for secret in _KNOWN_SECRETS:
        text = text.replace(secret, "***")
    return text


class RedactingFilter(logging.Filter):
    """Formats each record's message once and masks credentials in it."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = redact(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


_FILTER = RedactingFilter()


def install() -> None:
    """Put the filter on the loggers the runtime's stack writes to (idempotent)."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)


def enable_debug() -> None:
    """``debug=True``: the runtime's own debug lines on stderr (redacted like every other line)."""
    install()
    logger = logging.getLogger("specloom")
    logger.setLevel(logging.DEBUG)
    if not any(getattr(h, "_specloom", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler._specloom = True  # type: ignore[attr-defined]
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        handler.addFilter(_FILTER)
        logger.addHandler(handler)
