"""The 'ListDataCentersDataCenters' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    STRING,
    UNSET,
    Codec,
    ReceivedModel,
    as_json,
    list_of,
    model_of,
    model_to_dict,
    validators,
)

if TYPE_CHECKING:
    from gpucloud_client.models.list_data_centers_data_centers_gpu_availability import (
        ListDataCentersDataCentersGpuAvailability,
    )


@define(kw_only=True)
class ListDataCentersDataCenters(ReceivedModel):
    """A data centre (new in 1.1)."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'id': 'id',
        'name': 'name',
        'location': 'location',
        'gpu_availability': 'gpuAvailability',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'gpuAvailability', 'id', 'location', 'name'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    id: str
    name: str
    location: str
    gpu_availability: list[ListDataCentersDataCentersGpuAvailability]
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> ListDataCentersDataCenters:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from gpucloud_client.models.list_data_centers_data_centers_gpu_availability import (
            ListDataCentersDataCentersGpuAvailability,
        )

        return {
            'id': STRING,
            'name': STRING,
            'location': STRING,
            'gpu_availability': list_of(model_of(ListDataCentersDataCentersGpuAvailability)),
            'additional_properties': ANY,
        }


_validators = validators('gpucloud_client')


def validate_list_data_centers_data_centers(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'ListDataCentersDataCenters'."""
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
    if 'location' not in value or (v := value['location']) is UNSET:
        problems.append(f"{path}.location: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.location: must be a string")
    if 'gpuAvailability' not in value or (v := value['gpuAvailability']) is UNSET:
        problems.append(f"{path}.gpuAvailability: is required")
    else:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.gpuAvailability: must be an array")
        else:
            for i1, x1 in enumerate(v):
                _validators['list_data_centers_data_centers_gpu_availability'](
                    x1,
                    f"{path}.gpuAvailability[{i1}]",
                    problems,
                )

