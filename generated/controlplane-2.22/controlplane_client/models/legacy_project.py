"""The 'LegacyProject' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
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
    is_datetime,
    is_int32,
    is_integer,
    is_number,
    is_uuid,
    model_of,
    model_to_dict,
    nullable,
    validators,
)

if TYPE_CHECKING:
    import datetime
    from uuid import UUID

    from controlplane_client.models.department_2 import Department_2


@define(kw_only=True)
class LegacyProject(ReceivedModel):
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
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from controlplane_client.models.department_2 import Department_2

        return {
            'id': INTEGER,
            'name': STRING,
            'cluster_uuid': UUID_TEXT,
            'department_id': nullable(INTEGER),
            'department': model_of(Department_2),
            'deserved_gpus': NUMBER,
            'created_at': DATE_TIME,
            'additional_properties': ANY,
        }


_validators = validators('controlplane_client')


def validate_legacy_project(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'LegacyProject'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'id' not in value or (v := value['id']) is UNSET:
        problems.append(f"{path}.id: is required")
    else:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.id: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.id: must fit in int32")
    if 'name' not in value or (v := value['name']) is UNSET:
        problems.append(f"{path}.name: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.name: must be a string")
    if 'clusterUuid' in value and (v := value['clusterUuid']) is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.clusterUuid: must be a string")
        elif not is_uuid(v):
            problems.append(f"{path}.clusterUuid: must be a uuid")
    if 'departmentId' in value and (v := value['departmentId']) is not UNSET and v is not None:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.departmentId: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.departmentId: must fit in int32")
    if 'department' in value and (v := value['department']) is not UNSET:
        _validators['department_2'](v, f"{path}.department", problems)
    if (
        'deservedGpus' in value
        and (v := value['deservedGpus']) is not UNSET
        and not is_number(v)
        and not is_number(v := as_json(v))
    ):
        problems.append(f"{path}.deservedGpus: must be a number")
    if 'createdAt' in value and (v := value['createdAt']) is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.createdAt: must be a string")
        elif not is_datetime(v):
            problems.append(f"{path}.createdAt: must be a date-time")

