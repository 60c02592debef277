"""The 'WorkloadSpecImagePullPolicy' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class WorkloadSpecImagePullPolicy(OpenStrEnum):
    """The 'WorkloadSpecImagePullPolicy' schema."""

    ALWAYS = 'Always'
    IF_NOT_PRESENT = 'IfNotPresent'
    NEVER = 'Never'


def validate_workload_spec_image_pull_policy(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'WorkloadSpecImagePullPolicy'."""
    if value not in ('Always', 'IfNotPresent', 'Never'):
        problems.append(f"{path}: must be one of 'Always', 'IfNotPresent', 'Never'")
