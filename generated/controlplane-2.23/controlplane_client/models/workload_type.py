"""The 'WorkloadType' schema."""

from __future__ import annotations

from specloom_runtime import OpenStrEnum


class WorkloadType(OpenStrEnum):
    """The 'WorkloadType' schema."""

    TRAINING = 'Training'
    WORKSPACE = 'Workspace'
    INFERENCE = 'Inference'
    DISTRIBUTED = 'Distributed'
