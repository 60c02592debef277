"""The 'ListGpuTypesGpuTypes' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    BOOLEAN,
    INTEGER,
    STRING,
    UNSET,
    Codec,
    ReceivedModel,
    as_json,
    is_int32,
    is_integer,
    model_of,
    model_to_dict,
    nullable,
    validators,
)

if TYPE_CHECKING:
    from gpucloud_client.models.list_gpu_types_gpu_types_community import (
        ListGpuTypesGpuTypesCommunity,
    )
    from gpucloud_client.models.list_gpu_types_gpu_types_secure import (
        ListGpuTypesGpuTypesSecure,
    )


@define(kw_only=True)
class ListGpuTypesGpuTypes(ReceivedModel):
    """The 'ListGpuTypesGpuTypes' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'id': 'id',
        'display_name': 'displayName',
        'memory_in_gb': 'memoryInGb',
        'secure_cloud': 'secureCloud',
        'community_cloud': 'communityCloud',
        'secure': 'secure',
        'community': 'community',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset(
        {'community', 'communityCloud', 'displayName', 'id', 'memoryInGb', 'secure', 'secureCloud'}
    )
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    id: str
    display_name: str
    memory_in_gb: int
    secure_cloud: bool
    community_cloud: bool
    secure: ListGpuTypesGpuTypesSecure | None
    """The cheapest offer for `input.gpuCount` GPUs of this type; `null` when there is none."""
    community: ListGpuTypesGpuTypesCommunity | None
    """The cheapest offer for `input.gpuCount` GPUs of this type; `null` when there is none."""
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> ListGpuTypesGpuTypes:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from gpucloud_client.models.list_gpu_types_gpu_types_community import (
            ListGpuTypesGpuTypesCommunity,
        )
        from gpucloud_client.models.list_gpu_types_gpu_types_secure import (
            ListGpuTypesGpuTypesSecure,
        )

        return {
            'id': STRING,
            'display_name': STRING,
            'memory_in_gb': INTEGER,
            'secure_cloud': BOOLEAN,
            'community_cloud': BOOLEAN,
            'secure': nullable(model_of(ListGpuTypesGpuTypesSecure)),
            'community': nullable(model_of(ListGpuTypesGpuTypesCommunity)),
            'additional_properties': ANY,
        }


_validators = validators('gpucloud_client')


def validate_list_gpu_types_gpu_types(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'ListGpuTypesGpuTypes'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'id' not in value or (v := value['id']) is UNSET:
        problems.append(f"{path}.id: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.id: must be a string")
    if 'displayName' not in value or (v := value['displayName']) is UNSET:
        problems.append(f"{path}.displayName: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.displayName: must be a string")
    if 'memoryInGb' not in value or (v := value['memoryInGb']) is UNSET:
        problems.append(f"{path}.memoryInGb: is required")
    else:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.memoryInGb: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.memoryInGb: must fit in int32")
    if 'secureCloud' not in value or (v := value['secureCloud']) is UNSET:
        problems.append(f"{path}.secureCloud: is required")
    elif not isinstance(v, bool) and not isinstance(v := as_json(v), bool):
        problems.append(f"{path}.secureCloud: must be a boolean")
    if 'communityCloud' not in value or (v := value['communityCloud']) is UNSET:
        problems.append(f"{path}.communityCloud: is required")
    elif not isinstance(v, bool) and not isinstance(v := as_json(v), bool):
        problems.append(f"{path}.communityCloud: must be a boolean")
    if 'secure' not in value or (v := value['secure']) is UNSET:
        problems.append(f"{path}.secure: is required")
    elif v is not None:
        _validators['list_gpu_types_gpu_types_secure'](v, f"{path}.secure", problems)
    if 'community' not in value or (v := value['community']) is UNSET:
        problems.append(f"{path}.community: is required")
    elif v is not None:
        _validators['list_gpu_types_gpu_types_community'](v, f"{path}.community", problems)

