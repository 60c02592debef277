"""The 'GetDepartmentsSortBy' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class GetDepartmentsSortBy(OpenStrEnum):
    """The 'GetDepartmentsSortBy' schema."""

    NAME = 'name'
    CLUSTER_ID = 'clusterId'
    CREATED_AT = 'createdAt'


def validate_get_departments_sort_by(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'GetDepartmentsSortBy'."""
    if value not in ('name', 'clusterId', 'createdAt'):
        problems.append(f"{path}: must be one of 'name', 'clusterId', 'createdAt'")
