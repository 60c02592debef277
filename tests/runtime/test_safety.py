"""Safety in every client kind: refused base URLs, credentials and redirects, TLS verification."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from specloom_runtime import ApiConnectionError, ApiError, ConfigurationError
from starlette.responses import JSONResponse, RedirectResponse, Response

from tests.integration.servers import LoopbackServer, RecordedRequest, RecordingApp, serve
from tests.runtime.harness import CLUSTERS, Harness, list_clusters
from tests.servers import ControlPlaneServer


@pytest.mark.parametrize("url", [
    pytest.param("http://cp.example.com", id="http-not-loopback"),
    pytest.param("http://10.0.0.1:8080", id="http-private-address"),
    pytest.param("ftp://127.0.0.1", id="not-http"),
    pytest.param("http://user:pw@{host}", id="user-info"),
    pytest.param("http://user@{host}", id="user-name"),
    pytest.param("http://{host}?tenant=1", id="query"),
    pytest.param("http://{host}#fragment", id="fragment"),
    pytest.param("/api", id="relative"),
])
def test_unsafe_base_urls_are_refused_at_construction(h: Harness, server: ControlPlaneServer, url: str) -> None:
    with pytest.raises(ConfigurationError, match="base_url"):
        h.client(base_url=url.format(host=f"127.0.0.1:{server.port}"), bearer_token=server.mint_token())

    assert server.requests == []


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "[::1]"])
def test_plain_http_is_allowed_for_loopback_hosts(h: Harness, host: str) -> None:
    client = h.client(base_url=f"http://{host}:8080", bearer_token="t")

    assert client.base_url == f"http://{host}:8080"


def test_tls_verification_is_on_by_default(h: Harness, server: ControlPlaneServer) -> None:
    # The control plane speaks plain http (over HTTP/2: https with a certificate of a CA the system does not
    # trust): an https client trusting the default CAs must fail the handshake, never fall back.
    client = h.client(base_url=f"https://127.0.0.1:{server.port}", bearer_token=server.mint_token(), max_retries=0,
                      ca_bundle=None)

    assert client.config.verify is True
    with pytest.raises(ApiConnectionError):
        h.run(client, list_clusters)

    assert server.requests_to("GET", CLUSTERS) == []


# -- redirects -------------------------------------------------------------------------------------


@pytest.fixture
def target() -> Iterator[tuple[RecordingApp, LoopbackServer]]:
    """Another origin (another port) that answers every request with an empty cluster list."""
    app = RecordingApp()
    app.respond_with(200, json=[])
    with serve(app) as loopback:
        yield app, loopback


def redirecting(location: str) -> RecordingApp:
    """An origin that redirects the clusters listing to ``location`` and answers ``/moved/...`` itself."""

    def responder(request: RecordedRequest) -> Response:
        if request.raw_path == CLUSTERS:
            return RedirectResponse(location, status_code=307)
        return JSONResponse([])

    return RecordingApp(responder)


def test_credentials_do_not_follow_a_redirect_to_another_origin(
        h: Harness, server: ControlPlaneServer, target: tuple[RecordingApp, LoopbackServer]) -> None:
    target_app, target_server = target
    token = server.mint_token()
    app = redirecting(f"{target_server.base_url}{CLUSTERS}")
    with serve(app) as origin:
        client = h.client(base_url=origin.base_url, bearer_token=token)
        assert h.run(client, list_clusters) == []

    (first,) = app.requests
    (second,) = target_app.requests
    assert first.header("authorization") == f"Bearer {token}"
    assert second.header("authorization") is None
    assert token not in repr(second.headers)


def test_credentials_follow_a_redirect_on_the_same_origin(h: Harness, server: ControlPlaneServer) -> None:
    token = server.mint_token()
    app = redirecting("/moved/clusters")
    with serve(app) as origin:
        client = h.client(base_url=origin.base_url, bearer_token=token)
        assert h.run(client, list_clusters) == []

    first, second = app.requests
    assert second.raw_path == "/moved/clusters"
    assert first.header("authorization") == second.header("authorization") == f"Bearer {token}"


def test_an_api_key_header_does_not_follow_a_redirect_to_another_origin(
        h: Harness, target: tuple[RecordingApp, LoopbackServer]) -> None:
    target_app, target_server = target
    app = redirecting(f"{target_server.base_url}{CLUSTERS}")
    with serve(app) as origin:
        client = h.client(base_url=origin.base_url, api_key="key-4f1c2a9b", api_key_header="X-Auth-Token")
        assert h.run(client, list_clusters) == []

    (first,) = app.requests
    (second,) = target_app.requests
    assert first.header("x-auth-token") == "key-4f1c2a9b"
    assert second.header("x-auth-token") is None, "the API key went to another origin"


def test_redirects_are_not_followed_when_disabled(h: Harness, server: ControlPlaneServer) -> None:
    app = redirecting("/moved/clusters")
    with serve(app) as origin:
        client = h.client(base_url=origin.base_url, bearer_token=server.mint_token(), follow_redirects=False)
        with pytest.raises(ApiError) as info:
            h.run(client, list_clusters)

    assert len(app.requests) == 1
    assert info.value.status_code == 307
    assert info.value.headers["location"] == "/moved/clusters"
