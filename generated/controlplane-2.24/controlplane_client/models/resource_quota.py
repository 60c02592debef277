"""The 'ResourceQuota' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    INTEGER,
    NUMBER,
    UNSET,
    Codec,
    ReceivedModel,
    Unset,
    as_json,
    is_int32,
    is_integer,
    is_number,
    model_to_dict,
    nullable,
)


@define(kw_only=True)
class ResourceQuota(ReceivedModel):
    """The 'ResourceQuota' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'deserved': 'deserved',
        'limit': 'limit',
        'over_quota_weight': 'overQuotaWeight',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset()
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    deserved: float | None | Unset = UNSET
    limit: float | None | Unset = UNSET
    over_quota_weight: int | Unset = 2
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> ResourceQuota:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        return {
            'deserved': nullable(NUMBER),
            'limit': nullable(NUMBER),
            'over_quota_weight': INTEGER,
            'additional_properties': ANY,
        }


def validate_resource_quota(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'ResourceQuota'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'deserved' in value and (v := value['deserved']) is not UNSET and v is not None:
        if not is_number(v) and not is_number(v := as_json(v)):
            problems.append(f"{path}.deserved: must be a number")
        elif v < 0:
            problems.append(f"{path}.deserved: must be >= 0")
    if 'limit' in value and (v := value['limit']) is not UNSET and v is not None:
        if not is_number(v) and not is_number(v := as_json(v)):
            problems.append(f"{path}.limit: must be a number")
        elif v < 0:
            problems.append(f"{path}.limit: must be >= 0")
    if 'overQuotaWeight' in value and (v := value['overQuotaWeight']) is not UNSET:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.overQuotaWeight: must be an integer")
        else:
            if v < 0:
                problems.append(f"{path}.overQuotaWeight: must be >= 0")
            if v > 3:
                problems.append(f"{path}.overQuotaWeight: must be <= 3")
            if not is_int32(v):
                problems.append(f"{path}.overQuotaWeight: must fit in int32")

