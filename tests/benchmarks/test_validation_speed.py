"""Generated request validators vs fastjsonschema vs jsonschema on the same valid Run:ai 2.24 bodies.

Instances are drawn once (hypothesis-jsonschema, derandomized, memoised as in tests/properties) from
the JSON Schema translation of every JSON request body (:mod:`tests.properties._oracle`), a few per
distinct schema; each library then validates all of them, fastjsonschema compiled once per schema and
jsonschema's validator built once per schema. Goals: generated at least as fast as fastjsonschema,
and at least 20x faster than jsonschema.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import fastjsonschema
import pytest
from hypothesis import HealthCheck, given, settings

from tests.benchmarks._bench import Goal, median, report
from tests.properties._drawing import fast_hypothesis_jsonschema, instances_of
from tests.properties._oracle import UUID_PATTERN, Target, load_spec, oracle, targets
from tests.support import runai_spec

PER_SCHEMA = 3
ROUNDS = 7
# Each round repeats the whole list until it has run this long, so the fast libraries are not timed
# on a fraction of a millisecond.
ROUND_SECONDS = 0.05


def _draw(schema: dict[str, Any]) -> list[Any]:
    found: list[Any] = []

    @settings(derandomize=True, max_examples=PER_SCHEMA, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(instances_of(schema))
    def collect(value: Any) -> None:
        found.append(value)

    collect()
    return found


def _instances(bodies: list[Target]) -> list[tuple[Target, Any]]:
    """A few instances of every distinct body schema, each paired with one target using it."""
    drawn: list[tuple[Target, Any]] = []
    seen: set[str] = set()
    with fast_hypothesis_jsonschema():
        for target in bodies:
            if target.schema_key not in seen:
                seen.add(target.schema_key)
                drawn += [(target, value) for value in _draw(target.schema)]
    return drawn


def _round(checks: list[tuple[Callable[[Any], Any], Any]], passes: int) -> float:
    """Seconds for ``passes`` passes over ``checks``."""
    started = time.perf_counter()
    for _ in range(passes):
        for check, value in checks:
            check(value)
    return time.perf_counter() - started


def _time(checks: list[tuple[Callable[[Any], Any], Any]]) -> float:
    """Median seconds for one pass over ``checks``."""
    passes = 1
    while _round(checks, passes) < ROUND_SECONDS:  # calibrate: enough passes for a round to last ROUND_SECONDS
        passes *= 2
    return median([_round(checks, passes) / passes for _ in range(ROUNDS)])


@pytest.mark.benchmark
def test_generated_validators_vs_json_schema_libraries(runai_224: Path) -> None:
    found, _ = targets("runai-2.24", load_spec(runai_spec("2.24")), "runai", runai_224)
    bodies = [t for t in found if t.kind == "body"]
    instances = _instances(bodies)
    compiled: dict[str, Callable[[Any], Any]] = {}
    built: dict[str, Any] = {}
    for target, _value in instances:
        if target.ident not in compiled:
            compiled[target.ident] = fastjsonschema.compile(target.schema, formats={"uuid": UUID_PATTERN})
            built[target.ident] = oracle(target.schema)
    # Keep the instances all three accept (tests/properties reports any disagreement).
    kept = [(t, v) for t, v in instances if not t.problems(v) and built[t.ident].is_valid(v)]
    for target, value in kept:
        compiled[target.ident](value)  # raises on an instance fastjsonschema rejects
    schemas = len({t.ident for t, _ in kept})
    assert schemas == len(compiled), f"only {schemas} of {len(compiled)} body schemas have an instance all accept"

    def ours(target: Target) -> Callable[[Any], Any]:
        validate = target.validate
        return lambda value: validate({"body": value})

    generated = _time([(ours(t), v) for t, v in kept])
    fast = _time([(compiled[t.ident], v) for t, v in kept])
    slow = _time([(built[t.ident].is_valid, v) for t, v in kept])
    per = 1e6 / len(kept)
    report(
        f"request validation: {len(kept)} valid instances of all {schemas} Run:ai 2.24 body schemas "
        f"({len(bodies)} bodies), median of {ROUNDS}",
        [
            f"generated validators: {generated * per:.1f} us/body",
            f"fastjsonschema:       {fast * per:.1f} us/body ({fast / generated:.2f}x the generated time)",
            f"jsonschema:           {slow * per:.1f} us/body ({slow / generated:.1f}x the generated time)",
        ],
        [
            Goal("generated at least as fast as fastjsonschema", generated <= fast),
            Goal("generated at least 20x faster than jsonschema", slow >= 20 * generated),
        ],
    )
