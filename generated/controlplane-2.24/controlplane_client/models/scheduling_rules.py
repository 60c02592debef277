"""The 'SchedulingRules' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    UNSET,
    Unset,
    as_json,
    is_int64,
    is_integer,
    model_to_dict,
    validators,
)

if TYPE_CHECKING:
    from controlplane_client.models.scheduling_rules_node_types import (
        SchedulingRulesNodeTypes,
    )


@define(kw_only=True)
class SchedulingRules:
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
        """Build the model from JSON data; unknown keys land in ``additional_properties``."""
        # Locals are "d", "v" and "_<attribute>": no property name can shadow them.
        from controlplane_client.models.scheduling_rules_node_types import (
            SchedulingRulesNodeTypes,
        )

        d = dict(src)
        _interactive_job_time_limit_seconds = d.pop('interactiveJobTimeLimitSeconds', UNSET)
        _training_job_max_idle_duration_seconds = d.pop('trainingJobMaxIdleDurationSeconds', UNSET)
        v = d.pop('nodeTypes', UNSET)
        _node_types = v if isinstance(v, Unset) else SchedulingRulesNodeTypes.from_dict(v)
        return cls(
            interactive_job_time_limit_seconds=_interactive_job_time_limit_seconds,
            training_job_max_idle_duration_seconds=_training_job_max_idle_duration_seconds,
            node_types=_node_types,
            additional_properties=d,
        )


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
