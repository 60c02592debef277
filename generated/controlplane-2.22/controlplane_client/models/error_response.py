"""The 'ErrorResponse' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from attrs import define, field
from specloom_runtime import UNSET, Unset, model_to_dict


@define(kw_only=True)
class ErrorResponse:
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
        """Build the model from JSON data; unknown keys land in ``additional_properties``."""
        # Locals are "d", "v" and "_<attribute>": no property name can shadow them.
        d = dict(src)
        _code = d.pop('code')
        _message = d.pop('message')
        _request_id = d.pop('requestId', UNSET)
        _details = d.pop('details', UNSET)
        return cls(
            code=_code,
            message=_message,
            request_id=_request_id,
            details=_details,
            additional_properties=d,
        )
