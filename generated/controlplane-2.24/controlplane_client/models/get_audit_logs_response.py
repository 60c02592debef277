"""The 'GetAuditLogsResponse' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import UNSET, Unset, model_to_dict

if TYPE_CHECKING:
    from controlplane_client.models.audit_log import AuditLog
    from controlplane_client.models.time_range import TimeRange


@define(kw_only=True)
class GetAuditLogsResponse:
    """The 'GetAuditLogsResponse' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {'logs': 'logs', 'time_range': 'timeRange', 'next': 'next'}
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'logs', 'timeRange'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    logs: list[AuditLog]
    time_range: TimeRange
    next: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> GetAuditLogsResponse:
        """Build the model from JSON data; unknown keys land in ``additional_properties``."""
        # Locals are "d", "v" and "_<attribute>": no property name can shadow them.
        from controlplane_client.models.audit_log import AuditLog
        from controlplane_client.models.time_range import TimeRange

        d = dict(src)
        v = d.pop('logs')
        _logs = [AuditLog.from_dict(x0) for x0 in v]
        v = d.pop('timeRange')
        _time_range = TimeRange.from_dict(v)
        _next = d.pop('next', UNSET)
        return cls(
            logs=_logs,
            time_range=_time_range,
            next=_next,
            additional_properties=d,
        )
