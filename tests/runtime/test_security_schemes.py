"""Issue 10 C in every client kind: each operation gets the credential its spec's security asks for.

The package is generated from tests/runtime/specs/security.yaml (one operation per way a spec asks for
credentials: API key in a header, the query or a cookie, HTTP basic, a vendor HTTP scheme, OAuth 2.0
client credentials at the spec's token URL, alternatives, a combination, optional, none) and called
against a loopback server that records every request.
"""

from __future__ import annotations

import base64
import logging
import urllib.parse
from collections.abc import Iterator
from typing import Any

import pytest
from specloom_runtime import ClientCredentials, ConfigurationError
from starlette.responses import JSONResponse, Response

from tests.integration.servers import LoopbackServer, RecordedRequest, RecordingApp, serve
from tests.runtime.harness import Harness, PackageHarness
from tests.runtime.test_streams import read_all
from tests.servers import ControlPlaneServer
from tests.support import REPO, generate, imported

SPEC = REPO / "tests" / "runtime" / "specs" / "security.yaml"
PACKAGE = "security_demo"
SECRETS = {"basicAuth": ("sid-4711", "basic-pass-9f3e"), "queryKey": "query-key-5d2a", "cookieKey": "cookie-key-8b1c",
           "headerKey": "header-key-3e7f", "tokenAuth": "vendor-token-6a9d"}
ISSUED = "issued-access-token-2c4e"


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    folder = generate(SPEC, tmp_path_factory.mktemp("security"), PACKAGE).parent
    with imported(folder, PACKAGE) as package:
        yield package


def answer(request: RecordedRequest) -> Response:
    if request.raw_path == "/oauth/token":
        return JSONResponse({"access_token": ISSUED, "token_type": "Bearer", "expires_in": 3600})
    return JSONResponse({})


@pytest.fixture(scope="module")
def origin() -> Iterator[tuple[RecordingApp, LoopbackServer]]:
    app = RecordingApp(answer)
    with serve(app) as loopback:
        yield app, loopback


class SecurityHarness(PackageHarness):
    """The harness, building clients of the security package against the recording origin."""


@pytest.fixture
def sh(kind: str, server: ControlPlaneServer, package: Any,
       origin: tuple[RecordingApp, LoopbackServer]) -> Iterator[SecurityHarness]:
    origin[0].take()
    harness = SecurityHarness(kind, server, package, origin[1])
    try:
        yield harness
    finally:
        harness.close()


def sent(origin: tuple[RecordingApp, LoopbackServer], path: str) -> RecordedRequest:
    (request,) = [r for r in origin[0].requests if r.raw_path == path]
    return request


def query(request: RecordedRequest) -> dict[str, list[str]]:
    return urllib.parse.parse_qs(request.query_string)


def basic(username: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()


def credentials_seen(request: RecordedRequest) -> dict[str, Any]:
    """Every place a credential could be in: the two headers, the query key and the session cookie."""
    return {"authorization": request.header("authorization"), "x-api-key": request.header("x-api-key"),
            "api-key": query(request).get("api-key"), "session": "session=" in (request.header("cookie") or "")}


NOTHING = {"authorization": None, "x-api-key": None, "api-key": None, "session": False}


def test_each_operation_gets_the_credential_its_security_names(
        sh: SecurityHarness, origin: tuple[RecordingApp, LoopbackServer]) -> None:
    client = sh.client(credentials=SECRETS)
    for call in (lambda c: c.auth.basic(), lambda c: c.auth.query_key(page=2), lambda c: c.auth.cookie_key(theme="dark"),
                 lambda c: c.auth.vendor_scheme(), lambda c: c.auth.either(), lambda c: c.auth.both(),
                 lambda c: c.auth.optional(), lambda c: c.auth.needs_nothing(), lambda c: c.auth.uses_the_default()):
        sh.run(client, call)

    assert credentials_seen(sent(origin, "/basic")) == {**NOTHING, "authorization": basic(*SECRETS["basicAuth"])}
    assert credentials_seen(sent(origin, "/query")) == {**NOTHING, "api-key": [SECRETS["queryKey"]]}
    assert query(sent(origin, "/query"))["page"] == ["2"]
    assert sent(origin, "/cookie").header("cookie") == f"theme=dark; session={SECRETS['cookieKey']}"
    assert credentials_seen(sent(origin, "/vendor")) == {**NOTHING, "authorization": f"Token {SECRETS['tokenAuth']}"}
    assert credentials_seen(sent(origin, "/either")) == {**NOTHING, "authorization": basic(*SECRETS["basicAuth"])}
    assert credentials_seen(sent(origin, "/both")) == {**NOTHING, "x-api-key": SECRETS["headerKey"], "api-key": [SECRETS["queryKey"]]}
    assert credentials_seen(sent(origin, "/optional")) == {**NOTHING, "x-api-key": SECRETS["headerKey"]}
    assert credentials_seen(sent(origin, "/public")) == NOTHING
    assert credentials_seen(sent(origin, "/default")) == {**NOTHING, "x-api-key": SECRETS["headerKey"]}


def test_the_first_alternative_the_client_has_every_credential_for_is_used(
        sh: SecurityHarness, origin: tuple[RecordingApp, LoopbackServer]) -> None:
    client = sh.client(credentials={"headerKey": SECRETS["headerKey"]})
    for call in (lambda c: c.auth.either(), lambda c: c.auth.both(), lambda c: c.auth.basic()):
        sh.run(client, call)
    anonymous = sh.client()
    sh.run(anonymous, lambda c: c.auth.optional())

    assert credentials_seen(sent(origin, "/either")) == {**NOTHING, "x-api-key": SECRETS["headerKey"]}
    # No alternative is complete: nothing is sent, and the server decides.
    assert credentials_seen(sent(origin, "/both")) == NOTHING
    assert credentials_seen(sent(origin, "/basic")) == NOTHING
    assert credentials_seen(sent(origin, "/optional")) == NOTHING


def test_simple_forms_fill_every_scheme_of_their_kind(
        sh: SecurityHarness, origin: tuple[RecordingApp, LoopbackServer]) -> None:
    client = sh.client(username="sid-4711", password="basic-pass-9f3e", api_key="any-key-7c1d")
    for call in (lambda c: c.auth.basic(), lambda c: c.auth.query_key(), lambda c: c.auth.cookie_key(),
                 lambda c: c.auth.uses_the_default()):
        sh.run(client, call)

    assert sent(origin, "/basic").header("authorization") == basic("sid-4711", "basic-pass-9f3e")
    assert query(sent(origin, "/query"))["api-key"] == ["any-key-7c1d"]
    assert sent(origin, "/cookie").header("cookie") == "session=any-key-7c1d"
    assert sent(origin, "/default").header("x-api-key") == "any-key-7c1d"


@pytest.mark.parametrize("given", ["simple", "by-name"])
def test_oauth2_client_credentials_at_the_token_url_the_spec_declares(
        sh: SecurityHarness, origin: tuple[RecordingApp, LoopbackServer], given: str) -> None:
    settings: dict[str, Any] = (
        {"client_id": "app-1", "client_secret": "oauth-secret-4b8e"} if given == "simple"
        else {"credentials": {"oauth": ClientCredentials("app-1", "oauth-secret-4b8e", scopes=("read",))}}
    )
    client = sh.client(**settings)
    sh.run(client, lambda c: c.auth.oauth())
    sh.run(client, lambda c: c.auth.oauth())
    sh.run(client, lambda c: c.auth.needs_nothing())

    (token_request,) = [r for r in origin[0].requests if r.raw_path == "/oauth/token"]
    form = urllib.parse.parse_qs(token_request.body.decode())
    assert token_request.method == "POST"
    assert form["grant_type"] == ["client_credentials"]
    assert form.get("scope") == (["read"] if given == "by-name" else None)
    assert token_request.header("authorization") == basic("app-1", "oauth-secret-4b8e")
    assert [r.header("authorization") for r in origin[0].requests if r.raw_path == "/oauth"] == [f"Bearer {ISSUED}"] * 2
    assert credentials_seen(sent(origin, "/public")) == NOTHING


@pytest.mark.parametrize(("settings", "named"), [
    pytest.param({"credentials": {"nope": "x"}}, "'nope'", id="unknown-scheme"),
    pytest.param({"credentials": {"basicAuth": "just-a-string"}}, "basicAuth (HTTP basic) takes a (username, password) pair",
                 id="wrong-form"),
    pytest.param({"credentials": {"queryKey": ("a", "b")}}, "queryKey (API key in query 'api-key')", id="pair-for-a-key"),
])
def test_a_credential_no_scheme_can_use_is_refused_at_construction(
        sh: SecurityHarness, origin: tuple[RecordingApp, LoopbackServer], settings: dict[str, Any], named: str) -> None:
    with pytest.raises(ConfigurationError, match=named.replace("(", r"\(").replace(")", r"\)")):
        sh.client(**settings)
    assert origin[0].requests == []


def test_a_simple_form_no_scheme_fits_is_refused_naming_the_schemes(h: Harness) -> None:
    # The control plane declares one scheme, HTTP bearer: a user name and password fit nothing.
    with pytest.raises(ConfigurationError, match=r"username/password fits no security scheme .*bearerAuth \(HTTP bearer\)"):
        h.client(username="u", password="p-12345")


def test_an_operation_declaring_security_none_gets_no_credentials(h: Harness, server: ControlPlaneServer) -> None:
    # download_cli says "security: []": the bearer token the client holds is not sent to it.
    client = h.bearer_client()
    h.run(client, read_all(lambda c: c.infrastructure.cli.download_cli(os="linux", arch="amd64")))

    (request,) = [e for e in server.requests if e.template != "/api/v1/token"]
    assert request.header("authorization") is None


def test_secrets_of_every_scheme_are_masked_in_reprs_and_debug_logs(
        sh: SecurityHarness, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    client = sh.client(credentials=SECRETS, debug=True)
    sh.run(client, lambda c: c.auth.query_key())
    sh.run(client, lambda c: c.auth.cookie_key())
    sh.run(client, lambda c: c.auth.basic())

    shown = [repr(client), repr(client.config), *(r.getMessage() for r in caplog.records)]
    assert any("api-key=***" in line for line in shown), "the query string was not logged: nothing was checked"
    for secret in ("basic-pass-9f3e", "query-key-5d2a", "cookie-key-8b1c", "header-key-3e7f", "vendor-token-6a9d"):
        assert not [line for line in shown if secret in line], f"{secret} was shown"


def test_a_package_without_a_scheme_table_refuses_credentials_by_scheme(h: Harness) -> None:
    # A package generated before schemes were carried: nothing says which scheme a credential is for.
    predating = type("Predating", (h.cls,), {"_security_schemes": None})
    with pytest.raises(ConfigurationError, match="regenerate"):
        predating(h.server.base_url, credentials={"basicAuth": ("u", "p-12345")})


@pytest.mark.parametrize(("settings", "authorization"), [
    ({"bearer_token": "silent-token-1f2e"}, "Bearer silent-token-1f2e"),
    ({"username": "sid-4711", "password": "basic-pass-9f3e"}, basic("sid-4711", "basic-pass-9f3e")),
    ({"api_key": "silent-key-7c3b"}, "Bearer silent-key-7c3b"),
], ids=["bearer_token", "username/password", "api_key"])
def test_a_spec_declaring_no_scheme_sends_the_simple_forms_on_every_call(
        sh: SecurityHarness, origin: tuple[RecordingApp, LoopbackServer], settings: dict[str, str], authorization: str
) -> None:
    # Many real specs say nothing of authentication although their API needs it: the user decides.
    silent = type("Silent", (sh.cls,), {"_security_schemes": {}})
    client = sh.track(silent(sh.origin.base_url, **settings))
    sh.run(client, lambda c: c.auth.needs_nothing())
    assert sent(origin, "/public").header("authorization") == authorization
    with pytest.raises(ConfigurationError, match="declares none"):
        silent(sh.origin.base_url, credentials={"basicAuth": ("u", "p-12345")})
