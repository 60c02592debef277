"""HS256 JSON Web Tokens with the standard library only, and the token authority of the test control plane.

Tokens are the compact JWS form ``header.payload.signature``, each part URL-safe
base64 without padding (RFC 7515), signed with HMAC-SHA256. Every token carries a
``name`` claim whose encoding is guaranteed to contain both ``-`` and ``_``, so a
client that decodes JWTs with standard base64 instead of the URL-safe alphabet fails.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import math
import re
import secrets
import threading
import time
import uuid
from collections.abc import Mapping
from typing import Any

import attrs

ISSUER = "specloom-controlplane"
AUDIENCE = "controlplane-api"
#: The display name in every token. Non-ASCII, and the runs ``?????`` and ``~~~~~`` put a
#: ``_`` and a ``-`` into the URL-safe base64 of the payload whatever its alignment
#: (five equal bytes always hold one aligned 3-byte group: ``???`` -> ``…_``, ``~~~`` -> ``…-``).
DISPLAY_NAME = "Zoë Ångström ?????~~~~~ (ops)"

_B64URL = re.compile(r"[A-Za-z0-9_-]*")


class TokenError(Exception):
    """A bearer token the server refuses; ``reason`` is one of the ``REASONS``."""

    REASONS = ("malformed", "algorithm", "signature", "expired", "revoked")

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    """Strict: URL-safe alphabet only, no padding (as JWS requires)."""
    if not _B64URL.fullmatch(text) or len(text) % 4 == 1:
        raise TokenError("malformed", "the token is not URL-safe base64 without padding")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:
        raise TokenError("malformed", f"the token is not valid base64url: {exc}") from None


def _json_bytes(value: Mapping[str, Any]) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _signature(secret: bytes, signing_input: str) -> bytes:
    return hmac.new(secret, signing_input.encode("ascii"), hashlib.sha256).digest()


def encode(claims: Mapping[str, Any], secret: bytes, *, kid: str | None = None) -> str:
    """The HS256 JWT of ``claims`` (serialised as UTF-8 JSON, non-ASCII kept)."""
    header: dict[str, Any] = {"alg": "HS256", "typ": "JWT"}
    if kid is not None:
        header["kid"] = kid
    signing_input = f"{b64url_encode(_json_bytes(header))}.{b64url_encode(_json_bytes(claims))}"
    return f"{signing_input}.{b64url_encode(_signature(secret, signing_input))}"


def peek(token: str) -> dict[str, Any]:
    """The claims of ``token`` without checking anything (for tests)."""
    parts = token.split(".")
    if len(parts) != 3:
        raise TokenError("malformed", "a JWT has three dot-separated parts")
    try:
        claims = json.loads(b64url_decode(parts[1]).decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise TokenError("malformed", f"the token's payload is not JSON: {exc}") from None
    if not isinstance(claims, dict):
        raise TokenError("malformed", "the token's payload is not a JSON object")
    return claims


def decode(token: str, secret: bytes, *, now: float) -> dict[str, Any]:
    """The verified claims of ``token``; raises :class:`TokenError` (signature checked before expiry)."""
    parts = token.split(".")
    if len(parts) != 3:
        raise TokenError("malformed", "a JWT has three dot-separated parts")
    try:
        header = json.loads(b64url_decode(parts[0]).decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise TokenError("malformed", f"the token's header is not JSON: {exc}") from None
    if not isinstance(header, dict) or header.get("alg") != "HS256":
        raise TokenError("algorithm", "only HS256 tokens are accepted")
    if not hmac.compare_digest(_signature(secret, f"{parts[0]}.{parts[1]}"), b64url_decode(parts[2])):
        raise TokenError("signature", "the token's signature is not valid")
    claims = peek(token)
    exp = claims.get("exp")
    if isinstance(exp, bool) or not isinstance(exp, int | float):
        raise TokenError("malformed", "the token has no numeric exp claim")
    if now >= exp:
        raise TokenError("expired", f"the token expired {now - exp:.1f} s ago")
    return claims


@attrs.frozen
class IssuedToken:
    """One access token the authority issued (by the token endpoints or :meth:`TokenAuthority.mint`)."""

    access_token: str
    claims: Mapping[str, Any]
    grant_type: str
    refresh_token: str | None
    #: Server clock (``time.time()`` plus the clock offset) when issued.
    issued_at: float

    @property
    def expires_at(self) -> float:
        return float(self.claims["exp"])

    @property
    def subject(self) -> str:
        return str(self.claims["sub"])


class TokenAuthority:
    """Issues and verifies the control plane's tokens; thread-safe.

    ``lifetime`` is in seconds: ``exp`` is ``ceil(now + lifetime)``, so a token is valid
    for at least ``lifetime`` and less than ``lifetime + 1`` seconds; ``lifetime <= 0``
    issues tokens that are already expired. ``clock_offset`` shifts the server's clock
    (for issuing and verifying) to make tokens expire without sleeping.
    """

    def __init__(
        self,
        *,
        lifetime: float,
        clients: Mapping[str, str],
        apps: Mapping[str, str],
        rotate_refresh_tokens: bool = True,
        secret: bytes | None = None,
    ) -> None:
        self.secret = secret if secret is not None else secrets.token_bytes(32)
        self.kid = uuid.uuid4().hex[:8]
        self.lifetime = lifetime
        self.clients = dict(clients)
        self.apps = dict(apps)
        self.rotate_refresh_tokens = rotate_refresh_tokens
        self.clock_offset = 0.0
        self._lock = threading.Lock()
        self._issued: list[IssuedToken] = []
        self._refresh: dict[str, tuple[str, str]] = {}  # refresh token -> (subject, scope)
        self._revoked: set[str] = set()

    def now(self) -> float:
        return time.time() + self.clock_offset

    def claims_for(self, subject: str, grant_type: str, scope: str, lifetime: float | None = None) -> dict[str, Any]:
        now = self.now()
        life = self.lifetime if lifetime is None else lifetime
        exp = math.ceil(now + life) if life > 0 else math.floor(now + life)
        return {
            "iss": ISSUER,
            "aud": AUDIENCE,
            "sub": subject,
            "iat": int(now),
            "exp": exp,
            "jti": uuid.uuid4().hex,
            "gty": grant_type,
            "scope": scope,
            "name": DISPLAY_NAME,
            "email": f"{subject}@example.com",
        }

    def issue(self, subject: str, grant_type: str, scope: str = "openid", *, refresh: bool = True) -> IssuedToken:
        claims = self.claims_for(subject, grant_type, scope)
        refresh_token = f"rt_{secrets.token_urlsafe(24)}" if refresh else None
        token = IssuedToken(encode(claims, self.secret, kid=self.kid), claims, grant_type, refresh_token, self.now())
        with self._lock:
            self._issued.append(token)
            if refresh_token is not None:
                self._refresh[refresh_token] = (subject, scope)
        return token

    def mint(self, subject: str = "", *, lifetime: float | None = None, **claims: Any) -> str:
        """A signed token outside any grant (not counted as a token request); ``claims`` override."""
        body = self.claims_for(subject or next(iter(self.clients), "tester"), "minted", "openid", lifetime)
        body.update(claims)
        token = encode(body, self.secret, kid=self.kid)
        with self._lock:
            self._issued.append(IssuedToken(token, body, "minted", None, self.now()))
        return token

    def id_token(self, access: IssuedToken) -> str:
        claims = {key: access.claims[key] for key in ("iss", "sub", "iat", "exp", "name", "email")}
        return encode({**claims, "aud": "controlplane-cli"}, self.secret, kid=self.kid)

    def redeem_refresh_token(self, refresh_token: str) -> tuple[str, str] | None:
        """``(subject, scope)`` of a live refresh token; single use when rotating."""
        with self._lock:
            if self.rotate_refresh_tokens:
                return self._refresh.pop(refresh_token, None)
            return self._refresh.get(refresh_token)

    def verify(self, token: str) -> dict[str, Any]:
        claims = decode(token, self.secret, now=self.now())
        with self._lock:
            if claims.get("jti") in self._revoked:
                raise TokenError("revoked", "the token was revoked")
        return claims

    def revoke_all(self) -> int:
        """Revoke every access token issued so far; returns how many."""
        with self._lock:
            self._revoked.update(str(t.claims.get("jti")) for t in self._issued)
            return len(self._issued)

    @property
    def issued(self) -> list[IssuedToken]:
        with self._lock:
            return list(self._issued)
