"""The 'PortRules-2' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from attrs import define, field
from specloom_runtime import UNSET, Unset, model_to_dict

from controlplane_client.models.port_rules2_service_type import PortRules2ServiceType


@define(kw_only=True)
class PortRules2:
    """The 'PortRules-2' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'container': 'container',
        'external': 'external',
        'service_type': 'serviceType',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'container'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    container: int
    external: int | None | Unset = UNSET
    service_type: PortRules2ServiceType | Unset = PortRules2ServiceType.CLUSTER_IP
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> PortRules2:
        """Build the model from JSON data; unknown keys land in ``additional_properties``."""
        # Locals are "d", "v" and "_<attribute>": no property name can shadow them.
        d = dict(src)
        _container = d.pop('container')
        _external = d.pop('external', UNSET)
        v = d.pop('serviceType', UNSET)
        _service_type = v if isinstance(v, Unset) else PortRules2ServiceType(v)
        return cls(
            container=_container,
            external=_external,
            service_type=_service_type,
            additional_properties=d,
        )
