"""The 'PortRules-2' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

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

from controlplane_client.models.port_rules2_service_type import PortRules2ServiceType


@define(kw_only=True)
class PortRules2(ReceivedModel):
    """The 'PortRules-2' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'container': 'container',
        'external': 'external',
        'service_type': 'serviceType',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'container'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    container: int
    external: int | None | Unset = UNSET
    service_type: PortRules2ServiceType | Unset = PortRules2ServiceType.CLUSTER_IP
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> PortRules2:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        return {
            'container': INTEGER,
            'external': nullable(INTEGER),
            'service_type': enum_of(PortRules2ServiceType),
            'additional_properties': ANY,
        }


_validators = validators('controlplane_client')


def validate_port_rules2(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'PortRules-2'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'container' not in value or (v := value['container']) is UNSET:
        problems.append(f"{path}.container: is required")
    else:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.container: must be an integer")
        else:
            if v < 1:
                problems.append(f"{path}.container: must be >= 1")
            if v > 65535:
                problems.append(f"{path}.container: must be <= 65535")
            if not is_int32(v):
                problems.append(f"{path}.container: must fit in int32")
    if 'external' in value and (v := value['external']) is not UNSET and v is not None:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.external: must be an integer")
        else:
            if v < 1:
                problems.append(f"{path}.external: must be >= 1")
            if v > 65535:
                problems.append(f"{path}.external: must be <= 65535")
            if not is_int32(v):
                problems.append(f"{path}.external: must fit in int32")
    if 'serviceType' in value and (v := value['serviceType']) is not UNSET:
        _validators['port_rules2_service_type'](v, f"{path}.serviceType", problems)

