"""The 'AuditLog' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    BOOLEAN,
    DATE_TIME,
    STRING,
    UNSET,
    Codec,
    ReceivedModel,
    Unset,
    as_json,
    enum_of,
    is_datetime,
    model_to_dict,
    nullable,
    validators,
)

if TYPE_CHECKING:
    import datetime

    from controlplane_client.models.audit_action import AuditAction


@define(kw_only=True)
class AuditLog(ReceivedModel):
    """The 'AuditLog' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'timestamp': 'timestamp',
        'user': 'user',
        'action': 'action',
        'entity_type': 'entityType',
        'entity_id': 'entityId',
        'success': 'success',
        'source_ip': 'sourceIp',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'action', 'entityType', 'timestamp'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    timestamp: datetime.datetime
    action: AuditAction
    entity_type: str
    user: str | None | Unset = UNSET
    entity_id: str | None | Unset = UNSET
    success: bool | Unset = UNSET
    source_ip: str | None | Unset = UNSET
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> AuditLog:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from controlplane_client.models.audit_action import AuditAction

        return {
            'timestamp': DATE_TIME,
            'action': enum_of(AuditAction),
            'entity_type': STRING,
            'user': nullable(STRING),
            'entity_id': nullable(STRING),
            'success': BOOLEAN,
            'source_ip': nullable(STRING),
            'additional_properties': ANY,
        }


_validators = validators('controlplane_client')


def validate_audit_log(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'AuditLog'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'timestamp' not in value or (v := value['timestamp']) is UNSET:
        problems.append(f"{path}.timestamp: is required")
    else:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.timestamp: must be a string")
        elif not is_datetime(v):
            problems.append(f"{path}.timestamp: must be a date-time")
    if (
        'user' in value
        and (v := value['user']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.user: must be a string")
    if 'action' not in value or (v := value['action']) is UNSET:
        problems.append(f"{path}.action: is required")
    else:
        _validators['audit_action'](v, f"{path}.action", problems)
    if 'entityType' not in value or (v := value['entityType']) is UNSET:
        problems.append(f"{path}.entityType: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.entityType: must be a string")
    if (
        'entityId' in value
        and (v := value['entityId']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.entityId: must be a string")
    if (
        'success' in value
        and (v := value['success']) is not UNSET
        and not isinstance(v, bool)
        and not isinstance(v := as_json(v), bool)
    ):
        problems.append(f"{path}.success: must be a boolean")
    if (
        'sourceIp' in value
        and (v := value['sourceIp']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.sourceIp: must be a string")

