"""The 'Resources' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import UNSET, Unset, model_to_dict

if TYPE_CHECKING:
    from controlplane_client.models.node_pool_ref import NodePoolRef
    from controlplane_client.models.resource_quota import ResourceQuota
    from controlplane_client.models.resources_memory import ResourcesMemory


@define(kw_only=True)
class Resources:
    """The 'Resources' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'node_pool': 'nodePool',
        'gpu': 'gpu',
        'cpu': 'cpu',
        'memory': 'memory',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'nodePool'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    node_pool: NodePoolRef
    gpu: ResourceQuota | Unset = UNSET
    cpu: ResourceQuota | Unset = UNSET
    memory: ResourcesMemory | Unset = UNSET
    """Memory quota in MiB."""
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> Resources:
        """Build the model from JSON data; unknown keys land in ``additional_properties``."""
        # Locals are "d", "v" and "_<attribute>": no property name can shadow them.
        from controlplane_client.models.node_pool_ref import NodePoolRef
        from controlplane_client.models.resource_quota import ResourceQuota
        from controlplane_client.models.resources_memory import ResourcesMemory

        d = dict(src)
        v = d.pop('nodePool')
        _node_pool = NodePoolRef.from_dict(v)
        v = d.pop('gpu', UNSET)
        _gpu = v if isinstance(v, Unset) else ResourceQuota.from_dict(v)
        v = d.pop('cpu', UNSET)
        _cpu = v if isinstance(v, Unset) else ResourceQuota.from_dict(v)
        v = d.pop('memory', UNSET)
        _memory = v if isinstance(v, Unset) else ResourcesMemory.from_dict(v)
        return cls(
            node_pool=_node_pool,
            gpu=_gpu,
            cpu=_cpu,
            memory=_memory,
            additional_properties=d,
        )


def validate_resources(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'Resources'."""
    from controlplane_client.models.node_pool_ref import validate_node_pool_ref
    from controlplane_client.models.resource_quota import validate_resource_quota
    from controlplane_client.models.resources_memory import validate_resources_memory

    if not isinstance(value, dict):
        problems.append(f"{path}: must be an object")
        return
    if 'nodePool' not in value:
        problems.append(f"{path}.nodePool: is required")
    if 'nodePool' in value:
        v = value['nodePool']
        validate_node_pool_ref(v, f"{path}.nodePool", problems)
    if 'gpu' in value:
        v = value['gpu']
        validate_resource_quota(v, f"{path}.gpu", problems)
    if 'cpu' in value:
        v = value['cpu']
        validate_resource_quota(v, f"{path}.cpu", problems)
    if 'memory' in value:
        v = value['memory']
        validate_resources_memory(v, f"{path}.memory", problems)
