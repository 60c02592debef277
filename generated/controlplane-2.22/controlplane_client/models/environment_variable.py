"""The 'EnvironmentVariable' schema."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    STRING,
    UNSET,
    Codec,
    ReceivedModel,
    Unset,
    as_json,
    model_of,
    model_to_dict,
    nullable,
    union_of,
    validators,
)

if TYPE_CHECKING:
    from controlplane_client.models.config_map_reference import ConfigMapReference
    from controlplane_client.models.secret_reference import SecretReference


@define(kw_only=True)
class EnvironmentVariable(ReceivedModel):
    """The 'EnvironmentVariable' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'name': 'name',
        'value': 'value',
        'value_from': 'valueFrom',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'name'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    name: str
    value: str | None | Unset = UNSET
    value_from: SecretReference | ConfigMapReference | None | Unset = UNSET
    """Take the value from a secret or a config map instead."""
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> EnvironmentVariable:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from controlplane_client.models.config_map_reference import ConfigMapReference
        from controlplane_client.models.secret_reference import SecretReference

        return {
            'name': STRING,
            'value': nullable(STRING),
            'value_from': nullable(union_of(model_of(SecretReference), model_of(ConfigMapReference))),
            'additional_properties': ANY,
        }


_validators = validators('controlplane_client')


def validate_environment_variable(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'EnvironmentVariable'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'name' not in value or (v := value['name']) is UNSET:
        problems.append(f"{path}.name: is required")
    else:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.name: must be a string")
        elif re.search('^[A-Za-z_][A-Za-z0-9_]*$', v) is None:
            problems.append(f"{path}.name: must match the pattern ^[A-Za-z_][A-Za-z0-9_]*$")
    if (
        'value' in value
        and (v := value['value']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.value: must be a string")
    if 'valueFrom' in value and (v := value['valueFrom']) is not UNSET and v is not None:
        fits1 = 0
        tried1 = list[str]()
        _validators['secret_reference'](v, f"{path}.valueFrom", tried1)
        fits1 += not tried1
        tried1 = list[str]()
        _validators['config_map_reference'](v, f"{path}.valueFrom", tried1)
        fits1 += not tried1
        if fits1 == 0:
            problems.append(f"{path}.valueFrom: matches none of the allowed shapes")

