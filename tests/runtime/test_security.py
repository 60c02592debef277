"""Security and reliability regressions, in every client kind, against real loopback servers.

Each test reproduces one way a client could betray its user: a credential in a log line
or an error, an argument that changes which endpoint is called, a body sent in clear
text, a header that smuggles a second request, callers starved by a refresh.
"""

from __future__ import annotations

import json
import logging
import secrets
from typing import Any

import pytest
from specloom_runtime import AuthenticationError, ServerError

from tests.runtime.harness import CLUSTERS, TOKEN, Harness, list_clusters
from tests.servers import CLIENT_ID, CLIENT_SECRET, ControlPlaneServer, Fault

#: Not JWTs, and not in a credential position where a pattern would catch them: only knowing them masks them.
BEARER = f"tok-{secrets.token_hex(12)}"


def echoing(secret: str, session: str) -> Fault:
    """A 500 that echoes ``secret`` in its message and in a header, and sets a session cookie."""
    return Fault.status(500, body={"message": f"bad credentials in header Authorization: Bearer {secret} ({secret})"},
                        headers={"set-cookie": f"session={session}; Path=/; HttpOnly", "x-echo": secret})


def leaks(texts: dict[str, str], hidden: dict[str, str]) -> list[str]:
    return [f"{what} in {where}" for where, text in texts.items() for what, secret in hidden.items() if secret in text]


# -- 1. logs ---------------------------------------------------------------------------------------


def test_no_logger_of_the_stack_logs_a_credential(h: Harness, server: ControlPlaneServer,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)  # the user's own root handler, at DEBUG
    session = f"sess-{secrets.token_hex(12)}"
    server.inject(echoing(BEARER, session), method="GET", path=CLUSTERS)
    client = h.client(bearer_token=BEARER, debug=True, max_retries=0)

    with pytest.raises(ServerError):
        h.run(client, list_clusters)

    names = {r.name for r in caplog.records}
    assert {"httpcore.http11", "httpcore.connection", "httpx", "specloom"} <= names, names
    texts = {"captured log": caplog.text}
    texts.update({f"record {i} ({r.name})": r.getMessage() for i, r in enumerate(caplog.records)})
    assert leaks(texts, {"bearer token": BEARER, "session cookie": session}) == []


# -- 2. errors -------------------------------------------------------------------------------------


def test_a_credential_echoed_by_the_server_is_masked_in_the_error(h: Harness, server: ControlPlaneServer) -> None:
    server.inject(echoing(BEARER, "s"), method="GET", path=CLUSTERS)
    client = h.client(bearer_token=BEARER, max_retries=0)

    with pytest.raises(ServerError) as info:
        h.run(client, list_clusters)

    error = info.value
    texts = {"str": str(error), "repr": repr(error), "message": error.message, "args": repr(error.args)}
    assert leaks(texts, {"bearer token": BEARER}) == []
    assert "bad credentials in header Authorization" in error.message
    assert BEARER in json.dumps(error.body), "the body stays as the server sent it"


def test_a_client_secret_echoed_by_the_token_endpoint_is_masked_in_the_error(
        h: Harness, server: ControlPlaneServer) -> None:
    echoed = json.dumps({"grantType": "client_credentials", "clientID": CLIENT_ID, "clientSecret": CLIENT_SECRET})
    server.inject(Fault.status(400, body={"message": f"malformed request {echoed}".replace('"', "'")}),
                  method="POST", path=TOKEN)
    client = h.credentials_client()

    with pytest.raises(AuthenticationError) as info:
        h.run(client, list_clusters)

    error = info.value
    texts = {"str": str(error), "repr": repr(error), "message": error.message}
    assert leaks(texts, {"client secret": CLIENT_SECRET}) == []
    assert str(error).startswith("the token request was refused (400): malformed request")


def test_an_access_token_echoed_by_the_server_is_masked_in_the_error(h: Harness, server: ControlPlaneServer) -> None:
    client = h.credentials_client(max_retries=0)
    h.run(client, list_clusters)
    issued = server.issued_tokens[-1].access_token
    server.inject(Fault.status(500, body={"message": f"token {issued[::-1]} / {issued}"}), method="GET", path=CLUSTERS)

    with pytest.raises(ServerError) as info:
        h.run(client, list_clusters)

    assert leaks({"str": str(info.value), "message": info.value.message}, {"access token": issued}) == []


# -- 9. what a new user meets first ----------------------------------------------------------------


def test_error_message_is_what_the_server_said(h: Harness, server: ControlPlaneServer) -> None:
    server.inject(Fault.status(409, body={"message": "Project p1 already exists."}), method="GET", path=CLUSTERS)
    client = h.bearer_client()

    with pytest.raises(Exception) as info:
        h.run(client, list_clusters)

    error: Any = info.value
    assert error.message == "Project p1 already exists."
    assert str(error).startswith(f"GET {CLUSTERS} -> 409: Project p1 already exists. (request id ")
