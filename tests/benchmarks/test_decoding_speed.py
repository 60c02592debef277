"""Reading Run:ai 2.24 list answers: the generated models vs pydantic v2 ``model_validate`` on the same data.

The list answers are the GET operations whose 200 JSON schema is an object holding an array of
models (``/api/v1/workloads``, ``/api/v1/asset/compute``...). For each, a few items are drawn
(hypothesis-jsonschema, derandomized, as in tests/properties) and repeated to a 500-item answer.
pydantic's models are built from the same schemas (:mod:`tests.benchmarks._pydantic_models`).

Generated models decode lazily, so two numbers are honest and both are printed:

- **decode**: what a call costs when its answer arrives (the operation's decoder, lenient, as the
  client reads it, JSON parsing included); the goal applies to this. pydantic is timed on the same
  work: ``model_validate`` of ``response.json()``;
- **decode + touch every field**: decode, then read every field of every model reached through
  the answer (nested models included), the most a caller can make it do; printed, no goal.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pydantic
import pytest
from hypothesis import HealthCheck, given, settings

from tests.benchmarks._bench import Goal, median, report
from tests.benchmarks._pydantic_models import PydanticModels
from tests.properties._drawing import fast_hypothesis_jsonschema, instances_of
from tests.properties._oracle import bundle, load_spec, operations_of, translate
from tests.properties.test_decoding import without_read_only
from tests.support import runai_spec

ITEMS = 500
DRAWN = 5
ROUNDS = 7


def _list_answers(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any], str]]:
    """(path, array property, 200 schema, item $ref) of every GET answering an object with an array of models."""
    found = []
    for path, item in spec["paths"].items():
        answer = (item.get("get") or {}).get("responses", {}).get("200", {})
        schema = (answer.get("content") or {}).get("application/json", {}).get("schema")
        if not isinstance(schema, dict):
            continue
        target = spec["components"]["schemas"].get(schema["$ref"].rsplit("/", 1)[-1], {}) if "$ref" in schema else schema
        for name, prop in (target.get("properties") or {}).items():
            items = prop.get("items", {}) if prop.get("type") == "array" else {}
            if "$ref" in items:
                found.append((path, name, schema, items["$ref"]))
                break
    return found


def _draw(schema: dict[str, Any]) -> list[Any]:
    found: list[Any] = []

    @settings(derandomize=True, max_examples=DRAWN, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(instances_of(schema))
    def collect(value: Any) -> None:
        found.append(value)

    collect()
    return found


def _touch(value: Any) -> None:
    """Read every field of every model reachable from ``value``."""
    if isinstance(value, list):
        for item in value:
            _touch(item)
    elif isinstance(value, dict):
        for item in value.values():
            _touch(item)
    elif hasattr(value, "__wire_names__"):
        for attribute in value.__wire_names__:
            _touch(getattr(value, attribute))
        _touch(value.additional_properties)


def _timed(fn: Callable[[], Any]) -> float:
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return median(times)


@pytest.mark.benchmark
def test_generated_models_decode_list_answers_no_slower_than_pydantic(runai_224: Path) -> None:
    spec = without_read_only(load_spec(runai_spec("2.24")))
    definitions = {k: translate(v) for k, v in spec["components"]["schemas"].items()}
    operations = operations_of("runai", runai_224)
    pydantic_models = PydanticModels(spec)
    cases = []
    refused: list[str] = []
    with fast_hypothesis_jsonschema():
        for path, prop, schema, item_ref in _list_answers(spec):
            items = _draw(bundle({"$ref": item_ref}, definitions))
            if not items:
                continue
            body = {prop: [items[i % len(items)] for i in range(ITEMS)]}
            response = httpx.Response(200, json=body, request=httpx.Request("GET", "http://127.0.0.1" + path))
            adapter = pydantic_models.adapter(schema)
            try:
                adapter.validate_python(body)
            except pydantic.ValidationError as exc:
                # The builder reads fewer schema shapes than the generator: compare only where both read the data.
                refused.append(f"{path}: pydantic refuses the drawn answer ({exc.error_count()} errors); not compared")
                continue
            cases.append((path, operations[("GET", path)].decode, response, adapter, body))
    assert cases, "no list answer found in the Run:ai 2.24 spec"

    lenient, touched, anchor = 0.0, 0.0, 0.0
    for _, decode, response, adapter, body in cases:
        decode(response, False)  # warm-up: imports and codec tables
        adapter.validate_python(body)
        lenient += _timed(functools.partial(decode, response, False))
        touched += _timed(lambda decode=decode, response=response: _touch(decode(response, False)))
        anchor += _timed(lambda adapter=adapter, response=response: adapter.validate_python(response.json()))
    report(
        f"decoding Run:ai 2.24 list answers ({len(cases)} operations, {ITEMS} items each)",
        [
            f"pydantic v2 model_validate(response.json()): {anchor * 1e3:.1f} ms",
            f"generated, decode:          {lenient * 1e3:.1f} ms  ({lenient / anchor:.2f}x pydantic)",
            f"generated, decode + touch every field: {touched * 1e3:.1f} ms  ({touched / anchor:.2f}x pydantic; no goal)",
            *refused,
        ],
        [Goal("decode costs at most pydantic's model_validate", lenient <= anchor)],
    )
