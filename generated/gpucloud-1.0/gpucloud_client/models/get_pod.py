"""The 'GetPod' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    UNSET,
    Codec,
    ReceivedModel,
    as_json,
    model_of,
    model_to_dict,
    nullable,
    validators,
)

if TYPE_CHECKING:
    from gpucloud_client.models.get_pod_pod import GetPodPod


@define(kw_only=True)
class GetPod(ReceivedModel):
    """The 'GetPod' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {'pod': 'pod'}
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'pod'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    pod: GetPodPod | None
    """One of the caller's pods; `null` when it has none with that id."""
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> GetPod:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from gpucloud_client.models.get_pod_pod import GetPodPod

        return {
            'pod': nullable(model_of(GetPodPod)),
            'additional_properties': ANY,
        }


_validators = validators('gpucloud_client')


def validate_get_pod(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'GetPod'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'pod' not in value or (v := value['pod']) is UNSET:
        problems.append(f"{path}.pod: is required")
    elif v is not None:
        _validators['get_pod_pod'](v, f"{path}.pod", problems)

