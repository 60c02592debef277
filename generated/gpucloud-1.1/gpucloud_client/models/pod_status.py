"""The 'PodStatus' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class PodStatus(OpenStrEnum):
    """What a pod was asked to be; the machine reports the rest through `runtime`."""

    CREATED = 'CREATED'
    RUNNING = 'RUNNING'
    RESTARTING = 'RESTARTING'
    EXITED = 'EXITED'
    PAUSED = 'PAUSED'
    DEAD = 'DEAD'
    TERMINATED = 'TERMINATED'


def validate_pod_status(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'PodStatus'."""
    if value not in ('CREATED', 'RUNNING', 'RESTARTING', 'EXITED', 'PAUSED', 'DEAD', 'TERMINATED'):
        problems.append(
            f"{path}: must be one of 'CREATED', 'RUNNING', 'RESTARTING', 'EXITED', 'PAUSED', 'DEAD', 'TERMINATED'"
        )
