"""The 'DepartmentCreationRequest' schema."""

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
    Unset,
    as_json,
    is_uuid,
    list_of,
    model_of,
    model_to_dict,
    nullable,
    validators,
)

if TYPE_CHECKING:
    from uuid import UUID

    from controlplane_client.models.resources import Resources


@define(kw_only=True)
class DepartmentCreationRequest(ReceivedModel):
    """The 'DepartmentCreationRequest' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'name': 'name',
        'description': 'description',
        'cluster_id': 'clusterId',
        'resources': 'resources',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'clusterId', 'name'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    name: str
    cluster_id: UUID
    description: str | None | Unset = UNSET
    resources: list[Resources] | Unset = UNSET
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> DepartmentCreationRequest:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from controlplane_client.models.resources import Resources

        return {
            'name': STRING,
            'cluster_id': UUID_TEXT,
            'description': nullable(STRING),
            'resources': list_of(model_of(Resources)),
            'additional_properties': ANY,
        }


_validators = validators('controlplane_client')


def validate_department_creation_request(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'DepartmentCreationRequest'."""
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
    if 'clusterId' not in value or (v := value['clusterId']) is UNSET:
        problems.append(f"{path}.clusterId: is required")
    else:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.clusterId: must be a string")
        elif not is_uuid(v):
            problems.append(f"{path}.clusterId: must be a uuid")
    if 'resources' in value and (v := value['resources']) is not UNSET:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.resources: must be an array")
        else:
            if len(v) < 1:
                problems.append(f"{path}.resources: must have at least 1 items")
            for i1, x1 in enumerate(v):
                _validators['resources'](x1, f"{path}.resources[{i1}]", problems)

