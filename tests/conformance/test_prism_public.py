"""Issue 10 C, acceptance: against a Prism mock of each public corpus spec, every GET operation called with
schema-valid arguments and the credentials its spec declares is accepted, and its answer decodes.

Each spec (../shared/specs/public) is generated into the session's temporary folder (the conformance
suite's ``PublicCorpus``) and mocked by Prism from its raw file. The client gets a dummy credential for
every security scheme the package's scheme table holds, by scheme name (``credentials={...}``: an API
key, a token, or a (username, password) pair for HTTP basic), and nothing else: which credential goes to
which operation is the runtime's choice, from the operation's declared security. Each GET is called with
its path parameters and required parameters built from the spec (``ExampleBuilder``; a Swagger 2.0 spec
is read as the generator reads it, converted to OpenAPI 3.0; a spec split over files, bundled first). Prism's verdict is read from what reached
it: a 401/403 it answers for missing or wrong credentials, and request-side violations of severity Error
in ``sl-violations``, fail the test.

Printed per spec: GET operations, called, accepted, and every exclusion with its reason (arguments that
cannot be built from the raw spec, a spec Prism cannot load). Answers that do not decode are counted and
listed apart: decoding is strict today (lenient decoding is issue 10 part A), so they do not fail this
test, which is about authentication and requests.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from specloom.swagger2 import convert
from specloom_runtime import ApiError, ApiKeyScheme, HttpScheme, ResponseDecodeError

from tests.conformance.conftest import PublicCorpus
from tests.conformance.prism import ExampleBuilder, PrismServer, Unbuildable, bundled, prism_unavailable, request_body
from tests.conformance.test_prism import Call, Recorder, call_operation, judge, keyword_arguments
from tests.support import imported, load_document, method_of, public_spec, public_specs

pytestmark = pytest.mark.slow

LABELS = [spec.label for spec in public_specs()] or ["public-corpus-absent"]
# Prism's answers for a request it refuses for its credentials (its "security" validation).
REFUSED_FOR_CREDENTIALS = (401, 403)

#: Specs Prism cannot mock, by label, with the reason (checked: the test fails if Prism starts on one).
PRISM_CANNOT_LOAD: dict[str, str] = {}


def dummy_credentials(schemes: dict[str, Any]) -> dict[str, Any]:
    """A made-up credential of the right form for every scheme, by name."""
    found: dict[str, Any] = {}
    for name, scheme in schemes.items():
        if isinstance(scheme, HttpScheme) and scheme.scheme == "basic":
            found[name] = ("dummy-user", "dummy-password-1")
        elif isinstance(scheme, ApiKeyScheme):
            found[name] = "dummy-api-key-1"
        else:
            found[name] = "dummy-access-token-1"
    return found


@pytest.fixture
def prism_for(tmp_path: Path) -> Iterator[Any]:
    servers: list[PrismServer] = []

    def start(spec: Path) -> PrismServer:
        server = PrismServer(spec, tmp_path / "prism.log")
        servers.append(server)
        server.start(timeout=300)
        return server

    yield start
    for server in servers:
        server.stop()


def credential_problems(responses: list[httpx.Response]) -> list[str]:
    return [
        f"Prism refused the credentials ({r.status_code}): {r.text[:200]}"
        for r in responses
        if r.status_code in REFUSED_FOR_CREDENTIALS
    ]


def without_credentials(package: Any, server: PrismServer, http: httpx.Client, recorder: Recorder, spec: dict[str, Any],
                        builder: ExampleBuilder, entry: dict[str, Any]) -> list[str]:
    """The control: an operation that needs credentials, called without any, is refused by Prism.

    Without it, a Prism that checked no security would let every call above pass.
    """
    bare = package.Client(server.base_url, http_client=http, max_retries=0)
    function = method_of(bare, entry["python_name"])
    _, responses = call_operation(function, keyword_arguments(spec, builder, "GET", entry["path"], function), recorder)
    refused = credential_problems(responses)
    print(f"\n{spec.get('info', {}).get('title')!r}, the control: GET {entry['path']} without credentials -> "
          f"{[r.status_code for r in responses]}", end="")
    return refused


@pytest.mark.parametrize("label", LABELS)
def test_every_get_with_the_declared_credentials_is_accepted_by_prism(
    public_corpus: PublicCorpus, prism_for: Any, label: str
) -> None:
    spec_info = public_spec(label)  # skips, saying why, without ../shared/specs/public
    reason = prism_unavailable()
    if reason is not None:
        print(f"\n{label}: Prism conformance skipped: {reason}")
        pytest.skip(reason)
    raw = bundled(spec_info.path, load_document)
    spec = convert(raw) if str(raw.get("swagger", "")).startswith("2") else raw
    package_dir = public_corpus.package(label)
    index = [e for e in json.loads((package_dir / "operations.json").read_text()) if e["method"] == "GET"]
    if not index:
        print(f"\n{label}: 0 GET operations; nothing to call")
        return
    try:
        server = prism_for(spec_info.path)
    except RuntimeError as exc:
        if label in PRISM_CANNOT_LOAD:
            print(f"\n{label}: excluded, Prism cannot load it: {PRISM_CANNOT_LOAD[label]}")
            return
        raise AssertionError(f"{label}: Prism did not start: {exc}") from None
    assert label not in PRISM_CANNOT_LOAD, f"{label}: Prism loads it now; take it off PRISM_CANNOT_LOAD"

    builder = ExampleBuilder(spec)
    recorder = Recorder()
    unbuildable: dict[str, str] = {}
    undecoded: dict[str, str] = {}
    other_errors: dict[str, str] = {}
    failures: dict[str, list[str]] = {}
    accepted: list[dict[str, Any]] = []
    with imported(package_dir.parent, spec_info.package) as package:
        schemes = dict(package.Client._security_schemes or {})
        http = httpx.Client(timeout=60.0, event_hooks={"response": [recorder]})
        client = package.Client(server.base_url, http_client=http, max_retries=0, credentials=dummy_credentials(schemes))
        try:
            for entry in sorted(index, key=lambda e: e["path"]):
                label_op = f"GET {entry['path']} ({entry['operation_id']})"
                function = method_of(client, entry["python_name"])
                try:
                    kwargs = keyword_arguments(spec, builder, "GET", entry["path"], function)
                    body = request_body(spec, entry["path"], "GET")
                    if body is not None:  # a GET with a body (Asana's typeahead)
                        kwargs["body"] = builder.build(body[1], f"request body ({body[0]})")
                except Unbuildable as exc:
                    unbuildable[label_op] = str(exc)
                    continue
                call = Call("required arguments")
                error, responses = call_operation(function, kwargs, recorder)
                judge(call, "GET", entry["path"], error, responses)
                problems = [*call.problems, *(f"Prism rejected the request: {v}" for v in call.rejected),
                            *credential_problems(responses)]
                if problems:
                    failures[label_op] = problems
                    continue
                accepted.append(entry)
                if isinstance(error, ResponseDecodeError):
                    undecoded[label_op] = str(error)[:200]
                elif isinstance(error, ApiError):
                    other_errors[label_op] = f"{error.status_code}: {' '.join(str(error).split())[:160]}"
                elif error is not None:
                    other_errors[label_op] = f"{type(error).__name__}: {str(error)[:160]}"
            control = next((e for e in accepted if e["security"] and all(e["security"])), None)
            if control is not None:
                refused = without_credentials(package, server, http, recorder, spec, builder, control)
                assert refused, f"{label}: {control['path']} without credentials was not refused: Prism checks no security"
        finally:
            client.close()
            http.close()

    called = len(index) - len(unbuildable)
    print(f"\n{label}: schemes {sorted(schemes) or 'none'}; {len(index)} GET operations, {called} called, "
          f"{len(accepted)} accepted by Prism, {len(failures)} refused; {len(accepted) - len(undecoded) - len(other_errors)} "
          f"decoded, {len(undecoded)} did not decode (strict decoding, issue 10 A), {len(other_errors)} other outcomes")
    for what, found in (("excluded, no schema-valid arguments from the raw spec", unbuildable),
                        ("accepted but the answer did not decode", undecoded),
                        ("accepted, answered otherwise", other_errors)):
        for op, why in sorted(found.items()):
            print(f"  {what}: {op}: {why}")
    report = [f"{op}:\n    " + "\n    ".join(problems) for op, problems in sorted(failures.items())]
    assert not report, f"{label}: {len(report)} of {called} GET operations not accepted by Prism:\n" + "\n".join(report)
