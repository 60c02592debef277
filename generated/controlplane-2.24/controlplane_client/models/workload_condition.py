"""The 'WorkloadCondition' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import UNSET, Unset, model_to_dict, parse_datetime

if TYPE_CHECKING:
    import datetime

    from controlplane_client.models.workload_condition_status import (
        WorkloadConditionStatus,
    )


@define(kw_only=True)
class WorkloadCondition:
    """The 'WorkloadCondition' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'type_': 'type',
        'status': 'status',
        'reason': 'reason',
        'message': 'message',
        'last_transition_time': 'lastTransitionTime',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'status', 'type'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    type_: str
    status: WorkloadConditionStatus
    reason: str | None | Unset = UNSET
    message: str | None | Unset = UNSET
    last_transition_time: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> WorkloadCondition:
        """Build the model from JSON data; unknown keys land in ``additional_properties``."""
        # Locals are "d", "v" and "_<attribute>": no property name can shadow them.
        from controlplane_client.models.workload_condition_status import (
            WorkloadConditionStatus,
        )

        d = dict(src)
        _type_ = d.pop('type')
        v = d.pop('status')
        _status = WorkloadConditionStatus(v)
        _reason = d.pop('reason', UNSET)
        _message = d.pop('message', UNSET)
        v = d.pop('lastTransitionTime', UNSET)
        _last_transition_time = v if isinstance(v, Unset) else parse_datetime(v)
        return cls(
            type_=_type_,
            status=_status,
            reason=_reason,
            message=_message,
            last_transition_time=_last_transition_time,
            additional_properties=d,
        )
