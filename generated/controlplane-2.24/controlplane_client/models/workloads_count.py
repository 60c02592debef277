"""The 'WorkloadsCount' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    INTEGER,
    UNSET,
    Codec,
    ReceivedModel,
    as_json,
    is_int64,
    is_integer,
    model_to_dict,
)


@define(kw_only=True)
class WorkloadsCount(ReceivedModel):
    """The 'WorkloadsCount' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {'count': 'count'}
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'count'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    count: int
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> WorkloadsCount:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        return {
            'count': INTEGER,
            'additional_properties': ANY,
        }


def validate_workloads_count(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'WorkloadsCount'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'count' not in value or (v := value['count']) is UNSET:
        problems.append(f"{path}.count: is required")
    else:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.count: must be an integer")
        else:
            if v < 0:
                problems.append(f"{path}.count: must be >= 0")
            if not is_int64(v):
                problems.append(f"{path}.count: must fit in int64")

