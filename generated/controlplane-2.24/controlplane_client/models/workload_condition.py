"""The 'WorkloadCondition' schema."""

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


_validators = validators('controlplane_client')


def validate_workload_condition(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'WorkloadCondition'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'type' not in value or (v := value['type']) is UNSET:
        problems.append(f"{path}.type: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.type: must be a string")
    if 'status' not in value or (v := value['status']) is UNSET:
        problems.append(f"{path}.status: is required")
    else:
        _validators['workload_condition_status'](v, f"{path}.status", problems)
    if (
        'reason' in value
        and (v := value['reason']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.reason: must be a string")
    if (
        'message' in value
        and (v := value['message']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.message: must be a string")
    if 'lastTransitionTime' in value and (v := value['lastTransitionTime']) is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.lastTransitionTime: must be a string")
        elif not is_datetime(v):
            problems.append(f"{path}.lastTransitionTime: must be a date-time")
