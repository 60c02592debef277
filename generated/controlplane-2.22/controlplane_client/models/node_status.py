"""The 'NodeStatus' schema."""

from __future__ import annotations

from specloom_runtime import OpenStrEnum


class NodeStatus(OpenStrEnum):
    """The 'NodeStatus' schema."""

    READY = 'Ready'
    NOT_READY = 'NotReady'
    UNKNOWN = 'Unknown'
