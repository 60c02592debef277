"""The 'GetPodPodRuntimePorts' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    BOOLEAN,
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
    validators,
)

if TYPE_CHECKING:
    from gpucloud_client.models.port_type import PortType


@define(kw_only=True)
class GetPodPodRuntimePorts(ReceivedModel):
    """The 'GetPodPodRuntimePorts' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'ip': 'ip',
        'is_ip_public': 'isIpPublic',
        'private_port': 'privatePort',
        'public_port': 'publicPort',
        'type_': 'type',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'ip', 'isIpPublic', 'privatePort', 'publicPort', 'type'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    ip: str
    is_ip_public: bool
    private_port: int
    public_port: int
    type_: PortType
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> GetPodPodRuntimePorts:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from gpucloud_client.models.port_type import PortType

        return {
            'ip': STRING,
            'is_ip_public': BOOLEAN,
            'private_port': INTEGER,
            'public_port': INTEGER,
            'type_': enum_of(PortType),
            'additional_properties': ANY,
        }


_validators = validators('gpucloud_client')


def validate_get_pod_pod_runtime_ports(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'GetPodPodRuntimePorts'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'ip' not in value or (v := value['ip']) is UNSET:
        problems.append(f"{path}.ip: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.ip: must be a string")
    if 'isIpPublic' not in value or (v := value['isIpPublic']) is UNSET:
        problems.append(f"{path}.isIpPublic: is required")
    elif not isinstance(v, bool) and not isinstance(v := as_json(v), bool):
        problems.append(f"{path}.isIpPublic: must be a boolean")
    if 'privatePort' not in value or (v := value['privatePort']) is UNSET:
        problems.append(f"{path}.privatePort: is required")
    else:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.privatePort: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.privatePort: must fit in int32")
    if 'publicPort' not in value or (v := value['publicPort']) is UNSET:
        problems.append(f"{path}.publicPort: is required")
    else:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.publicPort: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.publicPort: must fit in int32")
    if 'type' not in value or (v := value['type']) is UNSET:
        problems.append(f"{path}.type: is required")
    else:
        _validators['port_type'](v, f"{path}.type", problems)

