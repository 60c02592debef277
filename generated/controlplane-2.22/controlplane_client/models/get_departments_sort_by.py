"""The 'GetDepartmentsSortBy' schema."""

from __future__ import annotations

from specloom_runtime import OpenStrEnum


class GetDepartmentsSortBy(OpenStrEnum):
    """The 'GetDepartmentsSortBy' schema."""

    NAME = 'name'
    CLUSTER_ID = 'clusterId'
    CREATED_AT = 'createdAt'
