"""The 'WorkloadCompute' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from attrs import define, field
from specloom_runtime import UNSET, Unset, model_to_dict

from controlplane_client.models.compute_request_gpu_request_type import (
    ComputeRequestGpuRequestType,
)


@define(kw_only=True)
class WorkloadCompute:
    """The compute the workload asked for."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'gpu_devices_request': 'gpuDevicesRequest',
        'gpu_request_type': 'gpuRequestType',
        'gpu_portion_request': 'gpuPortionRequest',
        'gpu_memory': 'gpu-memory',
        'cpu_core_request': 'cpuCoreRequest',
        'cpu_memory_request': 'cpuMemoryRequest',
        'large_shm_request': 'largeShmRequest',
        'shm_size_mib': 'shmSizeMib',
        'extended_resources': 'extendedResources',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset()
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    gpu_devices_request: int | None | Unset = UNSET
    gpu_request_type: ComputeRequestGpuRequestType | Unset = ComputeRequestGpuRequestType.NONE
    """How a fraction of a GPU is requested; None requests whole devices."""
    gpu_portion_request: float | None | Unset = UNSET
    gpu_memory: str | None | Unset = UNSET
    cpu_core_request: float | None | Unset = UNSET
    cpu_memory_request: str | None | Unset = UNSET
    large_shm_request: bool | Unset = False
    shm_size_mib: int | None | Unset = UNSET
    extended_resources: dict[str, int] | Unset = UNSET
    """Extra resource names and the quantity requested of each."""
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> WorkloadCompute:
        """Build the model from JSON data; unknown keys land in ``additional_properties``."""
        # Locals are "d", "v" and "_<attribute>": no property name can shadow them.
        d = dict(src)
        _gpu_devices_request = d.pop('gpuDevicesRequest', UNSET)
        v = d.pop('gpuRequestType', UNSET)
        _gpu_request_type = v if isinstance(v, Unset) else ComputeRequestGpuRequestType(v)
        _gpu_portion_request = d.pop('gpuPortionRequest', UNSET)
        _gpu_memory = d.pop('gpu-memory', UNSET)
        _cpu_core_request = d.pop('cpuCoreRequest', UNSET)
        _cpu_memory_request = d.pop('cpuMemoryRequest', UNSET)
        _large_shm_request = d.pop('largeShmRequest', UNSET)
        _shm_size_mib = d.pop('shmSizeMib', UNSET)
        _extended_resources = d.pop('extendedResources', UNSET)
        return cls(
            gpu_devices_request=_gpu_devices_request,
            gpu_request_type=_gpu_request_type,
            gpu_portion_request=_gpu_portion_request,
            gpu_memory=_gpu_memory,
            cpu_core_request=_cpu_core_request,
            cpu_memory_request=_cpu_memory_request,
            large_shm_request=_large_shm_request,
            shm_size_mib=_shm_size_mib,
            extended_resources=_extended_resources,
            additional_properties=d,
        )
