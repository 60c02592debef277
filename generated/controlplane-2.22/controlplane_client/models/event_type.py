"""The 'EventType' schema."""

from __future__ import annotations

from specloom_runtime import OpenStrEnum


class EventType(OpenStrEnum):
    """The 'EventType' schema."""

    NORMAL = 'Normal'
    WARNING = 'Warning'
