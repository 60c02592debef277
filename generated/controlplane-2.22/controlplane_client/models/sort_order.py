"""The 'SortOrder' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class SortOrder(OpenStrEnum):
    """The 'SortOrder' schema."""

    ASC = 'asc'
    DESC = 'desc'


def validate_sort_order(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'SortOrder'."""
    if value not in ('asc', 'desc'):
        problems.append(f"{path}: must be one of 'asc', 'desc'")
