"""The 'UpdatePublicKeysUpdateUserSettings' schema."""

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
    nullable,
)


@define(kw_only=True)
class UpdatePublicKeysUpdateUserSettings(ReceivedModel):
    """The 'UpdatePublicKeysUpdateUserSettings' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {'id': 'id', 'pub_key': 'pubKey'}
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'id', 'pubKey'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    id: str
    pub_key: str | None
    """The SSH public keys put on every new pod, one per line."""
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> UpdatePublicKeysUpdateUserSettings:
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
            'pub_key': nullable(STRING),
            'additional_properties': ANY,
        }


def validate_update_public_keys_update_user_settings(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'UpdatePublicKeysUpdateUserSettings'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'id' not in value or (v := value['id']) is UNSET:
        problems.append(f"{path}.id: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.id: must be a string")
    if 'pubKey' not in value or (v := value['pubKey']) is UNSET:
        problems.append(f"{path}.pubKey: is required")
    elif v is not None and not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.pubKey: must be a string")

