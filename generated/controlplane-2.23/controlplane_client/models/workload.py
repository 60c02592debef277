"""The 'Workload' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    BOOLEAN,
    DATE_TIME,
    INTEGER,
    NUMBER,
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
    is_integer,
    is_number,
    is_uuid,
    list_of,
    map_of,
    model_of,
    model_to_dict,
    nullable,
    validators,
)

if TYPE_CHECKING:
    import datetime
    from uuid import UUID

    from controlplane_client.models.compute_request import ComputeRequest
    from controlplane_client.models.workload_condition import WorkloadCondition
    from controlplane_client.models.workload_phase import WorkloadPhase
    from controlplane_client.models.workload_type import WorkloadType


@define(kw_only=True)
class Workload(ReceivedModel):
    """The 'Workload' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'id': 'id',
        'name': 'name',
        'type_': 'type',
        'phase': 'phase',
        'phase_message': 'phaseMessage',
        'project_id': 'projectId',
        'project_name': 'projectName',
        'cluster_id': 'clusterId',
        'created_at': 'createdAt',
        'submitted_by': 'submittedBy',
        'priority': 'priority',
        'compute': 'compute',
        'allocated_gpus': 'allocatedGpus',
        'conditions': 'conditions',
        'suspended': 'suspended',
        'running_pods': 'runningPods',
        'labels': 'labels',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset(
        {'clusterId', 'createdAt', 'id', 'name', 'phase', 'projectId', 'type'}
    )
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    id: UUID
    name: str
    type_: WorkloadType
    phase: WorkloadPhase
    """The lifecycle phase of a workload."""
    project_id: str
    cluster_id: UUID
    created_at: datetime.datetime
    phase_message: str | None | Unset = UNSET
    project_name: str | Unset = UNSET
    submitted_by: str | None | Unset = UNSET
    priority: int | Unset = 50
    compute: ComputeRequest | Unset = UNSET
    """The compute the workload asked for."""
    allocated_gpus: float | Unset = UNSET
    conditions: list[WorkloadCondition] | Unset = UNSET
    suspended: bool | Unset = False
    running_pods: int | Unset = UNSET
    labels: dict[str, str] | Unset = UNSET
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> Workload:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from controlplane_client.models.compute_request import ComputeRequest
        from controlplane_client.models.workload_condition import WorkloadCondition
        from controlplane_client.models.workload_phase import WorkloadPhase
        from controlplane_client.models.workload_type import WorkloadType

        return {
            'id': UUID_TEXT,
            'name': STRING,
            'type_': enum_of(WorkloadType),
            'phase': enum_of(WorkloadPhase),
            'project_id': STRING,
            'cluster_id': UUID_TEXT,
            'created_at': DATE_TIME,
            'phase_message': nullable(STRING),
            'project_name': STRING,
            'submitted_by': nullable(STRING),
            'priority': INTEGER,
            'compute': model_of(ComputeRequest),
            'allocated_gpus': NUMBER,
            'conditions': list_of(model_of(WorkloadCondition)),
            'suspended': BOOLEAN,
            'running_pods': INTEGER,
            'labels': map_of(STRING),
            'additional_properties': ANY,
        }


_validators = validators('controlplane_client')


def validate_workload(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'Workload'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'id' in value and (v := value['id']) is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.id: must be a string")
        elif not is_uuid(v):
            problems.append(f"{path}.id: must be a uuid")
    if 'name' not in value or (v := value['name']) is UNSET:
        problems.append(f"{path}.name: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.name: must be a string")
    if 'type' not in value or (v := value['type']) is UNSET:
        problems.append(f"{path}.type: is required")
    else:
        _validators['workload_type'](v, f"{path}.type", problems)
    if 'phase' not in value or (v := value['phase']) is UNSET:
        problems.append(f"{path}.phase: is required")
    else:
        _validators['workload_phase'](v, f"{path}.phase", problems)
    if (
        'phaseMessage' in value
        and (v := value['phaseMessage']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.phaseMessage: must be a string")
    if 'projectId' not in value or (v := value['projectId']) is UNSET:
        problems.append(f"{path}.projectId: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.projectId: must be a string")
    if (
        'projectName' in value
        and (v := value['projectName']) is not UNSET
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.projectName: must be a string")
    if 'clusterId' not in value or (v := value['clusterId']) is UNSET:
        problems.append(f"{path}.clusterId: is required")
    else:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.clusterId: must be a string")
        elif not is_uuid(v):
            problems.append(f"{path}.clusterId: must be a uuid")
    if 'createdAt' in value and (v := value['createdAt']) is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.createdAt: must be a string")
        elif not is_datetime(v):
            problems.append(f"{path}.createdAt: must be a date-time")
    if (
        'submittedBy' in value
        and (v := value['submittedBy']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.submittedBy: must be a string")
    if 'priority' in value and (v := value['priority']) is not UNSET:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.priority: must be an integer")
        else:
            if v < 0:
                problems.append(f"{path}.priority: must be >= 0")
            if v > 1000:
                problems.append(f"{path}.priority: must be <= 1000")
            if not is_int32(v):
                problems.append(f"{path}.priority: must fit in int32")
    if 'compute' in value and (v := value['compute']) is not UNSET:
        _validators['compute_request'](v, f"{path}.compute", problems)
    if 'allocatedGpus' in value and (v := value['allocatedGpus']) is not UNSET:
        if not is_number(v) and not is_number(v := as_json(v)):
            problems.append(f"{path}.allocatedGpus: must be a number")
        elif v < 0:
            problems.append(f"{path}.allocatedGpus: must be >= 0")
    if 'conditions' in value and (v := value['conditions']) is not UNSET:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.conditions: must be an array")
        else:
            for i1, x1 in enumerate(v):
                _validators['workload_condition'](x1, f"{path}.conditions[{i1}]", problems)
    if (
        'suspended' in value
        and (v := value['suspended']) is not UNSET
        and not isinstance(v, bool)
        and not isinstance(v := as_json(v), bool)
    ):
        problems.append(f"{path}.suspended: must be a boolean")
    if 'runningPods' in value and (v := value['runningPods']) is not UNSET:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.runningPods: must be an integer")
        else:
            if v < 0:
                problems.append(f"{path}.runningPods: must be >= 0")
            if not is_int32(v):
                problems.append(f"{path}.runningPods: must fit in int32")
    if 'labels' in value and (v := value['labels']) is not UNSET:
        if not isinstance(v, dict) and not isinstance(v := as_json(v), dict):
            problems.append(f"{path}.labels: must be an object")
        else:
            for k1, x1 in v.items():
                if not isinstance(x1, str) and not isinstance(x1 := as_json(x1), str):
                    problems.append(f"{path}.labels.{k1}: must be a string")

