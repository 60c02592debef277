"""The 'ScalerType' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class ScalerType(OpenStrEnum):
    """How a serverless endpoint decides to add workers."""

    QUEUE_DELAY = 'QUEUE_DELAY'
    REQUEST_COUNT = 'REQUEST_COUNT'


def validate_scaler_type(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'ScalerType'."""
    if value not in ('QUEUE_DELAY', 'REQUEST_COUNT'):
        problems.append(f"{path}: must be one of 'QUEUE_DELAY', 'REQUEST_COUNT'")
