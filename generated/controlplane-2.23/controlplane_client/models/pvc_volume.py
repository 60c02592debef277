"""The 'PvcVolume' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    BOOLEAN,
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

if TYPE_CHECKING:
    from controlplane_client.models.pvc_volume_kind import PvcVolumeKind


@define(kw_only=True)
class PvcVolume(ReceivedModel):
    """The 'PvcVolume' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'kind': 'kind',
        'claim_name': 'claimName',
        'path': 'path',
        'read_only': 'readOnly',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'claimName', 'kind', 'path'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    kind: PvcVolumeKind
    claim_name: str
    path: str
    read_only: bool | Unset = False
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> PvcVolume:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from controlplane_client.models.pvc_volume_kind import PvcVolumeKind

        return {
            'kind': enum_of(PvcVolumeKind),
            'claim_name': STRING,
            'path': STRING,
            'read_only': BOOLEAN,
            'additional_properties': ANY,
        }


_validators = validators('controlplane_client')


def validate_pvc_volume(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'PvcVolume'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'kind' not in value or (v := value['kind']) is UNSET:
        problems.append(f"{path}.kind: is required")
    else:
        _validators['pvc_volume_kind'](v, f"{path}.kind", problems)
    if 'claimName' not in value or (v := value['claimName']) is UNSET:
        problems.append(f"{path}.claimName: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.claimName: must be a string")
    if 'path' not in value or (v := value['path']) is UNSET:
        problems.append(f"{path}.path: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.path: must be a string")
    if (
        'readOnly' in value
        and (v := value['readOnly']) is not UNSET
        and not isinstance(v, bool)
        and not isinstance(v := as_json(v), bool)
    ):
        problems.append(f"{path}.readOnly: must be a boolean")

