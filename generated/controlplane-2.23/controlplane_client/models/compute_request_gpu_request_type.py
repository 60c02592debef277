"""The 'ComputeRequestGpuRequestType' schema."""

from __future__ import annotations

from specloom_runtime import OpenStrEnum


class ComputeRequestGpuRequestType(OpenStrEnum):
    """How a fraction of a GPU is requested; None requests whole devices."""

    NONE = 'None'
    PORTION = 'portion'
    MEMORY = 'memory'
