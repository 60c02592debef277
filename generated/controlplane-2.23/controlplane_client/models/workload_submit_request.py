"""The 'WorkloadSubmitRequest' schema."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    STRING,
    UNSET,
    UUID_TEXT,
    Codec,
    ReceivedModel,
    as_json,
    enum_of,
    is_uuid,
    model_of,
    model_to_dict,
    validators,
)

if TYPE_CHECKING:
    from uuid import UUID

    from controlplane_client.models.workload_spec import WorkloadSpec
    from controlplane_client.models.workload_type import WorkloadType


@define(kw_only=True)
class WorkloadSubmitRequest(ReceivedModel):
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
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from controlplane_client.models.workload_spec import WorkloadSpec
        from controlplane_client.models.workload_type import WorkloadType

        return {
            'name': STRING,
            'project_id': STRING,
            'cluster_id': UUID_TEXT,
            'type_': enum_of(WorkloadType),
            'spec': model_of(WorkloadSpec),
            'additional_properties': ANY,
        }


_validators = validators('controlplane_client')


def validate_workload_submit_request(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'WorkloadSubmitRequest'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'name' not in value or (v := value['name']) is UNSET:
        problems.append(f"{path}.name: is required")
    else:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.name: must be a string")
        else:
            if len(v) < 1:
                problems.append(f"{path}.name: must be at least 1 characters long")
            if len(v) > 63:
                problems.append(f"{path}.name: must be at most 63 characters long")
            if re.search('^[a-z]([-a-z0-9]*[a-z0-9])?$', v) is None:
                problems.append(f"{path}.name: must match the pattern ^[a-z]([-a-z0-9]*[a-z0-9])?$")
    if 'projectId' not in value or (v := value['projectId']) is UNSET:
        problems.append(f"{path}.projectId: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.projectId: must be a string")
    if 'clusterId' not in value or (v := value['clusterId']) is UNSET:
        problems.append(f"{path}.clusterId: is required")
    else:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.clusterId: must be a string")
        elif not is_uuid(v):
            problems.append(f"{path}.clusterId: must be a uuid")
    if 'type' not in value or (v := value['type']) is UNSET:
        problems.append(f"{path}.type: is required")
    else:
        _validators['workload_type'](v, f"{path}.type", problems)
    if 'spec' not in value or (v := value['spec']) is UNSET:
        problems.append(f"{path}.spec: is required")
    else:
        _validators['workload_spec'](v, f"{path}.spec", problems)

