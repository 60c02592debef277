"""The 'NodePoolStatus' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class NodePoolStatus(OpenStrEnum):
    """The 'NodePoolStatus' schema."""

    CREATING = 'Creating'
    READY = 'Ready'
    UPDATING = 'Updating'
    DELETING = 'Deleting'
    UNSCHEDULABLE = 'Unschedulable'
    EMPTY = 'Empty'


def validate_node_pool_status(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'NodePoolStatus'."""
    if value not in ('Creating', 'Ready', 'Updating', 'Deleting', 'Unschedulable', 'Empty'):
        problems.append(f"{path}: must be one of 'Creating', 'Ready', 'Updating', 'Deleting', 'Unschedulable', 'Empty'")
