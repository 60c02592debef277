"""The 'ProjectStatus' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class ProjectStatus(OpenStrEnum):
    """The 'ProjectStatus' schema."""

    CREATING = 'Creating'
    READY = 'Ready'
    UPDATING = 'Updating'
    DELETING = 'Deleting'
    FAILED = 'Failed'


def validate_project_status(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'ProjectStatus'."""
    if value not in ('Creating', 'Ready', 'Updating', 'Deleting', 'Failed'):
        problems.append(f"{path}: must be one of 'Creating', 'Ready', 'Updating', 'Deleting', 'Failed'")
