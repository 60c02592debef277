"""The 'SaveEndpointSaveEndpoint' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    BOOLEAN,
    DATE_TIME,
    INTEGER,
    STRING,
    UNSET,
    Codec,
    ReceivedModel,
    as_json,
    enum_of,
    is_datetime,
    is_int32,
    is_integer,
    list_of,
    model_of,
    model_to_dict,
    nullable,
    validators,
)

if TYPE_CHECKING:
    import datetime

    from gpucloud_client.models.save_endpoint_save_endpoint_env import (
        SaveEndpointSaveEndpointEnv,
    )
    from gpucloud_client.models.scaler_type import ScalerType


@define(kw_only=True)
class SaveEndpointSaveEndpoint(ReceivedModel):
    """The 'SaveEndpointSaveEndpoint' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'id': 'id',
        'name': 'name',
        'template_id': 'templateId',
        'gpu_type_ids': 'gpuTypeIds',
        'gpu_count': 'gpuCount',
        'idle_timeout': 'idleTimeout',
        'locations': 'locations',
        'network_volume_id': 'networkVolumeId',
        'scaler_type': 'scalerType',
        'scaler_value': 'scalerValue',
        'workers_min': 'workersMin',
        'workers_max': 'workersMax',
        'flash_boot': 'flashBoot',
        'env': 'env',
        'version': 'version',
        'created_at': 'createdAt',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset(
        {
            'createdAt',
            'env',
            'flashBoot',
            'gpuCount',
            'gpuTypeIds',
            'id',
            'idleTimeout',
            'locations',
            'name',
            'networkVolumeId',
            'scalerType',
            'scalerValue',
            'templateId',
            'version',
            'workersMax',
            'workersMin',
        }
    )
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    id: str
    name: str
    template_id: str
    gpu_type_ids: list[str]
    gpu_count: int
    idle_timeout: int
    locations: list[str] | None
    network_volume_id: str | None
    scaler_type: ScalerType
    scaler_value: int
    workers_min: int
    workers_max: int
    flash_boot: bool
    env: list[SaveEndpointSaveEndpointEnv]
    version: int
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> SaveEndpointSaveEndpoint:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from gpucloud_client.models.save_endpoint_save_endpoint_env import (
            SaveEndpointSaveEndpointEnv,
        )
        from gpucloud_client.models.scaler_type import ScalerType

        return {
            'id': STRING,
            'name': STRING,
            'template_id': STRING,
            'gpu_type_ids': list_of(STRING),
            'gpu_count': INTEGER,
            'idle_timeout': INTEGER,
            'locations': nullable(list_of(STRING)),
            'network_volume_id': nullable(STRING),
            'scaler_type': enum_of(ScalerType),
            'scaler_value': INTEGER,
            'workers_min': INTEGER,
            'workers_max': INTEGER,
            'flash_boot': BOOLEAN,
            'env': list_of(model_of(SaveEndpointSaveEndpointEnv)),
            'version': INTEGER,
            'created_at': DATE_TIME,
            'additional_properties': ANY,
        }


_validators = validators('gpucloud_client')


def validate_save_endpoint_save_endpoint(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'SaveEndpointSaveEndpoint'."""
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
    if 'templateId' not in value or (v := value['templateId']) is UNSET:
        problems.append(f"{path}.templateId: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.templateId: must be a string")
    if 'gpuTypeIds' not in value or (v := value['gpuTypeIds']) is UNSET:
        problems.append(f"{path}.gpuTypeIds: is required")
    else:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.gpuTypeIds: must be an array")
        else:
            for i1, x1 in enumerate(v):
                if not isinstance(x1, str) and not isinstance(x1 := as_json(x1), str):
                    problems.append(f"{path}.gpuTypeIds[{i1}]: must be a string")
    if 'gpuCount' not in value or (v := value['gpuCount']) is UNSET:
        problems.append(f"{path}.gpuCount: is required")
    else:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.gpuCount: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.gpuCount: must fit in int32")
    if 'idleTimeout' not in value or (v := value['idleTimeout']) is UNSET:
        problems.append(f"{path}.idleTimeout: is required")
    else:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.idleTimeout: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.idleTimeout: must fit in int32")
    if 'locations' not in value or (v := value['locations']) is UNSET:
        problems.append(f"{path}.locations: is required")
    elif v is not None:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.locations: must be an array")
        else:
            for i1, x1 in enumerate(v):
                if not isinstance(x1, str) and not isinstance(x1 := as_json(x1), str):
                    problems.append(f"{path}.locations[{i1}]: must be a string")
    if 'networkVolumeId' not in value or (v := value['networkVolumeId']) is UNSET:
        problems.append(f"{path}.networkVolumeId: is required")
    elif v is not None and not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.networkVolumeId: must be a string")
    if 'scalerType' not in value or (v := value['scalerType']) is UNSET:
        problems.append(f"{path}.scalerType: is required")
    else:
        _validators['scaler_type'](v, f"{path}.scalerType", problems)
    if 'scalerValue' not in value or (v := value['scalerValue']) is UNSET:
        problems.append(f"{path}.scalerValue: is required")
    else:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.scalerValue: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.scalerValue: must fit in int32")
    if 'workersMin' not in value or (v := value['workersMin']) is UNSET:
        problems.append(f"{path}.workersMin: is required")
    else:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.workersMin: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.workersMin: must fit in int32")
    if 'workersMax' not in value or (v := value['workersMax']) is UNSET:
        problems.append(f"{path}.workersMax: is required")
    else:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.workersMax: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.workersMax: must fit in int32")
    if 'flashBoot' not in value or (v := value['flashBoot']) is UNSET:
        problems.append(f"{path}.flashBoot: is required")
    elif not isinstance(v, bool) and not isinstance(v := as_json(v), bool):
        problems.append(f"{path}.flashBoot: must be a boolean")
    if 'env' not in value or (v := value['env']) is UNSET:
        problems.append(f"{path}.env: is required")
    else:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.env: must be an array")
        else:
            for i1, x1 in enumerate(v):
                _validators['save_endpoint_save_endpoint_env'](x1, f"{path}.env[{i1}]", problems)
    if 'version' not in value or (v := value['version']) is UNSET:
        problems.append(f"{path}.version: is required")
    else:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.version: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.version: must fit in int32")
    if 'createdAt' not in value or (v := value['createdAt']) is UNSET:
        problems.append(f"{path}.createdAt: is required")
    else:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.createdAt: must be a string")
        elif not is_datetime(v):
            problems.append(f"{path}.createdAt: must be a date-time")

