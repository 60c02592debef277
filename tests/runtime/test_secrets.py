"""Secrets never leak, in any client kind, down any error path, with every logger at DEBUG.

Checked: every log record (message and formatted traceback), ``repr`` of every client
(and its settings and auth), and ``repr``/``str`` of every error raised. The secrets: the
client secret, the bearer and API-key tokens, and every access token the server issued.
"""

from __future__ import annotations

import logging
import socket
import uuid
from collections.abc import Callable
from typing import Any

import hpack
import pytest
from specloom_runtime import ApiConnectionError, ConfigurationError, RequestOptions
from specloom_runtime.logs import redact

from tests.runtime.harness import CLUSTERS, WORKLOADS, Harness, list_clusters, submit, workload_body
from tests.servers import CLIENT_ID, CLIENT_SECRET, ControlPlaneServer, Fault


class Collected:
    """Every client built and every error raised during the test."""

    def __init__(self, h: Harness) -> None:
        self.h = h
        self.clients: list[Any] = []
        self.errors: list[BaseException] = []

    def client(self, **settings: Any) -> Any:
        client = self.h.client(debug=True, **settings)
        self.clients.append(client)
        return client

    def fails(self, client: Any, fn: Callable[[Any], Any]) -> BaseException:
        try:
            self.h.run(client, fn)
        except Exception as exc:  # noqa: BLE001 - any error: its text is checked below
            self.errors.append(exc)
            return exc
        raise AssertionError("the call was expected to fail")

    def refused(self, **settings: Any) -> None:
        with pytest.raises(ConfigurationError) as info:
            self.h.client(debug=True, **settings)
        self.errors.append(info.value)


def test_no_secret_in_logs_reprs_or_errors(h: Harness, server: ControlPlaneServer,
                                           caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    bearer = server.mint_token()
    api_key = server.mint_token()
    seen = Collected(h)
    quick = {"retry_backoff": 0.01, "retry_backoff_cap": 0.02, "timeout": 0.3}

    # A token request refused (wrong secret).
    seen.fails(seen.client(client_id=CLIENT_ID, client_secret=CLIENT_SECRET + "-wrong"), list_clusters)
    # Client credentials: a good call, then 401s (refresh, replay, refused again).
    credentials = seen.client(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, **quick)
    try:
        h.run(credentials, list_clusters)
    except Exception as exc:  # noqa: BLE001 - also checked below, whatever it is
        seen.errors.append(exc)
    server.inject(Fault.status(401), method="GET", path=CLUSTERS, times=2)
    seen.fails(credentials, list_clusters)
    # A bearer token and an API key refused.
    with_bearer = seen.client(bearer_token=bearer, **quick)
    with_key = seen.client(api_key=api_key, **quick)
    server.inject(Fault.status(401), method="GET", path=CLUSTERS, times=2)
    seen.fails(with_bearer, list_clusters)
    seen.fails(with_key, list_clusters)
    # 404, 422, 500 (after retries), timeout, connection reset.
    seen.fails(with_bearer, lambda c: c.workloads.workloads.get_workload(workload_id=uuid.uuid4()))
    key = RequestOptions(idempotency_key=f"key-{uuid.uuid4()}")
    h.run(with_bearer, submit(request_options=key))
    seen.fails(with_bearer, submit(request_options=key))
    server.inject(Fault.server_error(), method="GET", path=CLUSTERS, times=4)
    seen.fails(with_bearer, list_clusters)
    server.inject(Fault.delay(2), method="GET", path=CLUSTERS, times=4)
    seen.fails(seen.client(bearer_token=bearer, max_retries=0, timeout=0.3), list_clusters)
    server.inject(Fault.reset(), method="POST", path=WORKLOADS)
    seen.fails(with_bearer, submit())
    # An argument that cannot be encoded.
    seen.fails(with_bearer, submit(workload_body(spec={"image": "x", "compute": {"gpuPortionRequest": float("inf")}})))
    # Configuration errors that hold a secret in the refused settings.
    seen.refused(bearer_token=bearer, client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    seen.refused(bearer_token=bearer, headers={"Authorization": f"Bearer {bearer}"})
    seen.refused(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, max_retries=-1)
    seen.refused(base_url="http://cp.example.com", bearer_token=bearer)
    seen.fails(with_bearer, lambda c: c.organizations.clusters.get_clusters(
        request_options=RequestOptions(headers={"Authorization": f"Bearer {bearer}"})))

    secrets = {"client secret": CLIENT_SECRET, "bearer token": bearer, "api key": api_key}
    secrets.update({f"issued token {i}": t.access_token for i, t in enumerate(server.issued_tokens)})
    assert len(seen.errors) >= 14
    assert any(r.name == "specloom" and r.levelno == logging.DEBUG for r in caplog.records), "debug lines were logged"
    texts = {"log": caplog.text}
    texts.update({f"log record {i} ({r.name})": r.getMessage() for i, r in enumerate(caplog.records)})
    for i, client in enumerate(seen.clients):
        texts[f"repr(client {i})"] = repr(client)
        texts[f"repr(client {i}.config)"] = repr(client.config)
    for i, error in enumerate(seen.errors):
        texts[f"repr(error {i}: {type(error).__name__})"] = repr(error)
        texts[f"str(error {i}: {type(error).__name__})"] = str(error)
    leaks = [f"{what} in {where}" for where, text in texts.items() for what, secret in secrets.items()
             if secret in text]
    assert leaks == []


def test_proxy_credentials_are_masked(h: Harness, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens there once closed
    secret = "pr0xy-s3cret"
    client = h.client(base_url="https://cp.example.com", bearer_token="t", max_retries=0, debug=True,
                      proxy=f"http://user:{secret}@127.0.0.1:{port}", proxy_headers={"Proxy-Authorization": secret})

    with pytest.raises(ApiConnectionError) as info:
        h.run(client, list_clusters)

    texts = {"repr(client)": repr(client), "repr(client.config)": repr(client.config), "log": caplog.text,
             "str(error)": str(info.value), "repr(error)": repr(info.value)}
    assert [where for where, text in texts.items() if secret in text] == []


@pytest.mark.parametrize("line", [
    "HTTP Request: GET https://api.example.com/books?api-key=k1&list=x",
    "HTTP Request: GET https://api.example.com/books?api_key=k1&list=x",
    "HTTP Request: GET https://api.example.com/books?access_token=k1",
    'token request refused: {"clientSecret": "k1"}',
    "send_request_headers.started request=<Request [b'GET']> headers=[(b'X-API-Key', b'k1')]",
    "Cookie: session=k1",
    "Adding b'cookie'=b'session=k1' to the header table, sensitive:False, huffman:True",  # hpack, over HTTP/2
])
def test_a_short_secret_in_a_credential_position_is_masked(line: str) -> None:
    # Too short to be masked wherever it occurs, but where it stands it can only be a credential.
    assert "k1" not in redact(line)


def test_hpack_header_blocks_are_masked_whole() -> None:
    # Over HTTP/2, hpack's DEBUG lines print each encoded (and decoded) header block: its Huffman code hides
    # nothing, as decoding the block back shows.
    block = hpack.Encoder().encode([(b"authorization", b"Bearer k1k1k1k1k1k1")])
    assert hpack.Decoder().decode(block) == [("authorization", "Bearer k1k1k1k1k1k1")]

    for said in ("Encoded header block to", "Decoding"):
        assert redact(f"{said} {block!r}") == f"{said} b'***'"
