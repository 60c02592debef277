"""One test body for the three client kinds: the :class:`Harness` adapter and shared helpers.

A test writes ``h.run(client, lambda c: c.organizations.clusters.get_clusters())`` once;
the harness runs it as the kind asks:

- ``sync``: called directly (and :meth:`Harness.run_all` uses plain ``threading`` threads);
- ``threaded``: through ``ThreadedClient.run_concurrently`` (so on a pool thread);
- ``async``: the lambda returns a coroutine, awaited on one event loop per test (an
  ``asyncio.Runner``, so the client's connection pool stays on the loop it was made on);
  :meth:`Harness.run_all` uses ``asyncio.gather``. It runs once per transport the async
  client can be built on (``async-aiohttp``, ``async-httpx``): ``h.kind`` is ``async``
  for both, ``h.transport`` names the transport.

Each kind runs over HTTP/2 as well (``sync-h2``, ``threaded-h2``, ``async-h2``): the
``server`` fixture is then the control plane served by hypercorn over TLS offering ``h2``
(:class:`tests.servers.http2_controlplane.Http2ControlPlane`), and the clients are built with
``http2=True`` and its CA bundle; the async client over httpx's transport (aiohttp speaks
HTTP/1.1 only). ``h.http2`` says which.
"""

from __future__ import annotations

import asyncio
import contextvars
import datetime
import email.utils
import importlib
import inspect
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from specloom_runtime.config import ASYNC_TRANSPORTS

from tests.integration.servers import LoopbackServer
from tests.servers import CLIENT_ID, CLIENT_SECRET, CLUSTER_ID, ControlPlaneServer, Exchange
from tests.servers.http2_controlplane import Http2ControlPlane

#: The client kinds run over HTTP/2 (against the control plane served over HTTP/2).
HTTP2_KINDS = ("sync-h2", "threaded-h2", "async-h2")
#: The client kinds over HTTP/1.1: the async client once per transport it can be built on.
HTTP1_KINDS = ("sync", "threaded", *(f"async-{transport}" for transport in ASYNC_TRANSPORTS))
#: The client kinds every runtime test runs in: every kind over HTTP/1.1, then over HTTP/2.
KINDS = (*HTTP1_KINDS, *HTTP2_KINDS)


def is_http2(kind: str) -> bool:
    """Whether the client kind ``kind`` runs over HTTP/2."""
    return kind in HTTP2_KINDS


#: Spec path templates used throughout the suite.
TOKEN = "/api/v1/token"
CLUSTERS = "/api/v1/clusters"
WORKLOADS = "/api/v1/workloads"
WORKLOAD = "/api/v1/workloads/{workloadId}"

#: Small retry settings keeping the suite fast (backoff 25-50 ms, then up to 200 ms).
FAST = {"retry_backoff": 0.05, "retry_backoff_cap": 0.2}

_DEFAULT: Any = object()
Fn = Callable[[Any], Any]


def list_clusters(client: Any) -> Any:
    """A GET with a list answer every kind of client can make (``GET /api/v1/clusters``)."""
    return client.organizations.clusters.get_clusters()


def get_missing_workload(client: Any) -> Any:
    """A GET the server answers 404."""
    return client.workloads.workloads.get_workload(workload_id=uuid.uuid4())


def workload_body(**overrides: Any) -> dict[str, Any]:
    """A valid ``submit_workload`` body with a unique name (so a duplicate submission is visible)."""
    body: dict[str, Any] = {
        "name": f"w-{uuid.uuid4().hex[:12]}",
        "projectId": "42",
        "clusterId": CLUSTER_ID,
        "type": "Training",
        "spec": {"image": "registry.example.com/ml/bert:2.0", "compute": {"gpuDevicesRequest": 1}},
    }
    body.update(overrides)
    return body


def submit(body: dict[str, Any] | None = None, **call_kwargs: Any) -> Fn:
    """A ``POST /api/v1/workloads`` (a non-idempotent write) with ``body`` (a fresh one by default)."""
    sent = body if body is not None else workload_body()
    return lambda c: c.workloads.workloads.submit_workload(body=sent, **call_kwargs)


def wait_between(first: Exchange, second: Exchange) -> float:
    """How long the client waited: the server's answer to ``first`` until ``second`` arrived."""
    assert first.answered_at is not None, "the first attempt was never answered"
    return second.received_at - first.answered_at


def assert_wait(actual: float, expected: float, tolerance: float = 0.2) -> None:
    """``actual`` within ``tolerance`` (a fraction, 20 % by default) of ``expected``."""
    low, high = expected * (1 - tolerance), expected * (1 + tolerance)
    assert low <= actual <= high, f"waited {actual:.3f} s, expected {expected:.3f} s (+/- {tolerance:.0%})"


def http_date_seconds(exchange: Exchange) -> float:
    """The wait an HTTP-date ``Retry-After`` of ``exchange``'s answer asked for, from when it was answered."""
    header = exchange.response_header("retry-after")
    assert header is not None and exchange.answered_wall is not None
    when: datetime.datetime = email.utils.parsedate_to_datetime(header)
    return when.timestamp() - exchange.answered_wall


def sleep_until(wall_clock: float) -> None:
    """Sleep until ``time.time()`` reaches ``wall_clock``."""
    remaining = wall_clock - time.time()
    if remaining > 0:
        time.sleep(remaining)


class Harness:
    """Builds clients of one kind for a server, runs calls on them, and closes them afterwards."""

    def __init__(self, kind: str, server: ControlPlaneServer) -> None:
        self.kind, _, variant = kind.partition("-")
        #: Whether the clients ask for HTTP/2 (and ``server`` is served over it).
        self.http2 = is_http2(kind)
        if self.http2:  # the variant is "h2"; the async client speaks it over httpx's transport only
            transport = "httpx" if self.kind == "async" else ""
        else:
            transport = variant
        assert self.kind in ("sync", "threaded", "async") and (not transport or transport in ASYNC_TRANSPORTS), kind
        #: The async client's transport (``async_transport``); ``None``: the client's default.
        self.transport = transport or None
        self.server = server
        self._clients: list[Any] = []
        self._runner = asyncio.Runner() if self.kind == "async" else None

    # -- clients ------------------------------------------------------------------------------

    @property
    def cls(self) -> type[Any]:
        """The generated client class of this kind."""
        package = importlib.import_module("controlplane_client")  # on sys.path through the conftest
        name = {"sync": "Client", "threaded": "ThreadedClient", "async": "AsyncClient"}[self.kind]
        cls: type[Any] = getattr(package, name)
        return cls

    def build(self, base_url: Any = _DEFAULT, **settings: Any) -> Any:
        """A client of this kind for the server (``base_url`` overrides; ``None`` leaves it out), not tracked."""
        if base_url is _DEFAULT:
            base_url = self.server.base_url
        if self.kind != "threaded":
            settings.pop("max_workers", None)
        if self.transport is not None:
            settings.setdefault("async_transport", self.transport)
        if self.http2:
            assert isinstance(self.server, Http2ControlPlane), "the HTTP/2 kinds run against the HTTP/2 control plane"
            settings.setdefault("http2", True)
            settings.setdefault("ca_bundle", self.server.ca_file)
        return self.cls(base_url, **settings)

    def client(self, base_url: Any = _DEFAULT, **settings: Any) -> Any:
        """Like :meth:`build`, closed when the test ends."""
        return self.track(self.build(base_url, **settings))

    def track(self, client: Any) -> Any:
        """``client``, closed when the test ends."""
        self._clients.append(client)
        return client

    def bearer_client(self, **settings: Any) -> Any:
        """A client with a fixed token the server accepts (no token requests)."""
        return self.client(bearer_token=self.server.mint_token(), **settings)

    def credentials_client(self, **settings: Any) -> Any:
        """A client with the server's client credentials (the current grant).

        ``refresh_margin`` defaults to 5 s here: the server's tokens live 60-61 s, and with the
        runtime's default margin of 60 s a token would count as fresh for under a second, so
        whether two calls share a token would depend on timing.
        """
        settings.setdefault("refresh_margin", 5)
        return self.client(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, **settings)

    # -- running calls ------------------------------------------------------------------------

    def run(self, client: Any, fn: Fn) -> Any:
        """``fn(client)`` the way this kind runs a call; its result, or its error raised."""
        if self.kind == "sync":
            return fn(client)
        if self.kind == "threaded":
            return client.run_concurrently([lambda: fn(client)])[0]
        return self.run_async(_awaited(fn, client))

    def run_all(self, client: Any, fns: Sequence[Fn], *, return_exceptions: bool = False) -> list[Any]:
        """Every ``fn(client)`` at once: plain threads (sync), ``run_concurrently`` (threaded), ``gather`` (async)."""
        if self.kind == "threaded":
            results: list[Any] = client.run_concurrently([_bind(fn, client) for fn in fns],
                                                         return_exceptions=return_exceptions)
            return results
        if self.kind == "async":

            async def gather() -> list[Any]:
                return list(await asyncio.gather(*(_awaited(fn, client) for fn in fns),
                                                 return_exceptions=return_exceptions))

            gathered: list[Any] = self.run_async(gather())
            return gathered
        return _in_threads(client, fns, return_exceptions=return_exceptions)

    def run_async(self, coro: Any) -> Any:
        """Run a coroutine on this test's event loop, in a copy of the caller's context (capture_calls)."""
        assert self._runner is not None, "run_async is for the async kind"
        return self._runner.run(coro, context=contextvars.copy_context())

    def close(self) -> None:
        try:
            for client in self._clients:
                if self.kind == "async":
                    self.run_async(client.aclose())
                else:
                    client.close()
        finally:
            if self._runner is not None:
                self._runner.close()



class PackageHarness(Harness):
    """The harness for clients of another generated package (``package``), all built against ``origin``, a
    loopback server of the test's own (no call goes to the control plane)."""

    def __init__(self, kind: str, server: ControlPlaneServer, package: Any, origin: LoopbackServer) -> None:
        super().__init__(kind, server)
        self.package = package
        self.origin = origin

    @property
    def cls(self) -> type[Any]:
        cls: type[Any] = getattr(self.package, {"sync": "Client", "threaded": "ThreadedClient", "async": "AsyncClient"}[self.kind])
        return cls

    def build(self, base_url: Any = None, **settings: Any) -> Any:
        return super().build(self.origin.base_url, **settings)


async def _awaited(fn: Fn, client: Any) -> Any:
    result = fn(client)
    return await result if inspect.isawaitable(result) else result


def _bind(fn: Fn, client: Any) -> Callable[[], Any]:
    return lambda: fn(client)


def _in_threads(client: Any, fns: Sequence[Fn], *, return_exceptions: bool) -> list[Any]:
    """Plain ``threading``: one thread per call, all released together by a barrier."""
    results: list[Any] = [None] * len(fns)
    barrier = threading.Barrier(len(fns))

    def work(i: int, fn: Fn) -> None:
        barrier.wait()
        try:
            results[i] = fn(client)
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            results[i] = exc

    threads = [threading.Thread(target=work, args=(i, fn), name=f"runtime-test-{i}") for i, fn in enumerate(fns)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    first_error = next((r for r in results if isinstance(r, BaseException)), None)
    if first_error is not None and not return_exceptions:
        raise first_error
    return results
