"""The 'NodePoolUpdateRequestPlacementStrategy' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import UNSET, Unset, as_json, model_to_dict, validators

if TYPE_CHECKING:
    from controlplane_client.models.node_pool_update_request_placement_strategy_cpu import (
        NodePoolUpdateRequestPlacementStrategyCpu,
    )
    from controlplane_client.models.node_pool_update_request_placement_strategy_gpu import (
        NodePoolUpdateRequestPlacementStrategyGpu,
    )


@define(kw_only=True)
class NodePoolUpdateRequestPlacementStrategy:
    """The 'NodePoolUpdateRequestPlacementStrategy' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {'gpu': 'gpu', 'cpu': 'cpu'}
    __required_keys__: ClassVar[frozenset[str]] = frozenset()
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    gpu: NodePoolUpdateRequestPlacementStrategyGpu | Unset = UNSET
    cpu: NodePoolUpdateRequestPlacementStrategyCpu | Unset = UNSET
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> NodePoolUpdateRequestPlacementStrategy:
        """Build the model from JSON data; unknown keys land in ``additional_properties``."""
        # Locals are "d", "v" and "_<attribute>": no property name can shadow them.
        from controlplane_client.models.node_pool_update_request_placement_strategy_cpu import (
            NodePoolUpdateRequestPlacementStrategyCpu,
        )
        from controlplane_client.models.node_pool_update_request_placement_strategy_gpu import (
            NodePoolUpdateRequestPlacementStrategyGpu,
        )

        d = dict(src)
        v = d.pop('gpu', UNSET)
        _gpu = v if isinstance(v, Unset) else NodePoolUpdateRequestPlacementStrategyGpu(v)
        v = d.pop('cpu', UNSET)
        _cpu = v if isinstance(v, Unset) else NodePoolUpdateRequestPlacementStrategyCpu(v)
        return cls(
            gpu=_gpu,
            cpu=_cpu,
            additional_properties=d,
        )


_validators = validators('controlplane_client')


def validate_node_pool_update_request_placement_strategy(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'NodePoolUpdateRequestPlacementStrategy'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'gpu' in value and (v := value['gpu']) is not UNSET:
        _validators['node_pool_update_request_placement_strategy_gpu'](v, f"{path}.gpu", problems)
    if 'cpu' in value and (v := value['cpu']) is not UNSET:
        _validators['node_pool_update_request_placement_strategy_cpu'](v, f"{path}.cpu", problems)
