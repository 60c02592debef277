"""The 'StorageVolume' schema."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeAlias

from specloom_runtime import validators

if TYPE_CHECKING:
    from controlplane_client.models.host_path_volume import HostPathVolume
    from controlplane_client.models.pvc_volume import PvcVolume

StorageVolume: TypeAlias = 'PvcVolume | HostPathVolume'
"""One volume mounted into the workload."""


_validators = validators('controlplane_client')


def validate_storage_volume(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'StorageVolume'."""
    fits0 = 0
    tried0 = list[str]()
    _validators['pvc_volume'](value, f"{path}", tried0)
    fits0 += not tried0
    tried0 = list[str]()
    _validators['host_path_volume'](value, f"{path}", tried0)
    fits0 += not tried0
    if fits0 == 0:
        problems.append(f"{path}: matches none of the allowed shapes")
    elif fits0 > 1:
        problems.append(f"{path}: matches more than one of the allowed shapes (oneOf)")
