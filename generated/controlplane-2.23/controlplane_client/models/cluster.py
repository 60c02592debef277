"""The 'Cluster' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    UNSET,
    Unset,
    model_to_dict,
    parse_date,
    parse_datetime,
    parse_uuid,
)

if TYPE_CHECKING:
    import datetime
    from uuid import UUID

    from controlplane_client.models.cluster_status import ClusterStatus


@define(kw_only=True)
class Cluster:
    """The 'Cluster' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'uuid': 'uuid',
        'name': 'name',
        'version': 'version',
        'domain': 'domain',
        'status': 'status',
        'last_liveness': 'lastLiveness',
        'certificate_expires_on': 'certificateExpiresOn',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'name', 'uuid'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    uuid: UUID
    name: str
    version: str | None | Unset = UNSET
    domain: str | None | Unset = UNSET
    status: ClusterStatus | Unset = UNSET
    last_liveness: datetime.datetime | None | Unset = UNSET
    certificate_expires_on: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> Cluster:
        """Build the model from JSON data; unknown keys land in ``additional_properties``."""
        # Locals are "d", "v" and "_<attribute>": no property name can shadow them.
        from controlplane_client.models.cluster_status import ClusterStatus

        d = dict(src)
        v = d.pop('uuid')
        _uuid = parse_uuid(v)
        _name = d.pop('name')
        _version = d.pop('version', UNSET)
        _domain = d.pop('domain', UNSET)
        v = d.pop('status', UNSET)
        _status = v if isinstance(v, Unset) else ClusterStatus(v)
        v = d.pop('lastLiveness', UNSET)
        _last_liveness = v if v is None or isinstance(v, Unset) else parse_datetime(v)
        v = d.pop('certificateExpiresOn', UNSET)
        _certificate_expires_on = v if v is None or isinstance(v, Unset) else parse_date(v)
        return cls(
            uuid=_uuid,
            name=_name,
            version=_version,
            domain=_domain,
            status=_status,
            last_liveness=_last_liveness,
            certificate_expires_on=_certificate_expires_on,
            additional_properties=d,
        )
