"""The 'TokenRequestGrantType' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class TokenRequestGrantType(OpenStrEnum):
    """The app_token grant is deprecated; prefer client_credentials."""

    CLIENT_CREDENTIALS = 'client_credentials'
    APP_TOKEN = 'app_token'
    REFRESH_TOKEN = 'refresh_token'


def validate_token_request_grant_type(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'TokenRequestGrantType'."""
    if value not in ('client_credentials', 'app_token', 'refresh_token'):
        problems.append(f"{path}: must be one of 'client_credentials', 'app_token', 'refresh_token'")
