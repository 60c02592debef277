"""The 'NodePoolPlacementStrategyGpu' schema."""

from __future__ import annotations

from specloom_runtime import OpenStrEnum


class NodePoolPlacementStrategyGpu(OpenStrEnum):
    """The 'NodePoolPlacementStrategyGpu' schema."""

    BINPACK = 'binpack'
    SPREAD = 'spread'
    EMPTY = ''
