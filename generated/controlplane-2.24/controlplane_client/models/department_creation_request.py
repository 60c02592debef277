"""The 'DepartmentCreationRequest' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import UNSET, Unset, model_to_dict, parse_uuid

if TYPE_CHECKING:
    from uuid import UUID

    from controlplane_client.models.resources import Resources


@define(kw_only=True)
class DepartmentCreationRequest:
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
        """Build the model from JSON data; unknown keys land in ``additional_properties``."""
        # Locals are "d", "v" and "_<attribute>": no property name can shadow them.
        from controlplane_client.models.resources import Resources

        d = dict(src)
        _name = d.pop('name')
        v = d.pop('clusterId')
        _cluster_id = parse_uuid(v)
        _description = d.pop('description', UNSET)
        v = d.pop('resources', UNSET)
        _resources = v if isinstance(v, Unset) else [Resources.from_dict(x0) for x0 in v]
        return cls(
            name=_name,
            cluster_id=_cluster_id,
            description=_description,
            resources=_resources,
            additional_properties=d,
        )
