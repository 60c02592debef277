"""The 'PvcVolumeKind' schema."""

from __future__ import annotations

from specloom_runtime import OpenStrEnum


class PvcVolumeKind(OpenStrEnum):
    """The 'PvcVolumeKind' schema."""

    PVC = 'pvc'
