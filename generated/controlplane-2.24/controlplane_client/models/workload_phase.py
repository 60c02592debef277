"""The 'WorkloadPhase' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class WorkloadPhase(OpenStrEnum):
    """The lifecycle phase of a workload."""

    CREATING = 'Creating'
    INITIALIZING = 'Initializing'
    PENDING = 'Pending'
    RUNNING = 'Running'
    SUSPENDING = 'Suspending'
    SUSPENDED = 'Suspended'
    RESUMING = 'Resuming'
    COMPLETED = 'Completed'
    FAILED = 'Failed'
    DELETING = 'Deleting'
    DEGRADED = 'Degraded'
    UNKNOWN = 'Unknown'


def validate_workload_phase(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'WorkloadPhase'."""
    if value not in (
        'Creating',
        'Initializing',
        'Pending',
        'Running',
        'Suspending',
        'Suspended',
        'Resuming',
        'Completed',
        'Failed',
        'Deleting',
        'Degraded',
        'Unknown',
    ):
        problems.append(
            f"{path}: must be one of 'Creating', 'Initializing', 'Pending', 'Running', 'Suspending', 'Suspended', 'Resuming', 'Completed', ..."
        )
