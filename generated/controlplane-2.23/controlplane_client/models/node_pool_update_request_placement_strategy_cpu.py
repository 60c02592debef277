"""The 'NodePoolUpdateRequestPlacementStrategyCpu' schema."""

from __future__ import annotations

from specloom_runtime import OpenStrEnum


class NodePoolUpdateRequestPlacementStrategyCpu(OpenStrEnum):
    """The 'NodePoolUpdateRequestPlacementStrategyCpu' schema."""

    BINPACK = 'binpack'
    SPREAD = 'spread'
    EMPTY = ''
