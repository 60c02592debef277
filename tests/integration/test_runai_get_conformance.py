"""Every GET operation of Run:ai 2.24, called with its required parameters, sends what the spec describes.

The expected request of each operation is computed here from the raw spec JSON
alone (``$ref`` resolved by this module, not by the generator): the path template
with each value percent-encoded as one segment, and the required query parameters
serialised as their ``style``/``explode`` say. The generated client's method is
called against a recording server on 127.0.0.1, which answers 404, and what
arrived on the wire is compared with the expectation for every operation; all
mismatches are collected and reported together.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import uuid
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import attrs
import pytest
from specloom.naming import snake
from specloom_runtime import NotFoundError

from tests.integration.servers import LoopbackServer, RecordedRequest, RecordingApp
from tests.support import load_spec, method_of, runai_spec

RELEASE = "2.24"
LOCATIONS = ("path", "query", "header", "cookie")
DATE_TIME = "2024-05-01T10:00:00Z"
DATE = "2024-05-01"
# Python argument names every generated method keeps for itself.
RESERVED_ARGUMENTS = frozenset({"self", "body"})


class Unsupported(Exception):
    """A parameter this test cannot choose a value for; reported as a mismatch, never skipped silently."""


# -- reading the raw spec ---------------------------------------------------------------------------


def resolve(spec: dict[str, Any], node: Any) -> Any:
    """Follow local ``$ref`` chains (``#/components/...``) to the node they name."""
    seen: set[str] = set()
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if not ref.startswith("#/") or ref in seen:
            raise Unsupported(f"cannot resolve $ref {ref!r}")
        seen.add(ref)
        target: Any = spec
        for part in ref[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def flatten(spec: dict[str, Any], schema: Any) -> dict[str, Any]:
    """The schema with its ``$ref`` resolved and a single-element ``allOf`` folded in."""
    schema = resolve(spec, schema or {})
    if not isinstance(schema, dict):
        raise Unsupported(f"schema is not an object: {schema!r}")
    all_of = schema.get("allOf")
    if isinstance(all_of, list) and len(all_of) == 1:
        rest = {k: v for k, v in schema.items() if k != "allOf"}
        return {**flatten(spec, all_of[0]), **rest}
    return schema


def schema_type(schema: dict[str, Any]) -> str | None:
    kind = schema.get("type")
    if isinstance(kind, list):
        kinds = [k for k in kind if k != "null"]
        return kinds[0] if kinds else None
    return kind if isinstance(kind, str) else None


def bounded(value: float, schema: dict[str, Any]) -> float:
    low, high = schema.get("minimum"), schema.get("maximum")
    if isinstance(low, (int, float)) and value < low:
        value = low + (1 if schema.get("exclusiveMinimum") is True else 0)
    if isinstance(high, (int, float)) and value > high:
        value = high - (1 if schema.get("exclusiveMaximum") is True else 0)
    return value


def choose_value(spec: dict[str, Any], schema: Any, location: str, wire: str, index: int) -> Any:
    """A value for a parameter (or array item) from its schema alone."""
    schema = flatten(spec, schema)
    enum = [v for v in schema.get("enum") or [] if v is not None]
    if enum:
        return enum[0]
    kind = schema_type(schema)
    if kind == "array":
        return [choose_value(spec, schema.get("items", {}), "item", wire, index)]
    if kind == "boolean":
        return True
    if kind == "integer":
        return int(bounded(7, schema))
    if kind == "number":
        return bounded(2.5, schema)
    if kind in (None, "string") and not any(k in schema for k in ("properties", "oneOf", "anyOf", "allOf")):
        fmt = schema.get("format")
        if fmt == "date-time":
            return DATE_TIME
        if fmt == "date":
            return DATE
        if location == "path":
            # "_", "/" and a space: the value must arrive as one segment, byte for byte.
            return f"{wire}_{index}/c d"
        if fmt == "uuid":
            return str(uuid.UUID(int=index + 1))
        # "&", "=", "+" and a space must be escaped so the pair survives intact.
        return f"{wire}_{index}/c d&e=f+g"
    raise Unsupported(f"no value rule for the schema of {location} parameter {wire!r}: {json.dumps(schema)[:200]}")


def wire_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@attrs.frozen
class Param:
    location: str
    wire: str
    required: bool
    schema: Any
    style: str
    explode: bool


@attrs.frozen
class Case:
    operation_id: str
    path: str
    python_name: str
    deprecated: bool
    params: tuple[Param, ...]
    values: dict[tuple[str, str], Any]
    expected_path: str
    expected_query: tuple[tuple[str, str], ...]
    expected_headers: dict[str, str]

    @property
    def label(self) -> str:
        return f"GET {self.path} ({self.operation_id}, client.{self.python_name})"


def operation_params(spec: dict[str, Any], item: dict[str, Any], op: dict[str, Any]) -> list[Param]:
    """Path-level then operation-level parameters, the latter overriding by (in, name)."""
    by_key: dict[tuple[str, str], dict[str, Any]] = {}
    for owner in (item, op):
        for raw in owner.get("parameters") or []:
            param = resolve(spec, raw)
            by_key[(param["in"], param["name"])] = param
    params = []
    for (location, wire), param in by_key.items():
        style = param.get("style") or ("form" if location in ("query", "cookie") else "simple")
        explode = param.get("explode", style == "form")
        required = location == "path" or param.get("required") is True
        params.append(Param(location, wire, required, param.get("schema", {}), style, bool(explode)))
    return params


def expected_query_pairs(param: Param, value: Any) -> list[tuple[str, str]]:
    if isinstance(value, list):
        texts = [wire_text(v) for v in value]
        if param.style == "form" and param.explode:
            return [(param.wire, text) for text in texts]
        separator = {"form": ",", "spaceDelimited": " ", "pipeDelimited": "|"}.get(param.style)
        if separator is None:
            raise Unsupported(f"query parameter {param.wire!r} has style {param.style!r}")
        return [(param.wire, separator.join(texts))]
    return [(param.wire, wire_text(value))]


def needs_body(spec: dict[str, Any], op: dict[str, Any]) -> bool:
    body = resolve(spec, op.get("requestBody")) if op.get("requestBody") else None
    return isinstance(body, dict) and body.get("required") is True


def build_cases(spec: dict[str, Any], index: list[dict[str, Any]]) -> tuple[list[Case], list[str]]:
    """A case for every GET operation without a required request body, and the problems found on the way."""
    entries = {(e["method"], e["path"]): e for e in index}
    cases: list[Case] = []
    problems: list[str] = []
    for path, item in spec["paths"].items():
        op = item.get("get")
        if not isinstance(op, dict):
            continue
        if needs_body(spec, op):
            continue
        label = f"GET {path} ({op.get('operationId')})"
        entry = entries.get(("GET", path))
        if entry is None:
            problems.append(f"{label}: not listed in operations.json")
            continue
        try:
            params = operation_params(spec, item, op)
            values: dict[tuple[str, str], Any] = {}
            expected_path = path
            query: list[tuple[str, str]] = []
            headers: dict[str, str] = {}
            for i, param in enumerate(p for p in params if p.required):
                value = choose_value(spec, param.schema, param.location, param.wire, i)
                values[(param.location, param.wire)] = value
                if param.location == "path":
                    if isinstance(value, list):
                        raise Unsupported(f"array path parameter {param.wire!r}")
                    template = "{" + param.wire + "}"
                    if template not in expected_path:
                        raise Unsupported(f"path parameter {param.wire!r} is not in the template")
                    expected_path = expected_path.replace(template, quote(wire_text(value), safe=""))
                elif param.location == "query":
                    query.extend(expected_query_pairs(param, value))
                elif param.location == "header":
                    text = ",".join(map(wire_text, value)) if isinstance(value, list) else wire_text(value)
                    headers[param.wire.lower()] = text
                else:
                    raise Unsupported(f"required {param.location} parameter {param.wire!r}")
        except Unsupported as exc:
            problems.append(f"{label}: {exc}")
            continue
        cases.append(
            Case(
                operation_id=str(op.get("operationId")),
                path=path,
                python_name=entry["python_name"],
                deprecated=op.get("deprecated") is True,
                params=tuple(params),
                values=values,
                expected_path=expected_path,
                expected_query=tuple(sorted(query)),
                expected_headers=headers,
            )
        )
    return cases, problems


# -- calling the generated client --------------------------------------------------------------------


def argument_names(case: Case) -> dict[tuple[str, str], str]:
    """The Python keyword of every parameter, by the README's naming rule.

    snake_case of the spec name (``body``/``self`` gain ``_``); when several
    parameters of one operation want the same name, the one whose spec name is
    already snake_case wins, then the order of (location, name); the others get
    ``_2``, ``_3``...
    """
    wanted: dict[str, list[Param]] = {}
    for param in case.params:
        name = snake(param.wire, fallback="param")
        if name in RESERVED_ARGUMENTS:
            name += "_"
        wanted.setdefault(name, []).append(param)
    used = set(wanted)
    names: dict[tuple[str, str], str] = {}
    for name, group in sorted(wanted.items()):
        group.sort(key=lambda p: (0 if snake(p.wire) == p.wire else 1, LOCATIONS.index(p.location), p.wire))
        names[(group[0].location, group[0].wire)] = name
        for param in group[1:]:
            n = 2
            while f"{name}_{n}" in used:
                n += 1
            used.add(f"{name}_{n}")
            names[(param.location, param.wire)] = f"{name}_{n}"
    return names


def keyword_arguments(case: Case, method: Callable[..., Any]) -> dict[str, Any]:
    """The call's keywords; raises Unsupported when the signature does not match the spec."""
    signature = inspect.signature(method)
    names = argument_names(case)
    kwargs: dict[str, Any] = {}
    for key, value in case.values.items():
        name = names[key]
        if name not in signature.parameters:
            raise Unsupported(
                f"no argument {name!r} for {key[0]} parameter {key[1]!r}; signature is {signature}"
            )
        kwargs[name] = value
    required = {
        name
        for name, p in signature.parameters.items()
        if p.default is inspect.Parameter.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    }
    if required != set(kwargs):
        raise Unsupported(f"the signature requires {sorted(required)}, the spec {sorted(kwargs)}; signature is {signature}")
    return kwargs


def outcome_problems(case: Case, error: BaseException | None, caught: list[warnings.WarningMessage]) -> list[str]:
    problems = []
    if error is None:
        problems.append("returned instead of raising NotFoundError for the 404 answer")
    elif not isinstance(error, NotFoundError):
        problems.append(f"raised {type(error).__name__}: {error}")
    elif error.status_code != 404:
        problems.append(f"NotFoundError with status_code {error.status_code}")
    named = [
        w for w in caught
        if issubclass(w.category, DeprecationWarning) and (case.operation_id in str(w.message) or case.path in str(w.message))
    ]
    if case.deprecated and not named:
        problems.append("deprecated in the spec but no DeprecationWarning naming it was emitted")
    if not case.deprecated and named:
        problems.append(f"not deprecated in the spec but warned: {named[0].message}")
    return problems


def request_problems(case: Case, recorded: list[RecordedRequest]) -> list[str]:
    if len(recorded) != 1:
        return [f"expected 1 request on the wire, the server saw {len(recorded)}"]
    request = recorded[0]
    problems = []
    if request.method != "GET":
        problems.append(f"method: expected GET, got {request.method}")
    if request.body:
        problems.append(f"body: expected none, got {request.body[:80]!r}")
    if request.raw_path != case.expected_path:
        problems.append(f"path: expected {case.expected_path!r}, got {request.raw_path!r}")
    try:
        query = tuple(sorted(request.query_pairs()))
    except ValueError as exc:
        problems.append(f"query {request.query_string!r} is not a valid form-encoded query: {exc}")
    else:
        if query != case.expected_query:
            problems.append(
                f"query: expected {list(case.expected_query)!r}, got {list(query)!r} (raw {request.query_string!r})"
            )
    for name, value in case.expected_headers.items():
        if request.header(name) != value:
            problems.append(f"header {name}: expected {value!r}, got {request.header(name)!r}")
    return problems


def check_sync(client: Any, case: Case, app: RecordingApp) -> list[str]:
    method = method_of(client, case.python_name)
    kwargs = keyword_arguments(case, method)
    app.clear()
    error: BaseException | None = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            method(**kwargs)
        except Exception as exc:  # noqa: BLE001 - every outcome is compared below
            error = exc
    return outcome_problems(case, error, caught) + request_problems(case, app.take())


async def check_async(client: Any, case: Case, app: RecordingApp) -> list[str]:
    method = method_of(client, case.python_name)
    if not inspect.iscoroutinefunction(method):
        return [f"client.{case.python_name} of the AsyncClient is not a coroutine function"]
    kwargs = keyword_arguments(case, method)
    app.clear()
    error: BaseException | None = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            await method(**kwargs)
        except Exception as exc:  # noqa: BLE001 - every outcome is compared below
            error = exc
    return outcome_problems(case, error, caught) + request_problems(case, app.take())


# -- the test ----------------------------------------------------------------------------------------


def labelled(case: Case, problems: list[str]) -> list[str]:
    return [f"{case.label}: {p}" for p in problems]


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_every_get_operation_sends_its_required_parameters_as_the_spec_says(
    mode: str, importable: Path, recording_app: RecordingApp, recording_server: LoopbackServer
) -> None:
    spec = load_spec(runai_spec(RELEASE))
    index = json.loads((importable / "runai" / "operations.json").read_text())
    gets = [path for path, item in spec["paths"].items() if isinstance(item.get("get"), dict) and not needs_body(spec, item["get"])]
    assert gets, "the Run:ai spec has no GET operation without a required body; is it the right file?"
    cases, problems = build_cases(spec, index)

    import runai

    if mode == "sync":
        # Values like "a_b/c d" prove the encoding; they break some parameters' patterns, so no validation here.
        with runai.Client(base_url=recording_server.base_url, validate=False) as client:
            for case in cases:
                try:
                    problems += labelled(case, check_sync(client, case, recording_app))
                except Unsupported as exc:
                    problems += labelled(case, [str(exc)])
    else:

        async def check_all() -> list[str]:
            found: list[str] = []
            async with runai.AsyncClient(base_url=recording_server.base_url, validate=False) as client:
                for case in cases:
                    try:
                        found += labelled(case, await check_async(client, case, recording_app))
                    except Unsupported as exc:
                        found += labelled(case, [str(exc)])
            return found

        problems += asyncio.run(check_all())

    print(
        f"[{mode}] Run:ai {RELEASE}: {len(cases)} of {len(gets)} GET operations checked on the wire, "
        f"{len(problems)} mismatches"
    )
    assert len(cases) == len(gets) and not problems, (
        f"{len(problems)} mismatches over {len(gets)} GET operations ({mode} client):\n" + "\n".join(problems)
    )


def test_argument_names_follow_the_readme_rule() -> None:
    # argument_names() on its own, so a wrong mapping cannot pass for (or hide) a wire mismatch.
    params = (
        Param("path", "clusterId", True, {}, "simple", False),
        Param("query", "cluster_id", False, {}, "form", True),
        Param("query", "from", True, {}, "form", True),
        Param("query", "body", False, {}, "form", True),
        Param("header", "X-Request-ID", False, {}, "simple", False),
    )
    case = Case("op", "/x/{clusterId}", "a.b", False, params, {}, "", (), {})
    assert argument_names(case) == {
        ("path", "clusterId"): "cluster_id_2",
        ("query", "cluster_id"): "cluster_id",
        ("query", "from"): "from_",
        ("query", "body"): "body_",
        ("header", "X-Request-ID"): "x_request_id",
    }
