"""The 'GetNodeNodeUser' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    STRING,
    UNSET,
    Codec,
    ReceivedModel,
    as_json,
    model_to_dict,
)


@define(kw_only=True)
class GetNodeNodeUser(ReceivedModel):
    """The 'GetNodeNodeUser' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {'typename': '__typename', 'id': 'id', 'email': 'email'}
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'__typename', 'email', 'id'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    typename: str
    id: str
    email: str
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> GetNodeNodeUser:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        return {
            'typename': STRING,
            'id': STRING,
            'email': STRING,
            'additional_properties': ANY,
        }


def validate_get_node_node_user(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'GetNodeNodeUser'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if '__typename' not in value or (v := value['__typename']) is UNSET:
        problems.append(f"{path}.__typename: is required")
    else:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.__typename: must be a string")
        elif v not in ('User',):
            problems.append(f"{path}.__typename: must be one of 'User'")
    if 'id' not in value or (v := value['id']) is UNSET:
        problems.append(f"{path}.id: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.id: must be a string")
    if 'email' not in value or (v := value['email']) is UNSET:
        problems.append(f"{path}.email: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.email: must be a string")

