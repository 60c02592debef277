"""The 'DownloadCliOs' schema."""

from __future__ import annotations

from specloom_runtime import OpenStrEnum


class DownloadCliOs(OpenStrEnum):
    """The 'DownloadCliOs' schema."""

    LINUX = 'linux'
    DARWIN = 'darwin'
    WINDOWS = 'windows'
