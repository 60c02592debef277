"""The 'GetNode' schema."""

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
    nullable,
    union_of,
    validators,
)

if TYPE_CHECKING:
    from gpucloud_client.models.get_node_node_endpoint import GetNodeNodeEndpoint
    from gpucloud_client.models.get_node_node_gpu_type import GetNodeNodeGpuType
    from gpucloud_client.models.get_node_node_network_volume import (
        GetNodeNodeNetworkVolume,
    )
    from gpucloud_client.models.get_node_node_pod import GetNodeNodePod
    from gpucloud_client.models.get_node_node_pod_template import GetNodeNodePodTemplate
    from gpucloud_client.models.get_node_node_user import GetNodeNodeUser


@define(kw_only=True)
class GetNode(ReceivedModel):
    """The 'GetNode' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {'node': 'node'}
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'node'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    node: (
        GetNodeNodeEndpoint
        | GetNodeNodeGpuType
        | GetNodeNodeNetworkVolume
        | GetNodeNodePod
        | GetNodeNodePodTemplate
        | GetNodeNodeUser
        | None
    )
    """Anything with a global id, whatever its type."""
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> GetNode:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from gpucloud_client.models.get_node_node_endpoint import GetNodeNodeEndpoint
        from gpucloud_client.models.get_node_node_gpu_type import GetNodeNodeGpuType
        from gpucloud_client.models.get_node_node_network_volume import (
            GetNodeNodeNetworkVolume,
        )
        from gpucloud_client.models.get_node_node_pod import GetNodeNodePod
        from gpucloud_client.models.get_node_node_pod_template import (
            GetNodeNodePodTemplate,
        )
        from gpucloud_client.models.get_node_node_user import GetNodeNodeUser

        return {
            'node': nullable(
                union_of(
                    model_of(GetNodeNodeEndpoint),
                    model_of(GetNodeNodeGpuType),
                    model_of(GetNodeNodeNetworkVolume),
                    model_of(GetNodeNodePod),
                    model_of(GetNodeNodePodTemplate),
                    model_of(GetNodeNodeUser),
                )
            ),
            'additional_properties': ANY,
        }


_validators = validators('gpucloud_client')


def validate_get_node(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'GetNode'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'node' not in value or (v := value['node']) is UNSET:
        problems.append(f"{path}.node: is required")
    elif v is not None:
        fits1 = 0
        tried1 = list[str]()
        _validators['get_node_node_endpoint'](v, f"{path}.node", tried1)
        fits1 += not tried1
        tried1 = list[str]()
        _validators['get_node_node_gpu_type'](v, f"{path}.node", tried1)
        fits1 += not tried1
        tried1 = list[str]()
        _validators['get_node_node_network_volume'](v, f"{path}.node", tried1)
        fits1 += not tried1
        tried1 = list[str]()
        _validators['get_node_node_pod'](v, f"{path}.node", tried1)
        fits1 += not tried1
        tried1 = list[str]()
        _validators['get_node_node_pod_template'](v, f"{path}.node", tried1)
        fits1 += not tried1
        tried1 = list[str]()
        _validators['get_node_node_user'](v, f"{path}.node", tried1)
        fits1 += not tried1
        if fits1 == 0:
            problems.append(f"{path}.node: matches none of the allowed shapes")

