"""The 'TimeRange' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    DATE_TIME,
    UNSET,
    Codec,
    ReceivedModel,
    Unset,
    as_json,
    is_datetime,
    model_to_dict,
    nullable,
)

if TYPE_CHECKING:
    import datetime


@define(kw_only=True)
class TimeRange(ReceivedModel):
    """The 'TimeRange' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {'from_': 'from', 'to': 'to'}
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'from'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    from_: datetime.datetime
    to: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> TimeRange:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        return {
            'from_': DATE_TIME,
            'to': nullable(DATE_TIME),
            'additional_properties': ANY,
        }


def validate_time_range(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'TimeRange'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'from' not in value or (v := value['from']) is UNSET:
        problems.append(f"{path}.from: is required")
    else:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.from: must be a string")
        elif not is_datetime(v):
            problems.append(f"{path}.from: must be a date-time")
    if 'to' in value and (v := value['to']) is not UNSET and v is not None:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.to: must be a string")
        elif not is_datetime(v):
            problems.append(f"{path}.to: must be a date-time")
    for k in value:
        if k not in {'from', 'to'}:
            problems.append(f"{path}.{k}: is not allowed (no additional properties)")

