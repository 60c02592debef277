"""The 'Resources' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    UNSET,
    Codec,
    ReceivedModel,
    Unset,
    as_json,
    model_of,
    model_to_dict,
    validators,
)

if TYPE_CHECKING:
    from controlplane_client.models.node_pool_ref import NodePoolRef
    from controlplane_client.models.resource_quota import ResourceQuota


@define(kw_only=True)
class Resources(ReceivedModel):
    """The 'Resources' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'node_pool': 'nodePool',
        'gpu': 'gpu',
        'cpu': 'cpu',
        'memory': 'memory',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'nodePool'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    node_pool: NodePoolRef
    gpu: ResourceQuota | Unset = UNSET
    cpu: ResourceQuota | Unset = UNSET
    memory: ResourceQuota | Unset = UNSET
    """Memory quota in MiB."""
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> Resources:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from controlplane_client.models.node_pool_ref import NodePoolRef
        from controlplane_client.models.resource_quota import ResourceQuota

        return {
            'node_pool': model_of(NodePoolRef),
            'gpu': model_of(ResourceQuota),
            'cpu': model_of(ResourceQuota),
            'memory': model_of(ResourceQuota),
            'additional_properties': ANY,
        }


_validators = validators('controlplane_client')


def validate_resources(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'Resources'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'nodePool' not in value or (v := value['nodePool']) is UNSET:
        problems.append(f"{path}.nodePool: is required")
    else:
        _validators['node_pool_ref'](v, f"{path}.nodePool", problems)
    if 'gpu' in value and (v := value['gpu']) is not UNSET:
        _validators['resource_quota'](v, f"{path}.gpu", problems)
    if 'cpu' in value and (v := value['cpu']) is not UNSET:
        _validators['resource_quota'](v, f"{path}.cpu", problems)
    if 'memory' in value and (v := value['memory']) is not UNSET:
        _validators['resource_quota'](v, f"{path}.memory", problems)

