"""The 'ListPodsMyselfPodsMachine' schema."""

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
    nullable,
)


@define(kw_only=True)
class ListPodsMyselfPodsMachine(ReceivedModel):
    """The 'ListPodsMyselfPodsMachine' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'gpu_display_name': 'gpuDisplayName',
        'location': 'location',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'gpuDisplayName', 'location'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    gpu_display_name: str
    location: str | None
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> ListPodsMyselfPodsMachine:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        return {
            'gpu_display_name': STRING,
            'location': nullable(STRING),
            'additional_properties': ANY,
        }


def validate_list_pods_myself_pods_machine(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'ListPodsMyselfPodsMachine'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'gpuDisplayName' not in value or (v := value['gpuDisplayName']) is UNSET:
        problems.append(f"{path}.gpuDisplayName: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.gpuDisplayName: must be a string")
    if 'location' not in value or (v := value['location']) is UNSET:
        problems.append(f"{path}.location: is required")
    elif v is not None and not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.location: must be a string")

