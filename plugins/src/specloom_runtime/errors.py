"""Typed errors: one base class, a subclass per kind of failure."""

from __future__ import annotations

from typing import Any

import httpx


class SpecloomError(Exception):
    """Base of every error a generated client raises."""


class ConfigurationError(SpecloomError, ValueError):
    """A client option is invalid; raised before anything is sent."""


class RequestEncodingError(SpecloomError, ValueError):
    """An argument cannot be sent as the spec asks (not JSON-serialisable, NaN...); nothing was sent."""


class ApiError(SpecloomError):
    """The server answered with a status outside 2xx."""

    def __init__(self, message: str, *, response: httpx.Response) -> None:
        super().__init__(message)
        self.message = message
        self.response = response
        self.status_code = response.status_code
        self.headers = response.headers
        self.body: Any = _body_of(response)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status_code={self.status_code}, message={self.message!r})"


class BadRequestError(ApiError):
    """400"""


class AuthenticationError(ApiError):
    """401"""


class PermissionDeniedError(ApiError):
    """403"""


class NotFoundError(ApiError):
    """404"""


class ConflictError(ApiError):
    """409"""


class UnprocessableEntityError(ApiError):
    """422"""


class RateLimitError(ApiError):
    """429"""


class ServerError(ApiError):
    """5xx"""


class ResponseDecodeError(SpecloomError):
    """A 2xx answer could not be read as the spec describes it (a required field missing, wrong JSON...)."""

    def __init__(self, message: str, *, response: httpx.Response) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = response.status_code


class TransportError(SpecloomError):
    """The request could not be completed: connection failure, timeout, protocol error."""


_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def error_for(response: httpx.Response) -> ApiError:
    """The typed error for a non-2xx ``response``."""
    status = response.status_code
    cls = _BY_STATUS.get(status) or (ServerError if status >= 500 else ApiError)
    body = _body_of(response)
    detail = body.get("message") if isinstance(body, dict) else None
    text = detail if isinstance(detail, str) else response.reason_phrase
    return cls(f"{response.request.method} {response.request.url.path} -> {status}: {text}", response=response)


def _body_of(response: httpx.Response) -> Any:
    if "json" in response.headers.get("content-type", ""):
        try:
            return response.json()
        except ValueError:
            pass
    return response.text
