"""GraphQL operations on the same call path: the request body they send, the answer they read, the error they raise.

A generated GraphQL method is an :class:`~specloom_runtime.operation.Operation` with a
:class:`GraphQLDocument`: its variables go out as ``{"query", "operationName", "variables"}``
(JSON, never pasted into the query text) and its answer's ``data`` is decoded like any
answer, leniently. An answer with ``errors`` raises :class:`GraphQLError`, which carries
each error (message, path, locations, extensions) and the partial ``data`` decoded as far
as the server sent it. A query is a read, retried like a GET; a mutation is retried only
with an idempotency key, like any POST.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple, TypeVar

import httpx

from .codec import to_jsonable
from .decoding import Codec, decode_value
from .errors import ResponseDecodeError, SpecloomError, request_id_of
from .logs import redact
from .unset import Unset

T = TypeVar("T")


class GraphQLDocument(NamedTuple):
    """What a GraphQL operation sends: its document (fragments included), its name, ``query``/``mutation``."""

    document: str
    operation_name: str
    kind: str = "query"


class GraphQLErrorDetail(NamedTuple):
    """One entry of an answer's ``errors``, as the GraphQL spec shapes it (messages redacted)."""

    message: str
    path: tuple[str | int, ...] = ()
    locations: tuple[tuple[int, int], ...] = ()
    extensions: Mapping[str, Any] = {}


class GraphQLError(SpecloomError):
    """The server answered with GraphQL ``errors``: ``errors`` lists them, ``data`` is what it still sent.

    ``data`` is the operation's result model decoded from the partial answer (fields that failed
    are ``None``), or ``None`` when the server sent no data at all.
    """

    def __init__(self, message: str, *, errors: tuple[GraphQLErrorDetail, ...], data: Any,
                 response: httpx.Response, request_id: str | None) -> None:
        super().__init__(message if request_id is None else f"{message} (request id {request_id})")
        self.errors = errors
        self.data = data
        self.response = response
        self.request_id = request_id


def graphql_body(document: GraphQLDocument, variables: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON a call sends; variables left :data:`~specloom_runtime.UNSET` are not sent."""
    given = {name: to_jsonable(value) for name, value in variables.items() if not isinstance(value, Unset)}
    return {"query": document.document, "operationName": document.operation_name, "variables": given}


def read_graphql(response: httpx.Response, strict: bool, codec: Codec[T]) -> T:
    """A GraphQL answer's ``data`` read with ``codec``; its ``errors`` raised as :class:`GraphQLError`."""
    what = f"{response.request.method} {response.request.url.path} -> {response.status_code}"
    body = response.json()  # not JSON: the call's flow turns the ValueError into ResponseDecodeError, as for any answer
    if not isinstance(body, dict):
        raise ResponseDecodeError(f"{what}: a GraphQL answer is an object with data or errors", response=response,
                                  request_id=request_id_of(response), body=body)
    data = body.get("data")
    errors = body.get("errors")
    if errors:
        details = tuple(_detail(e) for e in (errors if isinstance(errors, list) else [errors]))
        partial = decode_value(data, False, codec, response, what) if isinstance(data, dict) else None
        first = details[0].message + (f" (and {len(details) - 1} more)" if len(details) > 1 else "")
        raise GraphQLError(f"{what}: {first}", errors=details, data=partial, response=response,
                           request_id=request_id_of(response))
    return decode_value(data, strict, codec, response, what)


def _detail(error: Any) -> GraphQLErrorDetail:
    if not isinstance(error, dict):
        return GraphQLErrorDetail(redact(str(error)))
    path = tuple(p for p in error.get("path") or () if isinstance(p, str | int))
    locations = tuple((_int(loc.get("line")), _int(loc.get("column"))) for loc in error.get("locations") or ()
                      if isinstance(loc, dict))
    extensions = error.get("extensions")
    return GraphQLErrorDetail(redact(str(error.get("message", ""))), path, locations,
                              extensions if isinstance(extensions, dict) else {})


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0
