"""The 'GetPodPodRuntime' schema."""

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
    as_json,
    is_int32,
    is_integer,
    list_of,
    model_of,
    model_to_dict,
    validators,
)

if TYPE_CHECKING:
    from gpucloud_client.models.get_pod_pod_runtime_ports import GetPodPodRuntimePorts


@define(kw_only=True)
class GetPodPodRuntime(ReceivedModel):
    """The 'GetPodPodRuntime' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {'uptime_in_seconds': 'uptimeInSeconds', 'ports': 'ports'}
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'ports', 'uptimeInSeconds'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    uptime_in_seconds: int
    ports: list[GetPodPodRuntimePorts]
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> GetPodPodRuntime:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from gpucloud_client.models.get_pod_pod_runtime_ports import (
            GetPodPodRuntimePorts,
        )

        return {
            'uptime_in_seconds': INTEGER,
            'ports': list_of(model_of(GetPodPodRuntimePorts)),
            'additional_properties': ANY,
        }


_validators = validators('gpucloud_client')


def validate_get_pod_pod_runtime(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'GetPodPodRuntime'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'uptimeInSeconds' not in value or (v := value['uptimeInSeconds']) is UNSET:
        problems.append(f"{path}.uptimeInSeconds: is required")
    else:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.uptimeInSeconds: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.uptimeInSeconds: must fit in int32")
    if 'ports' not in value or (v := value['ports']) is UNSET:
        problems.append(f"{path}.ports: is required")
    else:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.ports: must be an array")
        else:
            for i1, x1 in enumerate(v):
                _validators['get_pod_pod_runtime_ports'](x1, f"{path}.ports[{i1}]", problems)

