"""The 'NodePool' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    DATE_TIME,
    INTEGER,
    STRING,
    UNSET,
    UUID_TEXT,
    Codec,
    ReceivedModel,
    Unset,
    as_json,
    enum_of,
    is_datetime,
    is_int32,
    is_int64,
    is_integer,
    is_uuid,
    model_of,
    model_to_dict,
    nullable,
    validators,
)

if TYPE_CHECKING:
    import datetime
    from uuid import UUID

    from controlplane_client.models.node_pool_placement_strategy import (
        NodePoolPlacementStrategy,
    )
    from controlplane_client.models.node_pool_status import NodePoolStatus


@define(kw_only=True)
class NodePool(ReceivedModel):
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

    id: int
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
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from controlplane_client.models.node_pool_placement_strategy import (
            NodePoolPlacementStrategy,
        )
        from controlplane_client.models.node_pool_status import NodePoolStatus

        return {
            'id': INTEGER,
            'name': STRING,
            'cluster_id': UUID_TEXT,
            'created_at': DATE_TIME,
            'label_key': nullable(STRING),
            'label_value': nullable(STRING),
            'over_provisioning_ratio': INTEGER,
            'placement_strategy': model_of(NodePoolPlacementStrategy),
            'status': enum_of(NodePoolStatus),
            'updated_at': nullable(DATE_TIME),
            'additional_properties': ANY,
        }


_validators = validators('controlplane_client')


def validate_node_pool(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'NodePool'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'id' in value and (v := value['id']) is not UNSET:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.id: must be an integer")
        elif not is_int64(v):
            problems.append(f"{path}.id: must fit in int64")
    if 'name' not in value or (v := value['name']) is UNSET:
        problems.append(f"{path}.name: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.name: must be a string")
    if 'clusterId' not in value or (v := value['clusterId']) is UNSET:
        problems.append(f"{path}.clusterId: is required")
    else:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.clusterId: must be a string")
        elif not is_uuid(v):
            problems.append(f"{path}.clusterId: must be a uuid")
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
        _validators['node_pool_placement_strategy'](v, f"{path}.placementStrategy", problems)
    if 'status' in value and (v := value['status']) is not UNSET:
        _validators['node_pool_status'](v, f"{path}.status", problems)
    if 'createdAt' not in value or (v := value['createdAt']) is UNSET:
        problems.append(f"{path}.createdAt: is required")
    else:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.createdAt: must be a string")
        elif not is_datetime(v):
            problems.append(f"{path}.createdAt: must be a date-time")
    if 'updatedAt' in value and (v := value['updatedAt']) is not UNSET and v is not None:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.updatedAt: must be a string")
        elif not is_datetime(v):
            problems.append(f"{path}.updatedAt: must be a date-time")

