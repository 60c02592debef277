"""The 'Artifact' schema."""

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
    is_int64,
    is_integer,
    list_of,
    map_of,
    model_to_dict,
)


@define(kw_only=True)
class Artifact(ReceivedModel):
    """The 'Artifact' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'name': 'name',
        'size': 'size',
        'sha256': 'sha256',
        'content_type': 'contentType',
        'description': 'description',
        'labels': 'labels',
        'tags': 'tags',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'name', 'sha256', 'size'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    name: str
    size: int
    sha256: str
    content_type: str | Unset = UNSET
    description: str | Unset = UNSET
    labels: dict[str, str] | Unset = UNSET
    tags: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> Artifact:
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
            'size': INTEGER,
            'sha256': STRING,
            'content_type': STRING,
            'description': STRING,
            'labels': map_of(STRING),
            'tags': list_of(STRING),
            'additional_properties': ANY,
        }


def validate_artifact(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'Artifact'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'name' not in value or (v := value['name']) is UNSET:
        problems.append(f"{path}.name: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.name: must be a string")
    if 'size' not in value or (v := value['size']) is UNSET:
        problems.append(f"{path}.size: is required")
    else:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.size: must be an integer")
        elif not is_int64(v):
            problems.append(f"{path}.size: must fit in int64")
    if 'sha256' not in value or (v := value['sha256']) is UNSET:
        problems.append(f"{path}.sha256: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.sha256: must be a string")
    if (
        'contentType' in value
        and (v := value['contentType']) is not UNSET
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.contentType: must be a string")
    if (
        'description' in value
        and (v := value['description']) is not UNSET
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.description: must be a string")
    if 'labels' in value and (v := value['labels']) is not UNSET:
        if not isinstance(v, dict) and not isinstance(v := as_json(v), dict):
            problems.append(f"{path}.labels: must be an object")
        else:
            for k1, x1 in v.items():
                if not isinstance(x1, str) and not isinstance(x1 := as_json(x1), str):
                    problems.append(f"{path}.labels.{k1}: must be a string")
    if 'tags' in value and (v := value['tags']) is not UNSET:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.tags: must be an array")
        else:
            for i1, x1 in enumerate(v):
                if not isinstance(x1, str) and not isinstance(x1 := as_json(x1), str):
                    problems.append(f"{path}.tags[{i1}]: must be a string")

