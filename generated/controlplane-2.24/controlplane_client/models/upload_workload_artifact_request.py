"""The 'UploadWorkloadArtifactRequest' schema."""

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
    Unset,
    Upload,
    as_json,
    is_file_content,
    list_of,
    map_of,
    model_to_dict,
)


@define(kw_only=True)
class UploadWorkloadArtifactRequest(ReceivedModel):
    """The 'UploadWorkloadArtifactRequest' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'file': 'file',
        'description': 'description',
        'labels': 'labels',
        'tags': 'tags',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'file'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    file: Upload
    """The artifact's content."""
    description: str | Unset = UNSET
    labels: dict[str, str] | Unset = UNSET
    """Sent as a JSON part."""
    tags: list[str] | Unset = UNSET
    """One part per tag."""
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> UploadWorkloadArtifactRequest:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        return {
            'file': STRING,
            'description': STRING,
            'labels': map_of(STRING),
            'tags': list_of(STRING),
            'additional_properties': ANY,
        }


def validate_upload_workload_artifact_request(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'UploadWorkloadArtifactRequest'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'file' not in value or (v := value['file']) is UNSET:
        problems.append(f"{path}.file: is required")
    elif not is_file_content(v):
        problems.append(
            f"{path}.file: must be a file: bytes, a path, a binary file object or an iterator of bytes (a File to name it)"
        )
    if 'description' in value and (v := value['description']) is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.description: must be a string")
        elif len(v) > 200:
            problems.append(f"{path}.description: must be at most 200 characters long")
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

