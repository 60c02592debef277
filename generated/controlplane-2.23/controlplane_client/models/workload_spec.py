"""The 'WorkloadSpec' schema."""

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
    Unset,
    as_json,
    enum_of,
    is_int32,
    is_integer,
    list_of,
    map_of,
    model_of,
    model_to_dict,
    nullable,
    union_of,
    validators,
)

from controlplane_client.models.workload_spec_image_pull_policy import (
    WorkloadSpecImagePullPolicy,
)

if TYPE_CHECKING:
    from controlplane_client.models.compute_request import ComputeRequest
    from controlplane_client.models.environment_variable import EnvironmentVariable
    from controlplane_client.models.host_path_volume import HostPathVolume
    from controlplane_client.models.port_rules2 import PortRules2
    from controlplane_client.models.pvc_volume import PvcVolume


@define(kw_only=True)
class WorkloadSpec(ReceivedModel):
    """The 'WorkloadSpec' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'image': 'image',
        'image_pull_policy': 'imagePullPolicy',
        'command': 'command',
        'args': 'args',
        'working_dir': 'workingDir',
        'environment_variables': 'environmentVariables',
        'compute': 'compute',
        'storage': 'storage',
        'exposed_ports': 'exposedPorts',
        'labels': 'labels',
        'annotations': 'annotations',
        'completions': 'completions',
        'backoff_limit': 'backoffLimit',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'image'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    image: str
    image_pull_policy: WorkloadSpecImagePullPolicy | Unset = WorkloadSpecImagePullPolicy.IF_NOT_PRESENT
    command: list[str] | Unset = UNSET
    args: list[str] | Unset = UNSET
    working_dir: str | None | Unset = UNSET
    environment_variables: list[EnvironmentVariable] | Unset = UNSET
    compute: ComputeRequest | Unset = UNSET
    storage: list[PvcVolume | HostPathVolume] | Unset = UNSET
    exposed_ports: list[PortRules2] | Unset = UNSET
    labels: dict[str, str] | Unset = UNSET
    annotations: dict[str, Any] | Unset = UNSET
    """Free-form annotations passed through to the cluster."""
    completions: int | Unset = 1
    backoff_limit: int | Unset = 6
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> WorkloadSpec:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from controlplane_client.models.compute_request import ComputeRequest
        from controlplane_client.models.environment_variable import EnvironmentVariable
        from controlplane_client.models.host_path_volume import HostPathVolume
        from controlplane_client.models.port_rules2 import PortRules2
        from controlplane_client.models.pvc_volume import PvcVolume

        return {
            'image': STRING,
            'image_pull_policy': enum_of(WorkloadSpecImagePullPolicy),
            'command': list_of(STRING),
            'args': list_of(STRING),
            'working_dir': nullable(STRING),
            'environment_variables': list_of(model_of(EnvironmentVariable)),
            'compute': model_of(ComputeRequest),
            'storage': list_of(union_of(model_of(PvcVolume), model_of(HostPathVolume))),
            'exposed_ports': list_of(model_of(PortRules2)),
            'labels': map_of(STRING),
            'annotations': map_of(ANY),
            'completions': INTEGER,
            'backoff_limit': INTEGER,
            'additional_properties': ANY,
        }


_validators = validators('controlplane_client')


def validate_workload_spec(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'WorkloadSpec'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'image' not in value or (v := value['image']) is UNSET:
        problems.append(f"{path}.image: is required")
    else:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.image: must be a string")
        elif len(v) < 1:
            problems.append(f"{path}.image: must be at least 1 characters long")
    if 'imagePullPolicy' in value and (v := value['imagePullPolicy']) is not UNSET:
        _validators['workload_spec_image_pull_policy'](v, f"{path}.imagePullPolicy", problems)
    if 'command' in value and (v := value['command']) is not UNSET:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.command: must be an array")
        else:
            if len(v) > 64:
                problems.append(f"{path}.command: must have at most 64 items")
            for i1, x1 in enumerate(v):
                if not isinstance(x1, str) and not isinstance(x1 := as_json(x1), str):
                    problems.append(f"{path}.command[{i1}]: must be a string")
    if 'args' in value and (v := value['args']) is not UNSET:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.args: must be an array")
        else:
            if len(v) > 256:
                problems.append(f"{path}.args: must have at most 256 items")
            for i1, x1 in enumerate(v):
                if not isinstance(x1, str) and not isinstance(x1 := as_json(x1), str):
                    problems.append(f"{path}.args[{i1}]: must be a string")
    if (
        'workingDir' in value
        and (v := value['workingDir']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.workingDir: must be a string")
    if 'environmentVariables' in value and (v := value['environmentVariables']) is not UNSET:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.environmentVariables: must be an array")
        else:
            for i1, x1 in enumerate(v):
                _validators['environment_variable'](x1, f"{path}.environmentVariables[{i1}]", problems)
    if 'compute' in value and (v := value['compute']) is not UNSET:
        _validators['compute_request'](v, f"{path}.compute", problems)
    if 'storage' in value and (v := value['storage']) is not UNSET:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.storage: must be an array")
        else:
            for i1, x1 in enumerate(v):
                fits2 = 0
                tried2 = list[str]()
                _validators['pvc_volume'](x1, f"{path}.storage[{i1}]", tried2)
                fits2 += not tried2
                tried2 = list[str]()
                _validators['host_path_volume'](x1, f"{path}.storage[{i1}]", tried2)
                fits2 += not tried2
                if fits2 == 0:
                    problems.append(f"{path}.storage[{i1}]: matches none of the allowed shapes")
                elif fits2 > 1:
                    problems.append(f"{path}.storage[{i1}]: matches more than one of the allowed shapes (oneOf)")
    if 'exposedPorts' in value and (v := value['exposedPorts']) is not UNSET:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append(f"{path}.exposedPorts: must be an array")
        else:
            for i1, x1 in enumerate(v):
                _validators['port_rules2'](x1, f"{path}.exposedPorts[{i1}]", problems)
    if 'labels' in value and (v := value['labels']) is not UNSET:
        if not isinstance(v, dict) and not isinstance(v := as_json(v), dict):
            problems.append(f"{path}.labels: must be an object")
        else:
            for k1, x1 in v.items():
                if not isinstance(x1, str) and not isinstance(x1 := as_json(x1), str):
                    problems.append(f"{path}.labels.{k1}: must be a string")
                elif len(x1) > 63:
                    problems.append(f"{path}.labels.{k1}: must be at most 63 characters long")
    if (
        'annotations' in value
        and (v := value['annotations']) is not UNSET
        and not isinstance(v, dict)
        and not isinstance(v := as_json(v), dict)
    ):
        problems.append(f"{path}.annotations: must be an object")
    if 'completions' in value and (v := value['completions']) is not UNSET:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.completions: must be an integer")
        else:
            if v < 1:
                problems.append(f"{path}.completions: must be >= 1")
            if not is_int32(v):
                problems.append(f"{path}.completions: must fit in int32")
    if 'backoffLimit' in value and (v := value['backoffLimit']) is not UNSET:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.backoffLimit: must be an integer")
        else:
            if v < 0:
                problems.append(f"{path}.backoffLimit: must be >= 0")
            if v > 100:
                problems.append(f"{path}.backoffLimit: must be <= 100")
            if not is_int32(v):
                problems.append(f"{path}.backoffLimit: must fit in int32")

