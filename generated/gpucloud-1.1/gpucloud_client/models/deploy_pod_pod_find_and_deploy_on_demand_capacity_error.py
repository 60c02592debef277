"""The 'DeployPodPodFindAndDeployOnDemandCapacityError' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    INTEGER,
    STRING,
    UNSET,
    Codec,
    ReceivedModel,
    as_json,
    enum_of,
    is_int32,
    is_integer,
    model_to_dict,
    nullable,
    validators,
)

if TYPE_CHECKING:
    from gpucloud_client.models.cloud_type import CloudType


@define(kw_only=True)
class DeployPodPodFindAndDeployOnDemandCapacityError(ReceivedModel):
    """No machine fits the request now; nothing was rented."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'typename': '__typename',
        'message': 'message',
        'gpu_type_id': 'gpuTypeId',
        'cloud_type': 'cloudType',
        'retry_after_seconds': 'retryAfterSeconds',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset(
        {'__typename', 'cloudType', 'gpuTypeId', 'message', 'retryAfterSeconds'}
    )
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    typename: str
    message: str
    gpu_type_id: str
    cloud_type: CloudType
    retry_after_seconds: int | None
    """When to ask again, if the service can tell."""
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> DeployPodPodFindAndDeployOnDemandCapacityError:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from gpucloud_client.models.cloud_type import CloudType

        return {
            'typename': STRING,
            'message': STRING,
            'gpu_type_id': STRING,
            'cloud_type': enum_of(CloudType),
            'retry_after_seconds': nullable(INTEGER),
            'additional_properties': ANY,
        }


_validators = validators('gpucloud_client')


def validate_deploy_pod_pod_find_and_deploy_on_demand_capacity_error(
    value: Any,
    path: str,
    problems: list[str],
) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching
    'DeployPodPodFindAndDeployOnDemandCapacityError'.
    """
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if '__typename' not in value or (v := value['__typename']) is UNSET:
        problems.append(f"{path}.__typename: is required")
    else:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.__typename: must be a string")
        elif v not in ('CapacityError',):
            problems.append(f"{path}.__typename: must be one of 'CapacityError'")
    if 'message' not in value or (v := value['message']) is UNSET:
        problems.append(f"{path}.message: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.message: must be a string")
    if 'gpuTypeId' not in value or (v := value['gpuTypeId']) is UNSET:
        problems.append(f"{path}.gpuTypeId: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.gpuTypeId: must be a string")
    if 'cloudType' not in value or (v := value['cloudType']) is UNSET:
        problems.append(f"{path}.cloudType: is required")
    else:
        _validators['cloud_type'](v, f"{path}.cloudType", problems)
    if 'retryAfterSeconds' not in value or (v := value['retryAfterSeconds']) is UNSET:
        problems.append(f"{path}.retryAfterSeconds: is required")
    elif v is not None:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.retryAfterSeconds: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.retryAfterSeconds: must fit in int32")

