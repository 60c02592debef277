"""The 'ComputeRequest' schema."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    BOOLEAN,
    INTEGER,
    NUMBER,
    STRING,
    UNSET,
    Codec,
    ReceivedModel,
    Unset,
    as_json,
    enum_of,
    is_int32,
    is_int64,
    is_integer,
    is_multiple,
    is_number,
    map_of,
    model_to_dict,
    nullable,
    validators,
)

from controlplane_client.models.compute_request_gpu_request_type import (
    ComputeRequestGpuRequestType,
)


@define(kw_only=True)
class ComputeRequest(ReceivedModel):
    """The 'ComputeRequest' schema."""

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
    def from_dict(cls, src: Mapping[str, Any]) -> ComputeRequest:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        return {
            'gpu_devices_request': nullable(INTEGER),
            'gpu_request_type': enum_of(ComputeRequestGpuRequestType),
            'gpu_portion_request': nullable(NUMBER),
            'gpu_memory': nullable(STRING),
            'cpu_core_request': nullable(NUMBER),
            'cpu_memory_request': nullable(STRING),
            'large_shm_request': BOOLEAN,
            'shm_size_mib': nullable(INTEGER),
            'extended_resources': map_of(INTEGER),
            'additional_properties': ANY,
        }


_validators = validators('controlplane_client')


def validate_compute_request(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'ComputeRequest'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'gpuDevicesRequest' in value and (v := value['gpuDevicesRequest']) is not UNSET and v is not None:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.gpuDevicesRequest: must be an integer")
        else:
            if v < 0:
                problems.append(f"{path}.gpuDevicesRequest: must be >= 0")
            if not is_int32(v):
                problems.append(f"{path}.gpuDevicesRequest: must fit in int32")
    if 'gpuRequestType' in value and (v := value['gpuRequestType']) is not UNSET:
        _validators['compute_request_gpu_request_type'](v, f"{path}.gpuRequestType", problems)
    if 'gpuPortionRequest' in value and (v := value['gpuPortionRequest']) is not UNSET and v is not None:
        if not is_number(v) and not is_number(v := as_json(v)):
            problems.append(f"{path}.gpuPortionRequest: must be a number")
        else:
            if v < 0:
                problems.append(f"{path}.gpuPortionRequest: must be >= 0")
            if v > 1:
                problems.append(f"{path}.gpuPortionRequest: must be <= 1")
    if 'gpu-memory' in value and (v := value['gpu-memory']) is not UNSET and v is not None:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.gpu-memory: must be a string")
        elif re.search('^[0-9]+(Mi|Gi)$', v) is None:
            problems.append(f"{path}.gpu-memory: must match the pattern ^[0-9]+(Mi|Gi)$")
    if 'cpuCoreRequest' in value and (v := value['cpuCoreRequest']) is not UNSET and v is not None:
        if not is_number(v) and not is_number(v := as_json(v)):
            problems.append(f"{path}.cpuCoreRequest: must be a number")
        elif v <= 0:
            problems.append(f"{path}.cpuCoreRequest: must be > 0")
    if 'cpuMemoryRequest' in value and (v := value['cpuMemoryRequest']) is not UNSET and v is not None:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.cpuMemoryRequest: must be a string")
        elif re.search('^[0-9]+(Mi|Gi)$', v) is None:
            problems.append(f"{path}.cpuMemoryRequest: must match the pattern ^[0-9]+(Mi|Gi)$")
    if (
        'largeShmRequest' in value
        and (v := value['largeShmRequest']) is not UNSET
        and not isinstance(v, bool)
        and not isinstance(v := as_json(v), bool)
    ):
        problems.append(f"{path}.largeShmRequest: must be a boolean")
    if 'shmSizeMib' in value and (v := value['shmSizeMib']) is not UNSET and v is not None:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.shmSizeMib: must be an integer")
        else:
            if v < 64:
                problems.append(f"{path}.shmSizeMib: must be >= 64")
            if not is_multiple(v, 64):
                problems.append(f"{path}.shmSizeMib: must be a multiple of 64")
            if not is_int32(v):
                problems.append(f"{path}.shmSizeMib: must fit in int32")
    if 'extendedResources' in value and (v := value['extendedResources']) is not UNSET:
        if not isinstance(v, dict) and not isinstance(v := as_json(v), dict):
            problems.append(f"{path}.extendedResources: must be an object")
        else:
            for k1, x1 in v.items():
                if not is_integer(x1) and not is_integer(x1 := as_json(x1)):
                    problems.append(f"{path}.extendedResources.{k1}: must be an integer")
                else:
                    if x1 < 0:
                        problems.append(f"{path}.extendedResources.{k1}: must be >= 0")
                    if not is_int64(x1):
                        problems.append(f"{path}.extendedResources.{k1}: must fit in int64")

