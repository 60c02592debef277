"""The 'OrgUnitTreeNodeKind' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class OrgUnitTreeNodeKind(OpenStrEnum):
    """The 'OrgUnitTreeNodeKind' schema."""

    DEPARTMENT = 'department'
    PROJECT = 'project'


def validate_org_unit_tree_node_kind(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'OrgUnitTreeNodeKind'."""
    if value not in ('department', 'project'):
        problems.append(f"{path}: must be one of 'department', 'project'")
