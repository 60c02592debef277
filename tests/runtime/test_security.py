"""Security and reliability regressions, in every client kind, against real loopback servers.

Each test reproduces one way a client could betray its user: a credential in a log line
or an error, an argument that changes which endpoint is called, a body sent in clear
text, a header that smuggles a second request, callers starved by a refresh.
"""

from __future__ import annotations

import importlib
import json
import logging
import re
import secrets
from pathlib import Path
from typing import Any

import pytest
from specloom_runtime import (
    AuthenticationError,
    ConfigurationError,
    NotFoundError,
    Operation,
    RedirectError,
    RequestEncodingError,
    RequestOptions,
    ServerError,
    TransportError,
    decode_json,
)
from starlette.responses import JSONResponse, Response

from tests.integration.servers import RecordedRequest, RecordingApp, serve
from tests.runtime.harness import CLUSTERS, FAST, TOKEN, WORKLOADS, Harness, list_clusters, submit
from tests.servers import CLIENT_ID, CLIENT_SECRET, ControlPlaneServer, Fault
from tests.support import load_spec, runai_spec

#: Not JWTs, and not in a credential position where a pattern would catch them: only knowing them masks them.
BEARER = f"tok-{secrets.token_hex(12)}"


def echoing(secret: str, session: str) -> Fault:
    """A 500 that echoes ``secret`` in its message and in a header, and sets a session cookie."""
    return Fault.status(500, body={"message": f"bad credentials in header Authorization: Bearer {secret} ({secret})"},
                        headers={"set-cookie": f"session={session}; Path=/; HttpOnly", "x-echo": secret})


def leaks(texts: dict[str, str], hidden: dict[str, str]) -> list[str]:
    return [f"{what} in {where}" for where, text in texts.items() for what, secret in hidden.items() if secret in text]


# -- 1. logs ---------------------------------------------------------------------------------------


def test_no_logger_of_the_stack_logs_a_credential(h: Harness, server: ControlPlaneServer,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)  # the user's own root handler, at DEBUG
    session = f"sess-{secrets.token_hex(12)}"
    server.inject(echoing(BEARER, session), method="GET", path=CLUSTERS)
    client = h.client(bearer_token=BEARER, debug=True, max_retries=0)

    with pytest.raises(ServerError):
        h.run(client, list_clusters)

    names = {r.name for r in caplog.records}
    # httpcore traces every request; aiohttp (the async client's transport there) logs none.
    traced = set() if h.transport == "aiohttp" else {f"httpcore.http{2 if h.http2 else 11}", "httpcore.connection"}
    assert {*traced, "httpx", "specloom"} <= names, names
    texts = {"captured log": caplog.text}
    texts.update({f"record {i} ({r.name})": r.getMessage() for i, r in enumerate(caplog.records)})
    assert leaks(texts, {"bearer token": BEARER, "session cookie": session}) == []


# -- 2. errors -------------------------------------------------------------------------------------


def test_a_credential_echoed_by_the_server_is_masked_in_the_error(h: Harness, server: ControlPlaneServer) -> None:
    server.inject(echoing(BEARER, "s"), method="GET", path=CLUSTERS)
    client = h.client(bearer_token=BEARER, max_retries=0)

    with pytest.raises(ServerError) as info:
        h.run(client, list_clusters)

    error = info.value
    texts = {"str": str(error), "repr": repr(error), "message": error.message, "args": repr(error.args)}
    assert leaks(texts, {"bearer token": BEARER}) == []
    assert "bad credentials in header Authorization" in error.message
    assert BEARER in json.dumps(error.body), "the body stays as the server sent it"


def test_a_client_secret_echoed_by_the_token_endpoint_is_masked_in_the_error(
        h: Harness, server: ControlPlaneServer) -> None:
    echoed = json.dumps({"grantType": "client_credentials", "clientID": CLIENT_ID, "clientSecret": CLIENT_SECRET})
    server.inject(Fault.status(400, body={"message": f"malformed request {echoed}".replace('"', "'")}),
                  method="POST", path=TOKEN)
    client = h.credentials_client()

    with pytest.raises(AuthenticationError) as info:
        h.run(client, list_clusters)

    error = info.value
    texts = {"str": str(error), "repr": repr(error), "message": error.message}
    assert leaks(texts, {"client secret": CLIENT_SECRET}) == []
    assert str(error).startswith("the token request was refused (400): malformed request")


def test_an_access_token_echoed_by_the_server_is_masked_in_the_error(h: Harness, server: ControlPlaneServer) -> None:
    client = h.credentials_client(max_retries=0)
    h.run(client, list_clusters)
    issued = server.issued_tokens[-1].access_token
    server.inject(Fault.status(500, body={"message": f"token {issued[::-1]} / {issued}"}), method="GET", path=CLUSTERS)

    with pytest.raises(ServerError) as info:
        h.run(client, list_clusters)

    assert leaks({"str": str(info.value), "message": info.value.message}, {"access token": issued}) == []


# -- 3. path parameters ----------------------------------------------------------------------------


def path_operations(package: str) -> list[Operation[Any]]:
    """Every operation of a generated package whose path has parameters."""
    folder = Path(importlib.import_module(package).__file__ or "").parent / "groups"
    found = []
    for module_file in sorted(folder.glob("*.py")):
        module = importlib.import_module(f"{package}.groups.{module_file.stem}")
        found += [v for v in vars(module).values() if isinstance(v, Operation) and "{" in v.path]
    return found


def client_of(package: str, h: Harness, **settings: Any) -> Any:
    name = {"sync": "Client", "threaded": "ThreadedClient", "async": "AsyncClient"}[h.kind]
    return getattr(importlib.import_module(package), name)(**settings)


def closed(h: Harness, client: Any) -> None:
    if h.kind == "async":
        h.run_async(client.aclose())
    else:
        client.close()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("dots", ["..", "."])
def test_no_path_parameter_changes_which_endpoint_is_called(h: Harness, importable: Path, dots: str) -> None:
    spec = load_spec(runai_spec("2.24"))
    in_spec = sum(1 for path, item in spec["paths"].items() if "{" in path
                  for method in item if method in ("get", "put", "post", "delete", "patch", "head", "options"))
    operations = path_operations("runai")
    app = RecordingApp()  # 404 to everything: only the path that arrives matters
    with serve(app) as target:
        # Validation off: a uuid parameter would refuse "..", and the encoding must hold without it.
        client = client_of("runai", h, base_url=target.base_url, validate=False, max_retries=0)
        try:
            for operation in operations:
                names = re.findall(r"{([^}]+)}", operation.path)
                with pytest.raises(NotFoundError):
                    h.run(client, lambda c, op=operation, n=names: c.call(op, path=dict.fromkeys(n, dots)))
        finally:
            closed(h, client)

    expected = [re.sub(r"{[^}]+}", "%2E" * len(dots), op.path) for op in operations]
    arrived = [r.raw_path for r in app.requests]
    print(f"[{h.kind}] {len(operations)} Run:ai 2.24 operations with path parameters called with {dots!r}")
    assert len(operations) == in_spec
    assert [f"{e} -> {a}" for e, a in zip(expected, arrived, strict=True) if e != a] == []


# -- 4. redirects ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str, str]:
    """(CA bundle, certificate chain, private key) for an https server on 127.0.0.1."""
    import trustme

    folder = tmp_path_factory.mktemp("tls")
    ca = trustme.CA()
    certificate = ca.issue_cert("127.0.0.1")
    ca.cert_pem.write_to_path(str(folder / "ca.pem"))
    certificate.cert_chain_pems[0].write_to_path(str(folder / "cert.pem"))
    certificate.private_key_pem.write_to_path(str(folder / "key.pem"))
    return str(folder / "ca.pem"), str(folder / "cert.pem"), str(folder / "key.pem")


def redirecting_to(location: str) -> RecordingApp:
    def responder(request: RecordedRequest) -> Response:
        if request.raw_path in (CLUSTERS, WORKLOADS):
            return Response(status_code=307, headers={"location": location})
        return JSONResponse([])

    return RecordingApp(responder)


@pytest.mark.parametrize("call", [list_clusters, submit()], ids=["GET", "POST with a body"])
def test_a_redirect_from_https_to_plain_http_is_refused(h: Harness, server: ControlPlaneServer,
                                                        tls: tuple[str, str, str], call: Any) -> None:
    ca, cert, key = tls
    plain = RecordingApp()
    with serve(plain) as target, serve(redirecting_to(f"{target.base_url}{WORKLOADS}"), tls=(cert, key)) as origin:
        client = h.client(base_url=origin.base_url, bearer_token=server.mint_token(), ca_bundle=ca)
        with pytest.raises(RedirectError) as info:
            h.run(client, call)

    assert plain.requests == [], "the request went out over plain http"
    assert info.value.status_code == 307
    assert "from https to plain http" in str(info.value)


def test_a_redirect_within_https_is_still_followed(h: Harness, server: ControlPlaneServer,
                                                   tls: tuple[str, str, str]) -> None:
    ca, cert, key = tls
    app = redirecting_to("/moved")
    with serve(app, tls=(cert, key)) as origin:
        client = h.client(base_url=origin.base_url, bearer_token=server.mint_token(), ca_bundle=ca)
        assert h.run(client, list_clusters) == []

    assert [r.raw_path for r in app.requests] == [CLUSTERS, "/moved"]


@pytest.mark.parametrize("location", ["http://[::1", "http://xn--/", "http://a/\x7f"])
def test_a_location_that_is_not_a_url_is_a_typed_error(h: Harness, server: ControlPlaneServer, location: str) -> None:
    app = redirecting_to(location)
    with serve(app) as origin:
        client = h.client(base_url=origin.base_url, bearer_token=server.mint_token())
        with pytest.raises(RedirectError) as info:
            h.run(client, list_clusters)

    assert len(app.requests) == 1
    assert "Location is not a URL" in str(info.value)


# -- 5. base URL -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("url", "named"), [
    ("https://example.com?", "query"),
    ("https://example.com/api?", "query"),
    ("https://example.com#", "fragment"),
    ("https://exa mple.com", "spaces"),
    ("https://example.com\t", "control characters"),
    ("https://exa%20mple.com", "invalid host name"),
])
def test_a_base_url_that_would_send_every_call_to_the_root_is_refused(h: Harness, url: str, named: str) -> None:
    with pytest.raises(ConfigurationError, match=f"base_url .*{named}"):
        h.client(base_url=url, bearer_token=BEARER)


# -- 6. header values ------------------------------------------------------------------------------

SMUGGLED = "a\r\nX-Admin: 1"
CLUSTER_LIST = Operation(method="GET", path=CLUSTERS, operation_id="get_clusters", decode=decode_json)


@pytest.mark.parametrize("arguments", [
    pytest.param({"headers": {"X-Tenant": SMUGGLED}}, id="header-parameter"),
    pytest.param({"request_options": RequestOptions(headers={"X-Tenant": SMUGGLED})}, id="request-options"),
    pytest.param({"cookies": {"tenant": SMUGGLED}}, id="cookie-line-break"),
    pytest.param({"cookies": {"tenant": "a; admin=1"}}, id="cookie-smuggled"),
    pytest.param({"headers": {"X-Tenant": "a\0b"}}, id="nul"),
    pytest.param({"headers": {"X-Tenant": "caf\u00e9"}}, id="not-ascii"),
    pytest.param({"request_options": RequestOptions(headers={"X-Note": "\u2028"})}, id="not-ascii-request-options"),
    pytest.param({"request_options": RequestOptions(headers={"X Note: 1\r": "x"})}, id="not-a-header-name"),
    pytest.param({"request_options": RequestOptions(headers={"X Note": "x"})}, id="space-in-name"),
])
def test_a_line_break_in_a_header_is_refused_before_sending(h: Harness, server: ControlPlaneServer,
                                                            arguments: dict[str, Any]) -> None:
    client = h.bearer_client()

    with pytest.raises((RequestEncodingError, ConfigurationError),
                       match="line break|another cookie|outside ASCII|not a header name"):
        h.run(client, lambda c: c.call(CLUSTER_LIST, **arguments))

    assert server.requests == [], "refused before sending, and never retried"


def test_a_line_break_in_a_client_header_is_refused_at_construction(h: Harness) -> None:
    with pytest.raises(ConfigurationError, match="line break"):
        h.client(bearer_token=BEARER, headers={"X-Tenant": SMUGGLED})


@pytest.mark.parametrize("settings", [
    pytest.param({"bearer_token": "tok-1234\r\nX-Admin: 1"}, id="bearer_token"),
    pytest.param({"api_key": "key-1234\n"}, id="api_key"),
    pytest.param({"bearer_token": "tok-1234-caf\u00e9"}, id="not-ascii"),
])
def test_a_token_that_cannot_be_a_header_is_refused_at_construction_without_showing_it(
        h: Harness, settings: dict[str, str]) -> None:
    with pytest.raises(ConfigurationError, match="line break|outside ASCII") as info:
        h.client(**settings)
    setting, value = next(iter(settings.items()))
    assert setting in str(info.value) and value.strip() not in str(info.value)


# -- 7, 8. token refresh under load ----------------------------------------------------------------

CALLERS = 32


def crowd(h: Harness, **settings: Any) -> Any:
    """A client-credentials client for 32 callers at once (32 workers for the threaded kind)."""
    return h.credentials_client(max_workers=CALLERS, **FAST, **settings)


def test_a_refresh_after_401_does_not_starve_a_small_pool(h: Harness, server: ControlPlaneServer) -> None:
    # Four connections for 32 callers: the refresh needs one while refused callers wait for it; slow
    # answers, so callers queue for connections as they do in production.
    client = crowd(h, max_connections=4, timeout=5)
    h.run(client, list_clusters)
    server.revoke_tokens()
    server.inject(Fault.delay(0.1), method="GET", path=CLUSTERS, times=CALLERS)

    results = h.run_all(client, [list_clusters] * CALLERS, return_exceptions=True)

    assert [r for r in results if isinstance(r, BaseException)] == []
    assert server.token_request_count() == 2, "the first token, then one refresh for all 32 refused callers"
    # A refresh stuck behind the waiters dies of a pool timeout before reaching the server (and is retried).
    assert client._auth.token_requests == 2, "a token request never left the pool"


def test_a_write_whose_token_request_failed_is_retried(h: Harness, server: ControlPlaneServer) -> None:
    client = h.credentials_client(**FAST)
    server.inject(Fault.server_error(), method="POST", path=TOKEN)

    h.run(client, submit())

    assert server.token_request_count() == 2
    assert server.execution_count("POST", WORKLOADS) == 1


def test_callers_share_a_failing_token_endpoint_s_answers(h: Harness, server: ControlPlaneServer) -> None:
    client = crowd(h, max_retries=3)
    server.inject(Fault.server_error(), method="POST", path=TOKEN, times=10_000)

    results = h.run_all(client, [list_clusters] * CALLERS, return_exceptions=True)

    assert all(isinstance(r, ServerError) and TOKEN in str(r) for r in results), {type(r) for r in results}
    # Without sharing: 32 callers x 4 attempts = 128. Shared, and held back by the backoff: a few per attempt.
    print(f"[{h.kind}] {server.token_request_count()} token requests for {CALLERS} callers x 4 attempts")
    assert server.token_request_count() <= 2 * 4
    assert server.requests_to("GET", CLUSTERS) == []


def test_callers_share_a_hanging_token_request(h: Harness, server: ControlPlaneServer) -> None:
    client = crowd(h, max_retries=0, timeout=0.5)
    server.inject(Fault.delay(3), method="POST", path=TOKEN, times=10_000)

    results = h.run_all(client, [list_clusters] * CALLERS, return_exceptions=True)

    assert all(isinstance(r, TransportError) for r in results), {type(r) for r in results}
    assert server.token_request_count() == 1, "32 waiters, one token request: its timeout is everyone's"


# -- 9. what a new user meets first ----------------------------------------------------------------


def test_error_message_is_what_the_server_said(h: Harness, server: ControlPlaneServer) -> None:
    server.inject(Fault.status(409, body={"message": "Project p1 already exists."}), method="GET", path=CLUSTERS)
    client = h.bearer_client()

    with pytest.raises(Exception) as info:
        h.run(client, list_clusters)

    error: Any = info.value
    assert error.message == "Project p1 already exists."
    assert str(error).startswith(f"GET {CLUSTERS} -> 409: Project p1 already exists. (request id ")
