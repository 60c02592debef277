"""The 'WorkloadType' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class WorkloadType(OpenStrEnum):
    """The 'WorkloadType' schema."""

    TRAINING = 'Training'
    WORKSPACE = 'Workspace'
    INFERENCE = 'Inference'
    DISTRIBUTED = 'Distributed'


def validate_workload_type(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'WorkloadType'."""
    if value not in ('Training', 'Workspace', 'Inference', 'Distributed'):
        problems.append(f"{path}: must be one of 'Training', 'Workspace', 'Inference', 'Distributed'")
