"""Built-in authentication: client credentials with refresh, bearer tokens, CLI config, API keys.

Each is an ``httpx.Auth``: its flow may yield a token request before the real
one and replay the real one once after a 401, and httpx runs that flow under
the sync and the async client alike. Token state is shared by every thread or
task using the client; refreshing is single-flight (one lock per client for
threads, one per event loop for tasks), so N callers holding an expired token
cause one token request.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import AsyncGenerator, Callable, Generator
from pathlib import Path
from typing import TYPE_CHECKING

import httpx

from .config import ClientConfig
from .errors import AuthenticationError, ConfigurationError, TokenUnavailable, error_for, request_id_of
from .hookspecs import hookimpl
from .jwt import jwt_expiry
from .logs import remember_secret
from .request import can_resend
from .retry import retry_after_seconds
from .security import REQUIREMENTS

if TYPE_CHECKING:
    import asyncio

    from .call import Call

DEFAULT_CLI_CONFIG = Path("~/.runai")


class BearerAuth(httpx.Auth):
    """A fixed bearer token (from settings or a CLI login)."""

    def __init__(self, token: str, header: str = "Authorization", scheme: str | None = "Bearer") -> None:
        self._value = f"{scheme} {token}" if scheme else token
        self._header = header

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers[self._header] = self._value
        yield request

    def __repr__(self) -> str:
        return f"{type(self).__name__}(header={self._header!r}, token='***')"


class ClientCredentialsAuth(httpx.Auth):
    """Exchanges client credentials for an access token at the control plane's token endpoint.

    The token is refreshed ``refresh_margin`` seconds before it expires (its
    JWT ``exp``, else the ``expiresIn`` of the token answer) and once after a
    401, after which the request is replayed once.
    """

    requires_response_body = True

    def __init__(self, config: ClientConfig, clock: Callable[[], float] = time.time, *, url: str | None = None) -> None:
        """``url``: a token endpoint of the caller's own (a subclass's), else the package's (``config.token_request``)."""
        assert config.client_id and config.client_secret
        self._url, self._body = (url, {}) if url is not None else config.token_request()
        self._timeout = config.timeout.as_dict()
        self._margin = config.refresh_margin if config.auto_refresh else None
        self._clock = clock
        self._token: str | None = None
        self._expires: float | None = None
        self._lock = threading.Lock()
        self._async_locks: dict[asyncio.AbstractEventLoop, asyncio.Lock] = {}
        #: How many token requests this auth has made (tests and metrics read it).
        self.token_requests = 0
        # The outcome of the last token request, shared with every caller that waited for it.
        self._settled = 0  # token requests finished, whatever their outcome
        self._failure: Exception | None = None
        self._failures_in_a_row = 0
        self._held_until = 0.0
        self._backoff, self._backoff_cap = config.retry_backoff, config.retry_backoff_cap

    def __repr__(self) -> str:
        return f"{type(self).__name__}(url={self._url!r}, client_secret='***')"

    # -- the decisions, shared by both flows --------------------------------------------

    def _fresh(self) -> bool:
        if self._token is None:
            return False
        if self._margin is None or self._expires is None:
            return True
        return self._clock() < self._expires - self._margin

    def _token_request(self) -> httpx.Request:
        self.token_requests += 1
        return httpx.Request("POST", self._url, json=self._body, extensions={"timeout": self._timeout})

    def _raise_shared_failure(self, seen: int) -> None:
        """Raise the failure of the token request this caller waited for (``seen``: requests settled before
        it waited), or of one so recent that a new request would only hammer the endpoint."""
        if self._failure is None or (self._settled == seen and time.monotonic() >= self._held_until):
            return
        raise _again(self._failure)

    def _settle(self, answer: httpx.Response) -> None:
        """Keep the token of ``answer``, or keep its failure for the callers waiting and raise it."""
        self._settled += 1
        try:
            if _transient(answer):
                raise TokenUnavailable(f"the token endpoint answered {answer.status_code}", response=answer)
            self._store(answer)
        except (TokenUnavailable, AuthenticationError) as exc:
            self._failed(exc)
            raise
        self._failure, self._failures_in_a_row = None, 0

    def _abandoned(self, stop: GeneratorExit) -> None:
        """The token request raised: httpx closes the flow, and under the sync client the error is the
        context of the close (under the async one there is none, and cancellation is told apart first)."""
        cause = stop.__context__
        if cause is None or isinstance(cause, httpx.TransportError):
            self._settled += 1
            named = f": {type(cause).__name__}: {cause}" if cause is not None else " without an answer"
            self._failed(TokenUnavailable(f"the token request failed{named}"))

    def _failed(self, failure: Exception) -> None:
        self._failure = failure
        self._failures_in_a_row += 1
        if not isinstance(failure, TokenUnavailable):
            self._held_until = 0.0
            return
        # The wait the retry plugin gives a caller at least (the answer's Retry-After, else the fixed half of
        # the backoff): a caller's own retry is never refused by the hold, but callers retrying together
        # after a failure share the next token request instead of each sending one.
        wait = retry_after_seconds(failure.response) if failure.response is not None else None
        if wait is None:
            wait = min(self._backoff_cap, self._backoff * 2.0 ** (self._failures_in_a_row - 1)) / 2
        self._held_until = time.monotonic() + wait

    def _store(self, response: httpx.Response) -> None:
        if not response.is_success:
            error = error_for(response, request_id=request_id_of(response))
            raise AuthenticationError(
                f"the token request was refused ({response.status_code}): {error.message}",
                response=response,
                server_message=error.message,
                code=error.code,
                details=error.details,
                request_id=error.request_id,
            )
        try:
            data = response.json()
            token = data.get("accessToken") or data.get("access_token")
            lifetime = data.get("expiresIn", data.get("expires_in"))
        except (ValueError, AttributeError, RecursionError):
            token = lifetime = None
        if not isinstance(token, str) or not token:
            raise AuthenticationError("the token endpoint answered without an access token", response=response)
        remember_secret(token)
        self._token = token
        expiry = jwt_expiry(token)
        if expiry is None and isinstance(lifetime, (int, float)):
            expiry = self._clock() + float(lifetime)
        self._expires = expiry

    def _authorize(self, request: httpx.Request) -> str:
        assert self._token is not None
        request.headers["Authorization"] = f"Bearer {self._token}"
        return self._token

    # -- flows --------------------------------------------------------------------------------

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        seen = self._settled
        if self._fresh():
            # The usual case, without the lock: threads calling at once would queue on it for every call.
            # A token is only ever replaced by another valid one (never unset), so one read without the
            # lock may at worst use the token a refresh is replacing: a 401 then refreshes as below.
            used = self._authorize(request)
        else:
            with self._lock:
                if not self._fresh():
                    yield from self._fetch_sync(seen)
                used = self._authorize(request)
        response = yield request
        if response.status_code == 401 and can_resend(request):  # an iterator's body cannot be replayed: the 401 stands
            # Read (so its connection goes back to the pool) before waiting: the refresh may need it.
            response.read()
            seen = self._settled
            with self._lock:
                if self._token == used:  # nobody refreshed since: this token is the one refused
                    yield from self._fetch_sync(seen)
                self._authorize(request)
            yield request

    def _fetch_sync(self, seen: int) -> Generator[httpx.Request, httpx.Response, None]:
        self._raise_shared_failure(seen)
        try:
            answer = yield self._token_request()
        except GeneratorExit as stop:
            self._abandoned(stop)
            raise
        answer.read()
        self._settle(answer)

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        # The same steps as sync_auth_flow. An async generator cannot delegate with "yield from",
        # so the fetch is written once, in a loop of at most two passes: the first sends with a
        # fresh token, the second (after a 401) with a new one unless another caller got it already.
        lock = self._async_lock()
        refused: str | None = None
        while True:
            seen = self._settled
            async with lock:
                # After a 401: only if nobody refreshed since, as the refused token is still the one held.
                stale = not self._fresh() if refused is None else self._token == refused
                if stale:
                    self._raise_shared_failure(seen)
                    try:
                        answer = yield self._token_request()
                    except GeneratorExit as stop:
                        if not _cancelled():
                            self._abandoned(stop)
                        raise
                    await answer.aread()
                    self._settle(answer)
                used = self._authorize(request)
            response = yield request
            if refused is not None or response.status_code != 401 or not can_resend(request):
                return
            await response.aread()  # so its connection goes back to the pool before waiting
            refused = used

    def _async_lock(self) -> asyncio.Lock:
        import asyncio  # only async clients get here; sync users never import asyncio

        loop = asyncio.get_running_loop()
        lock = self._async_locks.get(loop)
        if lock is None:
            # One lock per event loop: an asyncio.Lock cannot be shared between loops.
            self._async_locks = {loop: asyncio.Lock()}
            lock = self._async_locks[loop]
        return lock


def _transient(response: httpx.Response) -> bool:
    """A token answer worth retrying (429, 5xx): the retry loop gets it as a :class:`TokenUnavailable`."""
    return response.status_code == 429 or response.status_code >= 500


def _cancelled() -> bool:
    """The current task is being cancelled: its token request did not fail, the callers waiting may send one."""
    import asyncio

    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0


def _again(failure: Exception) -> Exception:
    """A shared failure as a new exception for one more caller (one object raised in many threads
    would collect all their tracebacks)."""
    if isinstance(failure, AuthenticationError):
        return AuthenticationError(str(failure), response=failure.response, code=failure.code, details=failure.details,
                                   request_id=failure.request_id, server_message=failure.message)
    return TokenUnavailable(f"{failure} (a token request shared with other callers)", getattr(failure, "response", None))


def read_cli_config(folder: str | Path | bool) -> dict[str, str | None]:
    """Token, control-plane URL and cluster id from a CLI login (authentication.json + config.json)."""
    base = (DEFAULT_CLI_CONFIG if folder is True else Path(str(folder))).expanduser()
    found: dict[str, str | None] = {"token": None, "base_url": None, "cluster_id": None}
    try:
        auth = json.loads((base / "authentication.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigurationError(f"cannot read {base / 'authentication.json'}: {type(exc).__name__}; run the CLI's login first") from None
    token = auth.get("accessToken") or auth.get("access_token") if isinstance(auth, dict) else None
    if not isinstance(token, str) or not token:
        raise ConfigurationError(f"{base / 'authentication.json'} holds no accessToken; run the CLI's login again")
    found["token"] = token
    try:
        settings = json.loads((base / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        settings = {}
    if isinstance(settings, dict):
        control_plane = settings.get("control_plane") or settings.get("controlPlane") or {}
        cluster = settings.get("cluster") or {}
        if isinstance(control_plane, dict) and isinstance(control_plane.get("url"), str):
            found["base_url"] = control_plane["url"]
        if isinstance(cluster, dict) and isinstance(cluster.get("uuid"), str):
            found["cluster_id"] = cluster["uuid"]
    return found


class AuthPlugin:
    """Chooses the auth from the settings: bearer token, client credentials, CLI config or API key."""

    @hookimpl
    def prepare_request(self, call: Call, request: httpx.Request) -> None:
        if call.operation.security is not None:  # what SecurityAuth reads to choose the credentials
            request.extensions[REQUIREMENTS] = call.operation.security

    @hookimpl
    def configure(self, config: ClientConfig) -> None:
        if config.cli_config and config.bearer_token is None and not config.client_id:
            cli = read_cli_config(config.cli_config)
            config.bearer_token = cli["token"]
            if cli["base_url"] and not config.base_url:
                config.base_url = cli["base_url"].rstrip("/")
            if cli["cluster_id"] and config.cluster_id is None:
                config.cluster_id = cli["cluster_id"]
        if config.api_key is None and config.api_key_env:
            config.api_key = os.environ.get(config.api_key_env) or None
            if config.api_key is None:
                raise ConfigurationError(f"the environment variable {config.api_key_env} holding the API key is not set")

    @hookimpl(trylast=True)
    def auth_flow(self, config: ClientConfig) -> httpx.Auth | None:
        schemes = config.security_schemes
        if schemes:  # the spec's schemes decide (specloom_runtime.credentials)
            from .credentials import appliers
            from .security import SecurityAuth

            found = appliers(config, schemes)
            return SecurityAuth(found) if found else None
        if config.credentials:
            raise ConfigurationError(
                "credentials= names security schemes, but "
                + ("this API's spec declares none: pass bearer_token, api_key or username/password" if schemes is not None
                   else "this package was generated without its spec's schemes; regenerate it with this specloom")
            )
        # The spec says nothing of authentication (many real ones do not): what the client is given goes on every call.
        if config.username is not None and config.password is not None:
            return httpx.BasicAuth(config.username, config.password)
        if config.bearer_token:
            return BearerAuth(config.bearer_token)
        if config.client_id and config.client_secret:
            return ClientCredentialsAuth(config)
        if config.api_key:
            scheme = "Bearer" if config.api_key_header.lower() == "authorization" else None
            return BearerAuth(config.api_key, header=config.api_key_header, scheme=scheme)
        return None
