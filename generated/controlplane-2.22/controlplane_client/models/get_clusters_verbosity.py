"""The 'GetClustersVerbosity' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class GetClustersVerbosity(OpenStrEnum):
    """The 'GetClustersVerbosity' schema."""

    META = 'meta'
    FULL = 'full'


def validate_get_clusters_verbosity(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'GetClustersVerbosity'."""
    if value not in ('meta', 'full'):
        problems.append(f"{path}: must be one of 'meta', 'full'")
