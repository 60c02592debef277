"""The 'NodePool' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import UNSET, Unset, model_to_dict, parse_datetime, parse_uuid

if TYPE_CHECKING:
    import datetime
    from uuid import UUID

    from controlplane_client.models.node_pool_placement_strategy import (
        NodePoolPlacementStrategy,
    )
    from controlplane_client.models.node_pool_status import NodePoolStatus


@define(kw_only=True)
class NodePool:
    """The 'NodePool' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'id': 'id',
        'name': 'name',
        'cluster_id': 'clusterId',
        'label_key': 'labelKey',
        'label_value': 'labelValue',
        'over_provisioning_ratio': 'overProvisioningRatio',
        'placement_strategy': 'placementStrategy',
        'status': 'status',
        'created_at': 'createdAt',
        'updated_at': 'updatedAt',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'clusterId', 'createdAt', 'id', 'name'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    id: str
    name: str
    cluster_id: UUID
    created_at: datetime.datetime
    label_key: str | None | Unset = UNSET
    label_value: str | None | Unset = UNSET
    over_provisioning_ratio: int | Unset = 1
    placement_strategy: NodePoolPlacementStrategy | Unset = UNSET
    """An empty string means the cluster default."""
    status: NodePoolStatus | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> NodePool:
        """Build the model from JSON data; unknown keys land in ``additional_properties``."""
        # Locals are "d", "v" and "_<attribute>": no property name can shadow them.
        from controlplane_client.models.node_pool_placement_strategy import (
            NodePoolPlacementStrategy,
        )
        from controlplane_client.models.node_pool_status import NodePoolStatus

        d = dict(src)
        _id = d.pop('id')
        _name = d.pop('name')
        v = d.pop('clusterId')
        _cluster_id = parse_uuid(v)
        v = d.pop('createdAt')
        _created_at = parse_datetime(v)
        _label_key = d.pop('labelKey', UNSET)
        _label_value = d.pop('labelValue', UNSET)
        _over_provisioning_ratio = d.pop('overProvisioningRatio', UNSET)
        v = d.pop('placementStrategy', UNSET)
        _placement_strategy = v if isinstance(v, Unset) else NodePoolPlacementStrategy.from_dict(v)
        v = d.pop('status', UNSET)
        _status = v if isinstance(v, Unset) else NodePoolStatus(v)
        v = d.pop('updatedAt', UNSET)
        _updated_at = v if v is None or isinstance(v, Unset) else parse_datetime(v)
        return cls(
            id=_id,
            name=_name,
            cluster_id=_cluster_id,
            created_at=_created_at,
            label_key=_label_key,
            label_value=_label_value,
            over_provisioning_ratio=_over_provisioning_ratio,
            placement_strategy=_placement_strategy,
            status=_status,
            updated_at=_updated_at,
            additional_properties=d,
        )
