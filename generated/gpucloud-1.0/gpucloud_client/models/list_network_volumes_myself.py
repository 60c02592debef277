"""The 'ListNetworkVolumesMyself' schema."""

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
    list_of,
    model_of,
    model_to_dict,
    nullable,
    validators,
)

if TYPE_CHECKING:
    from gpucloud_client.models.list_network_volumes_myself_network_volumes import (
        ListNetworkVolumesMyselfNetworkVolumes,
    )


@define(kw_only=True)
class ListNetworkVolumesMyself(ReceivedModel):
    """The 'ListNetworkVolumesMyself' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {'id': 'id', 'network_volumes': 'networkVolumes'}
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'id', 'networkVolumes'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    id: str
    network_volumes: list[ListNetworkVolumesMyselfNetworkVolumes] | None
    """`null` for an account that may not use network storage."""
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> ListNetworkVolumesMyself:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from gpucloud_client.models.list_network_volumes_myself_network_volumes import (
            ListNetworkVolumesMyselfNetworkVolumes,
        )

        return {
            'id': STRING,
            'network_volumes': nullable(list_of(model_of(ListNetworkVolumesMyselfNetworkVolumes))),
            'additional_properties': ANY,
        }


_validators = validators('gpucloud_client')


def validate_list_network_volumes_myself(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'ListNetworkVolumesMyself'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'id' not in value or (v := value['id']) is UNSET:
        problems.append(f"{path}.id: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.id: must be a string")
    if 'networkVolumes' not in value or (v := value['networkVolumes']) is UNSET:
        problems.append(f"{path}.networkVolumes: is required")
    elif v is not None:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.networkVolumes: must be an array")
        else:
            for i1, x1 in enumerate(v):
                _validators['list_network_volumes_myself_network_volumes'](x1, f"{path}.networkVolumes[{i1}]", problems)

