"""The 'OrgUnitTreeNode' schema."""

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
    enum_of,
    list_of,
    model_of,
    model_to_dict,
    validators,
)

if TYPE_CHECKING:
    from controlplane_client.models.org_unit_tree_node_kind import OrgUnitTreeNodeKind


@define(kw_only=True)
class OrgUnitTreeNode(ReceivedModel):
    """One node of the organisation tree; children are nodes of the same kind."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'id': 'id',
        'name': 'name',
        'kind': 'kind',
        'children': 'children',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'id', 'kind', 'name'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    id: str
    name: str
    kind: OrgUnitTreeNodeKind
    children: list[OrgUnitTreeNode] | Unset = UNSET
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> OrgUnitTreeNode:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from controlplane_client.models.org_unit_tree_node_kind import (
            OrgUnitTreeNodeKind,
        )

        return {
            'id': STRING,
            'name': STRING,
            'kind': enum_of(OrgUnitTreeNodeKind),
            'children': list_of(model_of(OrgUnitTreeNode)),
            'additional_properties': ANY,
        }


_validators = validators('controlplane_client')


def validate_org_unit_tree_node(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'OrgUnitTreeNode'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'id' not in value or (v := value['id']) is UNSET:
        problems.append(f"{path}.id: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.id: must be a string")
    if 'name' not in value or (v := value['name']) is UNSET:
        problems.append(f"{path}.name: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.name: must be a string")
    if 'kind' not in value or (v := value['kind']) is UNSET:
        problems.append(f"{path}.kind: is required")
    else:
        _validators['org_unit_tree_node_kind'](v, f"{path}.kind", problems)
    if 'children' in value and (v := value['children']) is not UNSET:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.children: must be an array")
        else:
            for i1, x1 in enumerate(v):
                _validators['org_unit_tree_node'](x1, f"{path}.children[{i1}]", problems)

