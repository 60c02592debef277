"""The 'Workload' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import UNSET, Unset, model_to_dict, parse_datetime, parse_uuid

if TYPE_CHECKING:
    import datetime
    from uuid import UUID

    from controlplane_client.models.workload_compute import WorkloadCompute
    from controlplane_client.models.workload_condition import WorkloadCondition
    from controlplane_client.models.workload_phase import WorkloadPhase
    from controlplane_client.models.workload_type import WorkloadType


@define(kw_only=True)
class Workload:
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
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'clusterId', 'createdAt', 'id', 'name', 'phase', 'projectId', 'type'})
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
    compute: WorkloadCompute | Unset = UNSET
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
        """Build the model from JSON data; unknown keys land in ``additional_properties``."""
        # Locals are "d", "v" and "_<attribute>": no property name can shadow them.
        from controlplane_client.models.workload_compute import WorkloadCompute
        from controlplane_client.models.workload_condition import WorkloadCondition
        from controlplane_client.models.workload_phase import WorkloadPhase
        from controlplane_client.models.workload_type import WorkloadType

        d = dict(src)
        v = d.pop('id')
        _id = parse_uuid(v)
        _name = d.pop('name')
        v = d.pop('type')
        _type_ = WorkloadType(v)
        v = d.pop('phase')
        _phase = WorkloadPhase(v)
        _project_id = d.pop('projectId')
        v = d.pop('clusterId')
        _cluster_id = parse_uuid(v)
        v = d.pop('createdAt')
        _created_at = parse_datetime(v)
        _phase_message = d.pop('phaseMessage', UNSET)
        _project_name = d.pop('projectName', UNSET)
        _submitted_by = d.pop('submittedBy', UNSET)
        _priority = d.pop('priority', UNSET)
        v = d.pop('compute', UNSET)
        _compute = v if isinstance(v, Unset) else WorkloadCompute.from_dict(v)
        _allocated_gpus = d.pop('allocatedGpus', UNSET)
        v = d.pop('conditions', UNSET)
        _conditions = v if isinstance(v, Unset) else [WorkloadCondition.from_dict(x0) for x0 in v]
        _suspended = d.pop('suspended', UNSET)
        _running_pods = d.pop('runningPods', UNSET)
        _labels = d.pop('labels', UNSET)
        return cls(
            id=_id,
            name=_name,
            type_=_type_,
            phase=_phase,
            project_id=_project_id,
            cluster_id=_cluster_id,
            created_at=_created_at,
            phase_message=_phase_message,
            project_name=_project_name,
            submitted_by=_submitted_by,
            priority=_priority,
            compute=_compute,
            allocated_gpus=_allocated_gpus,
            conditions=_conditions,
            suspended=_suspended,
            running_pods=_running_pods,
            labels=_labels,
            additional_properties=d,
        )
