"""The 'SaveTemplateInput' schema."""

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


@define(kw_only=True)
class SaveTemplateInput(ReceivedModel):
    """The 'SaveTemplateInput' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'id': 'id',
        'name': 'name',
        'image_name': 'imageName',
        'docker_args': 'dockerArgs',
        'container_disk_in_gb': 'containerDiskInGb',
        'volume_in_gb': 'volumeInGb',
        'volume_mount_path': 'volumeMountPath',
        'ports': 'ports',
        'env': 'env',
        'is_serverless': 'isServerless',
        'start_ssh': 'startSsh',
        'readme': 'readme',
        'container_registry_auth_id': 'containerRegistryAuthId',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'containerDiskInGb', 'imageName', 'name'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    name: str
    image_name: str
    container_disk_in_gb: int
    id: str | None | Unset = UNSET
    """Set to update that template; leave out to create one."""
    docker_args: str | None | Unset = UNSET
    volume_in_gb: int | None | Unset = UNSET
    volume_mount_path: str | None | Unset = UNSET
    ports: str | None | Unset = UNSET
    env: list[EnvironmentVariableInput] | None | Unset = UNSET
    is_serverless: bool | None | Unset = UNSET
    start_ssh: bool | None | Unset = UNSET
    readme: str | None | Unset = UNSET
    container_registry_auth_id: str | None | Unset = UNSET
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> SaveTemplateInput:
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

        return {
            'name': STRING,
            'image_name': STRING,
            'container_disk_in_gb': INTEGER,
            'id': nullable(STRING),
            'docker_args': nullable(STRING),
            'volume_in_gb': nullable(INTEGER),
            'volume_mount_path': nullable(STRING),
            'ports': nullable(STRING),
            'env': nullable(list_of(model_of(EnvironmentVariableInput))),
            'is_serverless': nullable(BOOLEAN),
            'start_ssh': nullable(BOOLEAN),
            'readme': nullable(STRING),
            'container_registry_auth_id': nullable(STRING),
            'additional_properties': ANY,
        }


_validators = validators('gpucloud_client')


def validate_save_template_input(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'SaveTemplateInput'."""
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
    if 'imageName' not in value or (v := value['imageName']) is UNSET:
        problems.append(f"{path}.imageName: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.imageName: must be a string")
    if (
        'dockerArgs' in value
        and (v := value['dockerArgs']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.dockerArgs: must be a string")
    if 'containerDiskInGb' not in value or (v := value['containerDiskInGb']) is UNSET:
        problems.append(f"{path}.containerDiskInGb: is required")
    else:
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
        'ports' in value
        and (v := value['ports']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.ports: must be a string")
    if 'env' in value and (v := value['env']) is not UNSET and v is not None:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.env: must be an array")
        else:
            for i1, x1 in enumerate(v):
                _validators['environment_variable_input'](x1, f"{path}.env[{i1}]", problems)
    if (
        'isServerless' in value
        and (v := value['isServerless']) is not UNSET
        and v is not None
        and not isinstance(v, bool)
        and not isinstance(v := as_json(v), bool)
    ):
        problems.append(f"{path}.isServerless: must be a boolean")
    if (
        'startSsh' in value
        and (v := value['startSsh']) is not UNSET
        and v is not None
        and not isinstance(v, bool)
        and not isinstance(v := as_json(v), bool)
    ):
        problems.append(f"{path}.startSsh: must be a boolean")
    if (
        'readme' in value
        and (v := value['readme']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.readme: must be a string")
    if (
        'containerRegistryAuthId' in value
        and (v := value['containerRegistryAuthId']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.containerRegistryAuthId: must be a string")
    for k in value:
        if k not in {
            'id',
            'name',
            'imageName',
            'dockerArgs',
            'containerDiskInGb',
            'volumeInGb',
            'volumeMountPath',
            'ports',
            'env',
            'isServerless',
            'startSsh',
            'readme',
            'containerRegistryAuthId',
        }:
            problems.append(f"{path}.{k}: is not allowed (no additional properties)")

