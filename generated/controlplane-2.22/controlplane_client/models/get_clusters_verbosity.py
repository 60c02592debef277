"""The 'GetClustersVerbosity' schema."""

from __future__ import annotations

from specloom_runtime import OpenStrEnum


class GetClustersVerbosity(OpenStrEnum):
    """The 'GetClustersVerbosity' schema."""

    META = 'meta'
    FULL = 'full'
