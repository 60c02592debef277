"""The 'GetGpuType' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    UNSET,
    Codec,
    ReceivedModel,
    as_json,
    list_of,
    model_of,
    model_to_dict,
    validators,
)

if TYPE_CHECKING:
    from gpucloud_client.models.get_gpu_type_gpu_types import GetGpuTypeGpuTypes


@define(kw_only=True)
class GetGpuType(ReceivedModel):
    """The 'GetGpuType' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {'gpu_types': 'gpuTypes'}
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'gpuTypes'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    gpu_types: list[GetGpuTypeGpuTypes]
    """The GPU types on offer; all of them without a filter."""
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> GetGpuType:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from gpucloud_client.models.get_gpu_type_gpu_types import GetGpuTypeGpuTypes

        return {
            'gpu_types': list_of(model_of(GetGpuTypeGpuTypes)),
            'additional_properties': ANY,
        }


_validators = validators('gpucloud_client')


def validate_get_gpu_type(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'GetGpuType'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'gpuTypes' not in value or (v := value['gpuTypes']) is UNSET:
        problems.append(f"{path}.gpuTypes: is required")
    else:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.gpuTypes: must be an array")
        else:
            for i1, x1 in enumerate(v):
                _validators['get_gpu_type_gpu_types'](x1, f"{path}.gpuTypes[{i1}]", problems)

