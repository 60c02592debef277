"""The 'DownloadCliOs' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class DownloadCliOs(OpenStrEnum):
    """The 'DownloadCliOs' schema."""

    LINUX = 'linux'
    DARWIN = 'darwin'
    WINDOWS = 'windows'


def validate_download_cli_os(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'DownloadCliOs'."""
    if value not in ('linux', 'darwin', 'windows'):
        problems.append(f"{path}: must be one of 'linux', 'darwin', 'windows'")
