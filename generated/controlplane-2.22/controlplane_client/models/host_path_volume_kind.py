"""The 'HostPathVolumeKind' schema."""

from __future__ import annotations

from specloom_runtime import OpenStrEnum


class HostPathVolumeKind(OpenStrEnum):
    """The 'HostPathVolumeKind' schema."""

    HOST_PATH = 'hostPath'
