"""The 'PortType' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class PortType(OpenStrEnum):
    """The 'PortType' schema."""

    HTTP = 'HTTP'
    TCP = 'TCP'


def validate_port_type(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'PortType'."""
    if value not in ('HTTP', 'TCP'):
        problems.append(f"{path}: must be one of 'HTTP', 'TCP'")
