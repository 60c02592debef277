"""HTTP/2 where the server offers it (``http2=True``, httpx's h2), in every client kind.

The test control plane is served a second time, by hypercorn over TLS on 127.0.0.1
offering ``h2`` by ALPN (:class:`tests.integration.http2_server.Http2Server`): the same
app and state, so faults, tokens and the request log work as over uvicorn. aiohttp speaks
HTTP/1.1 only: asking it for HTTP/2 is refused when the client is built, and an async
client asking for HTTP/2 without naming a transport gets httpx's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from specloom_runtime import ConfigurationError, capture_calls

from tests.integration.http2_server import Http2Server
from tests.runtime.harness import CLUSTERS, FAST, Harness, list_clusters
from tests.runtime.test_streams import busy_connections, follow_logs, read_all
from tests.servers import CLIENT_ID, CLIENT_SECRET, ControlPlaneServer
from tests.servers.faults import Fault


@pytest.fixture(scope="module")
def h2(controlplane_module: ControlPlaneServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Http2Server]:
    with Http2Server(controlplane_module, tmp_path_factory.mktemp("h2")) as served:
        yield served


def http2_client(h: Harness, h2: Http2Server, **settings: Any) -> Any:
    """A client of ``h``'s kind for the HTTP/2 server, asking for HTTP/2; the async one over the transport that can."""
    settings = {"http2": True, "ca_bundle": h2.ca_file, **settings}
    if h.transport == "aiohttp":
        with pytest.raises(ConfigurationError, match="http2=True needs async_transport='httpx'"):
            h.build(h2.base_url, **settings)
        settings["async_transport"] = None  # the default for http2=True: httpx's transport
    return h.client(h2.base_url, **settings)


def versions(h: Harness, client: Any, fn: Any) -> tuple[Any, list[str]]:
    with capture_calls() as calls:
        result = h.run(client, fn)
    return result, [call.response.http_version for call in calls if call.response is not None]


def test_a_server_offering_http2_is_reached_over_http2(h: Harness, server: ControlPlaneServer, h2: Http2Server) -> None:
    client = http2_client(h, h2, bearer_token=server.mint_token())

    clusters, seen = versions(h, client, list_clusters)

    assert seen == ["HTTP/2"]
    assert clusters and server.requests_to("GET", CLUSTERS)


def test_without_http2_the_same_server_is_reached_over_http11(h: Harness, server: ControlPlaneServer,
                                                                h2: Http2Server) -> None:
    client = h.client(h2.base_url, ca_bundle=h2.ca_file, bearer_token=server.mint_token())

    _, seen = versions(h, client, list_clusters)

    assert seen == ["HTTP/1.1"]


def test_over_http2_tokens_retries_and_many_calls_at_once_behave_as_over_http11(
        h: Harness, server: ControlPlaneServer, h2: Http2Server) -> None:
    client = http2_client(h, h2, client_id=CLIENT_ID, client_secret=CLIENT_SECRET, refresh_margin=5, max_workers=8,
                          **FAST)
    server.inject(Fault.status(503), method="GET", path=CLUSTERS)

    results = h.run_all(client, [list_clusters] * 8)

    assert len(results) == 8 and all(results)
    assert server.token_request_count() == 1, "one token request for every caller, over HTTP/2 too"
    assert len(server.requests_to("GET", CLUSTERS)) == 9, "the 503 was retried once"


def test_a_stream_over_http2_yields_its_events_and_gives_the_stream_back(
        h: Harness, server: ControlPlaneServer, h2: Http2Server) -> None:
    client = http2_client(h, h2, bearer_token=server.mint_token())

    events, seen = versions(h, client, read_all(follow_logs))

    assert seen == ["HTTP/2"]
    assert [e.data.line for e in events] == ["epoch 1 loss 0.500", "epoch 2 loss 0.333", "epoch 3 loss 0.250"]
    assert busy_connections(client) == 0


def test_http2_without_h2_installed_is_refused_naming_the_extra(h: Harness, monkeypatch: pytest.MonkeyPatch,
                                                                  h2: Http2Server) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "h2" else real(name, *a))

    with pytest.raises(ConfigurationError, match=r"specloom-runtime\[http2\]"):
        h.build(h2.base_url, http2=True, async_transport=None)


def test_an_unknown_async_transport_is_refused_naming_the_choices(h: Harness) -> None:
    with pytest.raises(ConfigurationError, match="async_transport must be one of 'aiohttp', 'httpx'"):
        h.build(async_transport="urllib3")
