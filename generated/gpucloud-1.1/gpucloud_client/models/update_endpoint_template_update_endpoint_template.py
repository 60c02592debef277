"""The 'UpdateEndpointTemplateUpdateEndpointTemplate' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    INTEGER,
    STRING,
    UNSET,
    Codec,
    ReceivedModel,
    as_json,
    is_int32,
    is_integer,
    model_of,
    model_to_dict,
    nullable,
    validators,
)

if TYPE_CHECKING:
    from gpucloud_client.models.update_endpoint_template_update_endpoint_template_template import (
        UpdateEndpointTemplateUpdateEndpointTemplateTemplate,
    )


@define(kw_only=True)
class UpdateEndpointTemplateUpdateEndpointTemplate(ReceivedModel):
    """The 'UpdateEndpointTemplateUpdateEndpointTemplate' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'id': 'id',
        'template_id': 'templateId',
        'template': 'template',
        'version': 'version',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'id', 'template', 'templateId', 'version'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    id: str
    template_id: str
    template: UpdateEndpointTemplateUpdateEndpointTemplateTemplate | None
    version: int
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> UpdateEndpointTemplateUpdateEndpointTemplate:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from gpucloud_client.models.update_endpoint_template_update_endpoint_template_template import (
            UpdateEndpointTemplateUpdateEndpointTemplateTemplate,
        )

        return {
            'id': STRING,
            'template_id': STRING,
            'template': nullable(model_of(UpdateEndpointTemplateUpdateEndpointTemplateTemplate)),
            'version': INTEGER,
            'additional_properties': ANY,
        }


_validators = validators('gpucloud_client')


def validate_update_endpoint_template_update_endpoint_template(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching
    'UpdateEndpointTemplateUpdateEndpointTemplate'.
    """
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'id' not in value or (v := value['id']) is UNSET:
        problems.append(f"{path}.id: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.id: must be a string")
    if 'templateId' not in value or (v := value['templateId']) is UNSET:
        problems.append(f"{path}.templateId: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.templateId: must be a string")
    if 'template' not in value or (v := value['template']) is UNSET:
        problems.append(f"{path}.template: is required")
    elif v is not None:
        _validators['update_endpoint_template_update_endpoint_template_template'](v, f"{path}.template", problems)
    if 'version' not in value or (v := value['version']) is UNSET:
        problems.append(f"{path}.version: is required")
    else:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.version: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.version: must fit in int32")

