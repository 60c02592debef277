"""The 'NodePoolUpdateRequestPlacementStrategyGpu' schema."""

from __future__ import annotations

from specloom_runtime import OpenStrEnum


class NodePoolUpdateRequestPlacementStrategyGpu(OpenStrEnum):
    """The 'NodePoolUpdateRequestPlacementStrategyGpu' schema."""

    BINPACK = 'binpack'
    SPREAD = 'spread'
    EMPTY = ''
