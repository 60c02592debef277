"""Typed errors in every client kind: one class per status, everything the server said, no raw httpx errors."""

from __future__ import annotations

import socket
import uuid

import httpx
import pytest
from specloom_runtime import (
    ApiConnectionError,
    ApiError,
    ApiTimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    RateLimitError,
    RequestEncodingError,
    RequestTimeoutStatusError,
    ResponseDecodeError,
    ServerError,
    SpecloomError,
    TransportError,
    UnprocessableEntityError,
)

from tests.runtime.harness import CLUSTERS, FAST, WORKLOAD, WORKLOADS, Harness, list_clusters, submit, workload_body
from tests.servers import ControlPlaneServer, Fault

BODY = {"code": "quota_exceeded", "message": "The project is over its GPU quota.", "details": {"gpu": "8 > 4"}}


@pytest.mark.parametrize(("status", "error"), [
    (400, BadRequestError), (401, AuthenticationError), (402, PaymentRequiredError), (403, PermissionDeniedError),
    (404, NotFoundError), (408, RequestTimeoutStatusError), (409, ConflictError), (418, ApiError),
    (422, UnprocessableEntityError), (429, RateLimitError), (500, ServerError), (502, ServerError),
    (503, ServerError), (504, ServerError),
])
def test_errors_are_typed_by_status_and_carry_what_the_server_said(h: Harness, server: ControlPlaneServer,
                                                                   status: int, error: type[ApiError]) -> None:
    client = h.bearer_client(max_retries=0)
    server.inject(Fault.status(status, body=BODY, retry_after=7), method="GET", path=CLUSTERS)

    with pytest.raises(error) as info:
        h.run(client, list_clusters)

    exc = info.value
    (exchange,) = server.requests_to("GET", CLUSTERS)
    assert type(exc) is error and isinstance(exc, SpecloomError)
    assert exc.status_code == status
    assert exc.message == "The project is over its GPU quota."
    assert f"GET {CLUSTERS} -> {status}: The project is over its GPU quota." in str(exc)
    assert exc.code == "quota_exceeded"
    assert exc.details == {"gpu": "8 > 4"}
    assert exc.request_id == exchange.request_id == exc.headers["x-request-id"]
    assert exc.retry_after == 7
    assert exc.body == {**BODY, "requestId": exchange.request_id}
    assert isinstance(exc.headers, httpx.Headers)
    assert exc.response.status_code == status
    assert exc.request_id in repr(exc)


def test_a_real_404_names_the_missing_object(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client()
    missing = uuid.uuid4()

    with pytest.raises(NotFoundError) as info:
        h.run(client, lambda c: c.workloads.workloads.get_workload(workload_id=missing))

    (exchange,) = server.requests_to("GET", WORKLOAD)
    assert f"Workload {missing} was not found." in info.value.message
    assert info.value.request_id == exchange.request_id
    assert info.value.retry_after is None


def test_a_real_400_carries_the_field_details(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client(validate=False)  # the server (not the validator) must see it

    with pytest.raises(BadRequestError) as info:
        h.run(client, submit(workload_body(name="Not A Valid Name", type="Batch")))

    assert set(info.value.details) == {"name", "type"}
    assert info.value.request_id == server.requests_to("POST", WORKLOADS)[0].request_id


def test_an_answer_not_matching_the_spec_is_a_response_decode_error_in_strict_mode(
    h: Harness, server: ControlPlaneServer
) -> None:
    client = h.bearer_client(strict_responses=True)
    server.inject(Fault.status(200, body={"clusters": "not a list of clusters"}), method="GET", path=CLUSTERS)

    with pytest.raises(ResponseDecodeError) as info:
        h.run(client, list_clusters)

    assert isinstance(info.value, SpecloomError)
    assert info.value.status_code == 200
    assert info.value.request_id == server.requests_to("GET", CLUSTERS)[0].request_id
    assert info.value.body["clusters"] == "not a list of clusters"
    assert [str(issue) for issue in info.value.issues] == ["$: expected an array, got an object"]


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_connection_refused_is_an_api_connection_error(h: Harness) -> None:
    client = h.client(base_url=f"http://127.0.0.1:{closed_port()}", bearer_token="t", max_retries=1, **FAST)

    with pytest.raises(ApiConnectionError) as info:
        h.run(client, list_clusters)

    assert isinstance(info.value, TransportError) and isinstance(info.value, SpecloomError)
    assert not isinstance(info.value, httpx.HTTPError)
    assert "GET /api/v1/clusters" in str(info.value)


@pytest.mark.parametrize(("fault", "error"), [
    pytest.param(Fault.reset(hard=True), ApiConnectionError, id="reset"),
    pytest.param(Fault.reset(hard=False), ApiConnectionError, id="closed"),
    pytest.param(Fault.delay(2), ApiTimeoutError, id="timeout"),
])
def test_no_raw_httpx_error_escapes(h: Harness, server: ControlPlaneServer, fault: Fault,
                                    error: type[TransportError]) -> None:
    client = h.bearer_client(timeout=0.3, max_retries=0)
    server.inject(fault, method="GET", path=CLUSTERS)

    with pytest.raises(SpecloomError) as info:
        h.run(client, list_clusters)

    assert type(info.value) is error
    assert isinstance(info.value, TransportError)
    assert not isinstance(info.value, httpx.HTTPError)


def test_an_argument_that_cannot_be_encoded_is_refused_before_sending(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client(validate=False)  # the encoder, not the validator, must refuse it
    body = workload_body(spec={"image": "x", "compute": {"gpuPortionRequest": float("nan")}})

    with pytest.raises(RequestEncodingError):
        h.run(client, submit(body))

    assert server.requests == []
