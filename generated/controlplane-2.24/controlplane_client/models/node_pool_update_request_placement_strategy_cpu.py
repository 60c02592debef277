"""The 'NodePoolUpdateRequestPlacementStrategyCpu' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class NodePoolUpdateRequestPlacementStrategyCpu(OpenStrEnum):
    """The 'NodePoolUpdateRequestPlacementStrategyCpu' schema."""

    BINPACK = 'binpack'
    SPREAD = 'spread'
    EMPTY = ''


def validate_node_pool_update_request_placement_strategy_cpu(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'NodePoolUpdateRequestPlacementStrategyCpu'."""
    if value not in ('binpack', 'spread', ''):
        problems.append(f"{path}: must be one of 'binpack', 'spread', ''")
