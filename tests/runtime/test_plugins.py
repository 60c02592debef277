"""Plugins in every client kind: per-client registries, entry-point plugins, the README's telemetry plugin."""

from __future__ import annotations

import sys
import textwrap
import time
import uuid
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from specloom_runtime import AuthenticationError, NotFoundError, hookimpl, registry

from tests.runtime.harness import CLUSTERS, FAST, Harness, get_missing_workload, list_clusters
from tests.servers import ControlPlaneServer, Fault


class Tagging:
    """Adds ``X-Plugin: <name>`` and remembers the calls it saw."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.prepared: list[str] = []
        self.ended: list[str] = []

    @hookimpl
    def prepare_request(self, call: Any, request: httpx.Request) -> None:
        request.headers["X-Plugin"] = self.name
        self.prepared.append(call.client_request_id)

    @hookimpl
    def on_call_end(self, call: Any, outcome: Any, error: BaseException | None) -> None:
        self.ended.append(call.client_request_id)


def test_two_clients_with_different_plugins_do_not_interfere(h: Harness, server: ControlPlaneServer) -> None:
    alpha, beta = Tagging("alpha"), Tagging("beta")
    first = h.bearer_client(plugins=[alpha])
    second = h.bearer_client(plugins=[beta])
    plain = h.bearer_client()

    h.run(first, list_clusters)
    h.run(second, list_clusters)
    h.run(first, list_clusters)
    h.run(plain, list_clusters)

    sent = [(e.header("x-plugin"), e.header("x-client-request-id")) for e in server.requests_to("GET", CLUSTERS)]
    assert [tag for tag, _ in sent] == ["alpha", "beta", "alpha", None]
    assert alpha.prepared == alpha.ended == [sent[0][1], sent[2][1]]
    assert beta.prepared == beta.ended == [sent[1][1]]


def test_a_plugin_retry_decision_is_asked_before_the_built_in_one(h: Harness, server: ControlPlaneServer) -> None:
    # The built-in plugin never retries a 404; this one does, twice.
    class RetryNotFound:
        @hookimpl
        def retry_decision(self, call: Any, attempt: int, response: Any, error: Any) -> float | None:
            if response is not None and response.status_code == 404 and attempt < 3:
                return 0.0
            return None

    client = h.bearer_client(plugins=[RetryNotFound()], **FAST)

    with pytest.raises(NotFoundError):
        h.run(client, get_missing_workload)

    assert len(server.requests) == 3


class Telemetry:
    """The README's telemetry plugin, verbatim apart from the sink."""

    def __init__(self, sink: list[dict[str, Any]]) -> None:
        self.sink = sink

    @hookimpl
    def prepare_request(self, call: Any, request: httpx.Request) -> None:
        request.headers["X-Team"] = "ml-platform"
        call.notes["t0"] = time.monotonic()

    @hookimpl
    def on_call_end(self, call: Any, outcome: Any, error: BaseException | None) -> None:
        self.sink.append({
            "operation": call.operation.operation_id,
            "attempts": call.attempts,
            "status": call.response.status_code if call.response is not None else None,
            "request_id": call.request_id,
            "seconds": time.monotonic() - call.notes["t0"],
            "error": type(error).__name__ if error else None,
        })


def test_the_readme_telemetry_plugin_records_success_and_failure(h: Harness, server: ControlPlaneServer) -> None:
    sink: list[dict[str, Any]] = []
    client = h.bearer_client(plugins=[Telemetry(sink)], **FAST)
    server.inject(Fault.unavailable(retry_after=0), method="GET", path=CLUSTERS)

    h.run(client, list_clusters)
    with pytest.raises(NotFoundError):
        h.run(client, get_missing_workload)

    ok, failed = sink
    answered = [e for e in server.requests if e.status == 200] + [e for e in server.requests if e.status == 404]
    assert ok["operation"] == "get_clusters" and ok["attempts"] == 2 and ok["status"] == 200
    assert ok["error"] is None and ok["request_id"] == answered[0].request_id and ok["seconds"] >= 0
    assert failed["operation"] == "get_workload" and failed["attempts"] == 1 and failed["status"] == 404
    assert failed["error"] == "NotFoundError" and failed["request_id"] == answered[1].request_id
    assert {e.header("x-team") for e in server.requests} == {"ml-platform"}


def test_a_failing_on_call_end_hook_does_not_break_the_call(h: Harness, server: ControlPlaneServer) -> None:
    class Broken:
        @hookimpl
        def on_call_end(self, call: Any, outcome: Any, error: BaseException | None) -> None:
            raise RuntimeError("telemetry backend down")

    client = h.bearer_client(plugins=[Broken()])

    assert h.run(client, list_clusters)


# -- entry points ----------------------------------------------------------------------------------

PLUGIN_SOURCE = '''
"""A plugin installed as a distribution, found through the entry-point group specloom.plugins."""
from specloom_runtime import hookimpl

instances = []


class EntryPointPlugin:
    def __init__(self):
        self.calls = []
        instances.append(self)

    @hookimpl
    def prepare_request(self, call, request):
        request.headers["X-Entry-Point"] = str(len(instances))

    @hookimpl
    def on_call_end(self, call, outcome, error):
        self.calls.append(call.operation.operation_id)

    @hookimpl
    def auth_flow(self, config):
        if config.extras.get("entry_point_auth"):
            import specloom_runtime.auth
            return specloom_runtime.auth.BearerAuth("from-the-entry-point")
        return None
'''


@pytest.fixture
def entry_point_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A fake distribution on sys.path declaring ``specloom.plugins`` -> a plugin class; yields its module."""
    module = f"specloom_test_plugin_{uuid.uuid4().hex[:8]}"
    (tmp_path / f"{module}.py").write_text(textwrap.dedent(PLUGIN_SOURCE))
    dist_info = tmp_path / f"{module}-1.0.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 1.0\n")
    (dist_info / "entry_points.txt").write_text(f"[specloom.plugins]\ntest-plugin = {module}:EntryPointPlugin\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    registry._entry_points.cache_clear()
    try:
        yield __import__(module)
    finally:
        registry._entry_points.cache_clear()
        sys.modules.pop(module, None)


def test_an_entry_point_plugin_is_instantiated_per_client(h: Harness, server: ControlPlaneServer,
                                                          entry_point_plugin: Any) -> None:
    first = h.bearer_client()
    second = h.bearer_client()

    h.run(first, list_clusters)
    h.run(second, list_clusters)
    h.run(second, list_clusters)

    one, two = entry_point_plugin.instances
    assert one is not two
    assert one.calls == ["get_clusters"] and two.calls == ["get_clusters", "get_clusters"]
    assert [e.header("x-entry-point") for e in server.requests_to("GET", CLUSTERS)] == ["2", "2", "2"]


def test_entry_points_false_skips_installed_plugins(h: Harness, server: ControlPlaneServer,
                                                    entry_point_plugin: Any) -> None:
    client = h.bearer_client(entry_points=False)

    h.run(client, list_clusters)

    assert entry_point_plugin.instances == []
    assert server.requests_to("GET", CLUSTERS)[0].header("x-entry-point") is None


def test_a_client_plugin_is_asked_before_an_entry_point_plugin(h: Harness, server: ControlPlaneServer,
                                                               entry_point_plugin: Any) -> None:
    mine = server.mint_token()
    installed_only = h.bearer_client(extras={"entry_point_auth": True}, max_retries=0)
    both = h.bearer_client(extras={"entry_point_auth": True}, plugins=[StaticAuthPlugin(mine)])

    with pytest.raises(AuthenticationError):
        h.run(installed_only, list_clusters)  # the entry point's auth beats the built-in bearer token
    h.run(both, list_clusters)  # the client's own plugin beats the entry point

    first, second = server.requests_to("GET", CLUSTERS)
    assert first.header("authorization") == "Bearer from-the-entry-point"
    assert second.header("authorization") == f"Bearer {mine}"


class StaticAuthPlugin:
    def __init__(self, token: str) -> None:
        self.token = token

    @hookimpl
    def auth_flow(self, config: Any) -> httpx.Auth:
        return _Bearer(self.token)


class _Bearer(httpx.Auth):
    def __init__(self, token: str) -> None:
        self.token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self.token}"
        yield request
