"""The 'NodePoolUpdateRequest' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    INTEGER,
    STRING,
    UNSET,
    Codec,
    ReceivedModel,
    Unset,
    as_json,
    is_int32,
    is_integer,
    model_of,
    model_to_dict,
    nullable,
    validators,
)

if TYPE_CHECKING:
    from controlplane_client.models.node_pool_update_request_placement_strategy import (
        NodePoolUpdateRequestPlacementStrategy,
    )


@define(kw_only=True)
class NodePoolUpdateRequest(ReceivedModel):
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
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from controlplane_client.models.node_pool_update_request_placement_strategy import (
            NodePoolUpdateRequestPlacementStrategy,
        )

        return {
            'label_key': nullable(STRING),
            'label_value': nullable(STRING),
            'over_provisioning_ratio': INTEGER,
            'placement_strategy': model_of(NodePoolUpdateRequestPlacementStrategy),
            'additional_properties': ANY,
        }


_validators = validators('controlplane_client')


def validate_node_pool_update_request(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'NodePoolUpdateRequest'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if (
        'labelKey' in value
        and (v := value['labelKey']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.labelKey: must be a string")
    if (
        'labelValue' in value
        and (v := value['labelValue']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.labelValue: must be a string")
    if 'overProvisioningRatio' in value and (v := value['overProvisioningRatio']) is not UNSET:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.overProvisioningRatio: must be an integer")
        else:
            if v < 1:
                problems.append(f"{path}.overProvisioningRatio: must be >= 1")
            if v > 5:
                problems.append(f"{path}.overProvisioningRatio: must be <= 5")
            if not is_int32(v):
                problems.append(f"{path}.overProvisioningRatio: must fit in int32")
    if 'placementStrategy' in value and (v := value['placementStrategy']) is not UNSET:
        _validators['node_pool_update_request_placement_strategy'](v, f"{path}.placementStrategy", problems)
    for k in value:
        if k not in {'labelKey', 'labelValue', 'overProvisioningRatio', 'placementStrategy'}:
            problems.append(f"{path}.{k}: is not allowed (no additional properties)")

