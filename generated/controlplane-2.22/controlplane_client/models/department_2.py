"""The 'department' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    BOOLEAN,
    INTEGER,
    NUMBER,
    STRING,
    UNSET,
    Codec,
    ReceivedModel,
    Unset,
    as_json,
    is_int32,
    is_integer,
    is_number,
    model_to_dict,
)


@define(kw_only=True)
class Department_2(ReceivedModel):
    """The department summary used by legacy endpoints."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'id': 'id',
        'name': 'name',
        'deserved_gpus': 'deservedGpus',
        'allow_over_quota': 'allowOverQuota',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'id', 'name'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    id: int
    name: str
    deserved_gpus: float | Unset = UNSET
    allow_over_quota: bool | Unset = True
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> Department_2:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        return {
            'id': INTEGER,
            'name': STRING,
            'deserved_gpus': NUMBER,
            'allow_over_quota': BOOLEAN,
            'additional_properties': ANY,
        }


def validate_department_2(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'department'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'id' not in value or (v := value['id']) is UNSET:
        problems.append(f"{path}.id: is required")
    else:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.id: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.id: must fit in int32")
    if 'name' not in value or (v := value['name']) is UNSET:
        problems.append(f"{path}.name: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.name: must be a string")
    if 'deservedGpus' in value and (v := value['deservedGpus']) is not UNSET:
        if not is_number(v) and not is_number(v := as_json(v)):
            problems.append(f"{path}.deservedGpus: must be a number")
        elif v < 0:
            problems.append(f"{path}.deservedGpus: must be >= 0")
    if (
        'allowOverQuota' in value
        and (v := value['allowOverQuota']) is not UNSET
        and not isinstance(v, bool)
        and not isinstance(v := as_json(v), bool)
    ):
        problems.append(f"{path}.allowOverQuota: must be a boolean")

