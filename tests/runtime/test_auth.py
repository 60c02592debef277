"""Authentication in every client kind: each way of getting a token, proactive refresh, 401 handling."""

from __future__ import annotations

import json
import time
from collections.abc import Generator
from pathlib import Path

import httpx
import pytest
from specloom_runtime import AuthenticationError, ConfigurationError, TokenExchange, hookimpl

from tests.runtime.harness import CLUSTERS, TOKEN, Harness, list_clusters, sleep_until
from tests.servers import APP_ID, APP_SECRET, CLIENT_ID, CLIENT_SECRET, CLUSTER_ID, ControlPlaneServer, Fault


def api_requests(server: ControlPlaneServer) -> list[str | None]:
    """The Authorization header of every request that was not a token request."""
    return [e.header("authorization") for e in server.requests if e.template != TOKEN]


def test_client_credentials_obtain_a_token_and_calls_succeed(h: Harness, server: ControlPlaneServer) -> None:
    client = h.credentials_client()

    clusters = h.run(client, list_clusters)
    h.run(client, list_clusters)

    assert [str(c.uuid) for c in clusters][:1] == [CLUSTER_ID]
    assert server.token_request_count("client_credentials") == 1
    token_request = server.requests_to("POST", TOKEN)[0]
    assert token_request.status == 200
    assert json.loads(token_request.body)["grantType"] == "client_credentials"
    issued = server.issued_tokens[-1].access_token
    assert api_requests(server) == [f"Bearer {issued}"] * 2


def test_legacy_app_token_grant(h: Harness, server: ControlPlaneServer) -> None:
    client = h.client(client_id=APP_ID, client_secret=APP_SECRET, grant="app_token")

    h.run(client, list_clusters)

    assert server.token_request_count("app_token") == 1
    assert server.token_request_count() == 1
    assert server.requests_to("GET", CLUSTERS)[0].status == 200


def test_bearer_token(h: Harness, server: ControlPlaneServer) -> None:
    token = server.mint_token()
    client = h.client(bearer_token=token)

    h.run(client, list_clusters)

    assert server.token_request_count() == 0
    assert api_requests(server) == [f"Bearer {token}"]


def test_api_key_from_the_environment(h: Harness, server: ControlPlaneServer, monkeypatch: pytest.MonkeyPatch) -> None:
    token = server.mint_token()
    monkeypatch.setenv("CP_RUNTIME_TEST_API_KEY", token)
    client = h.client(api_key_env="CP_RUNTIME_TEST_API_KEY")

    h.run(client, list_clusters)

    assert api_requests(server) == [f"Bearer {token}"]
    assert token not in repr(client)


def test_api_key_env_not_set_is_a_configuration_error(h: Harness, server: ControlPlaneServer,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CP_RUNTIME_TEST_API_KEY", raising=False)
    with pytest.raises(ConfigurationError, match="CP_RUNTIME_TEST_API_KEY"):
        h.client(api_key_env="CP_RUNTIME_TEST_API_KEY")
    assert server.requests == []


def test_cli_config_folder_gives_token_url_and_cluster(h: Harness, server: ControlPlaneServer, tmp_path: Path) -> None:
    token = server.mint_token()
    (tmp_path / "authentication.json").write_text(json.dumps({"accessToken": token}))
    (tmp_path / "config.json").write_text(json.dumps({"control_plane": {"url": server.base_url},
                                                      "cluster": {"uuid": CLUSTER_ID}}))
    client = h.client(base_url=None, cli_config=tmp_path)

    h.run(client, list_clusters)

    assert client.base_url == server.base_url
    assert client.config.cluster_id == CLUSTER_ID
    assert api_requests(server) == [f"Bearer {token}"]


def test_cli_config_without_a_login_is_a_configuration_error(h: Harness, tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="authentication.json"):
        h.client(base_url=None, cli_config=tmp_path)


class StaticTokenAuth(httpx.Auth):
    """A downstream identity provider: here, a token handed over once."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.flows = 0

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        self.flows += 1
        request.headers["Authorization"] = f"Bearer {self.token}"
        yield request


class IdentityProviderPlugin:
    def __init__(self, auth: httpx.Auth) -> None:
        self.auth = auth

    @hookimpl
    def auth_flow(self, config: object) -> httpx.Auth:
        return self.auth


def test_a_plugin_auth_flow_wins_over_client_credentials(h: Harness, server: ControlPlaneServer) -> None:
    auth = StaticTokenAuth(server.mint_token())
    client = h.credentials_client(plugins=[IdentityProviderPlugin(auth)])

    h.run(client, list_clusters)
    h.run(client, list_clusters)

    assert server.token_request_count() == 0
    assert api_requests(server) == [f"Bearer {auth.token}"] * 2
    assert auth.flows == 2


def test_token_is_refreshed_before_it_expires(h: Harness, server: ControlPlaneServer) -> None:
    server.token_lifetime = 2
    client = h.credentials_client(refresh_margin=1)

    h.run(client, list_clusters)
    first = server.issued_tokens[-1]
    # Inside the refresh margin, though the server would still accept the token.
    sleep_until(first.expires_at - 1 + 0.15)
    h.run(client, list_clusters)

    assert server.token_request_count() == 2
    assert [e.template for e in server.requests] == [TOKEN, CLUSTERS, TOKEN, CLUSTERS]
    assert [e.status for e in server.requests] == [200] * 4, "the refresh must come before any 401"
    assert api_requests(server) == [f"Bearer {first.access_token}", f"Bearer {server.issued_tokens[-1].access_token}"]


def test_a_401_refreshes_once_and_replays_once(h: Harness, server: ControlPlaneServer) -> None:
    client = h.credentials_client()
    h.run(client, list_clusters)
    server.revoke_tokens()

    h.run(client, list_clusters)

    assert server.token_request_count() == 2
    assert [e.status for e in server.requests_to("GET", CLUSTERS)] == [200, 401, 200]


def test_a_persistent_401_raises_after_exactly_one_replay(h: Harness, server: ControlPlaneServer) -> None:
    client = h.credentials_client()
    server.inject(Fault.status(401), method="GET", path=CLUSTERS, times=5)

    with pytest.raises(AuthenticationError) as info:
        h.run(client, list_clusters)

    assert info.value.status_code == 401
    assert len(server.requests_to("GET", CLUSTERS)) == 2
    assert server.token_request_count() == 2  # the first token, and one refresh after the 401


def test_a_refused_bearer_token_is_not_replayed(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client()
    server.revoke_tokens()

    with pytest.raises(AuthenticationError):
        h.run(client, list_clusters)

    assert len(server.requests_to("GET", CLUSTERS)) == 1
    assert server.token_request_count() == 0


def test_refused_client_credentials_raise_authentication_error(h: Harness, server: ControlPlaneServer) -> None:
    client = h.client(client_id=CLIENT_ID, client_secret=CLIENT_SECRET + "-wrong")

    started = time.monotonic()
    with pytest.raises(AuthenticationError) as info:
        h.run(client, list_clusters)

    assert time.monotonic() - started < 5
    assert info.value.status_code == 401
    assert server.requests_to("GET", CLUSTERS) == [], "nothing is sent without a token"
    assert server.token_request_count() == 1


def test_a_refused_token_request_error_carries_what_the_server_said(h: Harness, server: ControlPlaneServer) -> None:
    client = h.client(client_id=CLIENT_ID, client_secret=CLIENT_SECRET + "-wrong")

    with pytest.raises(AuthenticationError) as info:
        h.run(client, list_clusters)

    (token_request,) = server.requests_to("POST", TOKEN)
    assert "invalid client credentials" in info.value.message
    assert info.value.code == "invalid_client"
    assert info.value.request_id == token_request.request_id


#: A token endpoint that takes only the legacy grant, as Run:ai 2.18 and 2.19 do.
LEGACY_ONLY = TokenExchange(TOKEN, "grantType", (("app_token", "appID", "appSecret"),))


def test_client_credentials_are_sent_as_the_package_s_token_endpoint_spells_them(
        h: Harness, server: ControlPlaneServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(h.cls, "_token_exchange", LEGACY_ONLY)
    client = h.client(client_id=APP_ID, client_secret=APP_SECRET)  # no grant given: the endpoint's first

    h.run(client, list_clusters)

    assert json.loads(server.requests_to("POST", TOKEN)[0].body) == {
        "grantType": "app_token", "appID": APP_ID, "appSecret": APP_SECRET}
    assert server.requests_to("GET", CLUSTERS)[0].status == 200


def test_client_credentials_the_package_has_no_token_endpoint_for_are_refused_before_anything_is_sent(
        h: Harness, server: ControlPlaneServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(h.cls, "_token_exchange", None)
    with pytest.raises(ConfigurationError, match="client_id/client_secret fits no security scheme of this API .*"
                                                 "this API's spec names none"):
        h.build(client_id=CLIENT_ID, client_secret=CLIENT_SECRET)

    monkeypatch.setattr(h.cls, "_token_exchange", LEGACY_ONLY)
    with pytest.raises(ConfigurationError, match=r"grant 'client_credentials' is not one this API's token endpoint "
                                                 r"\(/api/v1/token\) takes: 'app_token'"):
        h.build(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, grant="client_credentials")
    assert server.requests == []
