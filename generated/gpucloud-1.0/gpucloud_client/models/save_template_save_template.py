"""The 'SaveTemplateSaveTemplate' schema."""

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
    list_of,
    model_of,
    model_to_dict,
    nullable,
    validators,
)

if TYPE_CHECKING:
    from gpucloud_client.models.save_template_save_template_env import (
        SaveTemplateSaveTemplateEnv,
    )


@define(kw_only=True)
class SaveTemplateSaveTemplate(ReceivedModel):
    """The 'SaveTemplateSaveTemplate' schema."""

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
        'container_registry_auth_id': 'containerRegistryAuthId',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset(
        {
            'containerDiskInGb',
            'containerRegistryAuthId',
            'dockerArgs',
            'env',
            'id',
            'imageName',
            'isServerless',
            'name',
            'ports',
            'startSsh',
            'volumeInGb',
            'volumeMountPath',
        }
    )
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    id: str
    name: str
    image_name: str
    docker_args: str
    container_disk_in_gb: int
    volume_in_gb: int
    volume_mount_path: str | None
    ports: str | None
    env: list[SaveTemplateSaveTemplateEnv]
    is_serverless: bool
    start_ssh: bool
    container_registry_auth_id: str | None
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> SaveTemplateSaveTemplate:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from gpucloud_client.models.save_template_save_template_env import (
            SaveTemplateSaveTemplateEnv,
        )

        return {
            'id': STRING,
            'name': STRING,
            'image_name': STRING,
            'docker_args': STRING,
            'container_disk_in_gb': INTEGER,
            'volume_in_gb': INTEGER,
            'volume_mount_path': nullable(STRING),
            'ports': nullable(STRING),
            'env': list_of(model_of(SaveTemplateSaveTemplateEnv)),
            'is_serverless': BOOLEAN,
            'start_ssh': BOOLEAN,
            'container_registry_auth_id': nullable(STRING),
            'additional_properties': ANY,
        }


_validators = validators('gpucloud_client')


def validate_save_template_save_template(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'SaveTemplateSaveTemplate'."""
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
    if 'imageName' not in value or (v := value['imageName']) is UNSET:
        problems.append(f"{path}.imageName: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.imageName: must be a string")
    if 'dockerArgs' not in value or (v := value['dockerArgs']) is UNSET:
        problems.append(f"{path}.dockerArgs: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.dockerArgs: must be a string")
    if 'containerDiskInGb' not in value or (v := value['containerDiskInGb']) is UNSET:
        problems.append(f"{path}.containerDiskInGb: is required")
    else:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.containerDiskInGb: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.containerDiskInGb: must fit in int32")
    if 'volumeInGb' not in value or (v := value['volumeInGb']) is UNSET:
        problems.append(f"{path}.volumeInGb: is required")
    else:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.volumeInGb: must be an integer")
        elif not is_int32(v):
            problems.append(f"{path}.volumeInGb: must fit in int32")
    if 'volumeMountPath' not in value or (v := value['volumeMountPath']) is UNSET:
        problems.append(f"{path}.volumeMountPath: is required")
    elif v is not None and not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.volumeMountPath: must be a string")
    if 'ports' not in value or (v := value['ports']) is UNSET:
        problems.append(f"{path}.ports: is required")
    elif v is not None and not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.ports: must be a string")
    if 'env' not in value or (v := value['env']) is UNSET:
        problems.append(f"{path}.env: is required")
    else:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.env: must be an array")
        else:
            for i1, x1 in enumerate(v):
                _validators['save_template_save_template_env'](x1, f"{path}.env[{i1}]", problems)
    if 'isServerless' not in value or (v := value['isServerless']) is UNSET:
        problems.append(f"{path}.isServerless: is required")
    elif not isinstance(v, bool) and not isinstance(v := as_json(v), bool):
        problems.append(f"{path}.isServerless: must be a boolean")
    if 'startSsh' not in value or (v := value['startSsh']) is UNSET:
        problems.append(f"{path}.startSsh: is required")
    elif not isinstance(v, bool) and not isinstance(v := as_json(v), bool):
        problems.append(f"{path}.startSsh: must be a boolean")
    if 'containerRegistryAuthId' not in value or (v := value['containerRegistryAuthId']) is UNSET:
        problems.append(f"{path}.containerRegistryAuthId: is required")
    elif v is not None and not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.containerRegistryAuthId: must be a string")

