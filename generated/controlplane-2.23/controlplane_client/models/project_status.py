"""The 'ProjectStatus' schema."""

from __future__ import annotations

from specloom_runtime import OpenStrEnum


class ProjectStatus(OpenStrEnum):
    """The 'ProjectStatus' schema."""

    CREATING = 'Creating'
    READY = 'Ready'
    UPDATING = 'Updating'
    DELETING = 'Deleting'
    FAILED = 'Failed'
