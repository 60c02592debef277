"""The 'HostPathVolumeKind' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class HostPathVolumeKind(OpenStrEnum):
    """The 'HostPathVolumeKind' schema."""

    HOST_PATH = 'hostPath'


def validate_host_path_volume_kind(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'HostPathVolumeKind'."""
    if value not in ('hostPath',):
        problems.append(f"{path}: must be one of 'hostPath'")
