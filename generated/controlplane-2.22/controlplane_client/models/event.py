"""The 'Event' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    DATE_TIME,
    INTEGER,
    STRING,
    UNSET,
    Codec,
    ReceivedModel,
    Unset,
    as_json,
    enum_of,
    is_datetime,
    is_int64,
    is_integer,
    model_to_dict,
    nullable,
    validators,
)

if TYPE_CHECKING:
    import datetime

    from controlplane_client.models.event_type import EventType


@define(kw_only=True)
class Event(ReceivedModel):
    """The 'Event' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'id': 'id',
        'created_at': 'createdAt',
        'type_': 'type',
        'reason': 'reason',
        'message': 'message',
        'from_': 'from',
        'count': 'count',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'createdAt', 'id', 'reason', 'type'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    id: str
    created_at: datetime.datetime
    type_: EventType
    reason: str
    message: str | None | Unset = UNSET
    from_: str | Unset = UNSET
    """The component that reported the event."""
    count: int | Unset = 1
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> Event:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from controlplane_client.models.event_type import EventType

        return {
            'id': STRING,
            'created_at': DATE_TIME,
            'type_': enum_of(EventType),
            'reason': STRING,
            'message': nullable(STRING),
            'from_': STRING,
            'count': INTEGER,
            'additional_properties': ANY,
        }


_validators = validators('controlplane_client')


def validate_event(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'Event'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'id' not in value or (v := value['id']) is UNSET:
        problems.append(f"{path}.id: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.id: must be a string")
    if 'createdAt' not in value or (v := value['createdAt']) is UNSET:
        problems.append(f"{path}.createdAt: is required")
    else:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.createdAt: must be a string")
        elif not is_datetime(v):
            problems.append(f"{path}.createdAt: must be a date-time")
    if 'type' not in value or (v := value['type']) is UNSET:
        problems.append(f"{path}.type: is required")
    else:
        _validators['event_type'](v, f"{path}.type", problems)
    if 'reason' not in value or (v := value['reason']) is UNSET:
        problems.append(f"{path}.reason: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.reason: must be a string")
    if (
        'message' in value
        and (v := value['message']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.message: must be a string")
    if (
        'from' in value
        and (v := value['from']) is not UNSET
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.from: must be a string")
    if 'count' in value and (v := value['count']) is not UNSET:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.count: must be an integer")
        else:
            if v < 1:
                problems.append(f"{path}.count: must be >= 1")
            if not is_int64(v):
                problems.append(f"{path}.count: must fit in int64")

