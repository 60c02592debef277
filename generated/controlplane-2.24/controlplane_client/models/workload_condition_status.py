"""The 'WorkloadConditionStatus' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class WorkloadConditionStatus(OpenStrEnum):
    """The 'WorkloadConditionStatus' schema."""

    TRUE = 'True'
    FALSE = 'False'
    UNKNOWN = 'Unknown'


def validate_workload_condition_status(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'WorkloadConditionStatus'."""
    if value not in ('True', 'False', 'Unknown'):
        problems.append(f"{path}: must be one of 'True', 'False', 'Unknown'")
