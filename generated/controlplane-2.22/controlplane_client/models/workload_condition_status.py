"""The 'WorkloadConditionStatus' schema."""

from __future__ import annotations

from specloom_runtime import OpenStrEnum


class WorkloadConditionStatus(OpenStrEnum):
    """The 'WorkloadConditionStatus' schema."""

    TRUE = 'True'
    FALSE = 'False'
    UNKNOWN = 'Unknown'
