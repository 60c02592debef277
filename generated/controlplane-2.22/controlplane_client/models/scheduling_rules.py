"""The 'SchedulingRules' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    INTEGER,
    UNSET,
    Codec,
    ReceivedModel,
    Unset,
    as_json,
    is_int64,
    is_integer,
    model_of,
    model_to_dict,
    nullable,
    validators,
)

if TYPE_CHECKING:
    from controlplane_client.models.scheduling_rules_node_types import (
        SchedulingRulesNodeTypes,
    )


@define(kw_only=True)
class SchedulingRules(ReceivedModel):
    """The 'SchedulingRules' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'interactive_job_time_limit_seconds': 'interactiveJobTimeLimitSeconds',
        'training_job_max_idle_duration_seconds': 'trainingJobMaxIdleDurationSeconds',
        'node_types': 'nodeTypes',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset()
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    interactive_job_time_limit_seconds: int | None | Unset = UNSET
    training_job_max_idle_duration_seconds: int | None | Unset = UNSET
    node_types: SchedulingRulesNodeTypes | Unset = UNSET
    """Node type names allowed per workload kind."""
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> SchedulingRules:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from controlplane_client.models.scheduling_rules_node_types import (
            SchedulingRulesNodeTypes,
        )

        return {
            'interactive_job_time_limit_seconds': nullable(INTEGER),
            'training_job_max_idle_duration_seconds': nullable(INTEGER),
            'node_types': model_of(SchedulingRulesNodeTypes),
            'additional_properties': ANY,
        }


_validators = validators('controlplane_client')


def validate_scheduling_rules(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'SchedulingRules'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if (
        'interactiveJobTimeLimitSeconds' in value
        and (v := value['interactiveJobTimeLimitSeconds']) is not UNSET
        and v is not None
    ):
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.interactiveJobTimeLimitSeconds: must be an integer")
        else:
            if v < 0:
                problems.append(f"{path}.interactiveJobTimeLimitSeconds: must be >= 0")
            if not is_int64(v):
                problems.append(f"{path}.interactiveJobTimeLimitSeconds: must fit in int64")
    if (
        'trainingJobMaxIdleDurationSeconds' in value
        and (v := value['trainingJobMaxIdleDurationSeconds']) is not UNSET
        and v is not None
    ):
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.trainingJobMaxIdleDurationSeconds: must be an integer")
        else:
            if v < 0:
                problems.append(f"{path}.trainingJobMaxIdleDurationSeconds: must be >= 0")
            if not is_int64(v):
                problems.append(f"{path}.trainingJobMaxIdleDurationSeconds: must fit in int64")
    if 'nodeTypes' in value and (v := value['nodeTypes']) is not UNSET:
        _validators['scheduling_rules_node_types'](v, f"{path}.nodeTypes", problems)

