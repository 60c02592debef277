"""The 'PvcVolumeKind' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class PvcVolumeKind(OpenStrEnum):
    """The 'PvcVolumeKind' schema."""

    PVC = 'pvc'


def validate_pvc_volume_kind(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'PvcVolumeKind'."""
    if value not in ('pvc',):
        problems.append(f"{path}: must be one of 'pvc'")
