"""The 'NodeStatus' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class NodeStatus(OpenStrEnum):
    """The 'NodeStatus' schema."""

    READY = 'Ready'
    NOT_READY = 'NotReady'
    UNKNOWN = 'Unknown'


def validate_node_status(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'NodeStatus'."""
    if value not in ('Ready', 'NotReady', 'Unknown'):
        problems.append(f"{path}: must be one of 'Ready', 'NotReady', 'Unknown'")
