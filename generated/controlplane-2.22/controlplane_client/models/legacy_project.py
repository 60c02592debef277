"""The 'LegacyProject' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import UNSET, Unset, model_to_dict, parse_datetime, parse_uuid

if TYPE_CHECKING:
    import datetime
    from uuid import UUID

    from controlplane_client.models.department_2 import Department_2


@define(kw_only=True)
class LegacyProject:
    """The 'LegacyProject' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'id': 'id',
        'name': 'name',
        'cluster_uuid': 'clusterUuid',
        'department_id': 'departmentId',
        'department': 'department',
        'deserved_gpus': 'deservedGpus',
        'created_at': 'createdAt',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'id', 'name'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    id: int
    name: str
    cluster_uuid: UUID | Unset = UNSET
    department_id: int | None | Unset = UNSET
    department: Department_2 | Unset = UNSET
    """The department summary used by legacy endpoints."""
    deserved_gpus: float | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> LegacyProject:
        """Build the model from JSON data; unknown keys land in ``additional_properties``."""
        # Locals are "d", "v" and "_<attribute>": no property name can shadow them.
        from controlplane_client.models.department_2 import Department_2

        d = dict(src)
        _id = d.pop('id')
        _name = d.pop('name')
        v = d.pop('clusterUuid', UNSET)
        _cluster_uuid = v if isinstance(v, Unset) else parse_uuid(v)
        _department_id = d.pop('departmentId', UNSET)
        v = d.pop('department', UNSET)
        _department = v if isinstance(v, Unset) else Department_2.from_dict(v)
        _deserved_gpus = d.pop('deservedGpus', UNSET)
        v = d.pop('createdAt', UNSET)
        _created_at = v if isinstance(v, Unset) else parse_datetime(v)
        return cls(
            id=_id,
            name=_name,
            cluster_uuid=_cluster_uuid,
            department_id=_department_id,
            department=_department,
            deserved_gpus=_deserved_gpus,
            created_at=_created_at,
            additional_properties=d,
        )
