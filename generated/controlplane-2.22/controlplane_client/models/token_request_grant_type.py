"""The 'TokenRequestGrantType' schema."""

from __future__ import annotations

from specloom_runtime import OpenStrEnum


class TokenRequestGrantType(OpenStrEnum):
    """The app_token grant is deprecated; prefer client_credentials."""

    CLIENT_CREDENTIALS = 'client_credentials'
    APP_TOKEN = 'app_token'
    REFRESH_TOKEN = 'refresh_token'
