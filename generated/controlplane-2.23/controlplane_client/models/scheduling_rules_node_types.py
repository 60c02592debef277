"""The 'SchedulingRulesNodeTypes' schema."""

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
    Unset,
    as_json,
    has_duplicates,
    list_of,
    model_to_dict,
)


@define(kw_only=True)
class SchedulingRulesNodeTypes(ReceivedModel):
    """Node type names allowed per workload kind."""

    __wire_names__: ClassVar[dict[str, str]] = {'training': 'training', 'workspace': 'workspace'}
    __required_keys__: ClassVar[frozenset[str]] = frozenset()
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    training: list[str] | Unset = UNSET
    workspace: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> SchedulingRulesNodeTypes:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        return {
            'training': list_of(STRING),
            'workspace': list_of(STRING),
            'additional_properties': ANY,
        }


def validate_scheduling_rules_node_types(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'SchedulingRulesNodeTypes'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'training' in value and (v := value['training']) is not UNSET:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.training: must be an array")
        else:
            if has_duplicates(v):
                problems.append(f"{path}.training: must not repeat items")
            for i1, x1 in enumerate(v):
                if not isinstance(x1, str) and not isinstance(x1 := as_json(x1), str):
                    problems.append(f"{path}.training[{i1}]: must be a string")
    if 'workspace' in value and (v := value['workspace']) is not UNSET:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.workspace: must be an array")
        else:
            if has_duplicates(v):
                problems.append(f"{path}.workspace: must not repeat items")
            for i1, x1 in enumerate(v):
                if not isinstance(x1, str) and not isinstance(x1 := as_json(x1), str):
                    problems.append(f"{path}.workspace[{i1}]: must be a string")
    for k in value:
        if k not in {'training', 'workspace'}:
            problems.append(f"{path}.{k}: is not allowed (no additional properties)")

