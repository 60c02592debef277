"""The 'WorkloadCondition' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
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

    from controlplane_client.models.workload_condition_status import (
        WorkloadConditionStatus,
    )


@define(kw_only=True)
class WorkloadCondition(ReceivedModel):
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
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from controlplane_client.models.workload_condition_status import (
            WorkloadConditionStatus,
        )

        return {
            'type_': STRING,
            'status': enum_of(WorkloadConditionStatus),
            'reason': nullable(STRING),
            'message': nullable(STRING),
            'last_transition_time': DATE_TIME,
            'additional_properties': ANY,
        }


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

