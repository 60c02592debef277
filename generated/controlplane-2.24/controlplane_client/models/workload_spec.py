"""The 'WorkloadSpec' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import UNSET, Unset, model_to_dict, parse_union

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
class WorkloadSpec:
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
        """Build the model from JSON data; unknown keys land in ``additional_properties``."""
        # Locals are "d", "v" and "_<attribute>": no property name can shadow them.
        from controlplane_client.models.compute_request import ComputeRequest
        from controlplane_client.models.environment_variable import EnvironmentVariable
        from controlplane_client.models.host_path_volume import HostPathVolume
        from controlplane_client.models.port_rules2 import PortRules2
        from controlplane_client.models.pvc_volume import PvcVolume

        d = dict(src)
        _image = d.pop('image')
        v = d.pop('imagePullPolicy', UNSET)
        _image_pull_policy = v if isinstance(v, Unset) else WorkloadSpecImagePullPolicy(v)
        _command = d.pop('command', UNSET)
        _args = d.pop('args', UNSET)
        _working_dir = d.pop('workingDir', UNSET)
        v = d.pop('environmentVariables', UNSET)
        _environment_variables = v if isinstance(v, Unset) else [EnvironmentVariable.from_dict(x0) for x0 in v]
        v = d.pop('compute', UNSET)
        _compute = v if isinstance(v, Unset) else ComputeRequest.from_dict(v)
        v = d.pop('storage', UNSET)
        _storage = v if isinstance(v, Unset) else [parse_union(x0, (PvcVolume, HostPathVolume,)) for x0 in v]
        v = d.pop('exposedPorts', UNSET)
        _exposed_ports = v if isinstance(v, Unset) else [PortRules2.from_dict(x0) for x0 in v]
        _labels = d.pop('labels', UNSET)
        _annotations = d.pop('annotations', UNSET)
        _completions = d.pop('completions', UNSET)
        _backoff_limit = d.pop('backoffLimit', UNSET)
        return cls(
            image=_image,
            image_pull_policy=_image_pull_policy,
            command=_command,
            args=_args,
            working_dir=_working_dir,
            environment_variables=_environment_variables,
            compute=_compute,
            storage=_storage,
            exposed_ports=_exposed_ports,
            labels=_labels,
            annotations=_annotations,
            completions=_completions,
            backoff_limit=_backoff_limit,
            additional_properties=d,
        )
