"""The 'TokenRequestFormGrantType' schema."""

from __future__ import annotations

from specloom_runtime import OpenStrEnum


class TokenRequestFormGrantType(OpenStrEnum):
    """The 'TokenRequestFormGrantType' schema."""

    CLIENT_CREDENTIALS = 'client_credentials'
    REFRESH_TOKEN = 'refresh_token'
