"""The 'ComputeRequestGpuRequestType' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class ComputeRequestGpuRequestType(OpenStrEnum):
    """How a fraction of a GPU is requested; None requests whole devices."""

    NONE = 'None'
    PORTION = 'portion'
    MEMORY = 'memory'


def validate_compute_request_gpu_request_type(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'ComputeRequestGpuRequestType'."""
    if value not in ('None', 'portion', 'memory'):
        problems.append(f"{path}: must be one of 'None', 'portion', 'memory'")
