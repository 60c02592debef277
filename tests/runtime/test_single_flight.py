"""Single-flight token refresh: however many threads or tasks hold an expired token, one token request.

32 callers at once for the sync client (plain threads) and the threaded client
(``run_concurrently`` with 32 workers), 100 ``asyncio.gather``-ed tasks for the async one.
"""

from __future__ import annotations

from typing import Any

from tests.runtime.harness import CLUSTERS, Harness, list_clusters, sleep_until
from tests.servers import ControlPlaneServer

CALLERS = {"sync": 32, "threaded": 32, "async": 100}


def concurrent_client(h: Harness) -> Any:
    # Enough connections and workers that the callers really are in flight together.
    return h.credentials_client(refresh_margin=0, max_workers=32, max_connections=CALLERS[h.kind])


def test_an_expired_token_is_refreshed_by_one_request(h: Harness, server: ControlPlaneServer) -> None:
    server.token_lifetime = 1
    client = concurrent_client(h)
    h.run(client, list_clusters)
    expires = server.issued_tokens[-1].expires_at
    server.token_lifetime = 60
    sleep_until(expires + 0.05)

    results = h.run_all(client, [list_clusters] * CALLERS[h.kind])

    assert len(results) == CALLERS[h.kind]
    assert server.token_request_count() == 2, "one token at first, then exactly one refresh"
    gets = server.requests_to("GET", CLUSTERS)
    assert len(gets) == 1 + CALLERS[h.kind]
    assert {e.status for e in gets} == {200}, "an expired token is refreshed before it is sent"


def test_a_revoked_token_is_refreshed_by_one_request(h: Harness, server: ControlPlaneServer) -> None:
    client = concurrent_client(h)
    h.run(client, list_clusters)
    server.revoke_tokens()

    results = h.run_all(client, [list_clusters] * CALLERS[h.kind])

    assert len(results) == CALLERS[h.kind]
    assert server.token_request_count() == 2, "one token at first, then exactly one refresh after the 401s"
    gets = server.requests_to("GET", CLUSTERS)
    refused = [e for e in gets if e.status == 401]
    assert len(gets) == 1 + CALLERS[h.kind] + len(refused), "each refused request is replayed exactly once"
    assert {e.status for e in gets} <= {200, 401}
