"""The 'AcceptedResponse' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    STRING,
    UNSET,
    UUID_TEXT,
    Codec,
    ReceivedModel,
    Unset,
    as_json,
    is_uuid,
    model_to_dict,
    nullable,
)

if TYPE_CHECKING:
    from uuid import UUID


@define(kw_only=True)
class AcceptedResponse(ReceivedModel):
    """The 'AcceptedResponse' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {'request_id': 'requestId', 'message': 'message'}
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'requestId'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    request_id: UUID
    message: str | None | Unset = UNSET
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> AcceptedResponse:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        return {
            'request_id': UUID_TEXT,
            'message': nullable(STRING),
            'additional_properties': ANY,
        }


def validate_accepted_response(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'AcceptedResponse'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'requestId' not in value or (v := value['requestId']) is UNSET:
        problems.append(f"{path}.requestId: is required")
    else:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.requestId: must be a string")
        elif not is_uuid(v):
            problems.append(f"{path}.requestId: must be a uuid")
    if (
        'message' in value
        and (v := value['message']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.message: must be a string")

