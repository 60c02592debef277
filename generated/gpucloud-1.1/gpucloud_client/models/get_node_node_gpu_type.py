"""The 'GetNodeNodeGpuType' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    INTEGER,
    STRING,
    UNSET,
    Codec,
    ReceivedModel,
    as_json,
    is_int32,
    is_integer,
    model_to_dict,
)


@define(kw_only=True)
class GetNodeNodeGpuType(ReceivedModel):
    """The 'GetNodeNodeGpuType' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'typename': '__typename',
        'id': 'id',
        'display_name': 'displayName',
        'memory_in_gb': 'memoryInGb',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'__typename', 'displayName', 'id', 'memoryInGb'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    typename: str
    id: str
    display_name: str
    memory_in_gb: int
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> GetNodeNodeGpuType:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        return {
            'typename': STRING,
            'id': STRING,
            'display_name': STRING,
            'memory_in_gb': INTEGER,
            'additional_properties': ANY,
        }


def validate_get_node_node_gpu_type(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'GetNodeNodeGpuType'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if '__typename' not in value or (v := value['__typename']) is UNSET:
        problems.append(f"{path}.__typename: is required")
    else:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.__typename: must be a string")
        elif v not in ('GpuType',):
            problems.append(f"{path}.__typename: must be one of 'GpuType'")
    if 'id' not in value or (v := value['id']) is UNSET:
        problems.append(f"{path}.id: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.id: must be a string")
    if 'displayName' not in value or (v := value['displayName']) is UNSET:
        problems.append(f"{path}.displayName: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.displayName: must be a string")
    if 'memoryInGb' not in value or (v := value['memoryInGb']) is UNSET:
        problems.append(f"{path}.memoryInGb: is required")
    else:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.memoryInGb: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.memoryInGb: must fit in int32")

