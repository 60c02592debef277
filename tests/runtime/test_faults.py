"""The fault matrix: every fault the control plane can inject, for every client kind.

What is retried (only what is safe to replay), how long the client waits (Retry-After
within 20 %, measured on the server from the answer of attempt n to the arrival of
attempt n+1), and that no write is ever executed twice: every test ends with
``server.duplicate_executions() == {}`` (also checked by the ``h`` fixture afterwards).
"""

from __future__ import annotations

import itertools
import time
import uuid
from typing import Any

import httpx
import pytest
from specloom_runtime import (
    ApiConnectionError,
    ApiError,
    ApiTimeoutError,
    BadRequestError,
    ConflictError,
    NotFoundError,
    RateLimitError,
    RequestOptions,
    ServerError,
    SpecloomError,
    TransportError,
    UnprocessableEntityError,
)

from tests.runtime.harness import (
    CLUSTERS,
    FAST,
    TOKEN,
    WORKLOAD,
    WORKLOADS,
    Harness,
    assert_wait,
    get_missing_workload,
    http_date_seconds,
    list_clusters,
    submit,
    wait_between,
    workload_body,
)
from tests.servers import ControlPlaneServer, Fault


def no_duplicates(server: ControlPlaneServer) -> None:
    assert server.duplicate_executions() == {}


def posts(server: ControlPlaneServer) -> list[Any]:
    return server.requests_to("POST", WORKLOADS)


# -- Retry-After -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("fault", "expected"), [
    pytest.param(Fault.unavailable(retry_after=1), 1.0, id="503-retry-after-seconds"),
    pytest.param(Fault.too_many_requests(retry_after=1), 1.0, id="429-retry-after-seconds"),
    pytest.param(Fault.unavailable(retry_after=None, retry_after_ms=600), 0.6, id="503-retry-after-ms"),
    pytest.param(Fault.too_many_requests(retry_after=None, retry_after_ms=600), 0.6, id="429-retry-after-ms"),
])
def test_retry_after_is_honoured(h: Harness, server: ControlPlaneServer, fault: Fault, expected: float) -> None:
    client = h.bearer_client(**FAST)
    server.inject(fault, method="GET", path=CLUSTERS)

    h.run(client, list_clusters)

    first, second = server.requests_to("GET", CLUSTERS)
    assert (first.status, second.status) == (fault.status_code, 200)
    assert_wait(wait_between(first, second), expected)


def test_retry_after_as_an_http_date_is_honoured(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client(**FAST)
    # Whole seconds on the wire: the date is 1-2 s after the answer.
    server.inject(Fault.unavailable(retry_after=None, retry_after_date_in=2), method="GET", path=CLUSTERS)

    h.run(client, list_clusters)

    first, second = server.requests_to("GET", CLUSTERS)
    assert (first.status, second.status) == (503, 200)
    expected = http_date_seconds(first)
    assert 1.0 < expected <= 2.0
    assert_wait(wait_between(first, second), expected)


def test_retry_after_is_honoured_on_each_retry_of_a_keyed_write(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client(idempotent_writes=True, **FAST)
    server.inject(Fault.unavailable(retry_after=None, retry_after_ms=400), method="POST", path=WORKLOADS, times=2)

    h.run(client, submit())

    attempts = posts(server)
    assert [e.status for e in attempts] == [503, 503, 202]
    for earlier, later in itertools.pairwise(attempts):
        assert_wait(wait_between(earlier, later), 0.4)
    assert server.execution_count("POST", WORKLOADS) == 1
    no_duplicates(server)


@pytest.mark.parametrize(("fault", "error"), [
    pytest.param(Fault.unavailable(retry_after=30), ServerError, id="503"),
    pytest.param(Fault.too_many_requests(retry_after=30), RateLimitError, id="429"),
    pytest.param(Fault.unavailable(retry_after=None, retry_after_ms=30_000), ServerError, id="503-ms"),
])
def test_retry_after_above_the_cap_raises_at_once(h: Harness, server: ControlPlaneServer, fault: Fault,
                                                  error: type[ApiError]) -> None:
    client = h.bearer_client(retry_after_cap=5, **FAST)
    server.inject(fault, method="GET", path=CLUSTERS, times=3)

    started = time.monotonic()
    with pytest.raises(error) as info:
        h.run(client, list_clusters)

    assert time.monotonic() - started < 3
    assert info.value.retry_after == pytest.approx(30)
    assert len(server.requests_to("GET", CLUSTERS)) == 1


# -- retryable statuses ----------------------------------------------------------------------------


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_retryable_statuses_are_retried_for_a_get(h: Harness, server: ControlPlaneServer, status: int) -> None:
    client = h.bearer_client(**FAST)
    server.inject(Fault.status(status), method="GET", path=CLUSTERS, times=2)

    h.run(client, list_clusters)

    assert [e.status for e in server.requests_to("GET", CLUSTERS)] == [status, status, 200]


def test_retries_stop_after_max_retries(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client(max_retries=2, **FAST)
    server.inject(Fault.unavailable(retry_after=0), method="GET", path=CLUSTERS, times=10)

    with pytest.raises(ServerError) as info:
        h.run(client, list_clusters)

    assert info.value.status_code == 503
    assert len(server.requests_to("GET", CLUSTERS)) == 3


@pytest.mark.parametrize("status", [500, 503])
def test_a_post_without_a_key_is_not_retried_on_5xx(h: Harness, server: ControlPlaneServer, status: int) -> None:
    client = h.bearer_client(**FAST)
    server.inject(Fault.status(status, retry_after=0), method="POST", path=WORKLOADS)

    with pytest.raises(ServerError):
        h.run(client, submit())

    assert len(posts(server)) == 1
    assert posts(server)[0].header("idempotency-key") is None
    assert server.execution_count("POST", WORKLOADS) == 0
    no_duplicates(server)


# -- connection resets -----------------------------------------------------------------------------


@pytest.mark.parametrize("hard", [True, False], ids=["rst", "close"])
def test_a_reset_get_is_retried(h: Harness, server: ControlPlaneServer, hard: bool) -> None:
    client = h.bearer_client(**FAST)
    server.inject(Fault.reset(hard=hard), method="GET", path=CLUSTERS)

    h.run(client, list_clusters)

    first, second = server.requests_to("GET", CLUSTERS)
    assert first.dropped and second.status == 200


@pytest.mark.parametrize("after_execute", [False, True], ids=["before-execution", "after-execution"])
def test_a_reset_post_without_a_key_is_not_retried(h: Harness, server: ControlPlaneServer,
                                                   after_execute: bool) -> None:
    client = h.bearer_client(**FAST)
    server.inject(Fault.reset(after_execute=after_execute), method="POST", path=WORKLOADS)

    with pytest.raises(ApiConnectionError) as info:
        h.run(client, submit())

    assert isinstance(info.value, TransportError) and isinstance(info.value, SpecloomError)
    assert not isinstance(info.value, httpx.HTTPError)
    assert len(posts(server)) == 1
    assert server.execution_count("POST", WORKLOADS) == (1 if after_execute else 0)
    no_duplicates(server)


@pytest.mark.parametrize("keyed", ["idempotent_writes", "idempotency_key"])
def test_a_reset_post_with_a_key_is_retried_and_executed_once(h: Harness, server: ControlPlaneServer,
                                                              keyed: str) -> None:
    client, fn, key = keyed_submit(h, keyed)
    server.inject(Fault.reset(after_execute=True), method="POST", path=WORKLOADS)

    workload = h.run(client, fn)

    first, second = posts(server)
    assert first.dropped and second.status == 202 and second.replayed
    assert str(workload.id)
    assert server.execution_count("POST", WORKLOADS) == 1
    assert_same_key(first, second, key)
    no_duplicates(server)


# -- timeouts --------------------------------------------------------------------------------------


def test_a_slow_answer_within_the_timeout_succeeds(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client(timeout=5, **FAST)
    server.inject(Fault.delay(0.3), method="GET", path=CLUSTERS)

    h.run(client, list_clusters)

    assert [e.status for e in server.requests_to("GET", CLUSTERS)] == [200]


def test_a_slow_answer_past_the_timeout_raises_api_timeout_error(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client(timeout=0.3, max_retries=0, **FAST)
    server.inject(Fault.delay(3), method="GET", path=CLUSTERS)

    started = time.monotonic()
    with pytest.raises(ApiTimeoutError) as info:
        h.run(client, list_clusters)

    assert time.monotonic() - started < 2
    assert isinstance(info.value, TransportError) and not isinstance(info.value, httpx.HTTPError)
    assert len(server.requests_to("GET", CLUSTERS)) == 1


def test_a_timed_out_get_is_retried(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client(timeout=0.3, **FAST)
    server.inject(Fault.delay(3), method="GET", path=CLUSTERS)

    h.run(client, list_clusters)

    assert len(server.requests_to("GET", CLUSTERS)) == 2


def test_a_timed_out_post_without_a_key_is_not_retried(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client(timeout=0.3, **FAST)
    server.inject(Fault.delay(1, after_execute=True), method="POST", path=WORKLOADS)

    with pytest.raises(ApiTimeoutError):
        h.run(client, submit())

    assert len(posts(server)) == 1
    no_duplicates(server)


# -- a write executed, then an error answer --------------------------------------------------------


def keyed_submit(h: Harness, how: str, **settings: Any) -> tuple[Any, Any, str | None]:
    """A client and a submit that carry an idempotency key, by setting or per call; the key if given."""
    if how == "idempotent_writes":
        return h.bearer_client(idempotent_writes=True, **FAST, **settings), submit(), None
    key = f"key-{uuid.uuid4()}"
    return h.bearer_client(**FAST, **settings), submit(request_options=RequestOptions(idempotency_key=key)), key


def assert_same_key(first: Any, second: Any, given: str | None) -> None:
    key = first.header("idempotency-key")
    assert key is not None and second.header("idempotency-key") == key, "the same key on every attempt"
    if given is not None:
        assert key == given


def test_500_after_executing_a_post_without_a_key_is_not_retried(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client(**FAST)
    server.inject(Fault.server_error(after_execute=True), method="POST", path=WORKLOADS)

    with pytest.raises(ServerError) as info:
        h.run(client, submit())

    assert info.value.status_code == 500
    assert len(posts(server)) == 1
    assert server.execution_count("POST", WORKLOADS) == 1
    no_duplicates(server)


@pytest.mark.parametrize("keyed", ["idempotent_writes", "idempotency_key"])
def test_500_after_executing_a_keyed_post_is_retried_and_replayed(h: Harness, server: ControlPlaneServer,
                                                                  keyed: str) -> None:
    client, fn, key = keyed_submit(h, keyed)
    server.inject(Fault.server_error(after_execute=True), method="POST", path=WORKLOADS)

    workload = h.run(client, fn)

    first, second = posts(server)
    assert (first.status, second.status) == (500, 202)
    assert first.executed and not second.executed and second.replayed
    assert server.execution_count("POST", WORKLOADS) == 1
    assert server.executions_by_key[first.header("idempotency-key") or ""] == 1
    assert str(workload.id) == second.response_header("location").rsplit("/", 1)[-1]
    assert_same_key(first, second, key)
    no_duplicates(server)


def test_a_keyed_post_still_in_progress_is_waited_for(h: Harness, server: ControlPlaneServer) -> None:
    """The first attempt times out while the server still runs it: the retries get 409 until the replay."""
    client = h.bearer_client(idempotent_writes=True, timeout=0.25, max_retries=10, retry_backoff=0.1,
                             retry_backoff_cap=0.3)
    server.inject(Fault.delay(0.8, after_execute=True), method="POST", path=WORKLOADS)

    h.run(client, submit())

    statuses = [e.status for e in posts(server)]
    assert statuses[-1] == 202 and posts(server)[-1].replayed
    assert 409 in statuses
    assert server.execution_count("POST", WORKLOADS) == 1
    no_duplicates(server)


# -- 409 in progress -------------------------------------------------------------------------------


@pytest.mark.parametrize("keyed", ["idempotent_writes", "idempotency_key"])
def test_409_in_progress_is_retried_with_a_key(h: Harness, server: ControlPlaneServer, keyed: str) -> None:
    client, fn, _ = keyed_submit(h, keyed)
    server.inject(Fault.in_progress(), method="POST", path=WORKLOADS)

    h.run(client, fn)

    assert [e.status for e in posts(server)] == [409, 202]
    assert server.execution_count("POST", WORKLOADS) == 1
    no_duplicates(server)


def test_409_in_progress_is_not_retried_without_a_key(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client(**FAST)
    server.inject(Fault.in_progress(), method="POST", path=WORKLOADS)

    with pytest.raises(ConflictError):
        h.run(client, submit())

    assert len(posts(server)) == 1
    assert server.execution_count("POST", WORKLOADS) == 0
    no_duplicates(server)


def test_a_real_409_conflict_is_not_retried_even_with_a_key(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client(idempotent_writes=True, **FAST)
    body = workload_body()
    h.run(client, submit(body))

    same_name = workload_body(name=body["name"], spec={"image": "registry.example.com/ml/bert:2.1"})
    with pytest.raises(ConflictError, match="already exists"):
        h.run(client, submit(same_name))

    assert [e.status for e in posts(server)] == [202, 409]
    no_duplicates(server)


# -- never retried ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("status", "error"), [
    (400, BadRequestError), (404, NotFoundError), (422, UnprocessableEntityError),
])
@pytest.mark.parametrize("method", ["GET", "keyed POST"])
def test_client_errors_are_never_retried(h: Harness, server: ControlPlaneServer, status: int,
                                         error: type[ApiError], method: str) -> None:
    client = h.bearer_client(idempotent_writes=True, **FAST)
    fn, path = (list_clusters, CLUSTERS) if method == "GET" else (submit(), WORKLOADS)
    server.inject(Fault.status(status, retry_after=0), path=path, times=5)

    with pytest.raises(error):
        h.run(client, fn)

    assert len(server.requests_to(None, path)) == 1
    no_duplicates(server)


def test_a_real_404_is_not_retried(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client(**FAST)

    with pytest.raises(NotFoundError):
        h.run(client, get_missing_workload)

    assert [e.status for e in server.requests_to("GET", WORKLOAD)] == [404]


def test_a_real_400_is_not_retried(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client(idempotent_writes=True, validate=False, **FAST)

    with pytest.raises(BadRequestError):
        h.run(client, submit(workload_body(name="Not A Valid Name")))

    assert [e.status for e in posts(server)] == [400]
    assert server.execution_count("POST", WORKLOADS) == 1


def test_a_reused_idempotency_key_gets_422_once(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client(**FAST)
    options = RequestOptions(idempotency_key=f"key-{uuid.uuid4()}")
    h.run(client, submit(request_options=options))

    with pytest.raises(UnprocessableEntityError):
        h.run(client, submit(request_options=options))  # another body under the same key

    assert [e.status for e in posts(server)] == [202, 422]
    assert server.execution_count("POST", WORKLOADS) == 1
    no_duplicates(server)


def test_the_same_keyed_post_twice_is_replayed(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client(**FAST)
    fn = submit(request_options=RequestOptions(idempotency_key=f"key-{uuid.uuid4()}"))

    first = h.run(client, fn)
    second = h.run(client, fn)

    assert first.id == second.id
    assert [e.replayed for e in posts(server)] == [False, True]
    assert server.execution_count("POST", WORKLOADS) == 1
    no_duplicates(server)


# -- faults at the token endpoint ------------------------------------------------------------------


@pytest.mark.parametrize("fault", [
    pytest.param(Fault.reset(), id="reset"),
    pytest.param(Fault.delay(2), id="timeout"),
    pytest.param(Fault.unavailable(retry_after=0), id="503"),
    pytest.param(Fault.too_many_requests(retry_after=0), id="429"),
    pytest.param(Fault.server_error(), id="500"),
])
def test_a_transient_token_endpoint_failure_is_retried(h: Harness, server: ControlPlaneServer, fault: Fault) -> None:
    client = h.credentials_client(timeout=0.5, **FAST)
    server.inject(fault, method="POST", path=TOKEN)

    h.run(client, list_clusters)

    assert server.token_request_count() == 2
    assert [e.status for e in server.requests_to("GET", CLUSTERS)] == [200]
