"""The 'ListDataCenters' schema."""

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
    list_of,
    model_of,
    model_to_dict,
    validators,
)

if TYPE_CHECKING:
    from gpucloud_client.models.list_data_centers_data_centers import (
        ListDataCentersDataCenters,
    )


@define(kw_only=True)
class ListDataCenters(ReceivedModel):
    """The 'ListDataCenters' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {'data_centers': 'dataCenters'}
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'dataCenters'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    data_centers: list[ListDataCentersDataCenters]
    """New in 1.1: the data centres, and how many GPUs of each type they have free."""
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> ListDataCenters:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from gpucloud_client.models.list_data_centers_data_centers import (
            ListDataCentersDataCenters,
        )

        return {
            'data_centers': list_of(model_of(ListDataCentersDataCenters)),
            'additional_properties': ANY,
        }


_validators = validators('gpucloud_client')


def validate_list_data_centers(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'ListDataCenters'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'dataCenters' not in value or (v := value['dataCenters']) is UNSET:
        problems.append(f"{path}.dataCenters: is required")
    else:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.dataCenters: must be an array")
        else:
            for i1, x1 in enumerate(v):
                _validators['list_data_centers_data_centers'](x1, f"{path}.dataCenters[{i1}]", problems)

