"""The 'StorageVolume' schema."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from controlplane_client.models.host_path_volume import HostPathVolume
    from controlplane_client.models.pvc_volume import PvcVolume

StorageVolume: TypeAlias = 'PvcVolume | HostPathVolume'
"""One volume mounted into the workload."""
