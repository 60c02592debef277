"""The 'UpdatePublicKeys' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    UNSET,
    Codec,
    ReceivedModel,
    as_json,
    model_of,
    model_to_dict,
    validators,
)

if TYPE_CHECKING:
    from gpucloud_client.models.update_public_keys_update_user_settings import (
        UpdatePublicKeysUpdateUserSettings,
    )


@define(kw_only=True)
class UpdatePublicKeys(ReceivedModel):
    """The 'UpdatePublicKeys' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {'update_user_settings': 'updateUserSettings'}
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'updateUserSettings'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    update_user_settings: UpdatePublicKeysUpdateUserSettings
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> UpdatePublicKeys:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from gpucloud_client.models.update_public_keys_update_user_settings import (
            UpdatePublicKeysUpdateUserSettings,
        )

        return {
            'update_user_settings': model_of(UpdatePublicKeysUpdateUserSettings),
            'additional_properties': ANY,
        }


_validators = validators('gpucloud_client')


def validate_update_public_keys(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'UpdatePublicKeys'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'updateUserSettings' not in value or (v := value['updateUserSettings']) is UNSET:
        problems.append(f"{path}.updateUserSettings: is required")
    else:
        _validators['update_public_keys_update_user_settings'](v, f"{path}.updateUserSettings", problems)

