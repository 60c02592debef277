"""The 'GetProjectsResponse' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    INTEGER,
    UNSET,
    Codec,
    ReceivedModel,
    Unset,
    as_json,
    is_int32,
    is_integer,
    list_of,
    model_of,
    model_to_dict,
    nullable,
    validators,
)

if TYPE_CHECKING:
    from controlplane_client.models.project import Project


@define(kw_only=True)
class GetProjectsResponse(ReceivedModel):
    """The 'GetProjectsResponse' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {'projects': 'projects', 'next': 'next'}
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'projects'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    projects: list[Project]
    next: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> GetProjectsResponse:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from controlplane_client.models.project import Project

        return {
            'projects': list_of(model_of(Project)),
            'next': nullable(INTEGER),
            'additional_properties': ANY,
        }


_validators = validators('controlplane_client')


def validate_get_projects_response(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'GetProjectsResponse'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'projects' not in value or (v := value['projects']) is UNSET:
        problems.append(f"{path}.projects: is required")
    else:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.projects: must be an array")
        else:
            for i1, x1 in enumerate(v):
                _validators['project'](x1, f"{path}.projects[{i1}]", problems)
    if 'next' in value and (v := value['next']) is not UNSET and v is not None:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.next: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.next: must fit in int32")

