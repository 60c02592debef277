"""The 'AuditLog' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    UNSET,
    Unset,
    as_json,
    is_datetime,
    model_to_dict,
    parse_datetime,
    validators,
)

if TYPE_CHECKING:
    import datetime

    from controlplane_client.models.audit_action import AuditAction


@define(kw_only=True)
class AuditLog:
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
        """Build the model from JSON data; unknown keys land in ``additional_properties``."""
        # Locals are "d", "v" and "_<attribute>": no property name can shadow them.
        from controlplane_client.models.audit_action import AuditAction

        d = dict(src)
        v = d.pop('timestamp')
        _timestamp = parse_datetime(v)
        v = d.pop('action')
        _action = AuditAction(v)
        _entity_type = d.pop('entityType')
        _user = d.pop('user', UNSET)
        _entity_id = d.pop('entityId', UNSET)
        _success = d.pop('success', UNSET)
        _source_ip = d.pop('sourceIp', UNSET)
        return cls(
            timestamp=_timestamp,
            action=_action,
            entity_type=_entity_type,
            user=_user,
            entity_id=_entity_id,
            success=_success,
            source_ip=_source_ip,
            additional_properties=d,
        )


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
