"""The 'HostPathVolumeMountPropagation' schema."""

from __future__ import annotations

from specloom_runtime import OpenStrEnum


class HostPathVolumeMountPropagation(OpenStrEnum):
    """The 'HostPathVolumeMountPropagation' schema."""

    NONE = 'None'
    HOST_TO_CONTAINER = 'HostToContainer'
    BIDIRECTIONAL = 'Bidirectional'
