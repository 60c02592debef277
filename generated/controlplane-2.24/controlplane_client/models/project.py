"""The 'Project' schema."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    DATE_TIME,
    STRING,
    UNSET,
    UUID_TEXT,
    Codec,
    ReceivedModel,
    Unset,
    as_json,
    enum_of,
    has_duplicates,
    is_datetime,
    is_uuid,
    list_of,
    model_of,
    model_to_dict,
    nullable,
    validators,
)

if TYPE_CHECKING:
    import datetime
    from uuid import UUID

    from controlplane_client.models.project_status import ProjectStatus
    from controlplane_client.models.resources import Resources
    from controlplane_client.models.scheduling_rules import SchedulingRules


@define(kw_only=True)
class Project(ReceivedModel):
    """The 'Project' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'name': 'name',
        'description': 'description',
        'parent_id': 'parentId',
        'cluster_id': 'clusterId',
        'requested_namespace': 'requestedNamespace',
        'resources': 'resources',
        'default_node_pools': 'defaultNodePools',
        'scheduling_rules': 'schedulingRules',
        'id': 'id',
        'created_at': 'createdAt',
        'status': 'status',
        'namespace': 'namespace',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'clusterId', 'createdAt', 'id', 'name', 'parentId'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    name: str
    parent_id: str
    """The id of the department that owns the project."""
    cluster_id: UUID
    id: str
    created_at: datetime.datetime
    description: str | None | Unset = UNSET
    requested_namespace: str | None | Unset = UNSET
    resources: list[Resources] | Unset = UNSET
    default_node_pools: list[str] | Unset = UNSET
    scheduling_rules: SchedulingRules | Unset = UNSET
    status: ProjectStatus | Unset = UNSET
    namespace: str | None | Unset = UNSET
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> Project:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from controlplane_client.models.project_status import ProjectStatus
        from controlplane_client.models.resources import Resources
        from controlplane_client.models.scheduling_rules import SchedulingRules

        return {
            'name': STRING,
            'parent_id': STRING,
            'cluster_id': UUID_TEXT,
            'id': STRING,
            'created_at': DATE_TIME,
            'description': nullable(STRING),
            'requested_namespace': nullable(STRING),
            'resources': list_of(model_of(Resources)),
            'default_node_pools': list_of(STRING),
            'scheduling_rules': model_of(SchedulingRules),
            'status': enum_of(ProjectStatus),
            'namespace': nullable(STRING),
            'additional_properties': ANY,
        }


_validators = validators('controlplane_client')


def validate_project(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'Project'."""
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
    if 'description' in value and (v := value['description']) is not UNSET and v is not None:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.description: must be a string")
        elif len(v) > 1024:
            problems.append(f"{path}.description: must be at most 1024 characters long")
    if 'parentId' not in value or (v := value['parentId']) is UNSET:
        problems.append(f"{path}.parentId: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.parentId: must be a string")
    if 'clusterId' not in value or (v := value['clusterId']) is UNSET:
        problems.append(f"{path}.clusterId: is required")
    else:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.clusterId: must be a string")
        elif not is_uuid(v):
            problems.append(f"{path}.clusterId: must be a uuid")
    if 'requestedNamespace' in value and (v := value['requestedNamespace']) is not UNSET and v is not None:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.requestedNamespace: must be a string")
        else:
            if len(v) > 63:
                problems.append(f"{path}.requestedNamespace: must be at most 63 characters long")
            if re.search('^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', v) is None:
                problems.append(f"{path}.requestedNamespace: must match the pattern ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
    if 'resources' in value and (v := value['resources']) is not UNSET:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.resources: must be an array")
        else:
            for i1, x1 in enumerate(v):
                _validators['resources'](x1, f"{path}.resources[{i1}]", problems)
    if 'defaultNodePools' in value and (v := value['defaultNodePools']) is not UNSET:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.defaultNodePools: must be an array")
        else:
            if len(v) > 16:
                problems.append(f"{path}.defaultNodePools: must have at most 16 items")
            if has_duplicates(v):
                problems.append(f"{path}.defaultNodePools: must not repeat items")
            for i1, x1 in enumerate(v):
                if not isinstance(x1, str) and not isinstance(x1 := as_json(x1), str):
                    problems.append(f"{path}.defaultNodePools[{i1}]: must be a string")
    if 'schedulingRules' in value and (v := value['schedulingRules']) is not UNSET:
        _validators['scheduling_rules'](v, f"{path}.schedulingRules", problems)
    if (
        'id' in value
        and (v := value['id']) is not UNSET
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.id: must be a string")
    if 'createdAt' in value and (v := value['createdAt']) is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.createdAt: must be a string")
        elif not is_datetime(v):
            problems.append(f"{path}.createdAt: must be a date-time")
    if 'status' in value and (v := value['status']) is not UNSET:
        _validators['project_status'](v, f"{path}.status", problems)
    if (
        'namespace' in value
        and (v := value['namespace']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.namespace: must be a string")

