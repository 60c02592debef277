"""The 'SortOrder' schema."""

from __future__ import annotations

from specloom_runtime import OpenStrEnum


class SortOrder(OpenStrEnum):
    """The 'SortOrder' schema."""

    ASC = 'asc'
    DESC = 'desc'
