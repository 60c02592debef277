"""Log redaction: no credential reaches a log line, whoever logs it (specloom, httpx, httpcore, hpack, aiohttp).

The runtime logs only methods, paths, statuses and ids; this filter is the
second line of defence for anything else that might format a header or body
(httpcore's DEBUG trace prints every response header, ``Set-Cookie`` included; over HTTP/2,
hpack's DEBUG lines print every header it encodes or decodes, ``Authorization`` included).

A logger's filters see only the records created on that very logger, not those
of its children passing through on their way to the root's handlers: so the
filter goes on every logger under those names, not only on them.
Besides the patterns, every secret the client knows (:func:`remember_secret`)
is masked wherever it appears, so an echo of it by a server is masked too.
"""

from __future__ import annotations

import functools
import logging
import re
import threading


# Compiled on first use, not at import: building a client must stay cheap, and most never log a line.
@functools.cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    return (
        # Authorization-style values: "Bearer <token>", "Basic <creds>".
        (re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+"), r"\1 ***"),
        # JWTs anywhere (three base64url parts, the first two starting with eyJ).
        (re.compile(r"eyJ[A-Za-z0-9_-]*\.eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*"), "***"),
        # JSON/form/query fields that hold secrets.
        (re.compile(r"""(?i)(["']?(?:client_?secret|app_?secret|password|access_?token|refresh_?token|api[-_]?key|token)["']?\s*[:=]\s*["']?)[^"'&,\s}]+"""),
         r"\1***"),
        # Credential headers as httpcore prints them, (b'set-cookie', b'...'), or as text, "Cookie: ...".
        (re.compile(r"""(?i)(\(b?['"](?:set-cookie|cookie|authorization|proxy-authorization|x-api-key|api-key)['"],\s*b?['"])[^'"]*"""),
         r"\1***"),
        (re.compile(r"(?im)^(\s*(?:set-cookie|cookie|proxy-authorization)\s*:\s*).*$"), r"\1***"),
        # Credential headers as hpack (HTTP/2's header coder) prints them: b'cookie'=b'...'.
        (re.compile(r"""(?i)(b?['"](?:set-cookie|cookie|authorization|proxy-authorization|x-api-key|api-key)['"]=b?['"])[^'"]*"""),
         r"\1***"),
        # hpack's whole header blocks: Huffman-coded, every header in one is a static table away from clear text.
        (re.compile(r"^(Encoded header block to|Decoding) b['\"].*$", re.DOTALL), r"\1 b'***'"),
    )


LOGGERS = ("specloom", "httpx", "httpcore", "hpack", "aiohttp")
# httpcore (aiohttp) creates these when a transport is first built (imported), after the client is configured:
# getLogger now makes them, with the filter, and httpcore and aiohttp get those same loggers later.
_KNOWN_CHILDREN = ("httpcore.connection", "httpcore.http11", "httpcore.http2", "httpcore.proxy", "httpcore.socks",
                   "hpack.hpack", "hpack.table", "aiohttp.client", "aiohttp.internal")

# Secrets shorter than this are not masked by value: masking "t" would garble every text.
MIN_SECRET_LENGTH = 8
# The most recent secrets are kept (access tokens are renewed for as long as a client lives).
_MAX_SECRETS = 256
_secrets: dict[str, None] = {}
_known: re.Pattern[str] | None = None
_secrets_lock = threading.Lock()


def remember_secret(value: str | None) -> None:
    """Mask ``value`` from now on in every log line and error message of the runtime."""
    global _known
    if not value or len(value) < MIN_SECRET_LENGTH or value in _secrets:
        return
    with _secrets_lock:
        _secrets[value] = None
        while len(_secrets) > _MAX_SECRETS:
            del _secrets[next(iter(_secrets))]
        # Longest first, so a secret containing another is masked whole.
        _known = re.compile("|".join(re.escape(s) for s in sorted(_secrets, key=len, reverse=True)))


def redact(text: str) -> str:
    """``text`` with credentials masked: every remembered secret, and values in credential positions."""
    known = _known
    if known is not None:
        text = known.sub("***", text)
    for pattern, replacement in _patterns():
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """Formats each record's message (and traceback) once and masks credentials in it."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = redact(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(_FORMATTER.formatException(record.exc_info))
        return True


_FILTER = RedactingFilter()
_FORMATTER = logging.Formatter()


def install() -> None:
    """Put the filter on every logger the runtime's stack writes to, children included (idempotent).

    Each client's configuration runs this again, for any child logger created since.
    """
    names = [n for n in list(logging.root.manager.loggerDict) if any(n.startswith(p + ".") for p in LOGGERS)]
    for name in {*LOGGERS, *_KNOWN_CHILDREN, *names}:
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
