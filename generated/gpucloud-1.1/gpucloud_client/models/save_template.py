"""The 'SaveTemplate' schema."""

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
    from gpucloud_client.models.save_template_save_template import (
        SaveTemplateSaveTemplate,
    )


@define(kw_only=True)
class SaveTemplate(ReceivedModel):
    """The 'SaveTemplate' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {'save_template': 'saveTemplate'}
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'saveTemplate'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    save_template: SaveTemplateSaveTemplate
    """Creates a template, or updates it when `input.id` is set."""
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> SaveTemplate:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from gpucloud_client.models.save_template_save_template import (
            SaveTemplateSaveTemplate,
        )

        return {
            'save_template': model_of(SaveTemplateSaveTemplate),
            'additional_properties': ANY,
        }


_validators = validators('gpucloud_client')


def validate_save_template(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'SaveTemplate'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'saveTemplate' not in value or (v := value['saveTemplate']) is UNSET:
        problems.append(f"{path}.saveTemplate: is required")
    else:
        _validators['save_template_save_template'](v, f"{path}.saveTemplate", problems)

