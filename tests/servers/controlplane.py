"""A real test control plane: the reference API 2.24 served over HTTP with tokens, faults and counters.

:class:`ControlPlaneServer` is an ASGI app (starlette requests and responses) and its
own loopback server (uvicorn in a thread, via :class:`tests.integration.servers.LoopbackServer`).
It implements every operation of ``specs/controlplane/2.24/openapi.yaml`` in memory
(:mod:`tests.servers.controlplane_api`) and adds what client tests need to prove
retry, auth and idempotency behaviour:

- HS256 JWTs from ``POST /api/v1/token`` (JSON) and ``POST /api/v2/token`` (form);
  every other operation but the CLI download (``security: []`` in the spec) needs
  ``Authorization: Bearer <jwt>``; missing, malformed, forged, expired or revoked
  tokens get 401 with an ``ErrorResponse`` body and a ``WWW-Authenticate`` header.
- Faults queued from the test (:meth:`ControlPlaneServer.inject`, see :mod:`tests.servers.faults`).
- ``Idempotency-Key`` on non-safe methods: executed at most once per key; a repeat
  gets the stored answer (``idempotent-replayed: true``), a repeat while the first is
  still running gets 409, a repeat with another method/path/body gets 422.
- Every answer carries a fresh ``x-request-id`` (a UUID); ``x-client-request-id`` is echoed.
- Counters and the log of every exchange, read through the Python API (thread-safe).

The pipeline of a request: record it -> take an arrival fault (status / reset / delay)
-> route (404/405) -> authenticate -> idempotency (replay / 409 / 422 / claim) -> take an
after-execute fault -> execute (counted) -> store the answer for the key -> apply the
after-execute fault -> answer.
"""

from __future__ import annotations

import asyncio
import hashlib
import http
import logging
import threading
import time
import uuid
from collections import Counter
from collections.abc import Mapping
from typing import Any

import attrs
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send

from tests.integration.servers import RecordedRequest, ServedApp
from tests.servers.connection_drop import drop_connection
from tests.servers.controlplane_api import (
    APP_ID,
    APP_SECRET,
    CLIENT_ID,
    CLIENT_SECRET,
    PATH_TEMPLATES,
    ROUTES,
    TOKEN_PATHS,
    ApiError,
    Call,
    ControlPlaneApi,
    Route,
    error_response,
    resolve,
    token_grant_type,
)
from tests.servers.faults import Fault, FaultPlan, FaultRule
from tests.servers.tokens import IssuedToken, TokenAuthority, TokenError

log = logging.getLogger(__name__)

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
NON_IDEMPOTENT_METHODS = frozenset({"POST", "PATCH"})
#: Every operation of the spec as ``(METHOD, path template)``.
OPERATIONS: tuple[tuple[str, str], ...] = tuple((r.method, r.template) for r in ROUTES)
DEFAULT_TOKEN_LIFETIME = 60.0
_FAULT_MESSAGES = {
    503: "The service is temporarily unavailable; try again later.",
    429: "Too many requests; slow down.",
    500: "Internal server error.",
    408: "The server timed out waiting for the request.",
}


@attrs.define(eq=False)
class Exchange:
    """One request the server received and what it did with it (mutable until answered)."""

    request: RecordedRequest
    #: The ``x-request-id`` of the answer.
    request_id: str
    #: ``time.monotonic()`` when the request (head and body) had arrived.
    received_at: float
    template: str | None = None
    operation_id: str | None = None
    #: The arrival fault applied, and the after-execute fault applied.
    fault: Fault | None = None
    after_fault: Fault | None = None
    #: The ``sub`` of the bearer token, once authenticated.
    subject: str | None = None
    executed: bool = False
    replayed: bool = False
    #: ``None`` while unanswered and when the connection was dropped (``dropped``).
    status: int | None = None
    dropped: bool = False
    response_headers: tuple[tuple[str, str], ...] = ()
    response_body: bytes = b""
    #: ``time.monotonic()`` and ``time.time()`` when the answer was handed over (or the connection dropped).
    answered_at: float | None = None
    answered_wall: float | None = None

    @property
    def method(self) -> str:
        return self.request.method

    @property
    def raw_path(self) -> str:
        return self.request.raw_path

    @property
    def body(self) -> bytes:
        return self.request.body

    @property
    def headers(self) -> tuple[tuple[str, str], ...]:
        return self.request.headers

    def header(self, name: str) -> str | None:
        """A request header (case-insensitive), ``None`` when absent."""
        return self.request.header(name)

    def response_header(self, name: str) -> str | None:
        wanted = name.lower()
        return next((value for key, value in self.response_headers if key == wanted), None)


@attrs.frozen
class Execution:
    """One execution of an operation's handler (what a client must not cause twice for a write)."""

    method: str
    template: str
    operation_id: str
    raw_path: str
    query_string: str
    body: bytes
    idempotency_key: str | None
    request_id: str
    subject: str | None
    #: ``time.monotonic()`` when it ran.
    at: float


@attrs.frozen
class StoredResponse:
    status: int
    raw_headers: tuple[tuple[bytes, bytes], ...]
    body: bytes

    @classmethod
    def capture(cls, response: Response) -> StoredResponse | None:
        body = getattr(response, "body", None)
        if not isinstance(body, bytes):
            return None  # a streaming answer is not stored
        headers = tuple((k, v) for k, v in response.raw_headers if k not in (b"x-request-id", b"x-client-request-id"))
        return cls(response.status_code, headers, body)

    def replay(self) -> Response:
        response = Response(self.body, status_code=self.status)
        response.raw_headers = list(self.raw_headers)
        response.headers["idempotent-replayed"] = "true"
        return response


@attrs.define
class IdempotencyRecord:
    fingerprint: tuple[str, str, str, str]
    request_id: str
    #: ``None`` while the first request is still being processed.
    response: StoredResponse | None = None


@attrs.frozen
class _Drop:
    hard: bool


class _Unauthorized(Exception):
    def __init__(self, message: str, error: str | None) -> None:
        super().__init__(message)
        self.message = message
        self.error = error


class ControlPlaneServer(ServedApp):
    """The test control plane; ``with ControlPlaneServer() as server: httpx.get(server.url(...))``.

    Constructor options: ``token_lifetime`` (seconds, default 60; ``<= 0`` issues expired
    tokens), ``clients`` (client id -> secret of the client-credentials grant, default
    ``{CLIENT_ID: CLIENT_SECRET}``), ``apps`` (app id -> secret of the deprecated
    ``app_token`` grant, default ``{APP_ID: APP_SECRET}``), ``rotate_refresh_tokens``
    (refresh tokens are single use, default True), ``idempotency`` (honour
    ``Idempotency-Key``, default True). :meth:`reset` goes back to them.
    """

    _name = "the control plane"

    def __init__(
        self,
        *,
        token_lifetime: float = DEFAULT_TOKEN_LIFETIME,
        clients: Mapping[str, str] | None = None,
        apps: Mapping[str, str] | None = None,
        rotate_refresh_tokens: bool = True,
        idempotency: bool = True,
    ) -> None:
        self._options: dict[str, Any] = {
            "lifetime": token_lifetime,
            "clients": dict(clients if clients is not None else {CLIENT_ID: CLIENT_SECRET}),
            "apps": dict(apps if apps is not None else {APP_ID: APP_SECRET}),
            "rotate_refresh_tokens": rotate_refresh_tokens,
        }
        self._default_idempotency = idempotency
        self._lock = threading.RLock()
        self._secret: bytes | None = None
        self.faults = FaultPlan(PATH_TEMPLATES)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._generation = 0
        self._abort = asyncio.Event()
        self._init_state()

    def _init_state(self) -> None:
        self.authority = TokenAuthority(secret=self._secret, **self._options)
        self._secret = self.authority.secret  # tokens stay verifiable across reset()
        self.api = ControlPlaneApi(self.authority)
        #: Whether ``Idempotency-Key`` is honoured; tests may switch it off to see duplicates happen.
        self.idempotency_enabled = self._default_idempotency
        self._exchanges: list[Exchange] = []
        self._executions: list[Execution] = []
        self._token_requests: Counter[str] = Counter()
        self._idempotency: dict[str, IdempotencyRecord] = {}

    # -- lifecycle -------------------------------------------------------------------------------

    def stop(self) -> None:
        """Abort requests still waiting in a delay, then stop uvicorn and join its thread."""
        self._abort_inflight()
        super().stop()

    @property
    def open_connections(self) -> int:
        """TCP connections open on the server now, idle keep-alive ones included."""
        return self._loopback.open_connections if self._loopback is not None else 0

    @property
    def port(self) -> int:
        return self._loopback.port if self._loopback is not None else 0

    def url(self, path: str) -> str:
        return self.base_url + path

    def reset(self) -> None:
        """Back to the seed data and the constructor's options: no faults, tokens, counters or log.

        Requests still in flight are cut off: those waiting in a delay stop waiting, and none
        of them executes or records anything afterwards (they are answered 503).
        """
        with self._lock:
            self._generation += 1
            self.faults.clear()
            self._init_state()
        self._abort_inflight()

    def _abort_inflight(self) -> None:
        with self._lock:
            event, self._abort = self._abort, asyncio.Event()
        loop = self._loop
        if loop is None or loop.is_closed():
            event.set()
            return
        try:
            loop.call_soon_threadsafe(event.set)
        except RuntimeError:  # the loop closed meanwhile: nobody waits any more
            event.set()

    # -- tokens ----------------------------------------------------------------------------------

    @property
    def token_lifetime(self) -> float:
        """Lifetime of the tokens issued from now on, in seconds (``<= 0``: already expired)."""
        return float(self.authority.lifetime)

    @token_lifetime.setter
    def token_lifetime(self, seconds: float) -> None:
        self.authority.lifetime = seconds

    @property
    def secret(self) -> bytes:
        """The HS256 key the tokens are signed with."""
        return self.authority.secret

    def mint_token(self, subject: str = CLIENT_ID, *, lifetime: float | None = None, **claims: Any) -> str:
        """A valid token without a token request (not counted); ``lifetime <= 0`` gives an expired one,
        ``claims`` override (``exp=time.time() + 0.3`` for a sub-second expiry)."""
        return self.authority.mint(subject, lifetime=lifetime, **claims)

    def auth_headers(self, token: str | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {token if token is not None else self.mint_token()}"}

    def revoke_tokens(self) -> int:
        """Make every token issued so far answer 401 (though not expired); returns how many."""
        return self.authority.revoke_all()

    def advance_clock(self, seconds: float) -> None:
        """Move the server's clock (issuing and verifying tokens) forward, to expire tokens without sleeping."""
        self.authority.clock_offset += seconds

    @property
    def issued_tokens(self) -> list[IssuedToken]:
        """Every token issued, by the token endpoints and by :meth:`mint_token`, oldest first."""
        return self.authority.issued

    @property
    def token_requests(self) -> Counter[str]:
        """Requests that reached a token endpoint (answered by a fault or not), by the grant type they asked for."""
        with self._lock:
            return Counter(self._token_requests)

    def token_request_count(self, grant_type: str | None = None) -> int:
        counts = self.token_requests
        return sum(counts.values()) if grant_type is None else counts[grant_type]

    # -- faults ----------------------------------------------------------------------------------

    def inject(self, fault: Fault, *, method: str | None = None, path: str | None = None, times: int = 1) -> FaultRule:
        """Apply ``fault`` to the next ``times`` requests matching ``method`` and the spec path template
        ``path`` (``None`` = any; a path that is not a template of the spec raises ``ValueError``)."""
        return self.faults.add(fault, method=method, path=path, times=times)

    def pending_faults(self) -> list[FaultRule]:
        return self.faults.pending()

    def clear_faults(self) -> None:
        self.faults.clear()

    # -- what happened ---------------------------------------------------------------------------

    @property
    def requests(self) -> list[Exchange]:
        """Every request received since the last reset, in arrival order (token requests included)."""
        with self._lock:
            return list(self._exchanges)

    def requests_to(self, method: str | None = None, path: str | None = None) -> list[Exchange]:
        """The requests routed to ``path`` (a spec template) with ``method``; ``None`` = any."""
        return [e for e in self.requests
                if (method is None or e.method == method.upper()) and (path is None or e.template == path)]

    def take_requests(self) -> list[Exchange]:
        """The requests so far, clearing the log (counters are kept)."""
        with self._lock:
            taken, self._exchanges = self._exchanges, []
            return taken

    @property
    def execution_log(self) -> list[Execution]:
        with self._lock:
            return list(self._executions)

    @property
    def executions(self) -> Counter[tuple[str, str]]:
        """Handler executions by ``(METHOD, path template)`` (token grants and reads included)."""
        return Counter((e.method, e.template) for e in self.execution_log)

    def execution_count(self, method: str, path: str) -> int:
        return self.executions[(method.upper(), path)]

    @property
    def executions_by_key(self) -> Counter[str]:
        """Executions of writes by the ``Idempotency-Key`` they carried (recorded even when idempotency is
        switched off); never above 1 while it is on. Safe methods and token grants are not keyed."""
        return Counter(e.idempotency_key for e in self.execution_log if e.idempotency_key is not None)

    def duplicate_executions(self) -> dict[tuple[str, str, str, bytes], int]:
        """Non-idempotent writes (POST/PATCH, token grants aside) executed more than once with the same
        method, path, query and body: ``{(method, raw_path, query, body): times}``; empty when none."""
        counts = Counter((e.method, e.raw_path, e.query_string, e.body) for e in self.execution_log
                         if e.method in NON_IDEMPOTENT_METHODS and e.template not in TOKEN_PATHS)
        return {group: n for group, n in counts.items() if n > 1}

    # -- ASGI ------------------------------------------------------------------------------------

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        self._loop = asyncio.get_running_loop()
        request = Request(scope, receive)
        body = await request.body()
        raw_path = scope.get("raw_path")
        recorded = RecordedRequest(
            method=request.method,
            raw_path=raw_path.decode("latin-1") if raw_path is not None else scope["path"],
            query_string=scope.get("query_string", b"").decode("latin-1"),
            headers=tuple((k.decode("latin-1").lower(), v.decode("latin-1")) for k, v in scope["headers"]),
            body=body,
        )
        exchange = Exchange(recorded, str(uuid.uuid4()), time.monotonic())
        with self._lock:
            generation, abort = self._generation, self._abort
            self._exchanges.append(exchange)
        try:
            outcome = await self._process(exchange, generation, abort, scope)
        except Exception as exc:  # a bug of this server: answer like a real one would, and say so in the log
            log.exception("the test control plane failed on %s %s", recorded.method, recorded.raw_path)
            outcome = error_response(500, f"Internal server error: {exc!r}", exchange.request_id)
        if isinstance(outcome, _Drop):
            self._answered(exchange, None)
            await drop_connection(receive, send, hard=outcome.hard)
            return
        outcome.headers["x-request-id"] = exchange.request_id
        client_request_id = recorded.header("x-client-request-id")
        if client_request_id is not None:
            outcome.headers["x-client-request-id"] = client_request_id
        self._answered(exchange, outcome)
        await outcome(scope, receive, send)

    def _answered(self, exchange: Exchange, response: Response | None) -> None:
        with self._lock:
            if response is None:
                exchange.dropped = True
            else:
                exchange.status = response.status_code
                exchange.response_headers = tuple((k.decode("latin-1"), v.decode("latin-1"))
                                                  for k, v in response.raw_headers)
                body = getattr(response, "body", b"")
                exchange.response_body = body if isinstance(body, bytes) else b""
            exchange.answered_at = time.monotonic()
            exchange.answered_wall = time.time()

    def _current(self, generation: int) -> bool:
        with self._lock:
            return generation == self._generation

    @staticmethod
    def _stale(exchange: Exchange) -> Response:
        return error_response(503, "The server was reset while this request was in flight.", exchange.request_id)

    @staticmethod
    async def _sleep(seconds: float, abort: asyncio.Event) -> bool:
        """Wait ``seconds``; ``True`` when cut short by reset() or stop()."""
        try:
            await asyncio.wait_for(abort.wait(), timeout=seconds)
        except TimeoutError:
            return False
        return True

    def _fault_response(self, fault: Fault, exchange: Exchange) -> Response:
        body = fault.body
        if body is None:
            message = _FAULT_MESSAGES.get(fault.status_code) or http.HTTPStatus(fault.status_code).phrase
            body = ApiError(fault.status_code, message).body(exchange.request_id)
        elif isinstance(body, dict):
            body = {**body, "requestId": body.get("requestId", exchange.request_id)}
        if isinstance(body, bytes | str):
            response: Response = Response(body, status_code=fault.status_code, media_type="text/plain")
        else:
            response = JSONResponse(body, status_code=fault.status_code)
        for name, value in fault.response_headers():
            response.headers.append(name, value)
        return response

    def _authenticate(self, exchange: Exchange) -> dict[str, Any]:
        authorization = exchange.header("authorization")
        if authorization is None:
            raise _Unauthorized("Authentication required: send Authorization: Bearer <token>.", None)
        scheme, _, token = authorization.strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise _Unauthorized(f"Unsupported authorization scheme {scheme!r}; use Bearer.", "invalid_request")
        try:
            return self.authority.verify(token.strip())
        except TokenError as exc:
            raise _Unauthorized(f"The access token is {exc.reason}: {exc.message}.", "invalid_token") from None

    async def _process(self, ex: Exchange, generation: int, abort: asyncio.Event, scope: Scope) -> Response | _Drop:
        method, raw_path = ex.method, ex.raw_path
        route: Route | None = None
        params: dict[str, str] = {}
        routing_error: ApiError | None = None
        try:
            route, params = resolve(method, raw_path)
        except ApiError as exc:
            routing_error = exc
        template = route.template if route is not None else None
        ex.template, ex.operation_id = template, route.operation_id if route is not None else None
        if template in TOKEN_PATHS:
            grant = token_grant_type(template, dict(ex.headers), ex.body)
            with self._lock:
                if generation == self._generation:
                    self._token_requests[grant] += 1

        fault = self.faults.take(method, template, after_execute=False)
        if fault is not None:
            ex.fault = fault
            if fault.kind == "reset":
                return _Drop(fault.hard)
            if fault.kind == "status":
                return self._fault_response(fault, ex)
            if await self._sleep(fault.seconds, abort):
                return self._stale(ex)
        if route is None:
            assert routing_error is not None
            return error_response(routing_error.status, routing_error.message, ex.request_id,
                                  headers=routing_error.headers)
        if not self._current(generation):
            return self._stale(ex)

        if route.auth:
            try:
                ex.subject = str(self._authenticate(ex).get("sub"))
            except _Unauthorized as exc:
                challenge = 'Bearer realm="controlplane"'
                if exc.error is not None:
                    challenge += f', error="{exc.error}", error_description="{exc.message}"'
                return error_response(401, exc.message, ex.request_id, headers={"WWW-Authenticate": challenge})

        key = ex.header("idempotency-key")
        if method in SAFE_METHODS or template in TOKEN_PATHS:
            key = None
        record: IdempotencyRecord | None = None
        if key is not None and self.idempotency_enabled:
            fingerprint = (method, raw_path, ex.request.query_string, hashlib.sha256(ex.body).hexdigest())
            with self._lock:
                existing = self._idempotency.get(key)
                if existing is None:
                    record = self._idempotency[key] = IdempotencyRecord(fingerprint, ex.request_id)
            if existing is not None:
                if existing.fingerprint != fingerprint:
                    return error_response(422, "This Idempotency-Key was already used with another request "
                                          f"({existing.fingerprint[0]} {existing.fingerprint[1]}).", ex.request_id,
                                          extra={"error": "idempotency_key_reused"})
                if existing.response is None:
                    return self._fault_response(Fault.in_progress(), ex)
                ex.replayed = True
                return existing.response.replay()

        after = self.faults.take(method, template, after_execute=True)
        ex.after_fault = after
        call = Call(method=method, raw_path=raw_path, params=params, query=tuple(ex.request.query_pairs()),
                    headers={k: v for k, v in reversed(ex.headers)}, body=ex.body, request_id=ex.request_id,
                    subject=ex.subject, client_ip=(scope.get("client") or (None,))[0])
        with self._lock:
            if generation != self._generation:
                return self._stale(ex)
            try:
                response = self.api.handler(route)(call)
            except ApiError as exc:
                response = error_response(exc.status, exc.message, ex.request_id, details=exc.details,
                                          headers=exc.headers, extra=exc.extra)
            except Exception:
                if record is not None:
                    self._idempotency.pop(key or "", None)
                raise
            ex.executed = True
            self._executions.append(Execution(method, route.template, route.operation_id, raw_path,
                                              ex.request.query_string, ex.body, key, ex.request_id, ex.subject,
                                              time.monotonic()))
        stored = StoredResponse.capture(response) if record is not None else None
        if after is not None and after.kind == "delay":
            await self._sleep(after.seconds, abort)  # executed already: answer even when cut short
        if record is not None:
            with self._lock:
                if stored is None:
                    self._idempotency.pop(key or "", None)
                else:
                    record.response = stored
        if after is not None and after.kind == "reset":
            return _Drop(after.hard)
        if after is not None and after.kind == "status":
            return self._fault_response(after, ex)
        return response
