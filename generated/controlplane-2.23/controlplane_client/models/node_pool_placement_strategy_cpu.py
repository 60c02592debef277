"""The 'NodePoolPlacementStrategyCpu' schema."""

from __future__ import annotations

from specloom_runtime import OpenStrEnum


class NodePoolPlacementStrategyCpu(OpenStrEnum):
    """The 'NodePoolPlacementStrategyCpu' schema."""

    BINPACK = 'binpack'
    SPREAD = 'spread'
    EMPTY = ''
