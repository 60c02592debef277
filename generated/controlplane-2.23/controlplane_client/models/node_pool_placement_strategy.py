"""The 'NodePoolPlacementStrategy' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    UNSET,
    Codec,
    ReceivedModel,
    Unset,
    as_json,
    enum_of,
    model_to_dict,
    validators,
)

from controlplane_client.models.node_pool_placement_strategy_cpu import (
    NodePoolPlacementStrategyCpu,
)
from controlplane_client.models.node_pool_placement_strategy_gpu import (
    NodePoolPlacementStrategyGpu,
)


@define(kw_only=True)
class NodePoolPlacementStrategy(ReceivedModel):
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
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        return {
            'gpu': enum_of(NodePoolPlacementStrategyGpu),
            'cpu': enum_of(NodePoolPlacementStrategyCpu),
            'additional_properties': ANY,
        }


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

