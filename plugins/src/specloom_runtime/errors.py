"""Typed errors: one base class, a subclass per kind of failure.

No raw httpx exception reaches a user: transport failures are wrapped, and
answers outside 2xx become an :class:`ApiError` subclass carrying what the
server said. Messages never include request headers, and every message is
redacted (a server may echo a credential back): ``str`` and ``repr`` of an
error never show a secret the client knows. ``ApiError.body`` stays as the
server sent it.
"""

from __future__ import annotations

from typing import Any

import httpx

from .logs import redact


class SpecloomError(Exception):
    """Base of every error a generated client raises; its message is redacted."""

    def __init__(self, *args: object) -> None:
        super().__init__(*(redact(a) if isinstance(a, str) else a for a in args))


class ConfigurationError(SpecloomError, ValueError):
    """A client option is invalid; raised before anything is sent."""


class RequestEncodingError(SpecloomError, ValueError):
    """An argument cannot be sent as the spec asks (not JSON-serialisable, NaN...); nothing was sent."""


class ApiError(SpecloomError):
    """The server answered with a status outside 2xx (after any retries)."""

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        code: str | None = None,
        details: Any = None,
        request_id: str | None = None,
        retry_after: float | None = None,
        server_message: str | None = None,
    ) -> None:
        super().__init__(message)
        #: What the server said (its body's message), else the summary line that ``str(error)`` gives.
        self.message: str = redact(server_message) if server_message else self.args[0]
        self.response = response
        self.status_code = response.status_code
        self.headers = response.headers
        self.body: Any = body_of(response)
        self.code = redact(code) if code is not None else None
        self.details = details
        self.request_id = request_id
        self.retry_after = retry_after

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status_code={self.status_code}, code={self.code!r}, request_id={self.request_id!r})"


class BadRequestError(ApiError):
    """400"""


class AuthenticationError(ApiError):
    """401 (after the one refresh-and-replay the auth plugin allows)."""


class PaymentRequiredError(ApiError):
    """402"""


class PermissionDeniedError(ApiError):
    """403"""


class NotFoundError(ApiError):
    """404"""


class RequestTimeoutStatusError(ApiError):
    """408: the server gave up waiting for the request."""


class ConflictError(ApiError):
    """409"""


class UnprocessableEntityError(ApiError):
    """422"""


class RateLimitError(ApiError):
    """429"""


class ServerError(ApiError):
    """5xx"""


class RedirectError(ApiError):
    """A 3xx the client refuses to follow (from https to plain http, or a ``Location`` it cannot read); nothing was sent."""


class ResponseDecodeError(SpecloomError):
    """A 2xx answer could not be read as the spec describes it: not JSON, or (``strict_responses``) not matching.

    ``issues`` lists every mismatch with its path (``decoding.Issue``); ``body`` is the answer as received.
    """

    def __init__(
        self, message: str, *, response: httpx.Response, request_id: str | None = None,
        issues: list[Any] | None = None, body: Any = None,
    ) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = response.status_code
        self.request_id = request_id
        self.issues = issues or []
        self.body = body_of(response) if body is None else body


class StreamError(SpecloomError):
    """A streamed answer failed after it began: the server sent an ``error`` event, or a frame that cannot be read.

    Never retried: part of the answer was already handed to the caller. ``event`` is the
    server's ``error`` event (its data as received), ``None`` for a malformed frame.
    """

    def __init__(self, message: str, *, request_id: str | None = None, event: Any = None) -> None:
        super().__init__(message if request_id is None else f"{message} (request id {request_id})")
        self.request_id = request_id
        self.event = event


class TransportError(SpecloomError):
    """The request could not be completed: no answer came back."""


class ApiConnectionError(TransportError):
    """The connection could not be opened, or broke before an answer came."""


class ApiTimeoutError(TransportError):
    """No answer within the timeout (connect, read, write or pool)."""


_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
    404: NotFoundError,
    408: RequestTimeoutStatusError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def error_for(response: httpx.Response, *, request_id: str | None = None, retry_after: float | None = None) -> ApiError:
    """The typed error for a non-2xx ``response``, with what its body says."""
    status = response.status_code
    cls = _BY_STATUS.get(status) or (ServerError if status >= 500 else ApiError)
    body = body_of(response)
    detail = code = details = None
    if isinstance(body, dict):
        detail = next((body[k] for k in ("message", "detail", "error_description", "error", "title") if isinstance(body.get(k), str)), None)
        # A symbolic code ("invalid_client") says more than a numeric one that repeats the status.
        named = [body[k] for k in ("code", "type", "error") if isinstance(body.get(k), str) and body[k] != detail]
        numeric = [str(body[k]) for k in ("code",) if isinstance(body.get(k), int) and not isinstance(body[k], bool)]
        code = next(iter(named + numeric), None)
        details = body.get("details", body.get("errors"))
    text = detail or response.reason_phrase or "error"
    message = f"{response.request.method} {response.request.url.path} -> {status}: {text}"
    if request_id:
        message += f" (request id {request_id})"
    return cls(message, response=response, code=code, details=details, request_id=request_id, retry_after=retry_after,
               server_message=detail)


# Where servers put the id of a request, most common first.
REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-correlation-id", "x-amzn-requestid", "x-runai-request-id")


def request_id_of(response: httpx.Response) -> str | None:
    """The server's id for ``response``, from the first request-id header it carries."""
    return next((response.headers[h] for h in REQUEST_ID_HEADERS if h in response.headers), None)


def body_of(response: httpx.Response) -> Any:
    try:
        text = response.text
    except httpx.ResponseNotRead:  # a streamed answer: its body belongs to the stream reading it
        return None
    if "json" in response.headers.get("content-type", ""):
        try:
            return response.json()
        except (ValueError, RecursionError):  # not JSON, or nested too deep to parse: kept as text
            pass
    return text


class TokenUnavailable(httpx.TransportError):
    """No access token: the token request failed, or the one in flight this call waited for did.

    Raised inside the transport by the auth flow, so the transport loop treats it
    as a failure before anything of the call was sent (replaying is safe whatever
    the method). ``response`` is the token endpoint's answer (429, 5xx), if one came.
    """

    def __init__(self, message: str, response: httpx.Response | None = None) -> None:
        super().__init__(message)
        self.response = response


def wrap_transport_error(exc: httpx.TransportError, what: str) -> TransportError:
    """The typed error for a transport failure; the message names the call, never its headers."""
    cls = ApiTimeoutError if isinstance(exc, httpx.TimeoutException) else ApiConnectionError
    return cls(f"{what}: {type(exc).__name__}: {exc}")
