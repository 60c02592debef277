"""The client classes generated packages subclass, and the navigation objects under them.

A generated ``Client`` is a tree: client -> category -> group -> method. The
nodes are built lazily, so constructing a client imports no operation module.
"""

from __future__ import annotations

import ssl
import threading
import warnings
from typing import Any, ClassVar, Self, TypeVar

import httpx

from .errors import ConfigurationError, ResponseDecodeError, TransportError, error_for
from .operation import Operation
from .request import build_request

T = TypeVar("T")

DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)


class _ClientBase:
    """What the sync and async clients share: settings and the navigation listing."""

    #: Names of the categories and groups directly under the client, set by generated code.
    _children: ClassVar[tuple[str, ...]] = ()
    #: The distribution name and version, for the User-Agent header.
    _distribution: ClassVar[str] = "specloom-client"
    _version: ClassVar[str] = "0"

    def __init__(self, base_url: str, *, headers: dict[str, str] | None, timeout: float | httpx.Timeout) -> None:
        url = httpx.URL(base_url)
        if url.scheme not in ("http", "https") or not url.host:
            raise ConfigurationError(f"base_url must be an http(s) URL with a host, got {base_url!r}")
        self.base_url = str(url).rstrip("/")
        self._headers = {"User-Agent": f"{self._distribution}/{self._version}", **(headers or {})}
        self._timeout = timeout
        self._verify: ssl.SSLContext | bool = True if url.scheme == "https" else _no_trust_context()

    def options(self) -> list[str]:
        """The categories (and ungrouped groups) reachable from this client."""
        return list(self._children)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r})"


class BaseClient(_ClientBase):
    """A synchronous client; use it as a context manager or call :meth:`close`."""

    def __init__(
        self,
        base_url: str,
        *,
        headers: dict[str, str] | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        http_client: httpx.Client | None = None,
    ) -> None:
        super().__init__(base_url, headers=headers, timeout=timeout)
        self._http_client = http_client
        self._lock = threading.Lock()

    @property
    def _http(self) -> httpx.Client:
        # Created on first use: its TLS context costs more than importing the whole package.
        if self._http_client is None:
            with self._lock:
                if self._http_client is None:
                    self._http_client = httpx.Client(timeout=self._timeout, verify=self._verify)
        return self._http_client

    def call(self, operation: Operation[T], **arguments: Any) -> T:
        """Send ``operation`` with ``arguments`` (see :func:`build_request`) and decode its answer."""
        _warn_if_deprecated(operation)
        request = build_request(self._http, operation, base_url=self.base_url, default_headers=self._headers, **arguments)
        try:
            response = self._http.send(request)
            response.read()
        except httpx.HTTPError as exc:
            raise TransportError(f"{operation.method} {operation.path}: {exc}") from exc
        return _outcome(operation, response)

    def close(self) -> None:
        if self._http_client is not None:
            self._http_client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class BaseAsyncClient(_ClientBase):
    """An asyncio client; use it as an async context manager or await :meth:`aclose`."""

    def __init__(
        self,
        base_url: str,
        *,
        headers: dict[str, str] | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        super().__init__(base_url, headers=headers, timeout=timeout)
        self._http_client = http_client

    @property
    def _http(self) -> httpx.AsyncClient:
        # Created on first use, like the sync client's; no await between check and set.
        if self._http_client is None:
            self._http_client = httpx.AsyncClient(timeout=self._timeout, verify=self._verify)
        return self._http_client

    async def call(self, operation: Operation[T], **arguments: Any) -> T:
        """Send ``operation`` with ``arguments`` (see :func:`build_request`) and decode its answer."""
        _warn_if_deprecated(operation)
        request = build_request(self._http, operation, base_url=self.base_url, default_headers=self._headers, **arguments)
        try:
            response = await self._http.send(request)
            await response.aread()
        except httpx.HTTPError as exc:
            raise TransportError(f"{operation.method} {operation.path}: {exc}") from exc
        return _outcome(operation, response)

    async def aclose(self) -> None:
        if self._http_client is not None:
            await self._http_client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()


def _no_trust_context() -> ssl.SSLContext:
    """TLS settings for a plain-http client: verification stays on, but no CA is trusted.

    Loading the CA bundle is most of the cost of a first call; a client whose
    base URL is http never needs it, and any https hop it were sent on fails
    closed instead of going unverified.
    """
    return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def _outcome(operation: Operation[T], response: httpx.Response) -> T:
    """The decoded answer of a 2xx response; the typed error of any other."""
    if not response.is_success:
        raise error_for(response)
    try:
        return operation.decode(response)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ResponseDecodeError(
            f"{operation.method} {operation.path} -> {response.status_code}: the answer does not match the spec "
            f"({type(exc).__name__}: {exc})",
            response=response,
        ) from exc


def _warn_if_deprecated(operation: Operation[Any]) -> None:
    if operation.deprecated:
        warnings.warn(
            f"{operation.operation_id} ({operation.method} {operation.path}) is deprecated",
            DeprecationWarning,
            stacklevel=4,
        )


class Category:
    """A category of groups (from the spec's ``x-tagGroups``)."""

    _children: ClassVar[tuple[str, ...]] = ()

    def __init__(self, client: Any) -> None:
        self._client = client

    def options(self) -> list[str]:
        """The groups in this category."""
        return list(self._children)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} groups={list(self._children)}>"


class Group:
    """A group of operations (one tag of the spec)."""

    #: (method name, deprecated) for every operation of the group, set by generated code.
    _methods: ClassVar[tuple[tuple[str, bool], ...]] = ()

    def __init__(self, client: Any) -> None:
        self._client = client

    def options(self, include_deprecated: bool = False) -> list[str]:
        """The group's methods; deprecated ones only when asked."""
        return [name for name, deprecated in self._methods if include_deprecated or not deprecated]

    def __repr__(self) -> str:
        return f"<{type(self).__name__} methods={self.options()}>"
