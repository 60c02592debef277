"""The 'PodFindAndDeployOnDemandInput' schema."""

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
    from gpucloud_client.models.cloud_type import CloudType
    from gpucloud_client.models.environment_variable_input import (
        EnvironmentVariableInput,
    )


@define(kw_only=True)
class PodFindAndDeployOnDemandInput(ReceivedModel):
    """The 'PodFindAndDeployOnDemandInput' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'name': 'name',
        'image_name': 'imageName',
        'template_id': 'templateId',
        'gpu_type_id': 'gpuTypeId',
        'gpu_count': 'gpuCount',
        'cloud_type': 'cloudType',
        'container_disk_in_gb': 'containerDiskInGb',
        'volume_in_gb': 'volumeInGb',
        'volume_mount_path': 'volumeMountPath',
        'docker_args': 'dockerArgs',
        'env': 'env',
        'ports': 'ports',
        'network_volume_id': 'networkVolumeId',
        'data_center_id': 'dataCenterId',
        'start_ssh': 'startSsh',
        'support_public_ip': 'supportPublicIp',
        'min_vcpu_count': 'minVcpuCount',
        'min_memory_in_gb': 'minMemoryInGb',
        'labels': 'labels',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'gpuTypeId'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    gpu_type_id: str
    name: str | None | Unset = UNSET
    image_name: str | None | Unset = UNSET
    """Either an image or a template to take it from."""
    template_id: str | None | Unset = UNSET
    gpu_count: int | Unset = UNSET
    cloud_type: CloudType | None | Unset = UNSET
    container_disk_in_gb: int | None | Unset = UNSET
    volume_in_gb: int | None | Unset = UNSET
    volume_mount_path: str | None | Unset = UNSET
    docker_args: str | None | Unset = UNSET
    env: list[EnvironmentVariableInput] | None | Unset = UNSET
    ports: str | None | Unset = UNSET
    network_volume_id: str | None | Unset = UNSET
    data_center_id: str | None | Unset = UNSET
    start_ssh: bool | None | Unset = UNSET
    support_public_ip: bool | None | Unset = UNSET
    min_vcpu_count: int | None | Unset = UNSET
    min_memory_in_gb: int | None | Unset = UNSET
    labels: Any | Unset = UNSET
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> PodFindAndDeployOnDemandInput:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from gpucloud_client.models.cloud_type import CloudType
        from gpucloud_client.models.environment_variable_input import (
            EnvironmentVariableInput,
        )

        return {
            'gpu_type_id': STRING,
            'name': nullable(STRING),
            'image_name': nullable(STRING),
            'template_id': nullable(STRING),
            'gpu_count': INTEGER,
            'cloud_type': nullable(enum_of(CloudType)),
            'container_disk_in_gb': nullable(INTEGER),
            'volume_in_gb': nullable(INTEGER),
            'volume_mount_path': nullable(STRING),
            'docker_args': nullable(STRING),
            'env': nullable(list_of(model_of(EnvironmentVariableInput))),
            'ports': nullable(STRING),
            'network_volume_id': nullable(STRING),
            'data_center_id': nullable(STRING),
            'start_ssh': nullable(BOOLEAN),
            'support_public_ip': nullable(BOOLEAN),
            'min_vcpu_count': nullable(INTEGER),
            'min_memory_in_gb': nullable(INTEGER),
            'labels': ANY,
            'additional_properties': ANY,
        }


_validators = validators('gpucloud_client')


def validate_pod_find_and_deploy_on_demand_input(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'PodFindAndDeployOnDemandInput'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if (
        'name' in value
        and (v := value['name']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.name: must be a string")
    if (
        'imageName' in value
        and (v := value['imageName']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.imageName: must be a string")
    if (
        'templateId' in value
        and (v := value['templateId']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.templateId: must be a string")
    if 'gpuTypeId' not in value or (v := value['gpuTypeId']) is UNSET:
        problems.append(f"{path}.gpuTypeId: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.gpuTypeId: must be a string")
    if 'gpuCount' in value and (v := value['gpuCount']) is not UNSET:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.gpuCount: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.gpuCount: must fit in int32")
    if 'cloudType' in value and (v := value['cloudType']) is not UNSET and v is not None:
        _validators['cloud_type'](v, f"{path}.cloudType", problems)
    if 'containerDiskInGb' in value and (v := value['containerDiskInGb']) is not UNSET and v is not None:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.containerDiskInGb: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.containerDiskInGb: must fit in int32")
    if 'volumeInGb' in value and (v := value['volumeInGb']) is not UNSET and v is not None:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.volumeInGb: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.volumeInGb: must fit in int32")
    if (
        'volumeMountPath' in value
        and (v := value['volumeMountPath']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.volumeMountPath: must be a string")
    if (
        'dockerArgs' in value
        and (v := value['dockerArgs']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.dockerArgs: must be a string")
    if 'env' in value and (v := value['env']) is not UNSET and v is not None:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.env: must be an array")
        else:
            for i1, x1 in enumerate(v):
                _validators['environment_variable_input'](x1, f"{path}.env[{i1}]", problems)
    if (
        'ports' in value
        and (v := value['ports']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.ports: must be a string")
    if (
        'networkVolumeId' in value
        and (v := value['networkVolumeId']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.networkVolumeId: must be a string")
    if (
        'dataCenterId' in value
        and (v := value['dataCenterId']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.dataCenterId: must be a string")
    if (
        'startSsh' in value
        and (v := value['startSsh']) is not UNSET
        and v is not None
        and not isinstance(v, bool)
        and not isinstance(v := as_json(v), bool)
    ):
        problems.append(f"{path}.startSsh: must be a boolean")
    if (
        'supportPublicIp' in value
        and (v := value['supportPublicIp']) is not UNSET
        and v is not None
        and not isinstance(v, bool)
        and not isinstance(v := as_json(v), bool)
    ):
        problems.append(f"{path}.supportPublicIp: must be a boolean")
    if 'minVcpuCount' in value and (v := value['minVcpuCount']) is not UNSET and v is not None:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.minVcpuCount: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.minVcpuCount: must fit in int32")
    if 'minMemoryInGb' in value and (v := value['minMemoryInGb']) is not UNSET and v is not None:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.minMemoryInGb: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.minMemoryInGb: must fit in int32")
    for k in value:
        if k not in {
            'name',
            'imageName',
            'templateId',
            'gpuTypeId',
            'gpuCount',
            'cloudType',
            'containerDiskInGb',
            'volumeInGb',
            'volumeMountPath',
            'dockerArgs',
            'env',
            'ports',
            'networkVolumeId',
            'dataCenterId',
            'startSsh',
            'supportPublicIp',
            'minVcpuCount',
            'minMemoryInGb',
            'labels',
        }:
            problems.append(f"{path}.{k}: is not allowed (no additional properties)")

