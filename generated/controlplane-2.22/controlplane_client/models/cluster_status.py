"""The 'ClusterStatus' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class ClusterStatus(OpenStrEnum):
    """The 'ClusterStatus' schema."""

    CONNECTED = 'Connected'
    DISCONNECTED = 'Disconnected'
    MISSING_PREREQUISITES = 'MissingPrerequisites'
    SERVICE_ISSUES = 'ServiceIssues'
    UNKNOWN = 'Unknown'


def validate_cluster_status(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'ClusterStatus'."""
    if value not in ('Connected', 'Disconnected', 'MissingPrerequisites', 'ServiceIssues', 'Unknown'):
        problems.append(
            f"{path}: must be one of 'Connected', 'Disconnected', 'MissingPrerequisites', 'ServiceIssues', 'Unknown'"
        )
