"""The 'NodePoolPlacementStrategyGpu' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class NodePoolPlacementStrategyGpu(OpenStrEnum):
    """The 'NodePoolPlacementStrategyGpu' schema."""

    BINPACK = 'binpack'
    SPREAD = 'spread'
    EMPTY = ''


def validate_node_pool_placement_strategy_gpu(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'NodePoolPlacementStrategyGpu'."""
    if value not in ('binpack', 'spread', ''):
        problems.append(f"{path}: must be one of 'binpack', 'spread', ''")
