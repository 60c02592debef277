"""Reading a JWT's expiry without verifying it (the server verifies; the client only schedules refreshes)."""

from __future__ import annotations

import base64
import json
from typing import Any


def jwt_claims(token: str) -> dict[str, Any] | None:
    """The payload of a JWT, or ``None`` if ``token`` is not one.

    Decoded as base64url (``-`` and ``_``, padding optional) as RFC 7515 says;
    standard base64 breaks on payloads whose encoding contains those characters.
    """
    parts = token.split(".")
    if len(parts) != 3:
        return None
    payload = parts[1] + "=" * (-len(parts[1]) % 4)
    try:
        claims = json.loads(base64.urlsafe_b64decode(payload.encode("ascii")))
    except (ValueError, UnicodeError):
        return None
    return claims if isinstance(claims, dict) else None


def jwt_expiry(token: str) -> float | None:
    """The ``exp`` claim (seconds since the epoch) of a JWT, if it has one."""
    claims = jwt_claims(token)
    exp = claims.get("exp") if claims else None
    return float(exp) if isinstance(exp, (int, float)) and not isinstance(exp, bool) else None
