"""The 'HostPathVolume' schema."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    STRING,
    UNSET,
    Codec,
    ReceivedModel,
    Unset,
    as_json,
    enum_of,
    model_to_dict,
    validators,
)

from controlplane_client.models.host_path_volume_mount_propagation import (
    HostPathVolumeMountPropagation,
)

if TYPE_CHECKING:
    from controlplane_client.models.host_path_volume_kind import HostPathVolumeKind


@define(kw_only=True)
class HostPathVolume(ReceivedModel):
    """The 'HostPathVolume' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'kind': 'kind',
        'host_path': 'hostPath',
        'path': 'path',
        'mount_propagation': 'mountPropagation',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'hostPath', 'kind', 'path'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    kind: HostPathVolumeKind
    host_path: str
    path: str
    mount_propagation: HostPathVolumeMountPropagation | Unset = HostPathVolumeMountPropagation.NONE
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> HostPathVolume:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from controlplane_client.models.host_path_volume_kind import HostPathVolumeKind

        return {
            'kind': enum_of(HostPathVolumeKind),
            'host_path': STRING,
            'path': STRING,
            'mount_propagation': enum_of(HostPathVolumeMountPropagation),
            'additional_properties': ANY,
        }


_validators = validators('controlplane_client')


def validate_host_path_volume(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'HostPathVolume'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'kind' not in value or (v := value['kind']) is UNSET:
        problems.append(f"{path}.kind: is required")
    else:
        _validators['host_path_volume_kind'](v, f"{path}.kind", problems)
    if 'hostPath' not in value or (v := value['hostPath']) is UNSET:
        problems.append(f"{path}.hostPath: is required")
    else:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.hostPath: must be a string")
        elif re.search('^/', v) is None:
            problems.append(f"{path}.hostPath: must match the pattern ^/")
    if 'path' not in value or (v := value['path']) is UNSET:
        problems.append(f"{path}.path: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.path: must be a string")
    if 'mountPropagation' in value and (v := value['mountPropagation']) is not UNSET:
        _validators['host_path_volume_mount_propagation'](v, f"{path}.mountPropagation", problems)

