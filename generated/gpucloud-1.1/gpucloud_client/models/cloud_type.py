"""The 'CloudType' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class CloudType(OpenStrEnum):
    """Where a pod may run: audited data centres, community hosts, or either."""

    SECURE = 'SECURE'
    COMMUNITY = 'COMMUNITY'
    ALL = 'ALL'


def validate_cloud_type(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'CloudType'."""
    if value not in ('SECURE', 'COMMUNITY', 'ALL'):
        problems.append(f"{path}: must be one of 'SECURE', 'COMMUNITY', 'ALL'")
