"""The 'WorkloadSubmitRequest' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import model_to_dict, parse_uuid

if TYPE_CHECKING:
    from uuid import UUID

    from controlplane_client.models.workload_spec import WorkloadSpec
    from controlplane_client.models.workload_type import WorkloadType


@define(kw_only=True)
class WorkloadSubmitRequest:
    """The 'WorkloadSubmitRequest' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'name': 'name',
        'project_id': 'projectId',
        'cluster_id': 'clusterId',
        'type_': 'type',
        'spec': 'spec',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'clusterId', 'name', 'projectId', 'spec', 'type'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    name: str
    project_id: str
    cluster_id: UUID
    type_: WorkloadType
    spec: WorkloadSpec
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> WorkloadSubmitRequest:
        """Build the model from JSON data; unknown keys land in ``additional_properties``."""
        # Locals are "d", "v" and "_<attribute>": no property name can shadow them.
        from controlplane_client.models.workload_spec import WorkloadSpec
        from controlplane_client.models.workload_type import WorkloadType

        d = dict(src)
        _name = d.pop('name')
        _project_id = d.pop('projectId')
        v = d.pop('clusterId')
        _cluster_id = parse_uuid(v)
        v = d.pop('type')
        _type_ = WorkloadType(v)
        v = d.pop('spec')
        _spec = WorkloadSpec.from_dict(v)
        return cls(
            name=_name,
            project_id=_project_id,
            cluster_id=_cluster_id,
            type_=_type_,
            spec=_spec,
            additional_properties=d,
        )
