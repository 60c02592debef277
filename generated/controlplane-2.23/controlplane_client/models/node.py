"""The 'Node' schema."""

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
    map_of,
    model_to_dict,
    nullable,
    validators,
)

if TYPE_CHECKING:
    import datetime
    from uuid import UUID

    from controlplane_client.models.node_status import NodeStatus


@define(kw_only=True)
class Node(ReceivedModel):
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
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from controlplane_client.models.node_status import NodeStatus

        return {
            'id': STRING,
            'name': STRING,
            'cluster_uuid': UUID_TEXT,
            'status': enum_of(NodeStatus),
            'node_pool': STRING,
            'gpu_type': nullable(STRING),
            'gpu_count': INTEGER,
            'gpu_memory': nullable(INTEGER),
            'labels': map_of(STRING),
            'last_heartbeat': nullable(DATE_TIME),
            'additional_properties': ANY,
        }


_validators = validators('controlplane_client')


def validate_node(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'Node'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'id' not in value or (v := value['id']) is UNSET:
        problems.append(f"{path}.id: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.id: must be a string")
    if 'name' not in value or (v := value['name']) is UNSET:
        problems.append(f"{path}.name: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.name: must be a string")
    if 'clusterUuid' not in value or (v := value['clusterUuid']) is UNSET:
        problems.append(f"{path}.clusterUuid: is required")
    else:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.clusterUuid: must be a string")
        elif not is_uuid(v):
            problems.append(f"{path}.clusterUuid: must be a uuid")
    if (
        'nodePool' in value
        and (v := value['nodePool']) is not UNSET
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.nodePool: must be a string")
    if 'status' not in value or (v := value['status']) is UNSET:
        problems.append(f"{path}.status: is required")
    else:
        _validators['node_status'](v, f"{path}.status", problems)
    if (
        'gpuType' in value
        and (v := value['gpuType']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.gpuType: must be a string")
    if 'gpuCount' in value and (v := value['gpuCount']) is not UNSET:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.gpuCount: must be an integer")
        else:
            if v < 0:
                problems.append(f"{path}.gpuCount: must be >= 0")
            if not is_int32(v):
                problems.append(f"{path}.gpuCount: must fit in int32")
    if 'gpu-memory' in value and (v := value['gpu-memory']) is not UNSET and v is not None:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.gpu-memory: must be an integer")
        elif not is_int64(v):
            problems.append(f"{path}.gpu-memory: must fit in int64")
    if 'labels' in value and (v := value['labels']) is not UNSET:
        if not isinstance(v, dict) and not isinstance(v := as_json(v), dict):
            problems.append(f"{path}.labels: must be an object")
        else:
            for k1, x1 in v.items():
                if not isinstance(x1, str) and not isinstance(x1 := as_json(x1), str):
                    problems.append(f"{path}.labels.{k1}: must be a string")
    if 'lastHeartbeat' in value and (v := value['lastHeartbeat']) is not UNSET and v is not None:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.lastHeartbeat: must be a string")
        elif not is_datetime(v):
            problems.append(f"{path}.lastHeartbeat: must be a date-time")

