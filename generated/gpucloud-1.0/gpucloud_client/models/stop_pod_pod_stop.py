"""The 'StopPodPodStop' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    DATE_TIME,
    STRING,
    UNSET,
    Codec,
    ReceivedModel,
    as_json,
    enum_of,
    is_datetime,
    model_to_dict,
    nullable,
    validators,
)

if TYPE_CHECKING:
    import datetime

    from gpucloud_client.models.pod_status import PodStatus


@define(kw_only=True)
class StopPodPodStop(ReceivedModel):
    """The 'StopPodPodStop' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'id': 'id',
        'desired_status': 'desiredStatus',
        'last_status_change': 'lastStatusChange',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'desiredStatus', 'id', 'lastStatusChange'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    id: str
    desired_status: PodStatus
    last_status_change: datetime.datetime | None
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> StopPodPodStop:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from gpucloud_client.models.pod_status import PodStatus

        return {
            'id': STRING,
            'desired_status': enum_of(PodStatus),
            'last_status_change': nullable(DATE_TIME),
            'additional_properties': ANY,
        }


_validators = validators('gpucloud_client')


def validate_stop_pod_pod_stop(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'StopPodPodStop'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'id' not in value or (v := value['id']) is UNSET:
        problems.append(f"{path}.id: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.id: must be a string")
    if 'desiredStatus' not in value or (v := value['desiredStatus']) is UNSET:
        problems.append(f"{path}.desiredStatus: is required")
    else:
        _validators['pod_status'](v, f"{path}.desiredStatus", problems)
    if 'lastStatusChange' not in value or (v := value['lastStatusChange']) is UNSET:
        problems.append(f"{path}.lastStatusChange: is required")
    elif v is not None:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.lastStatusChange: must be a string")
        elif not is_datetime(v):
            problems.append(f"{path}.lastStatusChange: must be a date-time")

