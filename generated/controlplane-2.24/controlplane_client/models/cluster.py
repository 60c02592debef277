"""The 'Cluster' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    DATE,
    DATE_TIME,
    STRING,
    UNSET,
    UUID_TEXT,
    Codec,
    ReceivedModel,
    Unset,
    as_json,
    enum_of,
    is_date,
    is_datetime,
    is_uuid,
    model_to_dict,
    nullable,
    validators,
)

if TYPE_CHECKING:
    import datetime
    from uuid import UUID

    from controlplane_client.models.cluster_status import ClusterStatus


@define(kw_only=True)
class Cluster(ReceivedModel):
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
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from controlplane_client.models.cluster_status import ClusterStatus

        return {
            'uuid': UUID_TEXT,
            'name': STRING,
            'version': nullable(STRING),
            'domain': nullable(STRING),
            'status': enum_of(ClusterStatus),
            'last_liveness': nullable(DATE_TIME),
            'certificate_expires_on': nullable(DATE),
            'additional_properties': ANY,
        }


_validators = validators('controlplane_client')


def validate_cluster(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'Cluster'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'uuid' not in value or (v := value['uuid']) is UNSET:
        problems.append(f"{path}.uuid: is required")
    else:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.uuid: must be a string")
        elif not is_uuid(v):
            problems.append(f"{path}.uuid: must be a uuid")
    if 'name' not in value or (v := value['name']) is UNSET:
        problems.append(f"{path}.name: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.name: must be a string")
    if (
        'version' in value
        and (v := value['version']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.version: must be a string")
    if (
        'domain' in value
        and (v := value['domain']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.domain: must be a string")
    if 'status' in value and (v := value['status']) is not UNSET:
        _validators['cluster_status'](v, f"{path}.status", problems)
    if 'lastLiveness' in value and (v := value['lastLiveness']) is not UNSET and v is not None:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.lastLiveness: must be a string")
        elif not is_datetime(v):
            problems.append(f"{path}.lastLiveness: must be a date-time")
    if 'certificateExpiresOn' in value and (v := value['certificateExpiresOn']) is not UNSET and v is not None:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.certificateExpiresOn: must be a string")
        elif not is_date(v):
            problems.append(f"{path}.certificateExpiresOn: must be a date")

