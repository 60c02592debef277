"""The 'HostPathVolumeMountPropagation' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class HostPathVolumeMountPropagation(OpenStrEnum):
    """The 'HostPathVolumeMountPropagation' schema."""

    NONE = 'None'
    HOST_TO_CONTAINER = 'HostToContainer'
    BIDIRECTIONAL = 'Bidirectional'


def validate_host_path_volume_mount_propagation(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'HostPathVolumeMountPropagation'."""
    if value not in ('None', 'HostToContainer', 'Bidirectional'):
        problems.append(f"{path}: must be one of 'None', 'HostToContainer', 'Bidirectional'")
