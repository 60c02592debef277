"""A request that violates the spec is never sent: a counting server sees none of the invalid-input suite.

For every operation of the reference family 2.24 and of Run:ai 2.24 with a parameter or a JSON body
(the targets of :mod:`tests.properties._oracle`), valid arguments are synthesized
(:class:`~tests.properties._invalid_inputs.Sampler`), then one thing is broken at a time
(:func:`~tests.properties._invalid_inputs.breakages`: a constraint via ``_mutations``, a required property
removed, an unknown property, a wrong type, ``null``), each confirmed invalid by the JSON Schema oracle.
Every case goes through the real generated method of ``Client``, ``ThreadedClient`` and ``AsyncClient``
to a uvicorn server on 127.0.0.1 that counts each request it receives. Each call must raise
``RequestValidationError`` with a problem naming the broken path; when the module ends, the server must
have received exactly the positive controls (one valid call per family and client kind) and nothing else.
"""

from __future__ import annotations

import importlib
import inspect
import json
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import pytest
from specloom_runtime import RequestValidationError, decode_json, decode_text
from starlette.types import Receive, Scope, Send

from tests.integration.servers import LoopbackServer, serve
from tests.properties._invalid_inputs import Sampler, breakages
from tests.properties._oracle import Target, load_spec, oracle, targets
from tests.properties.test_validators import REFERENCE
from tests.runtime.harness import HTTP1_KINDS, Harness
from tests.support import method_of, runai_spec

# Deprecated operations warn on every call; that is not what is tested here.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
CLASSES = {"sync": "Client", "threaded": "ThreadedClient", "async": "AsyncClient"}
TOKEN = "nothing-sent-token"  # a fixed bearer token: no token request ever reaches the server


class CountingApp:
    """An ASGI app counting every request by (method, path); answers 200 ``{}``."""

    def __init__(self) -> None:
        self.received: Counter[tuple[str, str]] = Counter()
        self._lock = threading.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        while (await receive()).get("more_body"):
            pass
        # Counted before answering: once the client has its answer, the request is counted.
        with self._lock:
            self.received[(scope["method"], scope["path"])] += 1
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": b"{}"})

    def total(self) -> int:
        with self._lock:
            return sum(self.received.values())


@dataclass
class Counting:
    """The module's server, and what the tests expect it to have received."""

    app: CountingApp
    server: LoopbackServer
    controls: Counter[tuple[str, str]] = field(default_factory=Counter)
    cases: dict[str, int] = field(default_factory=dict)  # "family kind" -> invalid calls made


@pytest.fixture(scope="module")
def counting() -> Iterator[Counting]:
    """One counting server for the whole module; at the end it must have seen the controls and nothing else."""
    app = CountingApp()
    with serve(app) as server:
        state = Counting(app, server)
        yield state
    invalid = sum(state.cases.values())
    stray = state.app.received - state.controls
    print(f"\ninvalid-input suite: {invalid} invalid calls {state.cases}; requests received {state.app.total()}: "
          f"{sum(state.controls.values())} positive controls, {sum(stray.values())} from the invalid suite")
    assert state.app.received == state.controls, f"the server received requests besides the controls: {dict(stray)}"


# -- the cases ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    python_name: str
    kwargs: dict[str, Any]
    reported: str  # the path a problem must name
    label: str


@dataclass
class Suite:
    family: str
    package: str
    operations: int
    cases: list[Case]
    control: tuple[str, dict[str, Any], tuple[str, str]]  # a GET: python name, valid kwargs, (method, path sent)
    notes: list[str]  # operations left out and breakages the oracle still accepts, with why


class _Probed(Exception):
    def __init__(self, operation: Any, arguments: dict[str, Any]) -> None:
        self.operation, self.arguments = operation, arguments


class _Recorder:
    """Stands in for a client under a generated group: records what the method would send, sends nothing."""

    def call(self, operation: Any, *, request_options: Any = None, **arguments: Any) -> Any:
        raise _Probed(operation, arguments)


class _Marker:
    def __init__(self, keyword: str) -> None:
        self.keyword = keyword


def probe(client: Any, python_name: str, kwargs: dict[str, Any]) -> _Probed:
    """The Operation and the call arguments (path/query/headers/cookies/body) the generated method makes of ``kwargs``."""
    bound: Any = method_of(client, python_name)
    try:
        getattr(type(bound.__self__)(_Recorder()), bound.__name__)(**kwargs)
    except _Probed as probed:
        return probed
    raise AssertionError(f"{python_name} did not call its client")


def wiring(client: Any, python_name: str) -> tuple[dict[tuple[str, str], str], set[str]]:
    """Which keyword of the method feeds each (argument, wire name), e.g. ("query", "from") -> "from_"; and the required keywords."""
    parameters = inspect.signature(method_of(client, python_name)).parameters
    keywords = [k for k in parameters if k != "request_options"]
    probed = probe(client, python_name, {k: _Marker(k) for k in keywords})
    feeds = {}
    for key, given in probed.arguments.items():
        for wire, marker in ({"": given} if key == "body" else given).items():
            if isinstance(marker, _Marker):
                feeds[(key, wire)] = marker.keyword
    return feeds, {k for k in keywords if parameters[k].default is inspect.Parameter.empty}


def _slot(target: Target) -> tuple[str, str]:
    key, value = next(iter(target.arguments(None).items()))
    return (key, "") if target.kind == "body" else (key, next(iter(value)))


def _sent_path(template: str, arguments: dict[str, Any]) -> str:
    """The path the server sees for ``template`` with the path arguments (each value percent-encoded in full)."""
    for name, value in (arguments.get("path") or {}).items():
        template = template.replace("{" + name + "}", quote(str(value), safe=""))
    return unquote(template)  # the ASGI scope's "path" is decoded


def build_suite(family: str, spec_path: Path, package: str, folder: Path) -> Suite:
    found, left_out = targets(family, load_spec(spec_path), package, folder)
    by_operation: dict[tuple[str, str], list[Target]] = {}
    for t in found:
        by_operation.setdefault((t.method, t.path), []).append(t)
    index = json.loads((folder / package / "operations.json").read_text())
    client = importlib.import_module(package).Client("http://127.0.0.1:9", bearer_token=TOKEN)  # probing only
    sampler, seen = Sampler(), set[tuple[int, str, str]]()
    cases: list[Case] = []
    notes = list(left_out)
    control = None
    covered = 0
    for entry in index:
        operation_targets = by_operation.get((entry["method"], entry["path"]), [])
        if not operation_targets:
            continue
        label = f"{entry['method']} {entry['path']} ({entry['python_name']})"
        feeds, required = wiring(client, entry["python_name"])
        valid = {t.ident: sampler.valid(t) for t in operation_targets}
        baseline = {feeds[_slot(t)]: valid[t.ident] for t in operation_targets
                    if t.kind == "body" or feeds[_slot(t)] in required}
        if required - set(baseline):
            notes.append(f"{label}: no value for required {sorted(required - set(baseline))} (not a JSON body)")
            continue
        probed = probe(client, entry["python_name"], baseline)
        # The cases are only meaningful if the arguments are valid but for the one breakage.
        problems = probed.operation.validate(probed.arguments)
        assert not problems, f"{label}: valid arguments {baseline!r} rejected: {problems}"
        if control is None and entry["method"] == "GET" and probed.operation.decode in (decode_json, decode_text):
            control = (entry["python_name"], baseline, ("GET", _sent_path(entry["path"], probed.arguments)))
        covered += 1
        for t in operation_targets:
            assert oracle(t.schema).is_valid(valid[t.ident]), f"{t.ident}: the synthesized value is invalid"
            real, accepted = breakages(t, valid[t.ident], seen)
            notes += [f"{t.ident}: {b.what} at {b.path} is still valid per the oracle" for b in accepted]
            cases += [Case(entry["python_name"], {**baseline, feeds[_slot(t)]: b.value}, b.reported,
                           f"{label}: {b.what} at {b.path}") for b in real]
    assert control is not None, f"{family}: no operation for the positive control"
    return Suite(family, package, covered, cases, control, notes)


@pytest.fixture(scope="module", params=["controlplane-2.24", pytest.param("runai-2.24", marks=pytest.mark.slow)])
def suite(request: pytest.FixtureRequest) -> Suite:
    if request.param == "runai-2.24":
        built = build_suite(request.param, runai_spec("2.24"), "runai", request.getfixturevalue("runai_224"))
    else:
        built = build_suite(request.param, *REFERENCE)
    print(f"\n{built.family}: {built.operations} operations covered, {len(built.cases)} invalid cases; {len(built.notes)} notes")
    for note in built.notes:
        print("  note:", note)
    return built


# -- calling the real clients ---------------------------------------------------------------------------------


class FamilyHarness(Harness):
    """The runtime suite's harness (one way to run a call per client kind) for any generated package."""

    def __init__(self, kind: str, server: Any, package: str) -> None:
        super().__init__(kind, server)
        self.package = package

    @property
    def cls(self) -> type[Any]:
        cls: type[Any] = getattr(importlib.import_module(self.package), CLASSES[self.kind])
        return cls


@pytest.fixture
def harness(suite: Suite, kind: str, counting: Counting) -> Iterator[FamilyHarness]:
    h = FamilyHarness(kind, counting.server, suite.package)
    try:
        yield h
    finally:
        h.close()


@pytest.fixture(params=HTTP1_KINDS)
def kind(request: pytest.FixtureRequest) -> str:
    # A call is refused before any transport sees it: HTTP/2 would only repeat these kinds.
    return str(request.param)


def outcome(h: FamilyHarness, client: Any, case: Case) -> str | None:
    """None when the call was refused naming ``case.reported``; otherwise what went wrong."""
    try:
        h.run(client, lambda c: method_of(c, case.python_name)(**case.kwargs))
    except RequestValidationError as error:
        if any(p.startswith(f"{case.reported}: ") for p in error.problems):
            return None
        return f"refused, but no problem names {case.reported}: {error.problems[:5]}"
    except Exception as error:  # noqa: BLE001 - any other outcome is reported with the case
        return f"not refused before sending: {type(error).__name__}: {str(error)[:200]}"
    return "not refused: the call was sent and returned"


def test_a_valid_call_reaches_the_server(suite: Suite, kind: str, harness: FamilyHarness, counting: Counting) -> None:
    # The positive control: the counter does count what is sent, and valid synthesized arguments pass.
    python_name, kwargs, key = suite.control
    before = counting.app.received[key]
    counting.controls[key] += 1  # expected before it is sent, so a failed control cannot pass for an invalid case
    harness.run(harness.client(bearer_token=TOKEN), lambda c: method_of(c, python_name)(**kwargs))
    assert counting.app.received[key] == before + 1


def test_invalid_requests_are_refused_and_never_sent(
    suite: Suite, kind: str, harness: FamilyHarness, counting: Counting
) -> None:
    client = harness.client(bearer_token=TOKEN)
    before = counting.app.total()
    misses = [f"{case.label}: {m}" for case in suite.cases if (m := outcome(harness, client, case)) is not None]
    received = counting.app.total() - before
    counting.cases[f"{suite.family} {kind}"] = len(suite.cases)
    print(f"\n{suite.family} [{kind}]: {suite.operations} operations covered, {len(suite.cases)} invalid cases, "
          f"{len(misses)} misses, {received} requests received")
    assert not misses, f"{len(misses)} invalid requests not refused as they should be:\n" + "\n".join(misses[:50])
    assert received == 0, f"the server received {received} requests during the invalid-input suite"
