"""The 'TokenRequestFormGrantType' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class TokenRequestFormGrantType(OpenStrEnum):
    """The 'TokenRequestFormGrantType' schema."""

    CLIENT_CREDENTIALS = 'client_credentials'
    REFRESH_TOKEN = 'refresh_token'


def validate_token_request_form_grant_type(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'TokenRequestFormGrantType'."""
    if value not in ('client_credentials', 'refresh_token'):
        problems.append(f"{path}: must be one of 'client_credentials', 'refresh_token'")
