"""The 'DownloadCliArch' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class DownloadCliArch(OpenStrEnum):
    """The 'DownloadCliArch' schema."""

    AMD64 = 'amd64'
    ARM64 = 'arm64'


def validate_download_cli_arch(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'DownloadCliArch'."""
    if value not in ('amd64', 'arm64'):
        problems.append(f"{path}: must be one of 'amd64', 'arm64'")
