"""The 'NodePoolPlacementStrategy' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from attrs import define, field
from specloom_runtime import UNSET, Unset, as_json, model_to_dict, validators

from controlplane_client.models.node_pool_placement_strategy_cpu import (
    NodePoolPlacementStrategyCpu,
)
from controlplane_client.models.node_pool_placement_strategy_gpu import (
    NodePoolPlacementStrategyGpu,
)


@define(kw_only=True)
class NodePoolPlacementStrategy:
    """An empty string means the cluster default."""

    __wire_names__: ClassVar[dict[str, str]] = {'gpu': 'gpu', 'cpu': 'cpu'}
    __required_keys__: ClassVar[frozenset[str]] = frozenset()
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    gpu: NodePoolPlacementStrategyGpu | Unset = NodePoolPlacementStrategyGpu.EMPTY
    cpu: NodePoolPlacementStrategyCpu | Unset = NodePoolPlacementStrategyCpu.EMPTY
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> NodePoolPlacementStrategy:
        """Build the model from JSON data; unknown keys land in ``additional_properties``."""
        # Locals are "d", "v" and "_<attribute>": no property name can shadow them.
        d = dict(src)
        v = d.pop('gpu', UNSET)
        _gpu = v if isinstance(v, Unset) else NodePoolPlacementStrategyGpu(v)
        v = d.pop('cpu', UNSET)
        _cpu = v if isinstance(v, Unset) else NodePoolPlacementStrategyCpu(v)
        return cls(
            gpu=_gpu,
            cpu=_cpu,
            additional_properties=d,
        )


_validators = validators('controlplane_client')


def validate_node_pool_placement_strategy(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'NodePoolPlacementStrategy'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'gpu' in value and (v := value['gpu']) is not UNSET:
        _validators['node_pool_placement_strategy_gpu'](v, f"{path}.gpu", problems)
    if 'cpu' in value and (v := value['cpu']) is not UNSET:
        _validators['node_pool_placement_strategy_cpu'](v, f"{path}.cpu", problems)
