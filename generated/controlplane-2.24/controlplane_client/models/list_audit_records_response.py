"""The 'ListAuditRecordsResponse' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    STRING,
    UNSET,
    Codec,
    ReceivedModel,
    Unset,
    as_json,
    list_of,
    model_of,
    model_to_dict,
    nullable,
    validators,
)

if TYPE_CHECKING:
    from controlplane_client.models.audit_log import AuditLog


@define(kw_only=True)
class ListAuditRecordsResponse(ReceivedModel):
    """The 'ListAuditRecordsResponse' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {'records': 'records', 'next_cursor': 'nextCursor'}
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'records'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    records: list[AuditLog]
    next_cursor: str | None | Unset = UNSET
    """The cursor of the next page; null on the last page."""
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> ListAuditRecordsResponse:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from controlplane_client.models.audit_log import AuditLog

        return {
            'records': list_of(model_of(AuditLog)),
            'next_cursor': nullable(STRING),
            'additional_properties': ANY,
        }


_validators = validators('controlplane_client')


def validate_list_audit_records_response(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'ListAuditRecordsResponse'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'records' not in value or (v := value['records']) is UNSET:
        problems.append(f"{path}.records: is required")
    else:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.records: must be an array")
        else:
            for i1, x1 in enumerate(v):
                _validators['audit_log'](x1, f"{path}.records[{i1}]", problems)
    if (
        'nextCursor' in value
        and (v := value['nextCursor']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.nextCursor: must be a string")

