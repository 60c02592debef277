"""The test control plane itself (tests/servers), checked with plain synchronous httpx.

What later client tests rely on: the spec's operations answer like a control plane,
tokens are real HS256 JWTs that expire, every fault looks to httpx the way it would
from a real server, counters see every execution, and Idempotency-Key makes a write
happen at most once.
"""

from __future__ import annotations

import base64
import binascii
import csv
import email.utils
import hashlib
import hmac
import io
import json
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from tests.servers import (
    APP_ID,
    APP_SECRET,
    CLIENT_ID,
    CLIENT_SECRET,
    CLUSTER_ID,
    OPERATIONS,
    SUSPENDED_WORKLOAD_ID,
    WORKLOAD_ID,
    ControlPlaneServer,
    Fault,
)
from tests.servers.fixtures import controlplane, controlplane_factory, controlplane_module  # noqa: F401 - fixtures
from tests.servers.tokens import DISPLAY_NAME, encode
from tests.support import wait_for

SPEC = Path(__file__).resolve().parents[2] / "specs" / "controlplane" / "2.24" / "openapi.yaml"
WORKLOADS = "/api/v1/workloads"
SUBMIT = {
    "name": "train-bert",
    "projectId": "42",
    "clusterId": CLUSTER_ID,
    "type": "Training",
    "spec": {"image": "registry.example.com/ml/bert:2.0", "command": ["python", "train.py"],
             "compute": {"gpuDevicesRequest": 1}},
}


@pytest.fixture
def cp(controlplane_module: ControlPlaneServer) -> ControlPlaneServer:  # noqa: F811 - the imported fixture
    """The module's control plane, reset for each test (which also exercises reset())."""
    controlplane_module.reset()
    return controlplane_module


@pytest.fixture
def anon(cp: ControlPlaneServer) -> Iterator[httpx.Client]:
    """An httpx client without credentials."""
    with httpx.Client(base_url=cp.base_url, timeout=10) as client:
        yield client


@pytest.fixture
def client(cp: ControlPlaneServer) -> Iterator[httpx.Client]:
    """An httpx client authenticated with a token minted for the service account."""
    with httpx.Client(base_url=cp.base_url, headers=cp.auth_headers(), timeout=10) as client:
        yield client


def grant_v1(http: httpx.Client, **body: Any) -> httpx.Response:
    return http.post("/api/v1/token", json=body)


def client_credentials(http: httpx.Client) -> dict[str, Any]:
    response = grant_v1(http, grantType="client_credentials", clientID=CLIENT_ID, clientSecret=CLIENT_SECRET)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def b64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


# -- the spec ---------------------------------------------------------------------------------------


def test_serves_every_operation_of_the_reference_spec() -> None:
    spec = yaml.safe_load(SPEC.read_text())
    methods = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
    declared = {(m.upper(), path) for path, item in spec["paths"].items() for m in item if m in methods}
    assert set(OPERATIONS) == declared


# -- tokens ---------------------------------------------------------------------------------------


def test_client_credentials_issue_a_signed_hs256_jwt(cp: ControlPlaneServer, anon: httpx.Client) -> None:
    response = grant_v1(anon, grantType="client_credentials", clientID=CLIENT_ID, clientSecret=CLIENT_SECRET)

    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert (body["tokenType"], body["expiresIn"]) == ("Bearer", 60)
    assert body["refreshToken"] and body["idToken"]
    header_b64, payload_b64, signature_b64 = body["accessToken"].split(".")
    assert "=" not in body["accessToken"]
    assert json.loads(b64url(header_b64)) == {"alg": "HS256", "typ": "JWT", "kid": cp.authority.kid}
    expected = hmac.new(cp.secret, f"{header_b64}.{payload_b64}".encode(), hashlib.sha256).digest()
    assert hmac.compare_digest(b64url(signature_b64), expected)
    claims = json.loads(b64url(payload_b64).decode("utf-8"))
    assert claims["sub"] == CLIENT_ID and claims["gty"] == "client_credentials"
    assert 60 <= claims["exp"] - time.time() <= 61.5
    assert claims["name"] == DISPLAY_NAME and not DISPLAY_NAME.isascii()
    # Only the URL-safe alphabet decodes it: a client using standard base64 breaks.
    assert "-" in payload_b64 and "_" in payload_b64
    with pytest.raises(binascii.Error):
        base64.b64decode(payload_b64 + "=" * (-len(payload_b64) % 4), validate=True)

    assert anon.get(cp.url(WORKLOADS), headers={"Authorization": f"Bearer {body['accessToken']}"}).status_code == 200
    assert cp.token_requests == {"client_credentials": 1}
    assert [t.access_token for t in cp.issued_tokens] == [body["accessToken"]]


def test_app_token_and_refresh_token_grants(cp: ControlPlaneServer, anon: httpx.Client) -> None:
    app = grant_v1(anon, grantType="app_token", appID=APP_ID, appSecret=APP_SECRET)
    assert app.status_code == 200 and app.headers["deprecation"] == "true"
    assert app.json()["refreshToken"] is None
    assert cp.issued_tokens[-1].subject == f"app:{APP_ID}"

    first = client_credentials(anon)
    refreshed = grant_v1(anon, grantType="refresh_token", refreshToken=first["refreshToken"])
    assert refreshed.status_code == 200
    assert refreshed.json()["accessToken"] != first["accessToken"]
    assert cp.issued_tokens[-1].subject == CLIENT_ID

    reused = grant_v1(anon, grantType="refresh_token", refreshToken=first["refreshToken"])  # rotated: single use
    assert reused.status_code == 400 and reused.json()["error"] == "invalid_grant"
    assert grant_v1(anon, grantType="app_token", appID=APP_ID, appSecret="nope").status_code == 401
    assert grant_v1(anon, grantType="password").status_code == 400
    assert anon.post(cp.url("/api/v1/token"), data={"grantType": "client_credentials"}).status_code == 400
    assert cp.token_requests == {"app_token": 2, "client_credentials": 1, "refresh_token": 2, "password": 1,
                                 "<unreadable>": 1}
    assert cp.token_request_count() == 7 and cp.token_request_count("refresh_token") == 2


def test_v2_token_takes_an_oauth_form(cp: ControlPlaneServer, anon: httpx.Client) -> None:
    url = cp.url("/api/v2/token")
    form = {"grant_type": "client_credentials", "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET}
    response = anon.post(url, data=form)
    assert response.status_code == 200 and response.json()["expiresIn"] == 60
    assert response.json()["idToken"]

    basic = anon.post(url, data={"grant_type": "client_credentials", "scope": "api"}, auth=(CLIENT_ID, CLIENT_SECRET))
    assert basic.status_code == 200 and basic.json()["idToken"] is None

    refreshed = anon.post(url, data={"grant_type": "refresh_token", "refresh_token": response.json()["refreshToken"]})
    assert refreshed.status_code == 200

    wrong = anon.post(url, data={**form, "client_secret": "wrong"})
    assert wrong.status_code == 401
    assert wrong.json()["code"] == 401 and wrong.json()["error"] == "invalid_client"
    assert anon.post(url, json=form).status_code == 400  # JSON is the v1 endpoint's
    assert cp.token_requests == {"client_credentials": 3, "refresh_token": 1, "<missing>": 1}


def test_requests_without_a_valid_token_get_401_with_a_json_error(cp: ControlPlaneServer, anon: httpx.Client) -> None:
    good = cp.mint_token()
    head, payload, signature = good.split(".")
    forged = encode({"sub": CLIENT_ID, "exp": time.time() + 60}, b"another-secret")
    revoked = cp.mint_token()
    cp.revoke_tokens()
    expired = f"Bearer {cp.mint_token(lifetime=-5)}"
    cases: dict[str, str | None] = {
        "missing": None,
        "basic": "Basic c3ZjOnNlY3JldA==",
        "garbage": "Bearer not-a-jwt",
        "tampered": f"Bearer {head}.{payload}.{signature[:-2]}AA",
        "forged": f"Bearer {forged}",
        "expired": expired,
        "revoked": f"Bearer {revoked}",
    }
    for case, authorization in cases.items():
        headers = {} if authorization is None else {"Authorization": authorization}
        response = anon.get(cp.url(WORKLOADS), headers=headers)
        assert response.status_code == 401, case
        body = response.json()
        assert body["code"] == 401 and body["message"], case
        assert body["requestId"] == response.headers["x-request-id"], case
        assert response.headers["www-authenticate"].startswith('Bearer realm="controlplane"'), case
    assert "expired" in anon.get(cp.url(WORKLOADS), headers={"Authorization": expired}).json()["message"]
    assert cp.execution_count("GET", WORKLOADS) == 0
    assert cp.token_request_count() == 0


def test_tokens_expire_in_real_time_and_by_the_servers_clock(cp: ControlPlaneServer, anon: httpx.Client) -> None:
    short = cp.mint_token(exp=time.time() + 0.3)
    assert anon.get(cp.url(WORKLOADS), headers=cp.auth_headers(short)).status_code == 200
    time.sleep(max(0.0, cp.issued_tokens[-1].expires_at - time.time()) + 0.02)
    assert anon.get(cp.url(WORKLOADS), headers=cp.auth_headers(short)).status_code == 401

    cp.token_lifetime = 1
    body = client_credentials(anon)
    assert body["expiresIn"] == 1
    assert 1 <= cp.issued_tokens[-1].expires_at - time.time() <= 2
    headers = cp.auth_headers(body["accessToken"])
    assert anon.get(cp.url(WORKLOADS), headers=headers).status_code == 200
    cp.advance_clock(2)
    assert anon.get(cp.url(WORKLOADS), headers=headers).status_code == 401

    cp.token_lifetime = 0
    expired = client_credentials(anon)
    assert expired["expiresIn"] == 0
    assert anon.get(cp.url(WORKLOADS), headers=cp.auth_headers(expired["accessToken"])).status_code == 401


@pytest.mark.parametrize("controlplane", [{"token_lifetime": 5}], indirect=True)
def test_controlplane_fixture_takes_options(controlplane: ControlPlaneServer) -> None:  # noqa: F811
    assert controlplane.running
    with httpx.Client(base_url=controlplane.base_url) as http:
        assert client_credentials(http)["expiresIn"] == 5


def test_cli_download_needs_no_token_as_the_spec_says(cp: ControlPlaneServer, anon: httpx.Client) -> None:
    response = anon.get(cp.url("/api/v1/cli/linux/arm64"))
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/octet-stream"
    assert response.content.startswith(b"\x7fELF") and len(response.content) > 65536
    assert "cp-linux-arm64" in response.headers["content-disposition"]
    assert anon.get(cp.url("/api/v1/cli/plan9/amd64")).status_code == 404


# -- counters, request log, request ids ----------------------------------------------------------


def test_counters_and_the_request_log(cp: ControlPlaneServer, client: httpx.Client) -> None:
    headers = {"X-Client-Request-Id": "client-1", "User-Agent": "specloom-test/1.0", "Idempotency-Key": "key-1"}
    submitted = client.post(WORKLOADS, json=SUBMIT, headers=headers)
    assert submitted.status_code == 202
    assert submitted.headers["x-client-request-id"] == "client-1"
    client.get(WORKLOADS)
    client.get(WORKLOADS, headers={"X-Client-Request-Id": "client-2"})
    client.post(f"{WORKLOADS}/{WORKLOAD_ID}/suspend")

    assert cp.executions == {("POST", WORKLOADS): 1, ("GET", WORKLOADS): 2,
                             ("POST", "/api/v1/workloads/{workloadId}/suspend"): 1}
    assert cp.execution_count("post", WORKLOADS) == 1
    assert cp.executions_by_key == {"key-1": 1}
    [post] = cp.requests_to("POST", WORKLOADS)
    assert post.header("x-client-request-id") == "client-1"
    assert post.header("idempotency-key") == "key-1"
    assert post.header("user-agent") == "specloom-test/1.0"
    assert post.header("authorization") == client.headers["authorization"]
    assert json.loads(post.body) == SUBMIT
    assert (post.template, post.operation_id, post.subject, post.status) == (WORKLOADS, "submit_workload", CLIENT_ID,
                                                                           202)
    assert post.executed and not post.replayed and post.answered_at is not None and post.received_at <= post.answered_at
    assert post.response_header("x-request-id") == submitted.headers["x-request-id"]
    assert [e.header("x-client-request-id") for e in cp.requests_to("GET", WORKLOADS)] == [None, "client-2"]
    [execution] = [e for e in cp.execution_log if e.method == "POST" and e.template == WORKLOADS]
    assert (execution.idempotency_key, execution.request_id, execution.operation_id) == (
        "key-1", submitted.headers["x-request-id"], "submit_workload")
    assert len(cp.take_requests()) == 4 and cp.requests == []

    cp.inject(Fault.unavailable(), path=WORKLOADS)
    cp.token_lifetime = 3
    cp.reset()
    assert (cp.requests, cp.execution_log, cp.token_requests, cp.pending_faults()) == ([], [], {}, [])
    assert cp.token_lifetime == 60
    names = [w["name"] for w in client.get(WORKLOADS).json()["workloads"]]
    assert "train-bert" not in names  # back to the seed data
    # The key is forgotten too: the same request executes again.
    assert client.post(WORKLOADS, json=SUBMIT, headers=headers).status_code == 202
    assert cp.executions_by_key == {"key-1": 1}


def test_every_answer_carries_a_unique_request_id(cp: ControlPlaneServer, anon: httpx.Client,
                                                  client: httpx.Client) -> None:
    cp.inject(Fault.unavailable(), path="/api/v1/nodes")
    responses = [
        client.get(WORKLOADS),
        anon.get(cp.url(WORKLOADS)),  # 401
        client.get("/api/v1/nowhere"),  # 404
        client.patch(WORKLOADS),  # 405
        client.get("/api/v1/nodes"),  # 503 fault
        client.post(WORKLOADS, json={"name": "x"}),  # 400
        client.post(WORKLOADS, json=SUBMIT, headers={"Idempotency-Key": "k"}),
        client.post(WORKLOADS, json=SUBMIT, headers={"Idempotency-Key": "k"}),  # replay
        anon.post(cp.url("/api/v1/token"), json={"grantType": "client_credentials", "clientID": CLIENT_ID,
                                                  "clientSecret": CLIENT_SECRET}),
    ]
    assert [r.status_code for r in responses] == [200, 401, 404, 405, 503, 400, 202, 202, 200]
    ids = [r.headers["x-request-id"] for r in responses]
    assert len(set(ids)) == len(ids)
    assert all(uuid.UUID(i) for i in ids)
    assert responses[3].headers["allow"] == "GET, POST"
    assert responses[5].json()["details"]["projectId"]


# -- faults ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fault", "status", "headers"),
    [
        (Fault.unavailable(retry_after=2), 503, {"retry-after": "2"}),
        (Fault.too_many_requests(retry_after=0.5), 429, {"retry-after": "0.5"}),
        (Fault.status(429, retry_after_ms=250), 429, {"retry-after-ms": "250"}),
        (Fault.server_error(), 500, {}),
        (Fault.request_timeout(), 408, {}),
        (Fault.status(502, headers={"X-Upstream": "lb-1"}, body="bad gateway"), 502, {"x-upstream": "lb-1"}),
    ],
)
def test_status_faults(cp: ControlPlaneServer, client: httpx.Client, fault: Fault, status: int,
                       headers: dict[str, str]) -> None:
    cp.inject(fault, method="POST", path=WORKLOADS, times=2)
    for _ in range(2):
        response = client.post(WORKLOADS, json=SUBMIT)
        assert response.status_code == status
        assert {k: response.headers.get(k) for k in headers} == headers
        if status != 502:
            assert response.json()["code"] == status
    assert cp.execution_count("POST", WORKLOADS) == 0  # answered before anything ran
    assert client.post(WORKLOADS, json=SUBMIT).status_code == 202
    assert cp.execution_count("POST", WORKLOADS) == 1
    assert [e.fault for e in cp.requests_to("POST", WORKLOADS)] == [fault, fault, None]


def test_retry_after_as_an_http_date(cp: ControlPlaneServer, client: httpx.Client) -> None:
    cp.inject(Fault.unavailable(retry_after=None, retry_after_date_in=3), path=WORKLOADS)
    response = client.get(WORKLOADS)
    assert response.status_code == 503
    moment = email.utils.parsedate_to_datetime(response.headers["retry-after"])
    [exchange] = cp.requests
    assert exchange.answered_wall is not None
    assert 2 <= moment.timestamp() - exchange.answered_wall <= 3  # whole seconds on the wire


def test_in_progress_fault_says_so(cp: ControlPlaneServer, client: httpx.Client) -> None:
    cp.inject(Fault.in_progress(), path=WORKLOADS)
    response = client.post(WORKLOADS, json=SUBMIT, headers={"Idempotency-Key": "k"})
    assert response.status_code == 409
    assert "in progress" in response.json()["message"]


def test_the_most_specific_matching_fault_wins_and_faults_count_down(cp: ControlPlaneServer,
                                                                     client: httpx.Client) -> None:
    cp.inject(Fault.unavailable())  # global, for any request
    cp.inject(Fault.too_many_requests(), method="GET", path=WORKLOADS, times=2)
    cp.inject(Fault.server_error(), method="DELETE")

    assert [client.get(WORKLOADS).status_code for _ in range(3)] == [429, 429, 503]
    assert client.get("/api/v1/nodes").status_code == 200
    assert client.delete(f"{WORKLOADS}/{WORKLOAD_ID}").status_code == 500
    assert cp.pending_faults() == []
    with pytest.raises(ValueError, match="not a path template"):
        cp.inject(Fault.server_error(), path="/api/v1/workloads/42")


def test_faults_can_hit_the_token_endpoint(cp: ControlPlaneServer, anon: httpx.Client) -> None:
    cp.inject(Fault.unavailable(retry_after=1), path="/api/v1/token")
    response = grant_v1(anon, grantType="client_credentials", clientID=CLIENT_ID, clientSecret=CLIENT_SECRET)
    assert response.status_code == 503
    client_credentials(anon)
    assert cp.token_requests == {"client_credentials": 2}  # arrivals, faulted or not
    assert len(cp.issued_tokens) == 1


@pytest.mark.parametrize(("hard", "error"), [(True, httpx.ReadError), (False, httpx.RemoteProtocolError)])
def test_reset_drops_the_connection_without_an_answer(cp: ControlPlaneServer, client: httpx.Client, hard: bool,
                                                      error: type[httpx.TransportError]) -> None:
    assert client.get(WORKLOADS).status_code == 200  # a kept-alive connection is then reset
    cp.inject(Fault.reset(hard=hard), method="POST", path=WORKLOADS)
    with pytest.raises(error):
        client.post(WORKLOADS, json=SUBMIT)
    assert cp.execution_count("POST", WORKLOADS) == 0
    exchange = cp.requests_to("POST", WORKLOADS)[0]
    assert exchange.dropped and exchange.status is None and not exchange.executed
    assert client.post(WORKLOADS, json=SUBMIT).status_code == 202  # the next request gets a new connection


def test_delay_makes_a_short_client_timeout_expire(cp: ControlPlaneServer, client: httpx.Client) -> None:
    cp.inject(Fault.delay(0.3), path=WORKLOADS)
    started = time.monotonic()
    with pytest.raises(httpx.ReadTimeout):
        client.get(WORKLOADS, timeout=0.05)
    assert time.monotonic() - started < 0.3
    [slow] = cp.requests
    wait_for(lambda: slow.answered_at is not None)
    assert slow.status == 200 and slow.answered_at is not None and slow.answered_at - slow.received_at >= 0.3
    assert slow.executed  # a real server carries on when the client gave up

    cp.inject(Fault.delay(0.05), path=WORKLOADS)
    started = time.monotonic()
    assert client.get(WORKLOADS, timeout=5).status_code == 200
    assert time.monotonic() - started >= 0.05


def test_500_after_execute_means_the_write_happened(cp: ControlPlaneServer, client: httpx.Client) -> None:
    cp.inject(Fault.server_error(after_execute=True), method="POST", path=WORKLOADS)
    response = client.post(WORKLOADS, json=SUBMIT)
    assert response.status_code == 500
    assert cp.execution_count("POST", WORKLOADS) == 1
    assert cp.duplicate_executions() == {}
    listed = client.get(WORKLOADS, params={"filterBy": "name==train-bert"}).json()["workloads"]
    assert [w["name"] for w in listed] == ["train-bert"]

    # A blind retry executes the write a second time: this is what clients must not do.
    assert client.post(WORKLOADS, json=SUBMIT).status_code == 409
    assert cp.execution_count("POST", WORKLOADS) == 2
    assert list(cp.duplicate_executions().values()) == [2]


def test_reset_after_execute_means_the_write_happened(cp: ControlPlaneServer, client: httpx.Client) -> None:
    suspend = f"{WORKLOADS}/{WORKLOAD_ID}/suspend"
    cp.inject(Fault.reset(after_execute=True), path="/api/v1/workloads/{workloadId}/suspend")
    with pytest.raises(httpx.ReadError):
        client.post(suspend)
    assert cp.execution_count("POST", "/api/v1/workloads/{workloadId}/suspend") == 1
    assert client.get(f"{WORKLOADS}/{WORKLOAD_ID}").json()["phase"] == "Suspended"
    assert client.post(suspend).status_code == 409


def test_after_execute_faults_wait_for_an_execution(cp: ControlPlaneServer, anon: httpx.Client,
                                                    client: httpx.Client) -> None:
    cp.inject(Fault.server_error(after_execute=True), path=WORKLOADS)
    assert anon.post(cp.url(WORKLOADS), json=SUBMIT).status_code == 401  # not executed: fault kept
    assert len(cp.pending_faults()) == 1
    assert client.post(WORKLOADS, json=SUBMIT).status_code == 500
    assert cp.pending_faults() == []


# -- idempotency ----------------------------------------------------------------------------------


def test_idempotency_key_executes_once_and_replays(cp: ControlPlaneServer, client: httpx.Client) -> None:
    first = client.post(WORKLOADS, json=SUBMIT, headers={"Idempotency-Key": "submit-1"})
    again = client.post(WORKLOADS, json=SUBMIT, headers={"Idempotency-Key": "submit-1"})

    assert (first.status_code, again.status_code) == (202, 202)
    assert again.json() == first.json()
    assert again.headers["location"] == first.headers["location"]
    assert again.headers["idempotent-replayed"] == "true" and "idempotent-replayed" not in first.headers
    assert again.headers["x-request-id"] != first.headers["x-request-id"]
    assert cp.executions_by_key == {"submit-1": 1}
    assert cp.execution_count("POST", WORKLOADS) == 1
    assert [e.replayed for e in cp.requests_to("POST", WORKLOADS)] == [False, True]

    other = client.post(WORKLOADS, json={**SUBMIT, "name": "other"}, headers={"Idempotency-Key": "submit-1"})
    assert other.status_code == 422 and other.json()["error"] == "idempotency_key_reused"
    assert cp.execution_count("POST", WORKLOADS) == 1

    # Safe methods ignore the header; without it, every write runs.
    assert client.get(WORKLOADS, headers={"Idempotency-Key": "submit-1"}).status_code == 200
    assert client.post(WORKLOADS, json={**SUBMIT, "name": "third"}).status_code == 202
    assert cp.execution_count("POST", WORKLOADS) == 2


def test_retry_with_the_key_after_a_lost_answer_gets_the_stored_one(cp: ControlPlaneServer,
                                                                  client: httpx.Client) -> None:
    cp.inject(Fault.server_error(after_execute=True), path=WORKLOADS)
    headers = {"Idempotency-Key": "submit-2"}
    assert client.post(WORKLOADS, json=SUBMIT, headers=headers).status_code == 500
    retried = client.post(WORKLOADS, json=SUBMIT, headers=headers)
    assert retried.status_code == 202 and retried.headers["idempotent-replayed"] == "true"
    assert retried.json()["name"] == "train-bert"
    assert cp.executions_by_key == {"submit-2": 1} and cp.duplicate_executions() == {}

    # A fault before execution does not use the key up: the retry executes.
    cp.inject(Fault.unavailable(), path=WORKLOADS)
    fresh = {"Idempotency-Key": "submit-3"}
    body = {**SUBMIT, "name": "train-gpt"}
    assert client.post(WORKLOADS, json=body, headers=fresh).status_code == 503
    assert client.post(WORKLOADS, json=body, headers=fresh).status_code == 202
    assert cp.executions_by_key == {"submit-2": 1, "submit-3": 1}


def test_same_key_while_the_first_is_still_running_gets_409(cp: ControlPlaneServer, anon: httpx.Client,
                                                            client: httpx.Client) -> None:
    cp.inject(Fault.delay(0.5, after_execute=True), path=WORKLOADS)
    headers = {**client.headers, "Idempotency-Key": "submit-4"}
    answers: list[httpx.Response] = []
    first = threading.Thread(target=lambda: answers.append(anon.post(cp.url(WORKLOADS), json=SUBMIT,
                                                                      headers=headers, timeout=10)))
    first.start()
    try:
        wait_for(lambda: cp.execution_count("POST", WORKLOADS) == 1)
        busy = anon.post(cp.url(WORKLOADS), json=SUBMIT, headers=headers)
        assert busy.status_code == 409
        assert "still in progress" in busy.json()["message"]
    finally:
        first.join()
    assert [a.status_code for a in answers] == [202]
    replay = anon.post(cp.url(WORKLOADS), json=SUBMIT, headers=headers)
    assert replay.status_code == 202 and replay.json() == answers[0].json()
    assert cp.executions_by_key == {"submit-4": 1}


def test_idempotency_can_be_switched_off(cp: ControlPlaneServer, client: httpx.Client) -> None:
    cp.idempotency_enabled = False
    suspend, resume = f"{WORKLOADS}/{SUSPENDED_WORKLOAD_ID}/suspend", f"{WORKLOADS}/{SUSPENDED_WORKLOAD_ID}/resume"
    assert client.post(resume, headers={"Idempotency-Key": "r"}).status_code == 202
    assert client.post(resume, headers={"Idempotency-Key": "r"}).status_code == 409
    assert client.post(suspend).status_code == 202
    assert cp.executions_by_key == {"r": 2}


# -- lifecycle ------------------------------------------------------------------------------------


def test_reset_cuts_off_requests_in_flight(cp: ControlPlaneServer, client: httpx.Client) -> None:
    cp.inject(Fault.delay(30), method="POST", path=WORKLOADS)
    with pytest.raises(httpx.ReadTimeout):
        client.post(WORKLOADS, json=SUBMIT, timeout=0.1)
    [stuck] = cp.requests
    cp.reset()
    wait_for(lambda: stuck.answered_at is not None)
    assert stuck.status == 503 and not stuck.executed
    assert cp.execution_log == []
    assert "train-bert" not in [w["name"] for w in client.get(WORKLOADS).json()["workloads"]]


def test_stop_ends_the_servers_thread(controlplane_factory: Callable[..., ControlPlaneServer]) -> None:  # noqa: F811
    server = controlplane_factory()
    port = server.port
    assert f"uvicorn-{port}" in {t.name for t in threading.enumerate()}
    server.inject(Fault.delay(30), path=WORKLOADS)
    with pytest.raises(httpx.ReadTimeout):
        httpx.get(server.url(WORKLOADS), headers=server.auth_headers(), timeout=0.1)

    started = time.monotonic()
    server.stop()
    assert time.monotonic() - started < 5  # the delayed request did not hold the shutdown up
    assert not server.running
    assert f"uvicorn-{port}" not in {t.name for t in threading.enumerate()}
    with pytest.raises(ConnectionRefusedError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass


# -- the operations -------------------------------------------------------------------------------


def test_departments_and_projects(client: httpx.Client) -> None:
    dept = {"name": "robotics", "clusterId": CLUSTER_ID,
            "resources": [{"nodePool": {"name": "default"}, "gpu": {"deserved": 2}}]}
    created = client.post("/api/v1/org-unit/departments", json=dept)
    assert created.status_code == 201
    dept_id = created.json()["id"]
    assert created.headers["location"] == f"/api/v1/org-unit/departments/{dept_id}"
    assert client.post("/api/v1/org-unit/departments", json=dept).status_code == 409
    bad = client.post("/api/v1/org-unit/departments", json={"name": "Bad Name", "clusterId": "nope"})
    assert bad.status_code == 400 and set(bad.json()["details"]) == {"name", "clusterId"}

    project = client.post("/api/v1/org-unit/projects",
                          json={"name": "arms", "parentId": dept_id, "clusterId": CLUSTER_ID})
    assert project.status_code == 201
    project_id = project.json()["id"]
    assert project.json()["namespace"] == "cp-arms"
    assert client.get(f"/api/v1/org-unit/departments/{dept_id}").json()["children"] == [
        {"id": project_id, "name": "arms", "kind": "project", "children": []}]
    assert client.delete(f"/api/v1/org-unit/departments/{dept_id}").status_code == 409

    updated = client.put(f"/api/v1/org-unit/projects/{project_id}", json={"description": "robot arms"})
    assert updated.json()["description"] == "robot arms"
    page = client.get("/api/v1/org-unit/projects", params={"sortBy": "name", "sortOrder": "desc", "limit": 2})
    assert [p["name"] for p in page.json()["projects"]] == ["train-vision", "train-speech"] and page.json()["next"] == 2
    filtered = client.get("/api/v1/org-unit/projects", params={"filterBy": f"clusterId=={CLUSTER_ID},name=@ar"})
    assert [p["name"] for p in filtered.json()["projects"]] == ["arms"]
    assert client.get("/api/v1/org-unit/projects", params={"filterBy": "name~x"}).status_code == 400

    renamed = client.put(f"/api/v1/org-unit/departments/{dept_id}", json={**dept, "name": "robots"})
    assert renamed.json()["name"] == "robots" and renamed.json()["updatedAt"]
    assert client.delete(f"/api/v1/org-unit/projects/{project_id}").status_code == 204
    assert client.get(f"/api/v1/org-unit/projects/{project_id}").status_code == 404
    assert client.delete(f"/api/v1/org-unit/departments/{dept_id}").status_code == 204
    assert client.get(f"/api/v1/org-unit/departments/{dept_id}").status_code == 404
    names = [d["name"] for d in client.get("/api/v1/org-unit/departments").json()["departments"]]
    assert names == ["platform", "research"]

    legacy = client.get(f"/v1/k8s/clusters/{CLUSTER_ID}/projects")
    assert legacy.headers["deprecation"] == "true"
    assert [(p["id"], p["department"]["name"]) for p in legacy.json()] == [(42, "research"), (43, "research")]
    assert client.get("/api/v1/clusters").json()[0] == {"uuid": CLUSTER_ID, "name": "gpu-east"}
    assert client.get("/api/v1/clusters", params={"verbosity": "full"}).json()[0]["status"] == "Connected"


def test_workload_lifecycle(client: httpx.Client) -> None:
    submitted = client.post(WORKLOADS, json=SUBMIT)
    assert submitted.status_code == 202
    workload = submitted.json()
    assert submitted.headers["location"] == f"{WORKLOADS}/{workload['id']}"
    assert (workload["phase"], workload["submittedBy"], workload["projectName"]) == ("Creating", CLIENT_ID,
                                                                                     "train-vision")
    assert client.post(WORKLOADS, json=SUBMIT).status_code == 409
    url = f"{WORKLOADS}/{workload['id']}"

    suspended = client.post(f"{url}/suspend")
    assert suspended.status_code == 202 and suspended.json()["requestId"] == suspended.headers["x-request-id"]
    assert client.get(url).json()["phase"] == "Suspended"
    assert client.post(f"{url}/suspend").status_code == 409
    assert client.post(f"{url}/resume").status_code == 202
    assert client.post(f"{url}/resume").status_code == 409
    assert client.get(f"{WORKLOADS}/count").json() == {"count": 3}
    assert client.delete(url).status_code == 202
    assert client.delete(url).status_code == 404
    assert client.get(f"{WORKLOADS}/count").json() == {"count": 2}
    assert client.get(f"{WORKLOADS}/count", params={"deleted": "true"}).json() == {"count": 4}
    assert client.get(f"{WORKLOADS}/{uuid.uuid4()}").status_code == 404

    reasons = [e["reason"] for e in client.get(f"{url}/events").json()["events"]]
    assert reasons == ["Submitted", "Suspended", "Resumed", "Deleting"]
    newest = client.get(f"{url}/events", params={"sortOrder": "desc", "limit": 1}).json()
    assert [e["reason"] for e in newest["events"]] == ["Deleting"] and newest["next"] == 1

    recent = client.get(WORKLOADS, params={"from": "2024-05-02T00:00:00Z"}).json()["workloads"]
    assert [w["name"] for w in recent] == ["notebook"]
    assert client.get(WORKLOADS, params={"deleted": "maybe"}).status_code == 400
    logs = client.get(f"{WORKLOADS}/{WORKLOAD_ID}/logs", params={"tailLines": 2})
    assert logs.headers["content-type"].startswith("text/plain")
    assert logs.text.splitlines()[-1].endswith("café") and len(logs.text.splitlines()) == 2
    with client.stream("GET", f"{WORKLOADS}/{WORKLOAD_ID}/logs", params={"follow": "true"}) as stream:
        assert len(list(stream.iter_lines())) == 5


def test_nodes_node_pools_and_audit_logs(client: httpx.Client) -> None:
    nodes = client.get("/api/v1/nodes", params={"filterBy": "gpuCount>=4,status==Ready"}).json()
    assert [n["name"] for n in nodes["nodes"]] == ["gpu-node-1", "gpu-node-2"]
    pools = client.get("/api/v1/node-pools", params={"clusterId": CLUSTER_ID}).json()
    assert [p["name"] for p in pools] == ["default", "a100"]
    updated = client.put("/api/v1/node-pools/3", json={"overProvisioningRatio": 2, "placementStrategy": {"cpu": "spread"}})
    assert updated.status_code == 200
    assert updated.json()["placementStrategy"] == {"gpu": "binpack", "cpu": "spread"}
    assert client.get("/api/v1/node-pools/3").json()["overProvisioningRatio"] == 2
    assert client.put("/api/v1/node-pools/3", json={"color": "red"}).status_code == 400
    assert client.put("/api/v1/node-pools/3", json={"overProvisioningRatio": 9}).status_code == 400
    assert client.get("/api/v1/node-pools/99").status_code == 404

    audit = client.get("/api/v1/audit/logs", params=[("from", "2024-05-01T00:00:00Z"), ("action", "Update"),
                                                     ("action", "Login")]).json()
    assert [(e["action"], e["entityType"], e["user"]) for e in audit["logs"]] == [
        ("Login", "session", None), ("Update", "nodePool", CLIENT_ID)]
    assert audit["timeRange"] == {"from": "2024-05-01T00:00:00Z", "to": None}
    assert client.get("/api/v1/audit/logs").status_code == 400

    csv_answer = client.get("/api/v1/audit/logs/download",
                            params={"from": "2024-05-01T00:00:00Z", "to": "2024-05-02T00:00:00Z"})
    assert csv_answer.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(csv_answer.text)))
    assert rows == [["timestamp", "user", "action", "entityType", "entityId"],
                    ["2024-05-01T10:00:00Z", "alice@example.com", "Create", "project", "42"],
                    ["2024-05-01T11:00:00Z", "bob@example.com", "Delete", "workload",
                     "5b5b5b5b-0000-4000-8000-000000000001"]]
