"""The 'Node' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import UNSET, Unset, model_to_dict, parse_datetime, parse_uuid

if TYPE_CHECKING:
    import datetime
    from uuid import UUID

    from controlplane_client.models.node_status import NodeStatus


@define(kw_only=True)
class Node:
    """The 'Node' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'id': 'id',
        'name': 'name',
        'cluster_uuid': 'clusterUuid',
        'node_pool': 'nodePool',
        'status': 'status',
        'gpu_type': 'gpuType',
        'gpu_count': 'gpuCount',
        'gpu_memory': 'gpu-memory',
        'labels': 'labels',
        'last_heartbeat': 'lastHeartbeat',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'clusterUuid', 'id', 'name', 'status'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    id: str
    name: str
    cluster_uuid: UUID
    status: NodeStatus
    node_pool: str | Unset = 'default'
    gpu_type: str | None | Unset = UNSET
    gpu_count: int | Unset = UNSET
    gpu_memory: int | None | Unset = UNSET
    """Memory per GPU, in bytes."""
    labels: dict[str, str] | Unset = UNSET
    last_heartbeat: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> Node:
        """Build the model from JSON data; unknown keys land in ``additional_properties``."""
        # Locals are "d", "v" and "_<attribute>": no property name can shadow them.
        from controlplane_client.models.node_status import NodeStatus

        d = dict(src)
        _id = d.pop('id')
        _name = d.pop('name')
        v = d.pop('clusterUuid')
        _cluster_uuid = parse_uuid(v)
        v = d.pop('status')
        _status = NodeStatus(v)
        _node_pool = d.pop('nodePool', UNSET)
        _gpu_type = d.pop('gpuType', UNSET)
        _gpu_count = d.pop('gpuCount', UNSET)
        _gpu_memory = d.pop('gpu-memory', UNSET)
        _labels = d.pop('labels', UNSET)
        v = d.pop('lastHeartbeat', UNSET)
        _last_heartbeat = v if v is None or isinstance(v, Unset) else parse_datetime(v)
        return cls(
            id=_id,
            name=_name,
            cluster_uuid=_cluster_uuid,
            status=_status,
            node_pool=_node_pool,
            gpu_type=_gpu_type,
            gpu_count=_gpu_count,
            gpu_memory=_gpu_memory,
            labels=_labels,
            last_heartbeat=_last_heartbeat,
            additional_properties=d,
        )
