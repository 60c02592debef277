"""The 'WorkloadPhase' schema."""

from __future__ import annotations

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
    TERMINATING = 'Terminating'
    DEGRADED = 'Degraded'
    UNKNOWN = 'Unknown'
