"""The 'ClusterStatus' schema."""

from __future__ import annotations

from specloom_runtime import OpenStrEnum


class ClusterStatus(OpenStrEnum):
    """The 'ClusterStatus' schema."""

    CONNECTED = 'Connected'
    DISCONNECTED = 'Disconnected'
    MISSING_PREREQUISITES = 'MissingPrerequisites'
    SERVICE_ISSUES = 'ServiceIssues'
    UNKNOWN = 'Unknown'
