"""The 'WorkloadSpecImagePullPolicy' schema."""

from __future__ import annotations

from specloom_runtime import OpenStrEnum


class WorkloadSpecImagePullPolicy(OpenStrEnum):
    """The 'WorkloadSpecImagePullPolicy' schema."""

    ALWAYS = 'Always'
    IF_NOT_PRESENT = 'IfNotPresent'
    NEVER = 'Never'
