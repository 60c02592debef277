"""The 'ErrorResponse' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    INTEGER,
    STRING,
    UNSET,
    Codec,
    ReceivedModel,
    Unset,
    as_json,
    is_int32,
    is_integer,
    map_of,
    model_to_dict,
    nullable,
)


@define(kw_only=True)
class ErrorResponse(ReceivedModel):
    """The 'ErrorResponse' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'code': 'code',
        'message': 'message',
        'request_id': 'requestId',
        'details': 'details',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'code', 'message'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    code: int
    message: str
    request_id: str | None | Unset = UNSET
    details: dict[str, str] | Unset = UNSET
    """Field path to problem, for validation errors."""
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> ErrorResponse:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        return {
            'code': INTEGER,
            'message': STRING,
            'request_id': nullable(STRING),
            'details': map_of(STRING),
            'additional_properties': ANY,
        }


def validate_error_response(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'ErrorResponse'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'code' not in value or (v := value['code']) is UNSET:
        problems.append(f"{path}.code: is required")
    else:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.code: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.code: must fit in int32")
    if 'message' not in value or (v := value['message']) is UNSET:
        problems.append(f"{path}.message: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.message: must be a string")
    if (
        'requestId' in value
        and (v := value['requestId']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.requestId: must be a string")
    if 'details' in value and (v := value['details']) is not UNSET:
        if not isinstance(v, dict) and not isinstance(v := as_json(v), dict):
            problems.append(f"{path}.details: must be an object")
        else:
            for k1, x1 in v.items():
                if not isinstance(x1, str) and not isinstance(x1 := as_json(x1), str):
                    problems.append(f"{path}.details.{k1}: must be a string")

