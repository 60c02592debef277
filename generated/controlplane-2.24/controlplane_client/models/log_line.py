"""The 'LogLine' schema."""

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
    is_datetime,
    model_to_dict,
)

if TYPE_CHECKING:
    import datetime


@define(kw_only=True)
class LogLine(ReceivedModel):
    """The 'LogLine' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {'line': 'line', 'pod': 'pod', 'time': 'time'}
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'line'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    line: str
    pod: str | Unset = UNSET
    time: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> LogLine:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        return {
            'line': STRING,
            'pod': STRING,
            'time': DATE_TIME,
            'additional_properties': ANY,
        }


def validate_log_line(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'LogLine'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'line' not in value or (v := value['line']) is UNSET:
        problems.append(f"{path}.line: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.line: must be a string")
    if (
        'pod' in value
        and (v := value['pod']) is not UNSET
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.pod: must be a string")
    if 'time' in value and (v := value['time']) is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.time: must be a string")
        elif not is_datetime(v):
            problems.append(f"{path}.time: must be a date-time")

