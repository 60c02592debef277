"""The 'OrgUnitBase' schema."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    STRING,
    UNSET,
    Codec,
    ReceivedModel,
    Unset,
    as_json,
    model_to_dict,
    nullable,
)


@define(kw_only=True)
class OrgUnitBase(ReceivedModel):
    """The 'OrgUnitBase' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {'name': 'name', 'description': 'description'}
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'name'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    name: str
    description: str | None | Unset = UNSET
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> OrgUnitBase:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        return {
            'name': STRING,
            'description': nullable(STRING),
            'additional_properties': ANY,
        }


def validate_org_unit_base(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'OrgUnitBase'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'name' not in value or (v := value['name']) is UNSET:
        problems.append(f"{path}.name: is required")
    else:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.name: must be a string")
        else:
            if len(v) < 1:
                problems.append(f"{path}.name: must be at least 1 characters long")
            if len(v) > 63:
                problems.append(f"{path}.name: must be at most 63 characters long")
            if re.search('^[a-z]([-a-z0-9]*[a-z0-9])?$', v) is None:
                problems.append(f"{path}.name: must match the pattern ^[a-z]([-a-z0-9]*[a-z0-9])?$")
    if 'description' in value and (v := value['description']) is not UNSET and v is not None:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.description: must be a string")
        elif len(v) > 1024:
            problems.append(f"{path}.description: must be at most 1024 characters long")

