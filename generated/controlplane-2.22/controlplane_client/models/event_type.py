"""The 'EventType' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class EventType(OpenStrEnum):
    """The 'EventType' schema."""

    NORMAL = 'Normal'
    WARNING = 'Warning'


def validate_event_type(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'EventType'."""
    if value not in ('Normal', 'Warning'):
        problems.append(f"{path}: must be one of 'Normal', 'Warning'")
