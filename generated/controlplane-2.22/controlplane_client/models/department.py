"""The 'Department' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import UNSET, Unset, model_to_dict, parse_datetime, parse_uuid

if TYPE_CHECKING:
    import datetime
    from uuid import UUID

    from controlplane_client.models.org_unit_tree_node import OrgUnitTreeNode
    from controlplane_client.models.resources import Resources


@define(kw_only=True)
class Department:
    """A department as the control plane stores it."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'name': 'name',
        'description': 'description',
        'cluster_id': 'clusterId',
        'resources': 'resources',
        'id': 'id',
        'created_at': 'createdAt',
        'updated_at': 'updatedAt',
        'children': 'children',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'clusterId', 'createdAt', 'id', 'name'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    name: str
    cluster_id: UUID
    id: str
    created_at: datetime.datetime
    description: str | None | Unset = UNSET
    resources: list[Resources] | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    children: list[OrgUnitTreeNode] | Unset = UNSET
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> Department:
        """Build the model from JSON data; unknown keys land in ``additional_properties``."""
        # Locals are "d", "v" and "_<attribute>": no property name can shadow them.
        from controlplane_client.models.org_unit_tree_node import OrgUnitTreeNode
        from controlplane_client.models.resources import Resources

        d = dict(src)
        _name = d.pop('name')
        v = d.pop('clusterId')
        _cluster_id = parse_uuid(v)
        _id = d.pop('id')
        v = d.pop('createdAt')
        _created_at = parse_datetime(v)
        _description = d.pop('description', UNSET)
        v = d.pop('resources', UNSET)
        _resources = v if isinstance(v, Unset) else [Resources.from_dict(x0) for x0 in v]
        v = d.pop('updatedAt', UNSET)
        _updated_at = v if v is None or isinstance(v, Unset) else parse_datetime(v)
        v = d.pop('children', UNSET)
        _children = v if isinstance(v, Unset) else [OrgUnitTreeNode.from_dict(x0) for x0 in v]
        return cls(
            name=_name,
            cluster_id=_cluster_id,
            id=_id,
            created_at=_created_at,
            description=_description,
            resources=_resources,
            updated_at=_updated_at,
            children=_children,
            additional_properties=d,
        )
