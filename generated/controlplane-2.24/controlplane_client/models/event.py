"""The 'Event' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import UNSET, Unset, model_to_dict, parse_datetime

if TYPE_CHECKING:
    import datetime

    from controlplane_client.models.event_type import EventType


@define(kw_only=True)
class Event:
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
        """Build the model from JSON data; unknown keys land in ``additional_properties``."""
        # Locals are "d", "v" and "_<attribute>": no property name can shadow them.
        from controlplane_client.models.event_type import EventType

        d = dict(src)
        _id = d.pop('id')
        v = d.pop('createdAt')
        _created_at = parse_datetime(v)
        v = d.pop('type')
        _type_ = EventType(v)
        _reason = d.pop('reason')
        _message = d.pop('message', UNSET)
        _from_ = d.pop('from', UNSET)
        _count = d.pop('count', UNSET)
        return cls(
            id=_id,
            created_at=_created_at,
            type_=_type_,
            reason=_reason,
            message=_message,
            from_=_from_,
            count=_count,
            additional_properties=d,
        )
