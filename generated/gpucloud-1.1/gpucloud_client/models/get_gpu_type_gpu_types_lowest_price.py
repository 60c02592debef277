"""The 'GetGpuTypeGpuTypesLowestPrice' schema."""

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
    enum_of,
    is_int32,
    is_integer,
    model_to_dict,
    nullable,
    validators,
)

if TYPE_CHECKING:
    from gpucloud_client.models.stock_status import StockStatus


@define(kw_only=True)
class GetGpuTypeGpuTypesLowestPrice(ReceivedModel):
    """The 'GetGpuTypeGpuTypesLowestPrice' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'gpu_name': 'gpuName',
        'gpu_type_id': 'gpuTypeId',
        'minimum_bid_price': 'minimumBidPrice',
        'uninterruptable_price': 'uninterruptablePrice',
        'min_memory': 'minMemory',
        'min_vcpu': 'minVcpu',
        'stock_status': 'stockStatus',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset(
        {'gpuName', 'gpuTypeId', 'minMemory', 'minVcpu', 'minimumBidPrice', 'stockStatus', 'uninterruptablePrice'}
    )
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    gpu_name: str
    gpu_type_id: str
    minimum_bid_price: str | None
    uninterruptable_price: str | None
    min_memory: int | None
    min_vcpu: int | None
    stock_status: StockStatus | None
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> GetGpuTypeGpuTypesLowestPrice:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from gpucloud_client.models.stock_status import StockStatus

        return {
            'gpu_name': STRING,
            'gpu_type_id': STRING,
            'minimum_bid_price': nullable(STRING),
            'uninterruptable_price': nullable(STRING),
            'min_memory': nullable(INTEGER),
            'min_vcpu': nullable(INTEGER),
            'stock_status': nullable(enum_of(StockStatus)),
            'additional_properties': ANY,
        }


_validators = validators('gpucloud_client')


def validate_get_gpu_type_gpu_types_lowest_price(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'GetGpuTypeGpuTypesLowestPrice'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'gpuName' not in value or (v := value['gpuName']) is UNSET:
        problems.append(f"{path}.gpuName: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.gpuName: must be a string")
    if 'gpuTypeId' not in value or (v := value['gpuTypeId']) is UNSET:
        problems.append(f"{path}.gpuTypeId: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.gpuTypeId: must be a string")
    if 'minimumBidPrice' not in value or (v := value['minimumBidPrice']) is UNSET:
        problems.append(f"{path}.minimumBidPrice: is required")
    elif v is not None and not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.minimumBidPrice: must be a string")
    if 'uninterruptablePrice' not in value or (v := value['uninterruptablePrice']) is UNSET:
        problems.append(f"{path}.uninterruptablePrice: is required")
    elif v is not None and not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.uninterruptablePrice: must be a string")
    if 'minMemory' not in value or (v := value['minMemory']) is UNSET:
        problems.append(f"{path}.minMemory: is required")
    elif v is not None:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.minMemory: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.minMemory: must fit in int32")
    if 'minVcpu' not in value or (v := value['minVcpu']) is UNSET:
        problems.append(f"{path}.minVcpu: is required")
    elif v is not None:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.minVcpu: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.minVcpu: must fit in int32")
    if 'stockStatus' not in value or (v := value['stockStatus']) is UNSET:
        problems.append(f"{path}.stockStatus: is required")
    elif v is not None:
        _validators['stock_status'](v, f"{path}.stockStatus", problems)

