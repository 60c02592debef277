"""The 'GpuLowestPriceInput' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    INTEGER,
    UNSET,
    Codec,
    ReceivedModel,
    Unset,
    as_json,
    enum_of,
    is_int32,
    is_integer,
    model_to_dict,
    nullable,
    validators,
)

if TYPE_CHECKING:
    from gpucloud_client.models.cloud_type import CloudType


@define(kw_only=True)
class GpuLowestPriceInput(ReceivedModel):
    """The 'GpuLowestPriceInput' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'gpu_count': 'gpuCount',
        'cloud_type': 'cloudType',
        'min_memory_in_gb': 'minMemoryInGb',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'gpuCount'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    gpu_count: int
    cloud_type: CloudType | None | Unset = UNSET
    min_memory_in_gb: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> GpuLowestPriceInput:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from gpucloud_client.models.cloud_type import CloudType

        return {
            'gpu_count': INTEGER,
            'cloud_type': nullable(enum_of(CloudType)),
            'min_memory_in_gb': nullable(INTEGER),
            'additional_properties': ANY,
        }


_validators = validators('gpucloud_client')


def validate_gpu_lowest_price_input(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'GpuLowestPriceInput'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'gpuCount' not in value or (v := value['gpuCount']) is UNSET:
        problems.append(f"{path}.gpuCount: is required")
    else:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.gpuCount: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.gpuCount: must fit in int32")
    if 'cloudType' in value and (v := value['cloudType']) is not UNSET and v is not None:
        _validators['cloud_type'](v, f"{path}.cloudType", problems)
    if 'minMemoryInGb' in value and (v := value['minMemoryInGb']) is not UNSET and v is not None:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.minMemoryInGb: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.minMemoryInGb: must fit in int32")
    for k in value:
        if k not in {'gpuCount', 'cloudType', 'minMemoryInGb'}:
            problems.append(f"{path}.{k}: is not allowed (no additional properties)")

