"""The 'EndpointInput' schema."""

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
    Unset,
    as_json,
    enum_of,
    is_int32,
    is_integer,
    list_of,
    model_of,
    model_to_dict,
    nullable,
    validators,
)

if TYPE_CHECKING:
    from gpucloud_client.models.environment_variable_input import (
        EnvironmentVariableInput,
    )
    from gpucloud_client.models.scaler_type import ScalerType


@define(kw_only=True)
class EndpointInput(ReceivedModel):
    """The 'EndpointInput' schema."""

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
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'gpuTypeIds', 'name', 'templateId'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    name: str
    template_id: str
    gpu_type_ids: list[str]
    id: str | None | Unset = UNSET
    """Set to update that endpoint; leave out to create one."""
    gpu_count: int | None | Unset = UNSET
    idle_timeout: int | None | Unset = UNSET
    locations: list[str] | None | Unset = UNSET
    network_volume_id: str | None | Unset = UNSET
    scaler_type: ScalerType | None | Unset = UNSET
    scaler_value: int | None | Unset = UNSET
    workers_min: int | None | Unset = UNSET
    workers_max: int | None | Unset = UNSET
    flash_boot: bool | None | Unset = UNSET
    env: list[EnvironmentVariableInput] | None | Unset = UNSET
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> EndpointInput:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from gpucloud_client.models.environment_variable_input import (
            EnvironmentVariableInput,
        )
        from gpucloud_client.models.scaler_type import ScalerType

        return {
            'name': STRING,
            'template_id': STRING,
            'gpu_type_ids': list_of(STRING),
            'id': nullable(STRING),
            'gpu_count': nullable(INTEGER),
            'idle_timeout': nullable(INTEGER),
            'locations': nullable(list_of(STRING)),
            'network_volume_id': nullable(STRING),
            'scaler_type': nullable(enum_of(ScalerType)),
            'scaler_value': nullable(INTEGER),
            'workers_min': nullable(INTEGER),
            'workers_max': nullable(INTEGER),
            'flash_boot': nullable(BOOLEAN),
            'env': nullable(list_of(model_of(EnvironmentVariableInput))),
            'additional_properties': ANY,
        }


_validators = validators('gpucloud_client')


def validate_endpoint_input(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'EndpointInput'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if (
        'id' in value
        and (v := value['id']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
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
    if 'gpuCount' in value and (v := value['gpuCount']) is not UNSET and v is not None:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.gpuCount: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.gpuCount: must fit in int32")
    if 'idleTimeout' in value and (v := value['idleTimeout']) is not UNSET and v is not None:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.idleTimeout: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.idleTimeout: must fit in int32")
    if 'locations' in value and (v := value['locations']) is not UNSET and v is not None:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.locations: must be an array")
        else:
            for i1, x1 in enumerate(v):
                if not isinstance(x1, str) and not isinstance(x1 := as_json(x1), str):
                    problems.append(f"{path}.locations[{i1}]: must be a string")
    if (
        'networkVolumeId' in value
        and (v := value['networkVolumeId']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.networkVolumeId: must be a string")
    if 'scalerType' in value and (v := value['scalerType']) is not UNSET and v is not None:
        _validators['scaler_type'](v, f"{path}.scalerType", problems)
    if 'scalerValue' in value and (v := value['scalerValue']) is not UNSET and v is not None:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.scalerValue: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.scalerValue: must fit in int32")
    if 'workersMin' in value and (v := value['workersMin']) is not UNSET and v is not None:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.workersMin: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.workersMin: must fit in int32")
    if 'workersMax' in value and (v := value['workersMax']) is not UNSET and v is not None:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.workersMax: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.workersMax: must fit in int32")
    if (
        'flashBoot' in value
        and (v := value['flashBoot']) is not UNSET
        and v is not None
        and not isinstance(v, bool)
        and not isinstance(v := as_json(v), bool)
    ):
        problems.append(f"{path}.flashBoot: must be a boolean")
    if 'env' in value and (v := value['env']) is not UNSET and v is not None:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.env: must be an array")
        else:
            for i1, x1 in enumerate(v):
                _validators['environment_variable_input'](x1, f"{path}.env[{i1}]", problems)
    for k in value:
        if k not in {
            'id',
            'name',
            'templateId',
            'gpuTypeIds',
            'gpuCount',
            'idleTimeout',
            'locations',
            'networkVolumeId',
            'scalerType',
            'scalerValue',
            'workersMin',
            'workersMax',
            'flashBoot',
            'env',
        }:
            problems.append(f"{path}.{k}: is not allowed (no additional properties)")

