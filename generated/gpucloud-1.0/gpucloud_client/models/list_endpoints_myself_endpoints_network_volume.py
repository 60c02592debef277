"""The 'ListEndpointsMyselfEndpointsNetworkVolume' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    STRING,
    UNSET,
    Codec,
    ReceivedModel,
    as_json,
    model_to_dict,
)


@define(kw_only=True)
class ListEndpointsMyselfEndpointsNetworkVolume(ReceivedModel):
    """The 'ListEndpointsMyselfEndpointsNetworkVolume' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {'id': 'id', 'data_center_id': 'dataCenterId'}
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'dataCenterId', 'id'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    id: str
    data_center_id: str
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> ListEndpointsMyselfEndpointsNetworkVolume:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        return {
            'id': STRING,
            'data_center_id': STRING,
            'additional_properties': ANY,
        }


def validate_list_endpoints_myself_endpoints_network_volume(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'ListEndpointsMyselfEndpointsNetworkVolume'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'id' not in value or (v := value['id']) is UNSET:
        problems.append(f"{path}.id: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.id: must be a string")
    if 'dataCenterId' not in value or (v := value['dataCenterId']) is UNSET:
        problems.append(f"{path}.dataCenterId: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.dataCenterId: must be a string")

