"""Decoding answers, proven over every JSON response schema of Run:ai 2.24 and a sample of every public spec.

For each distinct 2xx JSON response schema, hypothesis-jsonschema draws schema-valid instances
(readOnly properties stay required: this is what a server sends). A spec split over files is read
as one document, Swagger 2.0 definitions where OpenAPI 3 keeps them, and response objects behind
``$ref`` are followed. Each instance is read by the generated operation's own decoder, answered
with the status the schema belongs to, as the client reads it:

- lenient: the result encodes back to exactly the instance (``to_jsonable(result) == x``) and
  ``decode_issues`` finds nothing; strict: nothing raises;
- one change at a time (a required field dropped, ``null`` where the spec does not allow it, a
  wrong JSON type, an unknown enum value, an unknown field, top-level ``null``): lenient never
  raises and still encodes back to the changed body; strict raises ``ResponseDecodeError`` with
  an issue at the changed path (an unknown field, allowed by the spec, raises nothing).

Where a change can go is found by walking the instance beside the models it decoded into; unions
are not entered (which member a changed value belongs to is what is being tested elsewhere).
"""

from __future__ import annotations

import copy
import functools
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from specloom_runtime import ResponseDecodeError, decode_issues, to_jsonable
from specloom_runtime.decoding import ANY, ReceivedModel, _Enum, _Json, _List, _Map, _Model, _Nullable, _Text

from tests.conformance.prism import bundled
from tests.conftest import SUMMARY_PROPERTY
from tests.properties._drawing import fast_hypothesis_jsonschema, instances_of
from tests.properties._oracle import bundle, deref, load_spec, operations_of, translate
from tests.support import generate, public_specs, runai_spec

SETTINGS = settings(derandomize=True, database=None, deadline=None, max_examples=4, suppress_health_check=list(HealthCheck))
_METHODS = ("get", "put", "post", "delete", "patch")
Site = tuple[str, tuple[Any, ...], Any]  # (kind of change, where, the value put there or _DROP)
_DROP = object()
_WRONG = {"a string": 12345, "an integer": "not a number", "a number": "not a number", "a boolean": "not a boolean"}


def without_read_only(node: Any) -> Any:
    """The spec as a server sends it: readOnly properties stay required."""
    if isinstance(node, dict):
        return {k: without_read_only(v) for k, v in node.items() if k != "readOnly"}
    if isinstance(node, list):
        return [without_read_only(v) for v in node]
    return node


def as_openapi3(spec: dict[str, Any]) -> dict[str, Any]:
    """A Swagger 2.0 document's schemas where OpenAPI 3 keeps them (``#/definitions/X`` -> ``#/components/schemas/X``)."""
    if "swagger" not in spec:
        return spec
    text = json.dumps(spec).replace('"#/definitions/', '"#/components/schemas/')
    moved: dict[str, Any] = json.loads(text)
    moved["components"] = {"schemas": moved.pop("definitions", {}), "responses": moved.pop("responses", {})}
    return moved


def _json_schema(spec: dict[str, Any], answer: Any) -> Any:
    """The JSON schema of one response object (behind ``$ref`` too); Swagger 2.0 keeps it under ``schema``."""
    answer = deref(spec, answer)
    if not isinstance(answer, dict):
        return None
    if "swagger" in spec or "schema" in answer:
        return answer.get("schema")
    media = [v for k, v in (answer.get("content") or {}).items() if "json" in k]
    return media[0].get("schema") if media and isinstance(media[0], dict) else None


def responses(source: dict[str, Any]) -> dict[str, tuple[tuple[str, str], int, dict[str, Any]]]:
    """Distinct 2xx JSON response schemas (canonical text -> (first operation, its status, bundled draft 7 schema))."""
    spec = without_read_only(as_openapi3(source))
    definitions = {k: translate(v) for k, v in spec.get("components", {}).get("schemas", {}).items()}
    found: dict[str, tuple[tuple[str, str], int, dict[str, Any]]] = {}
    for path, item in spec.get("paths", {}).items():
        for method in _METHODS:
            op = item.get(method) if isinstance(item, dict) else None
            for status, answer in (op or {}).get("responses", {}).items():
                schema = _json_schema(spec, answer) if str(status).startswith("2") else None
                if isinstance(schema, dict):
                    bundled_schema = bundle(schema, definitions)
                    found.setdefault(json.dumps(bundled_schema, sort_keys=True),
                                     ((method.upper(), path), int(status), bundled_schema))
                    break
    return found


Read = Callable[[Any, bool], Any]


def reader(decode: Any, status: int) -> Read:
    """``(body, strict) -> result``: ``body`` answered with ``status``, read by the operation's decoder."""

    def read(body: Any, strict: bool) -> Any:
        return decode(httpx.Response(status, json=body, request=httpx.Request("GET", "http://127.0.0.1/x")), strict)

    return read


def sites(value: Any, result: Any, where: tuple[Any, ...] = ()) -> list[Site]:
    """Every one-change drift of ``value`` (JSON) that ``result`` (its decoding) lets us place."""
    if isinstance(result, ReceivedModel) and isinstance(value, dict):
        cls = type(result)
        found: list[Site] = [("unknown field", (*where, "zz-not-in-the-spec"), {"any": ["thing"]})]
        for attribute, codec in cls.codecs().items():
            wire = cls.__wire_names__.get(attribute)
            if wire is None or wire not in value:
                continue
            here = (*where, wire)
            if wire in cls.__required_keys__:
                found.append(("required field dropped", here, _DROP))
            found += _changes(codec, value[wire], here)
            found += _nested(codec, value[wire], getattr(result, attribute), here)
        return found
    if isinstance(result, list) and isinstance(value, list):
        return [s for i, (v, r) in enumerate(zip(value, result)) for s in sites(v, r, (*where, i))]
    return []


def _changes(codec: Any, value: Any, here: tuple[Any, ...]) -> list[Site]:
    found: list[Site] = []
    if not isinstance(codec, _Nullable) and codec is not ANY and value is not None:
        found.append(("null", here, None))
    inner = codec.inner if isinstance(codec, _Nullable) else codec
    if isinstance(inner, _Json) and inner.name in _WRONG:
        found.append(("wrong type", here, _WRONG[inner.name]))
    elif isinstance(inner, _Text):
        found.append(("wrong type", here, 12345))
    elif isinstance(inner, _Enum):
        found.append(("unknown enum value", here, "zz-unknown" if inner.base is str else 987654321))
    elif isinstance(inner, (_Model, _List, _Map)):
        found.append(("wrong type", here, "not a container"))
    return found


def _nested(codec: Any, value: Any, result: Any, here: tuple[Any, ...]) -> list[Site]:
    inner = codec.inner if isinstance(codec, _Nullable) else codec
    if isinstance(inner, (_Model, _List)):
        return sites(value, result, here)
    if isinstance(inner, _Map) and isinstance(value, dict) and isinstance(result, dict):
        return [s for k in value for s in sites(value[k], result[k], (*here, k))]
    return []


def changed(body: Any, site: Site) -> Any:
    _, where, new = site
    out = copy.deepcopy(body)
    parent = out
    for step in where[:-1]:
        parent = parent[step]
    if new is _DROP:
        del parent[where[-1]]
    else:
        parent[where[-1]] = copy.deepcopy(new)
    return out


def dotted(where: tuple[Any, ...]) -> str:
    text = ""
    for step in where:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


def check_response(read: Read, schema: dict[str, Any], counts: Counter[str]) -> None:
    @SETTINGS
    @given(st.data())
    def run(data: st.DataObject) -> None:
        body = data.draw(instances_of(schema))
        result = read(body, strict=False)
        assert to_jsonable(result) == body, "a schema-valid answer does not encode back to itself"
        assert decode_issues(result) == []
        read(body, strict=True)
        counts["valid instances"] += 1
        drifts = [("top-level null", (), None), *sites(body, result)]
        kind, where, _ = site = data.draw(st.sampled_from(drifts))
        drifted = None if kind == "top-level null" else changed(body, site)
        lenient = read(drifted, strict=False)
        assert to_jsonable(lenient) == drifted, f"{kind} at {dotted(where)}: not kept as received"
        allowed = kind == "unknown field" or (kind == "top-level null" and not _strict_issues(read, drifted))
        if allowed:
            counts[f"{kind} (allowed by the spec)"] += 1
            return
        with pytest.raises(ResponseDecodeError) as info:
            read(drifted, strict=True)
        assert dotted(where) in [i.path for i in info.value.issues], f"{kind} at {dotted(where)}: {info.value}"
        counts[kind] += 1

    run()


def _strict_issues(read: Read, body: Any) -> bool:
    try:
        read(body, strict=True)
    except ResponseDecodeError:
        return True
    return False


def prove(label: str, spec_path: Path, package: str, folder: Path, limit: int | None, request: pytest.FixtureRequest) -> None:
    spec = bundled(spec_path, load_spec)  # a spec split over files as one document
    ops = operations_of(package, folder)
    targets = list(responses(spec).values())
    sampled = targets[:limit] if limit else targets
    counts: Counter[str] = Counter()
    left_out = []
    with fast_hypothesis_jsonschema():
        for key, status, schema in sampled:
            operation = ops.get(key)
            if operation is None:
                left_out.append(f"{key}: no generated operation")
                continue
            check_response(reader(operation.decode, status), schema, counts)
            counts["response schemas"] += 1
    lines = [f"decoding {label}: {counts['response schemas']} of {len(targets)} distinct response schemas"
             f"{' (sample)' if limit and len(targets) > limit else ''}, 0 failures; "
             + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()) if k != "response schemas")]
    lines += [f"  left out: {why}" for why in left_out]
    request.node.user_properties.append((SUMMARY_PROPERTY, lines))
    print("\n".join(lines))
    if not targets:
        pytest.skip(f"{label}: its answers declare no JSON schema (only examples), so there is nothing to decode into")
    assert counts["response schemas"] > 0, f"{label}: no 2xx JSON response schema was checked"


@pytest.mark.slow
def test_runai_224_every_response_schema_decodes_losslessly_and_drift_is_kept_or_refused(
    runai_224: Path, request: pytest.FixtureRequest
) -> None:
    prove("Run:ai 2.24", runai_spec("2.24"), "runai", runai_224, None, request)


@functools.cache
def _public() -> list[Any]:
    return [s for s in public_specs() if s.path.is_file()]


@pytest.mark.slow
@pytest.mark.parametrize("spec", _public() or [None], ids=lambda s: s.label if s else "absent")
def test_public_spec_sample_decodes_losslessly_and_drift_is_kept_or_refused(
    spec: Any, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if spec is None:
        pytest.skip("no spec in ../shared/specs/public (the public corpus is not checked out beside the repo)")
    generate(spec.path, tmp_path, spec.package)
    prove(spec.label, spec.path, spec.package, tmp_path, 8, request)
