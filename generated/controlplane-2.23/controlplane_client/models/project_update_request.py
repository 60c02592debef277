"""The 'ProjectUpdateRequest' schema."""

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
    Unset,
    as_json,
    has_duplicates,
    list_of,
    model_of,
    model_to_dict,
    nullable,
    validators,
)

if TYPE_CHECKING:
    from controlplane_client.models.resources import Resources
    from controlplane_client.models.scheduling_rules import SchedulingRules


@define(kw_only=True)
class ProjectUpdateRequest(ReceivedModel):
    """The 'ProjectUpdateRequest' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'description': 'description',
        'resources': 'resources',
        'default_node_pools': 'defaultNodePools',
        'scheduling_rules': 'schedulingRules',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset()
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    description: str | None | Unset = UNSET
    resources: list[Resources] | Unset = UNSET
    default_node_pools: list[str] | Unset = UNSET
    scheduling_rules: SchedulingRules | Unset = UNSET
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> ProjectUpdateRequest:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from controlplane_client.models.resources import Resources
        from controlplane_client.models.scheduling_rules import SchedulingRules

        return {
            'description': nullable(STRING),
            'resources': list_of(model_of(Resources)),
            'default_node_pools': list_of(STRING),
            'scheduling_rules': model_of(SchedulingRules),
            'additional_properties': ANY,
        }


_validators = validators('controlplane_client')


def validate_project_update_request(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'ProjectUpdateRequest'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'description' in value and (v := value['description']) is not UNSET and v is not None:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.description: must be a string")
        elif len(v) > 1024:
            problems.append(f"{path}.description: must be at most 1024 characters long")
    if 'resources' in value and (v := value['resources']) is not UNSET:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.resources: must be an array")
        else:
            for i1, x1 in enumerate(v):
                _validators['resources'](x1, f"{path}.resources[{i1}]", problems)
    if 'defaultNodePools' in value and (v := value['defaultNodePools']) is not UNSET:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.defaultNodePools: must be an array")
        else:
            if len(v) > 16:
                problems.append(f"{path}.defaultNodePools: must have at most 16 items")
            if has_duplicates(v):
                problems.append(f"{path}.defaultNodePools: must not repeat items")
            for i1, x1 in enumerate(v):
                if not isinstance(x1, str) and not isinstance(x1 := as_json(x1), str):
                    problems.append(f"{path}.defaultNodePools[{i1}]: must be a string")
    if 'schedulingRules' in value and (v := value['schedulingRules']) is not UNSET:
        _validators['scheduling_rules'](v, f"{path}.schedulingRules", problems)

