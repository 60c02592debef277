"""Generated request validators vs fastjsonschema vs jsonschema on the same valid Run:ai 2.24 bodies.

200 valid request bodies are drawn once (hypothesis-jsonschema, derandomized) from the bodies'
JSON Schema translations (:mod:`tests.properties._oracle`); each library validates all of them,
fastjsonschema compiled once per schema and jsonschema's validator built once per schema.
Goals: generated at least as fast as fastjsonschema, and at least 20x faster than jsonschema.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import fastjsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from tests.benchmarks._bench import Goal, median, report
from tests.properties._oracle import Target, load_spec, oracle, targets
from tests.support import runai_spec

INSTANCES = 200
PER_BODY = 4
ROUNDS = 5
_UUID = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"


def _instances(bodies: list[Target]) -> list[tuple[Target, Any]]:
    drawn: list[tuple[Target, Any]] = []
    for target in bodies:
        if len(drawn) >= INSTANCES:
            break
        found = _collect(target)
        drawn += [(target, v) for v in found[:PER_BODY]]
    # Cycle through them when the spec has fewer bodies than needed.
    return [drawn[i % len(drawn)] for i in range(INSTANCES)]


def _collect(target: Target) -> list[Any]:
    found: list[Any] = []

    @settings(derandomize=True, max_examples=PER_BODY, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(from_schema(target.schema, custom_formats={"uuid": st.uuids().map(str)}))
    def collect(value: Any) -> None:
        found.append(value)

    collect()
    return found


def _time(checks: list[tuple[Callable[[Any], Any], Any]]) -> float:
    rounds = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for check, value in checks:
            check(value)
        rounds.append(time.perf_counter() - started)
    return median(rounds)


@pytest.mark.benchmark
def test_generated_validators_vs_json_schema_libraries(runai_224: Path) -> None:
    found, _ = targets("runai-2.24", load_spec(runai_spec("2.24")), "runai", runai_224)
    bodies = [t for t in found if t.kind == "body"]
    instances = _instances(bodies)
    compiled: dict[str, Callable[[Any], Any]] = {}
    built: dict[str, Any] = {}
    for target, _value in instances:
        if target.ident not in compiled:
            compiled[target.ident] = fastjsonschema.compile(target.schema, formats={"uuid": _UUID})
            built[target.ident] = oracle(target.schema)
    # Keep the instances all three accept (tests/properties reports the disagreements).
    instances = [(t, v) for t, v in instances if not t.problems(v) and built[t.ident].is_valid(v)]
    assert len(instances) >= INSTANCES // 2, f"only {len(instances)} instances accepted by both"
    for target, value in instances:
        compiled[target.ident](value)

    def ours(target: Target) -> Callable[[Any], Any]:
        validate = target.validate
        return lambda value: validate({"body": value})

    generated = _time([(ours(t), v) for t, v in instances])
    fast = _time([(compiled[t.ident], v) for t, v in instances])
    slow = _time([(built[t.ident].is_valid, v) for t, v in instances])
    per = 1e6 / len(instances)
    report(
        f"request validation: {len(instances)} valid Run:ai 2.24 bodies ({len({t.ident for t, _ in instances})} schemas), median of {ROUNDS}",
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
