"""What a transport must not change, in every client kind: the async client runs once per transport it can be built on.

Each test pins a way the aiohttp transport could differ from httpx's own if it let aiohttp
do what aiohttp does by default (add headers, keep cookies) or mapped its errors loosely
(a refused connection taken for a timeout, after which the retry plugin would not know
that nothing was sent).
"""

from __future__ import annotations

import pytest
from specloom_runtime import ApiConnectionError, ServerError, capture_calls

from tests.runtime.harness import CLUSTERS, FAST, Harness, list_clusters, submit
from tests.runtime.test_errors import closed_port
from tests.servers import ControlPlaneServer
from tests.servers.faults import Fault


def test_a_call_sends_exactly_the_headers_the_runtime_built(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client()

    h.run(client, list_clusters)

    (request,) = server.requests_to("GET", CLUSTERS)
    assert sorted(name for name, _ in request.headers) == ["authorization", "host", "user-agent", "x-client-request-id"]


def test_a_cookie_the_server_sets_is_not_sent_back(h: Harness, server: ControlPlaneServer) -> None:
    server.inject(Fault.status(500, headers={"set-cookie": "session=s3cr3t-session; Path=/"}), method="GET", path=CLUSTERS)
    # By host name: aiohttp's own cookie jar would keep no cookie of an IP address at all.
    client = h.bearer_client(base_url=server.base_url.replace("127.0.0.1", "localhost"), max_retries=0)

    with pytest.raises(ServerError):
        h.run(client, list_clusters)
    h.run(client, list_clusters)

    first, second = server.requests_to("GET", CLUSTERS)
    assert first.header("cookie") is None and second.header("cookie") is None


def test_a_post_to_a_refused_port_is_retried_since_nothing_was_sent(h: Harness) -> None:
    client = h.client(base_url=f"http://127.0.0.1:{closed_port()}", bearer_token="t", max_retries=2, **FAST)

    with capture_calls() as calls, pytest.raises(ApiConnectionError, match="ConnectError"):
        h.run(client, submit())

    assert [call.attempts for call in calls] == [3], "a write whose connection was refused is replayed: nothing was sent"
