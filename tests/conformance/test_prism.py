"""Prism conformance: every operation of the generated Run:ai 2.24 client, called with
schema-valid arguments, is accepted by Prism's request validation.

Prism (tests/prism, installed by ``./dev test``) mocks the raw 2.24 spec once per
session. For every operation in the package's ``operations.json`` this test builds
values for all path parameters and every required query/header/cookie parameter,
and a request body when the operation has one, from the raw spec alone
(:class:`tests.conformance.prism.ExampleBuilder`), calls the generated sync method
with them, and reads Prism's verdict on what arrived from the ``sl-violations``
header of the answer. A request-side violation of severity ``Error`` (what Prism
refuses a request for) fails the test; request-side warnings (a deprecated query
parameter) are printed; response-side violations are Prism judging its own mock
and are not our concern. Each operation is called again with its body as the
generated model (built with ``from_dict``, so ``to_dict`` is held to the spec too)
and again with every optional parameter as well, where it has either.

An operation that cannot be called validly because of the spec itself belongs in
:data:`KNOWN_DEFECTS` with its reason; everything else must be accepted, and a
listed operation that is accepted fails the test until it is taken off the list.
"""

from __future__ import annotations

import importlib
import inspect
import json
import re
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import httpx
import pytest
from specloom.naming import snake
from specloom_runtime import ApiError, RequestOptions, ResponseDecodeError

from tests.conformance.prism import (
    HTTP_METHODS,
    ExampleBuilder,
    PrismServer,
    Unbuildable,
    describe,
    is_request_side,
    parameters,
    prism_error,
    prism_unavailable,
    prism_version,
    request_body,
    violations,
)
from tests.support import imported, load_spec, method_of, runai_spec

pytestmark = pytest.mark.slow

RELEASE = "2.24"
TOKEN = "test-token"
LOCATIONS = ("path", "query", "header", "cookie")
RESERVED_ARGUMENTS = frozenset({"self", "body"})
# Prism's own failures to route a request: the request did not reach the operation it was meant for.
ROUTING_ERRORS = frozenset({"NO_PATH_MATCHED_ERROR", "NO_METHOD_MATCHED_ERROR", "NO_SERVER_MATCHED_ERROR"})

#: Operations of the 2.24 spec that cannot be called validly because of the spec itself,
#: by operationId, with the reason. The test prints them; an entry that Prism accepts fails.
KNOWN_DEFECTS: dict[str, str] = {}


# -- Prism, once per session -------------------------------------------------------------------------


@pytest.fixture(scope="session")
def prism_224(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrismServer]:
    spec = runai_spec(RELEASE)  # skips, saying why, without ../shared/specs
    reason = prism_unavailable()
    if reason is not None:
        print(f"\nPrism conformance skipped: {reason}")
        pytest.skip(reason)
    server = PrismServer(spec, tmp_path_factory.mktemp("prism") / "prism.log")
    server.start()
    print(
        f"\nPrism {prism_version()} mocks Run:ai {RELEASE} on {server.base_url} (ready after {server.startup_seconds:.1f} s)"
    )
    try:
        yield server
    finally:
        server.stop()


# -- the generated package and its client ------------------------------------------------------------


class Recorder:
    """Every response the client's transport received since :meth:`take` was last called."""

    def __init__(self) -> None:
        self.responses: list[httpx.Response] = []

    def __call__(self, response: httpx.Response) -> None:
        self.responses.append(response)

    def take(self) -> list[httpx.Response]:
        taken, self.responses = self.responses, []
        return taken


def build_client(package: ModuleType, base_url: str, http: httpx.Client | None) -> tuple[Any, str]:
    """The package's sync client with a bearer token: ``bearer_token=`` where the runtime has it, else a header.

    Settings are tried from the most to the least specific, so the test follows the
    runtime as it grows options (``max_retries=0``: Prism's 500s are not retried).
    """
    accepts = inspect.signature(package.Client).parameters
    base: dict[str, Any] = {"base_url": base_url}
    if http is not None:
        base["http_client"] = http
    attempts: list[tuple[str, dict[str, Any]]] = [
        ("bearer_token=", {"bearer_token": TOKEN, "max_retries": 0}),
        ("bearer_token=", {"bearer_token": TOKEN}),
        ("an Authorization header", {"headers": {"Authorization": f"Bearer {TOKEN}"}}),
    ]
    if not any(p.kind is p.VAR_KEYWORD for p in accepts.values()):
        attempts = [(how, o) for how, o in attempts if set(o) <= set(accepts)]
    refusals = []
    for how, options in attempts:
        try:
            return package.Client(**base, **options), how
        except (TypeError, ValueError) as exc:  # the runtime's ConfigurationError is a ValueError
            refusals.append(f"{sorted(options)}: {exc}")
    raise AssertionError("cannot build a client with a bearer token:\n" + "\n".join(refusals))


@contextmanager
def prism_client(
    package: ModuleType, base_url: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Any, Recorder, str]]:
    """The package's sync client aimed at Prism, and what records the responses its transport receives."""
    recorder = Recorder()
    http: httpx.Client | None = None
    if "http_client" in inspect.signature(package.Client).parameters:
        http = httpx.Client(timeout=30.0, event_hooks={"response": [recorder]})
        seen = "responses seen through http_client's event hook"
    else:
        original = httpx.HTTPTransport.handle_request

        def recording(transport: httpx.HTTPTransport, request: httpx.Request) -> httpx.Response:
            response = original(transport, request)
            recorder(response)
            return response

        monkeypatch.setattr(httpx.HTTPTransport, "handle_request", recording)
        seen = "responses seen at httpx.HTTPTransport"
    client, how = build_client(package, base_url, http)
    try:
        yield client, recorder, f"{how}, {seen}"
    finally:
        client.close()
        if http is not None:
            http.close()


# -- one call per operation (and per body form) ------------------------------------------------------


@attrs.define
class Call:
    """One call of a generated method against Prism and Prism's verdict on the request."""

    form: str
    rejected: list[str] = attrs.field(factory=list)  # request-side violations of severity Error
    warnings: list[str] = attrs.field(factory=list)  # request-side findings Prism does not refuse for
    problems: list[str] = attrs.field(factory=list)  # everything else that keeps the call from being judged
    note: str | None = None  # how the call ended when that is not our concern (decode error, Prism 500...)

    @property
    def accepted(self) -> bool:
        return not self.rejected and not self.problems


@attrs.define
class Outcome:
    method: str
    path: str
    operation_id: str
    python_name: str
    calls: list[Call] = attrs.field(factory=list)
    unbuildable: str | None = None
    #: Why the generated model could not hold the minimal schema-valid body (then sent with its readOnly fields).
    model_gap: str | None = None

    @property
    def label(self) -> str:
        return f"{self.method} {self.path} ({self.operation_id}, client.{self.python_name})"

    @property
    def accepted(self) -> bool:
        return self.unbuildable is None and bool(self.calls) and all(c.accepted for c in self.calls)

    def findings(self) -> list[str]:
        if self.unbuildable is not None:
            return [f"no schema-valid arguments: {self.unbuildable}"]
        return [
            f"[{c.form}] {finding}"
            for c in self.calls
            for finding in [*c.problems, *(f"Prism rejected the request: {v}" for v in c.rejected)]
        ]


def argument_names(params: list[dict[str, Any]]) -> dict[tuple[str, str], str]:
    """The Python keyword of every parameter, by the README's naming rule.

    snake_case of the spec name (``body``/``self`` gain ``_``); when several
    parameters want one name, the one whose spec name is already snake_case wins,
    then the order of (location, name); the others get ``_2``, ``_3``...
    """
    wanted: dict[str, list[dict[str, Any]]] = {}
    for param in params:
        name = snake(param["name"], fallback="param")
        wanted.setdefault(name + "_" if name in RESERVED_ARGUMENTS else name, []).append(param)
    used = set(wanted)
    names: dict[tuple[str, str], str] = {}
    for name, group in sorted(wanted.items()):
        group.sort(key=lambda p: (snake(p["name"]) != p["name"], LOCATIONS.index(p["in"]), p["name"]))
        names[(group[0]["in"], group[0]["name"])] = name
        for param in group[1:]:
            n = 2
            while f"{name}_{n}" in used:
                n += 1
            used.add(f"{name}_{n}")
            names[(param["in"], param["name"])] = f"{name}_{n}"
    return names


def keyword_arguments(
    spec: dict[str, Any],
    builder: ExampleBuilder,
    method: str,
    path: str,
    function: Callable[..., Any],
    *,
    optional: bool = False,
) -> dict[str, Any]:
    """Values for the path parameters and every required parameter (every parameter with ``optional``),
    under the method's keyword names."""
    params = parameters(spec, path, method)
    names = argument_names(params)
    signature = inspect.signature(function).parameters
    kwargs: dict[str, Any] = {}
    for param in params:
        if param["in"] != "path" and param.get("required") is not True and not optional:
            continue
        schema = param.get("schema")
        if schema is None:  # a parameter described by "content" instead
            media: dict[str, Any] = next(iter((param.get("content") or {}).values()), {})
            schema = media.get("schema", {})
        value = builder.build(schema, f"{param['in']} parameter {param['name']!r}")
        name = names[(param["in"], param["name"])]
        if name not in signature:
            raise TypeError(f"the method has no argument {name!r} for {param['in']} parameter {param['name']!r}")
        kwargs[name] = value
    return kwargs


def model_form(
    package: ModuleType, models: dict[str, dict[str, Any]], schema: Any, value: Any
) -> tuple[str, Any] | None:
    """The body as the generated model(s) when its schema is a component the package has a class for."""

    def cls_for(node: Any) -> type[Any] | None:
        entry = models.get(node.get("$ref", "")) if isinstance(node, dict) else None
        if entry is None or entry["kind"] != "object":
            return None
        return getattr(importlib.import_module(entry["module"]), entry["python_name"])  # type: ignore[no-any-return]

    cls = cls_for(schema)
    if cls is not None and isinstance(value, dict):
        return f"model {cls.__name__}", cls.from_dict(value)
    items = schema.get("items") if isinstance(schema, dict) and schema.get("type") == "array" else None
    item_cls = cls_for(items)
    if item_cls is not None and isinstance(value, list):
        return f"list of model {item_cls.__name__}", [item_cls.from_dict(v) for v in value]
    return None


def judge(call: Call, method: str, path: str, error: BaseException | None, responses: list[httpx.Response]) -> None:
    """Fill ``call`` from the exchange: Prism's verdict on every request that went out."""
    if isinstance(error, (ApiError, ResponseDecodeError)) and not any(r is error.response for r in responses):
        responses = [*responses, error.response]
    if not responses:
        call.problems.append(f"nothing was sent: {type(error).__name__}: {error}" if error else "nothing was sent")
        return
    template = re.compile("^" + re.sub(r"\\\{[^/]*?\\\}", "[^/]+", re.escape(path)) + "$")
    for response in responses:
        request = response.request
        if request.method != method:
            call.problems.append(f"sent {request.method} instead of {method}")
        if not template.match(request.url.raw_path.decode().split("?")[0]):
            call.problems.append(f"sent to {request.url.raw_path.decode()!r}, which is not {path}")
        kind = prism_error(response)
        if kind in ROUTING_ERRORS:
            call.problems.append(f"Prism could not route it ({kind}, {response.status_code})")
        found = violations(response)
        request_side = [v for v in found if is_request_side(v)]
        call.rejected += [describe(v) for v in request_side if v.get("severity") == "Error"]
        call.warnings += [describe(v) for v in request_side if v.get("severity") != "Error"]
        if kind and kind not in ROUTING_ERRORS:
            call.note = f"Prism answered {response.status_code} {kind}"
    if error is not None and not isinstance(error, ApiError) and call.note is None:
        call.note = f"{type(error).__name__}: {str(error)[:160]}"


def call_operation(
    function: Callable[..., Any], kwargs: dict[str, Any], recorder: Recorder
) -> tuple[BaseException | None, list[httpx.Response]]:
    recorder.take()
    error: BaseException | None = None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            function(**kwargs)
        except Exception as exc:  # noqa: BLE001 - every outcome is judged from what reached Prism
            error = exc
    return error, recorder.take()


def check_operation(
    spec: dict[str, Any],
    builder: ExampleBuilder,
    package: ModuleType,
    models: dict[str, dict[str, Any]],
    client: Any,
    recorder: Recorder,
    entry: dict[str, Any],
) -> Outcome:
    """Call the operation with its required arguments (body as data, then as a model), then with every parameter."""
    method, path = entry["method"], entry["path"]
    op = spec["paths"][path][method.lower()]
    outcome = Outcome(method, path, str(op.get("operationId")), entry["python_name"])
    function = method_of(client, entry["python_name"])
    forms: list[tuple[str, dict[str, Any]]] = []
    try:
        required = keyword_arguments(spec, builder, method, path, function)
        body = request_body(spec, path, method)
        if body is None:
            forms.append(("required arguments", required))
        else:
            media, schema, _ = body
            value = builder.build(schema, f"request body ({media})")
            forms.append((f"required arguments, {media} body as plain data", {**required, "body": value}))
            as_model = body_model(spec, package, models, schema, value, outcome)
            if as_model is not None:
                forms.append((f"required arguments, {media} body as {as_model[0]}", {**required, "body": as_model[1]}))
        every = keyword_arguments(spec, builder, method, path, function, optional=True)
        if set(every) != set(required):
            forms.append(("every parameter" + (", body as plain data" if body else ""), {**forms[0][1], **every}))
    except Unbuildable as exc:
        outcome.unbuildable = str(exc)
    except TypeError as exc:
        outcome.calls.append(Call("signature", problems=[f"{exc}; signature is {inspect.signature(function)}"]))
    for form, arguments in forms:
        call = Call(form)
        error, responses = call_operation(function, arguments, recorder)
        judge(call, method, path, error, responses)
        outcome.calls.append(call)
    return outcome


def body_model(
    spec: dict[str, Any],
    package: ModuleType,
    models: dict[str, dict[str, Any]],
    schema: Any,
    value: Any,
    outcome: Outcome,
) -> tuple[str, Any] | None:
    """The body as generated model(s), when the package has a class for its schema.

    A model that cannot hold the minimal valid body is noted on ``outcome`` and
    built as a user then must: with its required readOnly properties filled in
    (OpenAPI leaves them out of requests; Prism accepts them).
    """
    try:
        return model_form(package, models, schema, value)
    except Exception as exc:  # noqa: BLE001 - a generated model that cannot hold valid data
        outcome.model_gap = f"from_dict of the minimal valid body raised {type(exc).__name__}: {exc}"
    try:
        full = ExampleBuilder(spec, read_only=True).build(schema, "request body with readOnly properties")
        return model_form(package, models, schema, full)
    except Exception as exc:  # noqa: BLE001
        problem = f"{outcome.model_gap}; with its readOnly properties filled in: {type(exc).__name__}: {exc}"
        outcome.calls.append(Call("body as a model", problems=[problem]))
        return None


# -- the test ----------------------------------------------------------------------------------------


def test_every_operation_called_with_schema_valid_arguments_is_accepted_by_prism(
    prism_224: PrismServer, runai_224: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = load_spec(runai_spec(RELEASE))
    package_dir = runai_224 / "runai"
    index = json.loads((package_dir / "operations.json").read_text())
    models = {e["pointer"]: e for e in json.loads((package_dir / "schemas.json").read_text())}
    in_spec = {(m.upper(), p) for p, item in spec["paths"].items() for m in item if m in HTTP_METHODS}
    assert {(e["method"], e["path"]) for e in index} == in_spec, "operations.json does not list the spec's operations"
    assert not set(KNOWN_DEFECTS) - {
        str(spec["paths"][e["path"]][e["method"].lower()].get("operationId")) for e in index
    }

    builder = ExampleBuilder(spec)
    started = time.monotonic()
    outcomes: list[Outcome] = []
    with (
        imported(runai_224, "runai") as package,
        prism_client(package, prism_224.base_url, monkeypatch) as (client, recorder, how),
    ):
        for entry in sorted(index, key=lambda e: (e["path"], e["method"])):
            outcomes.append(check_operation(spec, builder, package, models, client, recorder, entry))
    seconds = time.monotonic() - started

    calls = [c for o in outcomes for c in o.calls]
    accepted = [o for o in outcomes if o.accepted]
    known = [o for o in outcomes if not o.accepted and o.operation_id in KNOWN_DEFECTS]
    stale = [o for o in outcomes if o.accepted and o.operation_id in KNOWN_DEFECTS]
    failed = [o for o in outcomes if not o.accepted and o.operation_id not in KNOWN_DEFECTS]
    notes: dict[str, int] = {}
    for c in calls:
        if c.note:
            key = re.sub(r"(GET|PUT|POST|PATCH|DELETE) /\S+ ", r"\1 … ", c.note)[:110]
            notes[key] = notes.get(key, 0) + 1

    print(f"\nPrism conformance, Run:ai {RELEASE} (client authenticated with {how}):")
    print(
        f"  operations called: {sum(bool(o.calls) for o in outcomes)} of {len(index)} in {len(calls)} calls"
        f" ({seconds:.1f} s): all with their required arguments,"
        f" {sum(' as model' in c.form for c in calls)} bodies again as generated models,"
        f" {sum(c.form.startswith('every parameter') for c in calls)} again with every optional parameter"
    )
    print(f"  accepted by Prism: {len(accepted)}")
    print(f"  known spec defects: {len(known)}")
    for o in known:
        print(f"    - {o.label}: {KNOWN_DEFECTS[o.operation_id]}")
        for finding in o.findings()[:3]:
            print(f"        {finding}")
    print(f"  failures: {len(failed) + len(stale)}")
    gaps = [o for o in outcomes if o.model_gap]
    if gaps:
        print(
            "  bodies whose generated model's from_dict refuses the minimal valid body (it demands a required"
            " readOnly property, which a request may leave out; the model was sent with it filled in):"
        )
        for o in gaps:
            print(f"    - {o.label}: {o.model_gap}")
    warned = sorted({w for c in calls for w in c.warnings})
    if warned:
        print("  request-side warnings (Prism does not refuse for these):")
        for w in warned:
            print(f"    - {w}")
    if notes:
        print("  accepted calls that still did not return normally (not judged here):")
        for note, count in sorted(notes.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"    {count:4d} x {note}")

    report = [f"{o.label}:\n    " + "\n    ".join(o.findings()) for o in failed]
    report += [f"{o.label}: listed in KNOWN_DEFECTS but accepted now; take it off the list" for o in stale]
    assert not report, f"{len(report)} of {len(outcomes)} operations not accepted by Prism:\n" + "\n".join(report)


def test_prism_rejects_what_the_spec_forbids(
    prism_224: PrismServer, runai_224: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The control: a body missing a required property and a path parameter that is not a uuid are refused.

    Without it, a Prism that validated nothing (or a renamed verdict header)
    would let the test above pass on every operation.
    """
    spec = load_spec(runai_spec(RELEASE))
    index = sorted(
        json.loads((runai_224 / "runai" / "operations.json").read_text()), key=lambda e: (e["path"], e["method"])
    )
    builder = ExampleBuilder(spec)

    def needs_property(entry: dict[str, Any]) -> bool:
        body = request_body(spec, entry["path"], entry["method"])
        return body is not None and "json" in body[0] and bool(builder.flatten(body[1]).get("required"))

    def uuid_in_path(entry: dict[str, Any]) -> bool:
        return entry["method"] == "GET" and any(
            p["in"] == "path" and builder.flatten(p.get("schema", {})).get("format") == "uuid"
            for p in parameters(spec, entry["path"], entry["method"])
        )

    with (
        imported(runai_224, "runai") as package,
        prism_client(package, prism_224.base_url, monkeypatch) as (client, recorder, _),
    ):
        no_property = next(e for e in index if needs_property(e))
        function = method_of(client, no_property["python_name"])
        kwargs = keyword_arguments(spec, builder, no_property["method"], no_property["path"], function)
        # The client's own validation would refuse these before Prism sees them: off for the control.
        unchecked = RequestOptions(validate=False)
        error, responses = call_operation(function, {**kwargs, "body": {}, "request_options": unchecked}, recorder)
        refused = [describe(v) for r in responses for v in violations(r) if is_request_side(v)]
        assert refused, f"{no_property['path']} with an empty body: Prism raised no request violation ({error!r})"
        print(f"\ncontrol: {no_property['method']} {no_property['path']} with body {{}} -> {refused[0]}")

        bad_uuid = next(e for e in index if uuid_in_path(e))
        function = method_of(client, bad_uuid["python_name"])
        kwargs = keyword_arguments(spec, builder, bad_uuid["method"], bad_uuid["path"], function)
        names = argument_names(parameters(spec, bad_uuid["path"], bad_uuid["method"]))
        for param in parameters(spec, bad_uuid["path"], bad_uuid["method"]):
            if param["in"] == "path" and builder.flatten(param.get("schema", {})).get("format") == "uuid":
                kwargs[names[("path", param["name"])]] = "not-a-uuid"
        error, responses = call_operation(function, {**kwargs, "request_options": unchecked}, recorder)
        refused = [describe(v) for r in responses for v in violations(r) if is_request_side(v)]
        assert refused, (
            f"{bad_uuid['path']} with a path parameter 'not-a-uuid': Prism raised no request violation ({error!r})"
        )
        print(f"control: {bad_uuid['method']} {bad_uuid['path']} with 'not-a-uuid' -> {refused[0]}")
