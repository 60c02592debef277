"""The 'ProjectCreationRequest' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import UNSET, Unset, model_to_dict, parse_uuid

if TYPE_CHECKING:
    from uuid import UUID

    from controlplane_client.models.resources import Resources
    from controlplane_client.models.scheduling_rules import SchedulingRules


@define(kw_only=True)
class ProjectCreationRequest:
    """The 'ProjectCreationRequest' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'name': 'name',
        'description': 'description',
        'parent_id': 'parentId',
        'cluster_id': 'clusterId',
        'requested_namespace': 'requestedNamespace',
        'resources': 'resources',
        'default_node_pools': 'defaultNodePools',
        'scheduling_rules': 'schedulingRules',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'clusterId', 'name', 'parentId'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    name: str
    parent_id: str
    """The id of the department that owns the project."""
    cluster_id: UUID
    description: str | None | Unset = UNSET
    requested_namespace: str | None | Unset = UNSET
    resources: list[Resources] | Unset = UNSET
    default_node_pools: list[str] | Unset = UNSET
    scheduling_rules: SchedulingRules | Unset = UNSET
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> ProjectCreationRequest:
        """Build the model from JSON data; unknown keys land in ``additional_properties``."""
        # Locals are "d", "v" and "_<attribute>": no property name can shadow them.
        from controlplane_client.models.resources import Resources
        from controlplane_client.models.scheduling_rules import SchedulingRules

        d = dict(src)
        _name = d.pop('name')
        _parent_id = d.pop('parentId')
        v = d.pop('clusterId')
        _cluster_id = parse_uuid(v)
        _description = d.pop('description', UNSET)
        _requested_namespace = d.pop('requestedNamespace', UNSET)
        v = d.pop('resources', UNSET)
        _resources = v if isinstance(v, Unset) else [Resources.from_dict(x0) for x0 in v]
        _default_node_pools = d.pop('defaultNodePools', UNSET)
        v = d.pop('schedulingRules', UNSET)
        _scheduling_rules = v if isinstance(v, Unset) else SchedulingRules.from_dict(v)
        return cls(
            name=_name,
            parent_id=_parent_id,
            cluster_id=_cluster_id,
            description=_description,
            requested_namespace=_requested_namespace,
            resources=_resources,
            default_node_pools=_default_node_pools,
            scheduling_rules=_scheduling_rules,
            additional_properties=d,
        )
