"""The 'DeployPodPodFindAndDeployOnDemandPod' schema."""

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
    model_of,
    model_to_dict,
    nullable,
    validators,
)

if TYPE_CHECKING:
    import datetime

    from gpucloud_client.models.deploy_pod_pod_find_and_deploy_on_demand_pod_machine import (
        DeployPodPodFindAndDeployOnDemandPodMachine,
    )
    from gpucloud_client.models.pod_status import PodStatus


@define(kw_only=True)
class DeployPodPodFindAndDeployOnDemandPod(ReceivedModel):
    """The 'DeployPodPodFindAndDeployOnDemandPod' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'typename': '__typename',
        'id': 'id',
        'name': 'name',
        'image_name': 'imageName',
        'desired_status': 'desiredStatus',
        'last_status_change': 'lastStatusChange',
        'cost_per_hr': 'costPerHr',
        'gpu_count': 'gpuCount',
        'machine_id': 'machineId',
        'machine': 'machine',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset(
        {
            '__typename',
            'costPerHr',
            'desiredStatus',
            'gpuCount',
            'id',
            'imageName',
            'lastStatusChange',
            'machine',
            'machineId',
            'name',
        }
    )
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    typename: str
    id: str
    name: str
    image_name: str
    desired_status: PodStatus
    last_status_change: datetime.datetime | None
    cost_per_hr: str
    gpu_count: int
    machine_id: str | None
    machine: DeployPodPodFindAndDeployOnDemandPodMachine | None
    """`null` with an error when the host does not answer."""
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> DeployPodPodFindAndDeployOnDemandPod:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from gpucloud_client.models.deploy_pod_pod_find_and_deploy_on_demand_pod_machine import (
            DeployPodPodFindAndDeployOnDemandPodMachine,
        )
        from gpucloud_client.models.pod_status import PodStatus

        return {
            'typename': STRING,
            'id': STRING,
            'name': STRING,
            'image_name': STRING,
            'desired_status': enum_of(PodStatus),
            'last_status_change': nullable(DATE_TIME),
            'cost_per_hr': STRING,
            'gpu_count': INTEGER,
            'machine_id': nullable(STRING),
            'machine': nullable(model_of(DeployPodPodFindAndDeployOnDemandPodMachine)),
            'additional_properties': ANY,
        }


_validators = validators('gpucloud_client')


def validate_deploy_pod_pod_find_and_deploy_on_demand_pod(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'DeployPodPodFindAndDeployOnDemandPod'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if '__typename' not in value or (v := value['__typename']) is UNSET:
        problems.append(f"{path}.__typename: is required")
    else:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.__typename: must be a string")
        elif v not in ('Pod',):
            problems.append(f"{path}.__typename: must be one of 'Pod'")
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
    if 'machineId' not in value or (v := value['machineId']) is UNSET:
        problems.append(f"{path}.machineId: is required")
    elif v is not None and not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.machineId: must be a string")
    if 'machine' not in value or (v := value['machine']) is UNSET:
        problems.append(f"{path}.machine: is required")
    elif v is not None:
        _validators['deploy_pod_pod_find_and_deploy_on_demand_pod_machine'](v, f"{path}.machine", problems)

