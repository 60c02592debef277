"""The generated GraphQL packages (gpucloud 1.0 and 1.1) against the GraphQL test server of their release, in the
sync, threaded and async clients.

Issue 12: typed methods whose variables are sent as JSON variables, answers decoded into
selection-shaped models (a union told apart by ``__typename``), ``errors`` raised as
:class:`GraphQLError` with the partial data, queries retried as reads and mutations not
without an idempotency key, variables validated before anything is sent.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from specloom_runtime import GraphQLError, RequestValidationError, ServerError

from tests.servers.faults import Fault
from tests.servers.gpucloud import API_KEY, GpuCloudServer
from tests.servers.gpucloud_data import EXITED_POD_ID, RUNNING_POD_ID
from tests.support import REPO

KINDS = ("sync", "threaded", "async")
FAST = {"retry_backoff": 0.01, "retry_backoff_cap": 0.05}


@pytest.fixture(scope="module", params=("1.0", "1.1"))
def release(request: pytest.FixtureRequest) -> str:
    """Both releases of the reference GraphQL family, each against a server of its own release."""
    version: str = request.param
    return version


@pytest.fixture(scope="module")
def package(release: str) -> Iterator[Any]:
    folder = str(REPO / "generated" / f"gpucloud-{release}")
    sys.path.insert(0, folder)
    try:
        yield importlib.import_module("gpucloud_client")
    finally:
        sys.path.remove(folder)
        for name in [m for m in sys.modules if m == "gpucloud_client" or m.startswith("gpucloud_client.")]:
            del sys.modules[name]


@pytest.fixture(scope="module")
def server(release: str) -> Iterator[GpuCloudServer]:
    with GpuCloudServer(release) as running:
        yield running


@pytest.fixture(params=KINDS)
def call(request: pytest.FixtureRequest, package: Any, server: GpuCloudServer) -> Iterator[Callable[..., Any]]:
    """``call(fn, **settings)``: ``fn(client)`` run as this kind of client runs a call."""
    server.reset()
    kind = request.param
    runner = asyncio.Runner() if kind == "async" else None
    clients: list[Any] = []

    def run(fn: Callable[[Any], Any], **settings: Any) -> Any:
        cls = {"sync": package.Client, "threaded": package.ThreadedClient, "async": package.AsyncClient}[kind]
        client = cls(base_url=server.base_url, bearer_token=API_KEY, **{**FAST, **settings})
        clients.append(client)
        if kind == "sync":
            return fn(client)
        if kind == "threaded":
            return client.run_concurrently([lambda: fn(client)])[0]
        assert runner is not None
        return runner.run(fn(client))

    yield run
    for client in clients:
        if kind == "async":
            assert runner is not None
            runner.run(client.aclose())
        else:
            client.close()
    if runner is not None:
        runner.close()


def test_a_query_comes_back_as_selection_shaped_models(call: Callable[..., Any], server: GpuCloudServer) -> None:
    answer = call(lambda c: c.pods.list_pods())

    pods = {pod.id: pod for pod in answer.myself.pods}
    assert {RUNNING_POD_ID, EXITED_POD_ID} <= set(pods)
    assert pods[RUNNING_POD_ID].machine.gpu_display_name
    assert server.execution_count("ListPods") == 1
    [sent] = server.requests
    assert sent.operation_name == "ListPods"


def test_variables_are_sent_as_variables_and_typed(call: Callable[..., Any], server: GpuCloudServer) -> None:
    pod = call(lambda c: c.pods.get_pod(input={"podId": RUNNING_POD_ID})).pod

    assert pod.id == RUNNING_POD_ID and pod.created_at.year == 2026
    [sent] = server.requests
    assert sent.variables == {"input": {"podId": RUNNING_POD_ID}}
    assert RUNNING_POD_ID not in json.loads(sent.request.body)["query"]  # never pasted into the document


def test_a_union_answer_is_told_apart_by_typename(call: Callable[..., Any], package: Any) -> None:
    def deploy(gpus: int) -> Callable[[Any], Any]:
        return lambda c: c.pods.deploy_pod(input={"gpuTypeId": "NVIDIA GeForce RTX 4090", "gpuCount": gpus,
                                                  "imageName": "runpod/pytorch:2.4", "name": "trainer"})

    started = call(deploy(1)).pod_find_and_deploy_on_demand
    refused = call(deploy(64)).pod_find_and_deploy_on_demand

    models = importlib.import_module("gpucloud_client.models")
    assert type(started).__name__ == "DeployPodPodFindAndDeployOnDemandPod" and started.typename == "Pod"
    assert type(refused).__name__ == "DeployPodPodFindAndDeployOnDemandCapacityError"
    assert refused.retry_after_seconds == 300 and "free" in refused.message
    assert models is not None


def test_graphql_errors_raise_with_the_partial_data(call: Callable[..., Any], server: GpuCloudServer) -> None:
    server.make_host_unreachable(RUNNING_POD_ID)

    with pytest.raises(GraphQLError) as caught:
        call(lambda c: c.pods.list_pods())

    error = caught.value
    assert [detail.path for detail in error.errors] == [("myself", "pods", 0, "machine")]
    assert error.errors[0].locations and error.errors[0].extensions
    pods = error.data.myself.pods
    assert pods[0].machine is None and pods[0].id == RUNNING_POD_ID and pods[1].machine is not None


def test_a_query_is_retried_like_a_read(call: Callable[..., Any], server: GpuCloudServer) -> None:
    server.inject(Fault.status(503), operation="ListPods")

    call(lambda c: c.pods.list_pods())

    assert [r.status for r in server.requests] == [503, 200]
    assert server.execution_count("ListPods") == 1


def test_a_mutation_is_not_retried_without_an_idempotency_key(call: Callable[..., Any], server: GpuCloudServer) -> None:
    server.inject(Fault.status(503), operation="StopPod")

    with pytest.raises(ServerError):
        call(lambda c: c.pods.stop_pod(pod_id=RUNNING_POD_ID))

    assert len(server.requests) == 1 and server.execution_count("StopPod") == 0


def test_variables_are_validated_before_anything_is_sent(call: Callable[..., Any], server: GpuCloudServer) -> None:
    with pytest.raises(RequestValidationError, match=r"variables\.input\.podId: is required"):
        call(lambda c: c.pods.get_pod(input={}))

    assert server.requests == []


def test_a_mutation_with_an_idempotency_key_is_retried_and_executed_once(
        call: Callable[..., Any], server: GpuCloudServer) -> None:
    server.inject(Fault.status(503, after_execute=True), operation="StopPod")  # it ran; the answer was lost

    stopped = call(lambda c: c.pods.stop_pod(pod_id=RUNNING_POD_ID), idempotent_writes=True).pod_stop

    assert stopped.id == RUNNING_POD_ID and stopped.desired_status == "EXITED"
    assert [r.status for r in server.requests] == [503, 200]
    assert server.execution_count("StopPod") == 1  # the retry got the first execution's answer
    keys = {r.request.header("idempotency-key") for r in server.requests}
    assert len(keys) == 1 and None not in keys
