"""The 'GetWorkloadsSortBy' schema."""

from __future__ import annotations

from specloom_runtime import OpenStrEnum


class GetWorkloadsSortBy(OpenStrEnum):
    """The 'GetWorkloadsSortBy' schema."""

    NAME = 'name'
    TYPE = 'type'
    PHASE = 'phase'
    PROJECT_NAME = 'projectName'
    CLUSTER_ID = 'clusterId'
    CREATED_AT = 'createdAt'
