"""The 'NodePoolUpdateRequest' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import UNSET, Unset, model_to_dict

if TYPE_CHECKING:
    from controlplane_client.models.node_pool_update_request_placement_strategy import (
        NodePoolUpdateRequestPlacementStrategy,
    )


@define(kw_only=True)
class NodePoolUpdateRequest:
    """The 'NodePoolUpdateRequest' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'label_key': 'labelKey',
        'label_value': 'labelValue',
        'over_provisioning_ratio': 'overProvisioningRatio',
        'placement_strategy': 'placementStrategy',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset()
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    label_key: str | None | Unset = UNSET
    label_value: str | None | Unset = UNSET
    over_provisioning_ratio: int | Unset = UNSET
    placement_strategy: NodePoolUpdateRequestPlacementStrategy | Unset = UNSET
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> NodePoolUpdateRequest:
        """Build the model from JSON data; unknown keys land in ``additional_properties``."""
        # Locals are "d", "v" and "_<attribute>": no property name can shadow them.
        from controlplane_client.models.node_pool_update_request_placement_strategy import (
            NodePoolUpdateRequestPlacementStrategy,
        )

        d = dict(src)
        _label_key = d.pop('labelKey', UNSET)
        _label_value = d.pop('labelValue', UNSET)
        _over_provisioning_ratio = d.pop('overProvisioningRatio', UNSET)
        v = d.pop('placementStrategy', UNSET)
        _placement_strategy = v if isinstance(v, Unset) else NodePoolUpdateRequestPlacementStrategy.from_dict(v)
        return cls(
            label_key=_label_key,
            label_value=_label_value,
            over_provisioning_ratio=_over_provisioning_ratio,
            placement_strategy=_placement_strategy,
            additional_properties=d,
        )
