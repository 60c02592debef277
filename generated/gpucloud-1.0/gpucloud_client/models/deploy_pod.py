"""The 'DeployPod' schema."""

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
    model_of,
    model_to_dict,
    union_of,
    validators,
)

if TYPE_CHECKING:
    from gpucloud_client.models.deploy_pod_pod_find_and_deploy_on_demand_capacity_error import (
        DeployPodPodFindAndDeployOnDemandCapacityError,
    )
    from gpucloud_client.models.deploy_pod_pod_find_and_deploy_on_demand_pod import (
        DeployPodPodFindAndDeployOnDemandPod,
    )


@define(kw_only=True)
class DeployPod(ReceivedModel):
    """The 'DeployPod' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'pod_find_and_deploy_on_demand': 'podFindAndDeployOnDemand',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'podFindAndDeployOnDemand'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    pod_find_and_deploy_on_demand: DeployPodPodFindAndDeployOnDemandCapacityError | DeployPodPodFindAndDeployOnDemandPod
    """Rent the cheapest machine that fits, or say why none does."""
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> DeployPod:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from gpucloud_client.models.deploy_pod_pod_find_and_deploy_on_demand_capacity_error import (
            DeployPodPodFindAndDeployOnDemandCapacityError,
        )
        from gpucloud_client.models.deploy_pod_pod_find_and_deploy_on_demand_pod import (
            DeployPodPodFindAndDeployOnDemandPod,
        )

        return {
            'pod_find_and_deploy_on_demand': union_of(
                model_of(DeployPodPodFindAndDeployOnDemandCapacityError),
                model_of(DeployPodPodFindAndDeployOnDemandPod),
            ),
            'additional_properties': ANY,
        }


_validators = validators('gpucloud_client')


def validate_deploy_pod(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'DeployPod'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'podFindAndDeployOnDemand' not in value or (v := value['podFindAndDeployOnDemand']) is UNSET:
        problems.append(f"{path}.podFindAndDeployOnDemand: is required")
    else:
        fits1 = 0
        tried1 = list[str]()
        _validators['deploy_pod_pod_find_and_deploy_on_demand_capacity_error'](
            v,
            f"{path}.podFindAndDeployOnDemand",
            tried1,
        )
        fits1 += not tried1
        tried1 = list[str]()
        _validators['deploy_pod_pod_find_and_deploy_on_demand_pod'](v, f"{path}.podFindAndDeployOnDemand", tried1)
        fits1 += not tried1
        if fits1 == 0:
            problems.append(f"{path}.podFindAndDeployOnDemand: matches none of the allowed shapes")

