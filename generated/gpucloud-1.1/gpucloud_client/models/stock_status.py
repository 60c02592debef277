"""The 'StockStatus' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class StockStatus(OpenStrEnum):
    """The 'StockStatus' schema."""

    HIGH = 'HIGH'
    MEDIUM = 'MEDIUM'
    LOW = 'LOW'


def validate_stock_status(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'StockStatus'."""
    if value not in ('HIGH', 'MEDIUM', 'LOW'):
        problems.append(f"{path}: must be one of 'HIGH', 'MEDIUM', 'LOW'")
