"""The 'NodePoolStatus' schema."""

from __future__ import annotations

from specloom_runtime import OpenStrEnum


class NodePoolStatus(OpenStrEnum):
    """The 'NodePoolStatus' schema."""

    CREATING = 'Creating'
    READY = 'Ready'
    UPDATING = 'Updating'
    DELETING = 'Deleting'
    UNSCHEDULABLE = 'Unschedulable'
    EMPTY = 'Empty'
