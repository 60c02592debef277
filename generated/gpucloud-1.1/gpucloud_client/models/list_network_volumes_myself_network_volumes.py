"""The 'ListNetworkVolumesMyselfNetworkVolumes' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    DATE_TIME,
    INTEGER,
    STRING,
    UNSET,
    Codec,
    ReceivedModel,
    as_json,
    is_datetime,
    is_int32,
    is_integer,
    model_to_dict,
)

if TYPE_CHECKING:
    import datetime


@define(kw_only=True)
class ListNetworkVolumesMyselfNetworkVolumes(ReceivedModel):
    """The 'ListNetworkVolumesMyselfNetworkVolumes' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'id': 'id',
        'name': 'name',
        'size': 'size',
        'data_center_id': 'dataCenterId',
        'created_at': 'createdAt',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'createdAt', 'dataCenterId', 'id', 'name', 'size'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    id: str
    name: str
    size: int
    """Size in GB."""
    data_center_id: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> ListNetworkVolumesMyselfNetworkVolumes:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        return {
            'id': STRING,
            'name': STRING,
            'size': INTEGER,
            'data_center_id': STRING,
            'created_at': DATE_TIME,
            'additional_properties': ANY,
        }


def validate_list_network_volumes_myself_network_volumes(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'ListNetworkVolumesMyselfNetworkVolumes'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'id' not in value or (v := value['id']) is UNSET:
        problems.append(f"{path}.id: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.id: must be a string")
    if 'name' not in value or (v := value['name']) is UNSET:
        problems.append(f"{path}.name: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.name: must be a string")
    if 'size' not in value or (v := value['size']) is UNSET:
        problems.append(f"{path}.size: is required")
    else:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.size: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.size: must fit in int32")
    if 'dataCenterId' not in value or (v := value['dataCenterId']) is UNSET:
        problems.append(f"{path}.dataCenterId: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.dataCenterId: must be a string")
    if 'createdAt' not in value or (v := value['createdAt']) is UNSET:
        problems.append(f"{path}.createdAt: is required")
    else:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.createdAt: must be a string")
        elif not is_datetime(v):
            problems.append(f"{path}.createdAt: must be a date-time")

