"""The 'ListTemplatesMyself' schema."""

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
    list_of,
    model_of,
    model_to_dict,
    validators,
)

if TYPE_CHECKING:
    from gpucloud_client.models.list_templates_myself_pod_templates import (
        ListTemplatesMyselfPodTemplates,
    )


@define(kw_only=True)
class ListTemplatesMyself(ReceivedModel):
    """The 'ListTemplatesMyself' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {'pod_templates': 'podTemplates'}
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'podTemplates'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    pod_templates: list[ListTemplatesMyselfPodTemplates]
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> ListTemplatesMyself:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from gpucloud_client.models.list_templates_myself_pod_templates import (
            ListTemplatesMyselfPodTemplates,
        )

        return {
            'pod_templates': list_of(model_of(ListTemplatesMyselfPodTemplates)),
            'additional_properties': ANY,
        }


_validators = validators('gpucloud_client')


def validate_list_templates_myself(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'ListTemplatesMyself'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'podTemplates' not in value or (v := value['podTemplates']) is UNSET:
        problems.append(f"{path}.podTemplates: is required")
    else:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.podTemplates: must be an array")
        else:
            for i1, x1 in enumerate(v):
                _validators['list_templates_myself_pod_templates'](x1, f"{path}.podTemplates[{i1}]", problems)

