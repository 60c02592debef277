"""The 'UpdateEndpointTemplateUpdateEndpointTemplateTemplate' schema."""

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
class UpdateEndpointTemplateUpdateEndpointTemplateTemplate(ReceivedModel):
    """The 'UpdateEndpointTemplateUpdateEndpointTemplateTemplate' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {'name': 'name', 'image_name': 'imageName'}
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'imageName', 'name'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    name: str
    image_name: str
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> UpdateEndpointTemplateUpdateEndpointTemplateTemplate:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        return {
            'name': STRING,
            'image_name': STRING,
            'additional_properties': ANY,
        }


def validate_update_endpoint_template_update_endpoint_template_template(
    value: Any,
    path: str,
    problems: list[str],
) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching
    'UpdateEndpointTemplateUpdateEndpointTemplateTemplate'.
    """
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'name' not in value or (v := value['name']) is UNSET:
        problems.append(f"{path}.name: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.name: must be a string")
    if 'imageName' not in value or (v := value['imageName']) is UNSET:
        problems.append(f"{path}.imageName: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.imageName: must be a string")

