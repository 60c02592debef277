"""The 'ListPodsMyselfPods' schema."""

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
    Codec,
    ReceivedModel,
    as_json,
    enum_of,
    is_datetime,
    is_int32,
    is_integer,
    list_of,
    model_of,
    model_to_dict,
    nullable,
    validators,
)

if TYPE_CHECKING:
    import datetime

    from gpucloud_client.models.cloud_type import CloudType
    from gpucloud_client.models.list_pods_myself_pods_machine import (
        ListPodsMyselfPodsMachine,
    )
    from gpucloud_client.models.list_pods_myself_pods_runtime import (
        ListPodsMyselfPodsRuntime,
    )
    from gpucloud_client.models.pod_status import PodStatus


@define(kw_only=True)
class ListPodsMyselfPods(ReceivedModel):
    """The 'ListPodsMyselfPods' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'id': 'id',
        'name': 'name',
        'image_name': 'imageName',
        'desired_status': 'desiredStatus',
        'last_status_change': 'lastStatusChange',
        'cost_per_hr': 'costPerHr',
        'gpu_count': 'gpuCount',
        'cloud_type': 'cloudType',
        'vcpu_count': 'vcpuCount',
        'memory_in_gb': 'memoryInGb',
        'container_disk_in_gb': 'containerDiskInGb',
        'volume_in_gb': 'volumeInGb',
        'volume_mount_path': 'volumeMountPath',
        'docker_args': 'dockerArgs',
        'env': 'env',
        'ports': 'ports',
        'port': 'port',
        'uptime_seconds': 'uptimeSeconds',
        'labels': 'labels',
        'machine': 'machine',
        'runtime': 'runtime',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset(
        {
            'cloudType',
            'containerDiskInGb',
            'costPerHr',
            'desiredStatus',
            'dockerArgs',
            'env',
            'gpuCount',
            'id',
            'imageName',
            'labels',
            'lastStatusChange',
            'machine',
            'memoryInGb',
            'name',
            'port',
            'ports',
            'runtime',
            'uptimeSeconds',
            'vcpuCount',
            'volumeInGb',
            'volumeMountPath',
        }
    )
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    id: str
    name: str
    image_name: str
    desired_status: PodStatus
    last_status_change: datetime.datetime | None
    cost_per_hr: str
    gpu_count: int
    cloud_type: CloudType
    vcpu_count: int
    memory_in_gb: int
    container_disk_in_gb: int
    volume_in_gb: int | None
    volume_mount_path: str | None
    docker_args: str | None
    env: list[str | None] | None
    """`KEY=value` lines as the container sees them; an entry is `null` when it holds a secret."""
    ports: str | None
    """The ports exposed, as `8888/http,22/tcp`."""
    port: int | None
    uptime_seconds: int | None
    labels: Any
    machine: ListPodsMyselfPodsMachine | None
    """`null` with an error when the host does not answer."""
    runtime: ListPodsMyselfPodsRuntime | None
    """`null` until the container has started."""
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> ListPodsMyselfPods:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from gpucloud_client.models.cloud_type import CloudType
        from gpucloud_client.models.list_pods_myself_pods_machine import (
            ListPodsMyselfPodsMachine,
        )
        from gpucloud_client.models.list_pods_myself_pods_runtime import (
            ListPodsMyselfPodsRuntime,
        )
        from gpucloud_client.models.pod_status import PodStatus

        return {
            'id': STRING,
            'name': STRING,
            'image_name': STRING,
            'desired_status': enum_of(PodStatus),
            'last_status_change': nullable(DATE_TIME),
            'cost_per_hr': STRING,
            'gpu_count': INTEGER,
            'cloud_type': enum_of(CloudType),
            'vcpu_count': INTEGER,
            'memory_in_gb': INTEGER,
            'container_disk_in_gb': INTEGER,
            'volume_in_gb': nullable(INTEGER),
            'volume_mount_path': nullable(STRING),
            'docker_args': nullable(STRING),
            'env': nullable(list_of(nullable(STRING))),
            'ports': nullable(STRING),
            'port': nullable(INTEGER),
            'uptime_seconds': nullable(INTEGER),
            'labels': ANY,
            'machine': nullable(model_of(ListPodsMyselfPodsMachine)),
            'runtime': nullable(model_of(ListPodsMyselfPodsRuntime)),
            'additional_properties': ANY,
        }


_validators = validators('gpucloud_client')


def validate_list_pods_myself_pods(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'ListPodsMyselfPods'."""
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
    if 'imageName' not in value or (v := value['imageName']) is UNSET:
        problems.append(f"{path}.imageName: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.imageName: must be a string")
    if 'desiredStatus' not in value or (v := value['desiredStatus']) is UNSET:
        problems.append(f"{path}.desiredStatus: is required")
    else:
        _validators['pod_status'](v, f"{path}.desiredStatus", problems)
    if 'lastStatusChange' not in value or (v := value['lastStatusChange']) is UNSET:
        problems.append(f"{path}.lastStatusChange: is required")
    elif v is not None:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.lastStatusChange: must be a string")
        elif not is_datetime(v):
            problems.append(f"{path}.lastStatusChange: must be a date-time")
    if 'costPerHr' not in value or (v := value['costPerHr']) is UNSET:
        problems.append(f"{path}.costPerHr: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.costPerHr: must be a string")
    if 'gpuCount' not in value or (v := value['gpuCount']) is UNSET:
        problems.append(f"{path}.gpuCount: is required")
    else:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.gpuCount: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.gpuCount: must fit in int32")
    if 'cloudType' not in value or (v := value['cloudType']) is UNSET:
        problems.append(f"{path}.cloudType: is required")
    else:
        _validators['cloud_type'](v, f"{path}.cloudType", problems)
    if 'vcpuCount' not in value or (v := value['vcpuCount']) is UNSET:
        problems.append(f"{path}.vcpuCount: is required")
    else:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.vcpuCount: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.vcpuCount: must fit in int32")
    if 'memoryInGb' not in value or (v := value['memoryInGb']) is UNSET:
        problems.append(f"{path}.memoryInGb: is required")
    else:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.memoryInGb: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.memoryInGb: must fit in int32")
    if 'containerDiskInGb' not in value or (v := value['containerDiskInGb']) is UNSET:
        problems.append(f"{path}.containerDiskInGb: is required")
    else:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.containerDiskInGb: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.containerDiskInGb: must fit in int32")
    if 'volumeInGb' not in value or (v := value['volumeInGb']) is UNSET:
        problems.append(f"{path}.volumeInGb: is required")
    elif v is not None:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.volumeInGb: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.volumeInGb: must fit in int32")
    if 'volumeMountPath' not in value or (v := value['volumeMountPath']) is UNSET:
        problems.append(f"{path}.volumeMountPath: is required")
    elif v is not None and not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.volumeMountPath: must be a string")
    if 'dockerArgs' not in value or (v := value['dockerArgs']) is UNSET:
        problems.append(f"{path}.dockerArgs: is required")
    elif v is not None and not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.dockerArgs: must be a string")
    if 'env' not in value or (v := value['env']) is UNSET:
        problems.append(f"{path}.env: is required")
    elif v is not None:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.env: must be an array")
        else:
            for i1, x1 in enumerate(v):
                if x1 is not None and not isinstance(x1, str) and not isinstance(x1 := as_json(x1), str):
                    problems.append(f"{path}.env[{i1}]: must be a string")
    if 'ports' not in value or (v := value['ports']) is UNSET:
        problems.append(f"{path}.ports: is required")
    elif v is not None and not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.ports: must be a string")
    if 'port' not in value or (v := value['port']) is UNSET:
        problems.append(f"{path}.port: is required")
    elif v is not None:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.port: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.port: must fit in int32")
    if 'uptimeSeconds' not in value or (v := value['uptimeSeconds']) is UNSET:
        problems.append(f"{path}.uptimeSeconds: is required")
    elif v is not None:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.uptimeSeconds: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.uptimeSeconds: must fit in int32")
    if 'labels' not in value or value['labels'] is UNSET:
        problems.append(f"{path}.labels: is required")
    if 'machine' not in value or (v := value['machine']) is UNSET:
        problems.append(f"{path}.machine: is required")
    elif v is not None:
        _validators['list_pods_myself_pods_machine'](v, f"{path}.machine", problems)
    if 'runtime' not in value or (v := value['runtime']) is UNSET:
        problems.append(f"{path}.runtime: is required")
    elif v is not None:
        _validators['list_pods_myself_pods_runtime'](v, f"{path}.runtime", problems)

