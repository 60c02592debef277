"""The 'GetProjectsSortBy' schema."""

from __future__ import annotations

from specloom_runtime import OpenStrEnum


class GetProjectsSortBy(OpenStrEnum):
    """The 'GetProjectsSortBy' schema."""

    NAME = 'name'
    PARENT_ID = 'parentId'
    CLUSTER_ID = 'clusterId'
    CREATED_AT = 'createdAt'
