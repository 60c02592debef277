"""Clients are context managers (``with`` / ``async with``) in every kind, and closing releases connections."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from tests.integration.servers import established_connections
from tests.runtime.harness import CLUSTERS, Harness, list_clusters
from tests.servers import ControlPlaneServer

needs_proc = pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="counts connections through /proc/net/tcp")


def open_connections_settle(port: int, expected: int, within: float = 5.0) -> int:
    """The ESTABLISHED client connections to ``port``, polled until they reach ``expected`` or time runs out."""
    deadline = time.monotonic() + within
    count = established_connections(port)
    while count != expected and time.monotonic() < deadline:
        time.sleep(0.02)
        count = established_connections(port)
    return count


def in_context(h: Harness, settings: dict[str, Any], body: Any) -> tuple[Any, Any, int]:
    """Open a client with ``with`` (or ``async with``), run ``body`` in it; (client, result, connections inside)."""
    port = h.server.port
    if h.kind == "async":

        async def scenario() -> tuple[Any, Any, int]:
            async with h.build(**settings) as client:
                result = await body(client)
                return client, result, established_connections(port)

        outcome: tuple[Any, Any, int] = h.run_async(scenario())
        return outcome
    with h.build(**settings) as client:
        result = h.run(client, body)
        return client, result, established_connections(port)


@needs_proc
def test_a_client_is_a_context_manager_that_releases_its_connections(h: Harness, server: ControlPlaneServer) -> None:
    assert open_connections_settle(server.port, 0) == 0

    client, clusters, inside = in_context(h, {"bearer_token": server.mint_token()}, list_clusters)

    assert clusters and server.requests_to("GET", CLUSTERS)[0].status == 200
    assert inside >= 1, "a keep-alive connection is open while the client is"
    assert client._http_client.is_closed
    assert open_connections_settle(server.port, 0) == 0, "closing the client closes its connections"


@needs_proc
def test_close_releases_connections(h: Harness, server: ControlPlaneServer) -> None:
    client = h.build(bearer_token=server.mint_token(), max_connections=4)
    h.run_all(client, [list_clusters] * 4)
    assert established_connections(server.port) >= 1

    if h.kind == "async":
        h.run_async(client.aclose())
    else:
        client.close()

    assert open_connections_settle(server.port, 0) == 0


def test_a_client_that_never_called_closes_cleanly(h: Harness, server: ControlPlaneServer) -> None:
    _, result, inside = in_context(h, {"bearer_token": server.mint_token()}, lambda c: _noop(h.kind))

    assert result is None and inside == 0
    assert server.requests == []


def _noop(kind: str) -> Any:
    if kind == "async":

        async def nothing() -> None:
            return None

        return nothing()
    return None
