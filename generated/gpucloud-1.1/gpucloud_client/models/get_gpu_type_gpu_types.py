"""The 'GetGpuTypeGpuTypes' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

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
    model_of,
    model_to_dict,
    nullable,
    validators,
)

if TYPE_CHECKING:
    from gpucloud_client.models.get_gpu_type_gpu_types_lowest_price import (
        GetGpuTypeGpuTypesLowestPrice,
    )


@define(kw_only=True)
class GetGpuTypeGpuTypes(ReceivedModel):
    """The 'GetGpuTypeGpuTypes' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'id': 'id',
        'display_name': 'displayName',
        'manufacturer': 'manufacturer',
        'memory_in_gb': 'memoryInGb',
        'max_gpu_count': 'maxGpuCount',
        'secure_price': 'securePrice',
        'community_price': 'communityPrice',
        'one_month_price': 'oneMonthPrice',
        'lowest_price': 'lowestPrice',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset(
        {
            'communityPrice',
            'displayName',
            'id',
            'lowestPrice',
            'manufacturer',
            'maxGpuCount',
            'memoryInGb',
            'oneMonthPrice',
            'securePrice',
        }
    )
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    id: str
    display_name: str
    manufacturer: str
    memory_in_gb: int
    max_gpu_count: int
    secure_price: str | None
    community_price: str | None
    one_month_price: str | None
    lowest_price: GetGpuTypeGpuTypesLowestPrice | None
    """The cheapest offer for `input.gpuCount` GPUs of this type; `null` when there is none."""
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> GetGpuTypeGpuTypes:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from gpucloud_client.models.get_gpu_type_gpu_types_lowest_price import (
            GetGpuTypeGpuTypesLowestPrice,
        )

        return {
            'id': STRING,
            'display_name': STRING,
            'manufacturer': STRING,
            'memory_in_gb': INTEGER,
            'max_gpu_count': INTEGER,
            'secure_price': nullable(STRING),
            'community_price': nullable(STRING),
            'one_month_price': nullable(STRING),
            'lowest_price': nullable(model_of(GetGpuTypeGpuTypesLowestPrice)),
            'additional_properties': ANY,
        }


_validators = validators('gpucloud_client')


def validate_get_gpu_type_gpu_types(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'GetGpuTypeGpuTypes'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'id' not in value or (v := value['id']) is UNSET:
        problems.append(f"{path}.id: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.id: must be a string")
    if 'displayName' not in value or (v := value['displayName']) is UNSET:
        problems.append(f"{path}.displayName: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.displayName: must be a string")
    if 'manufacturer' not in value or (v := value['manufacturer']) is UNSET:
        problems.append(f"{path}.manufacturer: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.manufacturer: must be a string")
    if 'memoryInGb' not in value or (v := value['memoryInGb']) is UNSET:
        problems.append(f"{path}.memoryInGb: is required")
    else:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.memoryInGb: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.memoryInGb: must fit in int32")
    if 'maxGpuCount' not in value or (v := value['maxGpuCount']) is UNSET:
        problems.append(f"{path}.maxGpuCount: is required")
    else:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.maxGpuCount: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.maxGpuCount: must fit in int32")
    if 'securePrice' not in value or (v := value['securePrice']) is UNSET:
        problems.append(f"{path}.securePrice: is required")
    elif v is not None and not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.securePrice: must be a string")
    if 'communityPrice' not in value or (v := value['communityPrice']) is UNSET:
        problems.append(f"{path}.communityPrice: is required")
    elif v is not None and not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.communityPrice: must be a string")
    if 'oneMonthPrice' not in value or (v := value['oneMonthPrice']) is UNSET:
        problems.append(f"{path}.oneMonthPrice: is required")
    elif v is not None and not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.oneMonthPrice: must be a string")
    if 'lowestPrice' not in value or (v := value['lowestPrice']) is UNSET:
        problems.append(f"{path}.lowestPrice: is required")
    elif v is not None:
        _validators['get_gpu_type_gpu_types_lowest_price'](v, f"{path}.lowestPrice", problems)

