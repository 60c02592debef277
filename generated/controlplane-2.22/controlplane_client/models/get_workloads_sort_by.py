"""The 'GetWorkloadsSortBy' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class GetWorkloadsSortBy(OpenStrEnum):
    """The 'GetWorkloadsSortBy' schema."""

    NAME = 'name'
    TYPE = 'type'
    PHASE = 'phase'
    PROJECT_NAME = 'projectName'
    CLUSTER_ID = 'clusterId'
    CREATED_AT = 'createdAt'


def validate_get_workloads_sort_by(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'GetWorkloadsSortBy'."""
    if value not in ('name', 'type', 'phase', 'projectName', 'clusterId', 'createdAt'):
        problems.append(f"{path}: must be one of 'name', 'type', 'phase', 'projectName', 'clusterId', 'createdAt'")
