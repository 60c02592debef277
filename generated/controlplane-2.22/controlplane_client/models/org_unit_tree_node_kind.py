"""The 'OrgUnitTreeNodeKind' schema."""

from __future__ import annotations

from specloom_runtime import OpenStrEnum


class OrgUnitTreeNodeKind(OpenStrEnum):
    """The 'OrgUnitTreeNodeKind' schema."""

    DEPARTMENT = 'department'
    PROJECT = 'project'
