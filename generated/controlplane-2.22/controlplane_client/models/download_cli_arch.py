"""The 'DownloadCliArch' schema."""

from __future__ import annotations

from specloom_runtime import OpenStrEnum


class DownloadCliArch(OpenStrEnum):
    """The 'DownloadCliArch' schema."""

    AMD64 = 'amd64'
    ARM64 = 'arm64'
