"""The 'ListGpuTypesGpuTypesSecure' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    STRING,
    UNSET,
    Codec,
    ReceivedModel,
    as_json,
    enum_of,
    model_to_dict,
    nullable,
    validators,
)

if TYPE_CHECKING:
    from gpucloud_client.models.stock_status import StockStatus


@define(kw_only=True)
class ListGpuTypesGpuTypesSecure(ReceivedModel):
    """The 'ListGpuTypesGpuTypesSecure' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'uninterruptable_price': 'uninterruptablePrice',
        'stock_status': 'stockStatus',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'stockStatus', 'uninterruptablePrice'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    uninterruptable_price: str | None
    stock_status: StockStatus | None
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> ListGpuTypesGpuTypesSecure:
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
            'uninterruptable_price': nullable(STRING),
            'stock_status': nullable(enum_of(StockStatus)),
            'additional_properties': ANY,
        }


_validators = validators('gpucloud_client')


def validate_list_gpu_types_gpu_types_secure(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'ListGpuTypesGpuTypesSecure'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'uninterruptablePrice' not in value or (v := value['uninterruptablePrice']) is UNSET:
        problems.append(f"{path}.uninterruptablePrice: is required")
    elif v is not None and not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.uninterruptablePrice: must be a string")
    if 'stockStatus' not in value or (v := value['stockStatus']) is UNSET:
        problems.append(f"{path}.stockStatus: is required")
    elif v is not None:
        _validators['stock_status'](v, f"{path}.stockStatus", problems)

