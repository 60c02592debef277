"""A real GraphQL test server: graphql-core executing the reference GPU-cloud schema, served by uvicorn.

:class:`GpuCloudServer` is an ASGI app and its own loopback server (uvicorn in a thread,
via :class:`tests.integration.servers.LoopbackServer`). It serves one release of
``specs/gpucloud/`` (chosen at construction) at ``POST /graphql`` the way the
GraphQL-over-HTTP spec asks of an ``application/json`` server:

- the body is ``{"query", "variables", "operationName"}``; a body that is not such an
  object is 400 with ``errors``; a document that does not parse or validate is 200 with
  ``errors`` (with ``locations``) and no ``data``;
- executed, the answer is 200 ``{"data", "errors"}`` exactly as graphql-core formats it:
  an error raised for one item of a list (a pod whose host does not answer, see
  :meth:`GpuCloudServer.make_host_unreachable`) nulls that field only, so ``data`` is
  partial and the error carries ``path``, ``locations`` and ``extensions.code``;
- ``Authorization: Bearer <api key>`` is required: without a known key, 401 with a
  ``WWW-Authenticate`` challenge and an ``UNAUTHENTICATED`` error;
- faults from :mod:`tests.servers.faults` (status with ``Retry-After``, connection reset,
  delay; on arrival or after execution) are queued per operation name with
  :meth:`GpuCloudServer.inject`, the control plane's ``path`` being the operation here.

Every request is recorded (:attr:`GpuCloudServer.requests`) with its operation name and
variables, and every execution (:attr:`GpuCloudServer.executions`), so tests count how
often a mutation really ran.
"""

from __future__ import annotations

import asyncio
import http
import json
import logging
import threading
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
from graphql import (
    DocumentNode,
    ExecutionResult,
    GraphQLError,
    GraphQLSchema,
    OperationDefinitionNode,
    OperationType,
    execute,
    get_operation_ast,
    parse,
    validate,
)
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send

from tests.integration.servers import RecordedRequest, ServedApp
from tests.servers.connection_drop import drop_connection
from tests.servers.faults import Fault, FaultPlan, FaultRule
from tests.servers.gpucloud_data import GpuCloudState
from tests.servers.gpucloud_schema import executable_schema
from tests.servers.gpucloud_spec import RELEASES

log = logging.getLogger(__name__)

GRAPHQL_PATH = "/graphql"
#: The API key the server accepts unless told otherwise.
API_KEY = "gpc_test_5f2b8c1e"


@attrs.define(eq=False)
class GraphQLExchange:
    """One request the server received and what it did with it (mutable until answered)."""

    request: RecordedRequest
    #: ``time.monotonic()`` when the request (head and body) had arrived.
    received_at: float
    #: ``operationName`` of the body, or the name of the document's only operation.
    operation_name: str | None = None
    variables: Mapping[str, Any] | None = None
    fault: Fault | None = None
    after_fault: Fault | None = None
    executed: bool = False
    #: ``None`` while unanswered and when the connection was dropped (``dropped``).
    status: int | None = None
    dropped: bool = False
    response_headers: tuple[tuple[str, str], ...] = ()
    response_body: bytes = b""
    answered_at: float | None = None

    def response_json(self) -> Any:
        return json.loads(self.response_body)


@attrs.frozen
class GraphQLExecution:
    """One execution of an operation by graphql-core (what a client must not cause twice for a mutation)."""

    operation_name: str | None
    operation_type: OperationType
    variables: Mapping[str, Any]
    idempotency_key: str | None
    #: ``time.monotonic()`` when it ran.
    at: float


@attrs.frozen
class _Drop:
    hard: bool


@attrs.frozen
class _Operation:
    """A request body that parsed and validated, ready to execute."""

    document: DocumentNode
    operation: OperationDefinitionNode
    variables: Mapping[str, Any]
    operation_name: str | None


def errors_body(*messages: str, code: str) -> dict[str, Any]:
    """A GraphQL answer without ``data``: one error per message, all with ``extensions.code``."""
    return {"errors": [{"message": m, "extensions": {"code": code}} for m in messages]}


def _formatted(errors: Iterable[GraphQLError]) -> list[dict[str, Any]]:
    return [dict(error.formatted) for error in errors]


class GpuCloudServer(ServedApp):
    """The test GPU cloud; ``with GpuCloudServer("1.1") as server: httpx.post(server.url, json=...)``.

    ``release``: which ``specs/gpucloud/`` release to serve (default: the newest).
    ``api_keys``: the bearer tokens accepted (default ``{API_KEY}``).
    """

    _name = "the GPU cloud"

    def __init__(self, release: str = RELEASES[-1], *, api_keys: Iterable[str] = (API_KEY,)) -> None:
        if release not in RELEASES:
            raise ValueError(f"no gpucloud release {release!r}; known: {', '.join(RELEASES)}")
        self.release = release
        self.api_keys = frozenset(api_keys)
        self.faults = FaultPlan()
        self._lock = threading.RLock()
        #: Bumped by reset(): a request that arrived before it neither executes nor is counted after it.
        self._generation = 0
        self._init_state()

    def _init_state(self) -> None:
        self.state = GpuCloudState()
        self.schema: GraphQLSchema = executable_schema(self.release, self.state)
        self._exchanges: list[GraphQLExchange] = []
        self._executions: list[GraphQLExecution] = []
        #: The answer of each mutation sent with an Idempotency-Key, by key: sent again, it is replayed.
        self._replays: dict[str, dict[str, Any]] = {}

    # -- lifecycle -------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """The GraphQL endpoint, ``http://127.0.0.1:<port>/graphql``."""
        return self.base_url + GRAPHQL_PATH

    def auth_headers(self, key: str = API_KEY) -> dict[str, str]:
        return {"Authorization": f"Bearer {key}"}

    def reset(self) -> None:
        """Back to the seed data: no faults, no unreachable hosts, empty logs.

        A request still waiting in a delay is answered 503 afterwards, without executing.
        """
        with self._lock:
            self._generation += 1
            self.faults.clear()
            self._init_state()

    # -- what tests arrange ----------------------------------------------------------------------

    def inject(self, fault: Fault, *, operation: str | None = None, times: int = 1) -> FaultRule:
        """Apply ``fault`` to the next ``times`` requests for ``operation`` (an operation name; ``None`` = any)."""
        return self.faults.add(fault, path=operation, times=times)

    def make_host_unreachable(self, pod_id: str) -> None:
        """From now on, reading ``machine`` of this pod fails: a list of pods then answers partial data."""
        with self._lock:
            self.state.pod(pod_id)
            self.state.unreachable_pods.add(pod_id)

    # -- what happened ---------------------------------------------------------------------------

    @property
    def requests(self) -> list[GraphQLExchange]:
        """Every request received since the last reset, in arrival order."""
        with self._lock:
            return list(self._exchanges)

    @property
    def executions(self) -> list[GraphQLExecution]:
        with self._lock:
            return list(self._executions)

    def execution_counts(self) -> Counter[str | None]:
        """Executions by operation name."""
        return Counter(e.operation_name for e in self.executions)

    def execution_count(self, operation: str) -> int:
        return self.execution_counts()[operation]

    # -- ASGI ------------------------------------------------------------------------------------

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        request = Request(scope, receive)
        raw_path = scope.get("raw_path")
        recorded = RecordedRequest(
            method=request.method,
            raw_path=raw_path.decode("latin-1") if raw_path is not None else scope["path"],
            query_string=scope.get("query_string", b"").decode("latin-1"),
            headers=tuple((k.decode("latin-1").lower(), v.decode("latin-1")) for k, v in scope["headers"]),
            body=await request.body(),
        )
        exchange = GraphQLExchange(recorded, time.monotonic())
        with self._lock:
            self._exchanges.append(exchange)
            generation = self._generation
        try:
            outcome = await self._process(exchange, generation)
        except Exception as exc:  # a bug of this server: answer like a real one would, and say so in the log
            log.exception("the test GPU cloud failed on %s %s", recorded.method, recorded.raw_path)
            outcome = JSONResponse(errors_body(f"Internal server error: {exc!r}", code="INTERNAL_SERVER_ERROR"), 500)
        self._answered(exchange, outcome)
        if isinstance(outcome, _Drop):
            await drop_connection(receive, send, hard=outcome.hard)
        else:
            await outcome(scope, receive, send)

    def _answered(self, exchange: GraphQLExchange, outcome: Response | _Drop) -> None:
        with self._lock:
            if isinstance(outcome, _Drop):
                exchange.dropped = True
            else:
                exchange.status = outcome.status_code
                exchange.response_headers = tuple((k.decode("latin-1"), v.decode("latin-1"))
                                                  for k, v in outcome.raw_headers)
                body = getattr(outcome, "body", b"")
                exchange.response_body = body if isinstance(body, bytes) else b""
            exchange.answered_at = time.monotonic()

    async def _process(self, ex: GraphQLExchange, generation: int) -> Response | _Drop:
        payload = self._payload(ex.request.body)
        if isinstance(payload, dict):
            ex.operation_name = self._operation_name(payload)
            variables = payload.get("variables")
            ex.variables = variables if isinstance(variables, dict) else None

        fault = self.faults.take("POST", ex.operation_name, after_execute=False)
        if fault is not None:
            ex.fault = fault
            if fault.kind == "reset":
                return _Drop(fault.hard)
            if fault.kind == "status":
                return self._fault_response(fault)
            await asyncio.sleep(fault.seconds)

        if ex.request.raw_path.split("?")[0] != GRAPHQL_PATH:
            return JSONResponse(errors_body(f"Nothing at {ex.request.raw_path}; POST to {GRAPHQL_PATH}.",
                                            code="NOT_FOUND"), 404)
        if ex.request.method != "POST":
            return JSONResponse(errors_body("Send GraphQL requests with POST.", code="METHOD_NOT_ALLOWED"), 405,
                                headers={"Allow": "POST"})
        unauthorized = self._check_key(ex.request.header("authorization"))
        if unauthorized is not None:
            return unauthorized
        if isinstance(payload, str):
            return JSONResponse(errors_body(payload, code="BAD_REQUEST"), 400)

        prepared = self._prepare(payload)
        if isinstance(prepared, list):
            return JSONResponse({"errors": _formatted(prepared)})
        key = ex.request.header("idempotency-key")
        replayed = self._replays.get(key) if key and prepared.operation.operation.value == "mutation" else None
        if replayed is not None:  # a mutation sent again with its key: its first answer, not a second execution
            return JSONResponse(replayed, headers={"idempotent-replayed": "true"})
        after = self.faults.take("POST", ex.operation_name, after_execute=True)
        ex.after_fault = after
        with self._lock:
            if generation != self._generation:
                return JSONResponse(errors_body("The server was reset while this request was in flight.",
                                                code="SERVICE_UNAVAILABLE"), 503)
            result = execute(self.schema, prepared.document, variable_values=dict(prepared.variables),
                             operation_name=prepared.operation_name)
            ex.executed = True
            self._executions.append(GraphQLExecution(
                prepared.operation_name, prepared.operation.operation, dict(prepared.variables),
                ex.request.header("idempotency-key"), time.monotonic()))
        assert isinstance(result, ExecutionResult), "every resolver of the test GPU cloud is synchronous"
        body: dict[str, Any] = {"data": result.data}
        if result.errors:
            body["errors"] = _formatted(result.errors)
        if key and prepared.operation.operation.value == "mutation":
            self._replays[key] = body
        if after is not None and after.kind == "delay":
            await asyncio.sleep(after.seconds)  # executed already: the client waits for an answer it cannot trust
        if after is not None and after.kind == "reset":
            return _Drop(after.hard)
        if after is not None and after.kind == "status":
            return self._fault_response(after)
        return JSONResponse(body)

    @staticmethod
    def _payload(body: bytes) -> dict[str, Any] | str:
        """The request body as a GraphQL-over-HTTP request object, or what is wrong with it."""
        try:
            payload = json.loads(body)
        except ValueError as exc:
            return f"The body is not JSON: {exc}."
        if not isinstance(payload, dict) or not isinstance(payload.get("query"), str):
            return 'The body must be a JSON object with a string "query".'
        if payload.get("variables") is not None and not isinstance(payload["variables"], dict):
            return '"variables" must be a JSON object.'
        if payload.get("operationName") is not None and not isinstance(payload["operationName"], str):
            return '"operationName" must be a string.'
        return payload

    @staticmethod
    def _operation_name(payload: dict[str, Any]) -> str | None:
        """What faults are matched by: ``operationName``, else the name of the document's only operation."""
        if isinstance(payload.get("operationName"), str):
            return str(payload["operationName"])
        try:
            operation = get_operation_ast(parse(payload["query"]))
        except GraphQLError:
            return None
        return operation.name.value if operation is not None and operation.name is not None else None

    def _prepare(self, payload: dict[str, Any]) -> _Operation | list[GraphQLError]:
        """The parsed, validated document, or the errors that keep it from executing."""
        try:
            document = parse(payload["query"])
        except GraphQLError as exc:
            return [exc]
        errors = validate(self.schema, document)
        if errors:
            return errors
        operation_name = payload.get("operationName")
        operation = get_operation_ast(document, operation_name)
        if operation is None:
            wanted = f"an operation named {operation_name!r}" if operation_name else "operationName"
            return [GraphQLError(f"The document needs {wanted}: it holds several operations or not that one.")]
        name = operation.name.value if operation.name is not None else None
        return _Operation(document, operation, payload.get("variables") or {}, name)

    def _check_key(self, authorization: str | None) -> Response | None:
        """``None`` when the request carries a known API key, else the 401 answer."""
        scheme, _, key = (authorization or "").strip().partition(" ")
        if scheme.lower() == "bearer" and key.strip() in self.api_keys:
            return None
        if authorization is None:
            message, challenge = "Authentication required: send Authorization: Bearer <api key>.", ""
        else:
            message, challenge = "The API key is not valid.", ', error="invalid_token"'
        return JSONResponse(errors_body(message, code="UNAUTHENTICATED"), 401,
                            headers={"WWW-Authenticate": f'Bearer realm="gpucloud"{challenge}'})

    @staticmethod
    def _fault_response(fault: Fault) -> Response:
        body = fault.body
        if body is None:
            status = http.HTTPStatus(fault.status_code)
            body = errors_body(f"{status.phrase}.", code=status.name)
        response: Response = JSONResponse(body, status_code=fault.status_code)
        for name, value in fault.response_headers():
            response.headers.append(name, value)
        return response
