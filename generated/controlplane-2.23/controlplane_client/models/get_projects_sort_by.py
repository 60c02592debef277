"""The 'GetProjectsSortBy' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class GetProjectsSortBy(OpenStrEnum):
    """The 'GetProjectsSortBy' schema."""

    NAME = 'name'
    PARENT_ID = 'parentId'
    CLUSTER_ID = 'clusterId'
    CREATED_AT = 'createdAt'


def validate_get_projects_sort_by(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'GetProjectsSortBy'."""
    if value not in ('name', 'parentId', 'clusterId', 'createdAt'):
        problems.append(f"{path}: must be one of 'name', 'parentId', 'clusterId', 'createdAt'")
