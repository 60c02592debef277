"""The sans-IO decisions of the built-in plugins: retries, Retry-After, JWT expiry, auth flows."""

from __future__ import annotations

import base64
import email.utils
import json
import random
from typing import Any

import httpx
import pytest
from specloom_runtime import Call, ClientConfig, Operation, RequestOptions, TokenExchange, decode_none
from specloom_runtime.auth import ClientCredentialsAuth
from specloom_runtime.jwt import jwt_expiry
from specloom_runtime.retry import RetryPlugin, retry_after_seconds

#: The token endpoint of Run:ai 2.20 and later, as the generated package hands it over.
RUNAI_TOKEN_EXCHANGE = TokenExchange("/api/v1/token", "grantType", (("client_credentials", "clientID", "clientSecret"),
                                                                    ("app_token", "appID", "appSecret")))
CONFIG = ClientConfig(base_url="http://127.0.0.1:1", max_retries=3, retry_backoff=1.0, retry_backoff_cap=4.0, retry_after_cap=30.0)


def _call(method: str, *, key: str | None = None, config: ClientConfig = CONFIG) -> Call:
    call = Call(Operation(method=method, path="/x", operation_id="x", decode=decode_none), {}, RequestOptions(idempotency_key=key), config)
    request = httpx.Request(method, "http://127.0.0.1:1/x")
    RetryPlugin().prepare_request(call=call, request=request)
    return call


def _response(status: int, headers: dict[str, str] | None = None, body: Any = None) -> httpx.Response:
    return httpx.Response(status, headers=headers, json=body, request=httpx.Request("GET", "http://127.0.0.1:1/x"))


@pytest.mark.parametrize(
    ("method", "key", "status", "retried"),
    [
        ("GET", None, 503, True), ("GET", None, 429, True), ("PUT", None, 500, True), ("DELETE", None, 408, True),
        ("POST", None, 503, False), ("PATCH", None, 500, False), ("POST", "k", 503, True), ("PATCH", "k", 429, True),
        ("GET", None, 400, False), ("GET", None, 401, False), ("GET", None, 402, False), ("GET", None, 403, False),
        ("GET", None, 404, False), ("GET", None, 422, False), ("GET", None, 409, False), ("POST", "k", 409, False),
    ],
)
def test_what_is_retried(method: str, key: str | None, status: int, retried: bool) -> None:
    decision = RetryPlugin(random.Random(1)).retry_decision(call=_call(method, key=key), attempt=1, response=_response(status), error=None)
    assert (decision is not None) is retried


def test_conflict_retried_only_while_the_idempotent_request_is_in_progress() -> None:
    busy = _response(409, body={"code": "idempotency_in_progress", "message": "still in progress"})
    assert RetryPlugin().retry_decision(call=_call("POST", key="k"), attempt=1, response=busy, error=None) is not None
    assert RetryPlugin().retry_decision(call=_call("POST"), attempt=1, response=busy, error=None) is None


def test_transport_errors_retry_writes_only_when_nothing_was_sent() -> None:
    plugin = RetryPlugin()
    request = httpx.Request("POST", "http://127.0.0.1:1/x")
    assert plugin.retry_decision(call=_call("POST"), attempt=1, response=None, error=httpx.ConnectError("no", request=request)) is not None
    assert plugin.retry_decision(call=_call("POST"), attempt=1, response=None, error=httpx.ReadError("reset", request=request)) is None
    assert plugin.retry_decision(call=_call("GET"), attempt=1, response=None, error=httpx.ReadError("reset", request=request)) is not None


def test_backoff_is_capped_exponential_with_jitter_and_stops_after_max_retries() -> None:
    plugin, call = RetryPlugin(random.Random(7)), _call("GET")
    delays = [plugin.retry_decision(call=call, attempt=n, response=_response(503), error=None) for n in range(1, 5)]
    assert delays[3] is None
    for n, delay in enumerate(delays[:3], start=1):
        full = min(4.0, 2.0 ** (n - 1))
        assert delay is not None and full / 2 <= delay <= full


def test_retry_after_forms_and_cap() -> None:
    now = 1_700_000_000.0
    assert retry_after_seconds(_response(503, {"retry-after": "2.5"})) == 2.5
    assert retry_after_seconds(_response(503, {"retry-after-ms": "1500"})) == 1.5
    date = email.utils.formatdate(now + 10, usegmt=True)
    assert retry_after_seconds(_response(503, {"retry-after": date}), now=now) == pytest.approx(10, abs=1)
    assert retry_after_seconds(_response(503, {"retry-after": "soon"})) is None
    assert retry_after_seconds(_response(503, {"retry-after": "nan"})) is None
    plugin, call = RetryPlugin(), _call("GET")
    assert plugin.retry_decision(call=call, attempt=1, response=_response(429, {"retry-after": "3"}), error=None) == 3.0
    assert plugin.retry_decision(call=call, attempt=1, response=_response(429, {"retry-after": "120"}), error=None) is None


def test_idempotency_key_generated_once_per_call_for_idempotent_writes() -> None:
    config = ClientConfig(base_url="http://127.0.0.1:1", idempotent_writes=True)
    call = _call("POST", config=config)
    assert call.idempotency_key is not None
    assert _call("POST", config=config).idempotency_key != call.idempotency_key
    assert _call("GET", config=config).idempotency_key is None
    assert _call("POST", key="mine").idempotency_key == "mine"


def _jwt(claims: dict[str, Any]) -> str:
    def part(data: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    return f"{part({'alg': 'HS256'})}.{part(claims)}.sig"


def test_jwt_expiry_is_read_as_base64url() -> None:
    token = _jwt({"exp": 1234, "name": "Zoë ?>~~~"})
    assert "-" in token.split(".")[1] or "_" in token.split(".")[1]
    assert jwt_expiry(token) == 1234.0
    assert jwt_expiry("not-a-jwt") is None


def _token_response(request: httpx.Request, token: str) -> httpx.Response:
    return httpx.Response(200, json={"accessToken": token, "expiresIn": 3600}, request=request)


def test_client_credentials_flow_refreshes_before_expiry_and_once_after_401() -> None:
    now = [1000.0]
    config = ClientConfig(base_url="https://cp.example.com", client_id="id", client_secret="s3cr3t", refresh_margin=60,
                          token_exchange=RUNAI_TOKEN_EXCHANGE)
    auth = ClientCredentialsAuth(config, clock=lambda: now[0])
    request = httpx.Request("GET", "https://cp.example.com/x")
    flow = auth.sync_auth_flow(request)
    token_request = next(flow)
    assert json.loads(token_request.content) == {"grantType": "client_credentials", "clientID": "id", "clientSecret": "s3cr3t"}
    sent = flow.send(_token_response(token_request, _jwt({"exp": 1100})))
    assert sent.headers["authorization"] == f"Bearer {_jwt({'exp': 1100})}"
    with pytest.raises(StopIteration):
        flow.send(httpx.Response(200, request=sent))
    # 1050 is inside the 60 s margin before exp=1100: refreshed first.
    now[0] = 1050.0
    flow = auth.sync_auth_flow(httpx.Request("GET", "https://cp.example.com/x"))
    assert next(flow).url.path == "/api/v1/token"
    sent = flow.send(_token_response(token_request, _jwt({"exp": 5000})))
    # A 401 refreshes once and replays once.
    refresh = flow.send(httpx.Response(401, request=sent))
    assert refresh.url.path == "/api/v1/token"
    replay = flow.send(_token_response(refresh, _jwt({"exp": 6000})))
    assert replay.headers["authorization"] == f"Bearer {_jwt({'exp': 6000})}"
    with pytest.raises(StopIteration):
        flow.send(httpx.Response(401, request=replay))
    assert auth.token_requests == 3
    assert "s3cr3t" not in repr(auth) and "s3cr3t" not in repr(config)


def test_legacy_app_token_grant() -> None:
    config = ClientConfig(base_url="https://cp.example.com", client_id="app", client_secret="x", grant="app_token",
                          token_exchange=RUNAI_TOKEN_EXCHANGE)
    flow = ClientCredentialsAuth(config).sync_auth_flow(httpx.Request("GET", "https://cp.example.com/x"))
    assert json.loads(next(flow).content) == {"grantType": "app_token", "appID": "app", "appSecret": "x"}
