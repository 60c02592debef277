"""Tracing and per-call options in every client kind: request ids, User-Agent, capture_calls, RequestOptions."""

from __future__ import annotations

import importlib
import json
import platform
import re
import uuid

import httpx
import pytest
import specloom_runtime
from specloom_runtime import ApiTimeoutError, ConfigurationError, NotFoundError, RequestOptions, ServerError

from tests.runtime.harness import (
    CLUSTERS,
    FAST,
    WORKLOAD,
    WORKLOADS,
    Harness,
    get_missing_workload,
    list_clusters,
    submit,
)
from tests.servers import ControlPlaneServer, Fault


def test_one_client_request_id_per_call_kept_across_retries(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client(**FAST)
    server.inject(Fault.unavailable(retry_after=0), method="GET", path=CLUSTERS, times=2)

    h.run(client, list_clusters)
    h.run(client, list_clusters)

    ids = [e.header("x-client-request-id") for e in server.requests_to("GET", CLUSTERS)]
    assert len(ids) == 4
    assert ids[0] == ids[1] == ids[2], "the same id on every retry of one call"
    assert ids[3] != ids[0], "a new id for the next call"
    for value in ids:
        assert value is not None and str(uuid.UUID(value)) == value


def test_keyed_write_keeps_its_request_id_and_key_across_retries(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client(idempotent_writes=True, **FAST)
    server.inject(Fault.server_error(after_execute=True), method="POST", path=WORKLOADS)

    h.run(client, submit())

    first, second = server.requests_to("POST", WORKLOADS)
    assert first.header("x-client-request-id") == second.header("x-client-request-id")
    assert first.header("idempotency-key") == second.header("idempotency-key")


def test_user_agent_names_package_version_and_python(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client()

    h.run(client, list_clusters)

    agent = server.requests_to("GET", CLUSTERS)[0].header("user-agent") or ""
    version = importlib.import_module("controlplane_client").__version__
    assert f"controlplane-client/{version}" in agent
    assert f"specloom-runtime/{specloom_runtime.__version__}" in agent
    assert f"Python/{platform.python_version()}" in agent
    assert re.fullmatch(r"controlplane-client/1\.224\.0 specloom-runtime/\S+ Python/\S+", agent)


def test_capture_calls_gives_the_response_and_the_server_request_id(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client(**FAST)

    with specloom_runtime.capture_calls() as calls:
        h.run(client, list_clusters)
        with pytest.raises(NotFoundError):
            h.run(client, get_missing_workload)

    assert len(calls) == 2, "capture_calls sees every call made inside the block"
    ok, missing = calls
    (ok_exchange,) = server.requests_to("GET", CLUSTERS)
    (missing_exchange,) = server.requests_to("GET", WORKLOAD)
    assert isinstance(ok.response, httpx.Response) and ok.response.status_code == 200
    assert ok.request_id == ok_exchange.request_id
    assert ok.client_request_id == ok_exchange.header("x-client-request-id")
    assert ok.operation.operation_id == "get_clusters"
    assert missing.response is not None and missing.response.status_code == 404
    assert missing.request_id == missing_exchange.request_id


def test_capture_calls_sees_nothing_outside_its_block(h: Harness) -> None:
    client = h.bearer_client()
    with specloom_runtime.capture_calls() as calls:
        pass

    h.run(client, list_clusters)

    assert calls == []


def test_request_options_headers_and_query_are_sent(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client(headers={"X-Team": "ml-platform"})
    options = RequestOptions(headers={"X-Trace": "abc"}, query={"limit": 1})

    page = h.run(client, lambda c: c.workloads.workloads.get_workloads(request_options=options))

    (exchange,) = server.requests_to("GET", WORKLOADS)
    assert exchange.header("x-trace") == "abc"
    assert exchange.header("x-team") == "ml-platform"
    assert ("limit", "1") in exchange.request.query_pairs()
    assert len(page.workloads) == 1


def test_request_options_body_fields_are_merged(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client()
    options = RequestOptions(body={"priorityClass": "high"})

    h.run(client, submit(request_options=options))

    sent = json.loads(server.requests_to("POST", WORKLOADS)[0].body)
    assert sent["priorityClass"] == "high"
    assert sent["type"] == "Training"


def test_request_options_timeout_applies_to_the_call(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client(timeout=30)
    server.inject(Fault.delay(2), method="GET", path=CLUSTERS)

    with pytest.raises(ApiTimeoutError):
        h.run(client, lambda c: c.organizations.clusters.get_clusters(
            request_options=RequestOptions(timeout=0.3, max_retries=0)))

    assert len(server.requests_to("GET", CLUSTERS)) == 1


def test_request_options_max_retries_applies_to_the_call(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client(max_retries=5, **FAST)
    server.inject(Fault.unavailable(retry_after=0), method="GET", path=CLUSTERS, times=10)

    with pytest.raises(ServerError):
        h.run(client, lambda c: c.organizations.clusters.get_clusters(request_options=RequestOptions(max_retries=1)))

    assert len(server.requests_to("GET", CLUSTERS)) == 2


@pytest.mark.parametrize("header", ["Authorization", "User-Agent", "X-Client-Request-Id", "Idempotency-Key",
                                    "authorization"])
def test_headers_the_client_controls_are_refused_per_call(h: Harness, server: ControlPlaneServer,
                                                          header: str) -> None:
    client = h.credentials_client()
    options = RequestOptions(headers={header: "mine"})

    with pytest.raises(ConfigurationError, match=header):
        h.run(client, lambda c: c.organizations.clusters.get_clusters(request_options=options))

    assert server.requests == [], "nothing is sent, not even a token request"


@pytest.mark.parametrize("header", ["Authorization", "User-Agent", "X-Client-Request-Id", "Idempotency-Key"])
def test_headers_the_client_controls_are_refused_as_settings(h: Harness, server: ControlPlaneServer,
                                                             header: str) -> None:
    with pytest.raises(ConfigurationError, match=header):
        h.client(bearer_token=server.mint_token(), headers={header: "mine"})

    assert server.requests == []
