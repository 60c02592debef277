"""The client classes generated packages subclass, and the navigation objects under them.

A generated client is a tree: client -> category -> group -> method. The nodes
are built lazily, so constructing a client imports no operation module; the
HTTP connection pool is created on the first call.
"""

from __future__ import annotations

import contextvars
import ssl
import threading
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Self, TypeVar, overload

import attrs
import httpx

from .call import NO_OPTIONS, Call, RequestOptions
from .config import ClientConfig
from .errors import ConfigurationError
from .flow import call_flow, drive_async, drive_sync
from .logs import remember_secret
from .operation import Operation
from .redirects import check_location, check_location_async
from .registry import plugin_manager
from .request import check_credentials, check_headers

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

    from .downloads import AsyncByteStream, AsyncTextStream, ByteStream, TextStream
    from .security import SecurityScheme, TokenExchange
    from .streams import AsyncEventStream, AsyncJsonLines, EventStream, JsonLines
    from .uploads import Upload

T = TypeVar("T")
_SETTINGS = frozenset(a.name for a in attrs.fields(ClientConfig) if a.init) - {"base_url", "distribution", "version",
                                                                                 "security_schemes", "token_exchange"}


class _ClientBase:
    """What the sync and async clients share: settings, plugins, auth and the navigation listing."""

    #: Names of the categories and groups directly under the client, set by generated code.
    _children: ClassVar[tuple[str, ...]] = ()
    #: The distribution name and version, for the User-Agent header.
    _distribution: ClassVar[str] = "specloom-client"
    _version: ClassVar[str] = "0"
    #: The spec's security schemes by name, set by generated code (``None``: a package that predates them).
    _security_schemes: ClassVar[Mapping[str, SecurityScheme] | None] = None
    #: The spec's token endpoint for client credentials, set by generated code.
    _token_exchange: ClassVar[TokenExchange | None] = None

    def __init__(self, base_url: str | None, *, plugins: Sequence[object], entry_points: bool, settings: dict[str, Any]) -> None:
        unknown = sorted(set(settings) - _SETTINGS)
        if unknown:
            import difflib  # only to explain a mistake
            hints = [f"{u!r} (did you mean {close[0]!r}?)" if (close := difflib.get_close_matches(u, _SETTINGS, 1)) else repr(u) for u in unknown]
            raise ConfigurationError(f"unknown client setting {', '.join(hints)}")
        if "timeout" in settings and not isinstance(settings["timeout"], httpx.Timeout):
            settings["timeout"] = httpx.Timeout(settings["timeout"])
        config = ClientConfig(base_url=(base_url or "").rstrip("/"), distribution=self._distribution, version=self._version,
                              security_schemes=self._security_schemes, token_exchange=self._token_exchange, **settings)
        self._plugins = plugin_manager(plugins, entry_points=entry_points)
        self._plugins.hook.configure(config=config)
        for secret in config.secrets():
            remember_secret(secret)
        if not config.base_url:
            raise ConfigurationError("base_url is required (or cli_config pointing at a CLI login that names the control plane)")
        config.check()
        check_headers(config.headers, "headers")
        check_credentials(config)
        config.freeze()
        self.config = config
        self._auth: httpx.Auth | None = self._plugins.hook.auth_flow(config=config)

    @property
    def base_url(self) -> str:
        return self.config.base_url

    def options(self) -> list[str]:
        """The categories (and ungrouped groups) reachable from this client."""
        return list(self._children)

    def _call(self, operation: Operation[Any], arguments: dict[str, Any], options: RequestOptions | None) -> Call:
        _warn_if_deprecated(operation)
        return Call(operation, arguments, options or NO_OPTIONS, self.config)

    def _transport_settings(self, check_location: Callable[[httpx.Response], Any]) -> dict[str, Any]:
        config = self.config
        limits = httpx.Limits(max_connections=config.max_connections, max_keepalive_connections=config.max_keepalive_connections)
        proxy = httpx.Proxy(config.proxy, headers=config.proxy_headers) if config.proxy else None
        return {"timeout": config.timeout, "verify": _tls(config), "cert": config.client_cert, "proxy": proxy,
                "limits": limits, "trust_env": config.trust_env, "follow_redirects": False, "http2": config.http2,
                "event_hooks": {"response": [check_location]}}  # fmt: skip

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, auth={self._auth!r})"


class BaseClient(_ClientBase):
    """A synchronous client; one instance may be shared by many threads. Close it, or use ``with``."""

    def __init__(
        self,
        base_url: str | None = None,
        *,
        plugins: Sequence[object] = (),
        entry_points: bool = True,
        http_client: httpx.Client | None = None,
        **settings: Any,
    ) -> None:
        super().__init__(base_url, plugins=plugins, entry_points=entry_points, settings=settings)
        self._http_client = http_client
        self._lock = threading.Lock()

    @property
    def _http(self) -> httpx.Client:
        # Created on first use: its TLS context costs more than importing the whole package.
        if self._http_client is None:
            with self._lock:
                if self._http_client is None:
                    self._http_client = _prepared(httpx.Client(**self._transport_settings(check_location)), self.config)
        return self._http_client

    def call(self, operation: Operation[T], *, request_options: RequestOptions | None = None, **arguments: Any) -> T:
        """Send ``operation`` with ``arguments`` (path, query, headers, cookies, body) and decode its answer."""
        call = self._call(operation, arguments, request_options)
        result: T = drive_sync(call_flow(self._plugins.hook, self._auth, call), self._http)
        return result

    def upload_presigned(self, url: str, body: Upload, *, method: str = "PUT", content_type: str | None = "application/octet-stream",
                         request_options: RequestOptions | None = None) -> httpx.Response:
        """Send ``body`` (bytes, a path, a binary file, an iterator, a ``File``) to a presigned ``url``, with no
        credential or header of the client's (:mod:`specloom_runtime.presigned`); the storage host's answer.

        ``content_type=None`` sends no Content-Type (for a URL signed without one); a non-2xx answer raises
        the ``ApiError`` of its status.
        """
        from .presigned import presigned_operation  # loaded by the first such upload

        return self.call(presigned_operation(url, method, content_type), url=url, body=body,
                         request_options=request_options)

    def close(self) -> None:
        if self._http_client is not None:
            self._http_client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class BaseThreadedClient(BaseClient):
    """A sync client meant to be shared by threads, with a pool to run many calls at once."""

    def __init__(self, base_url: str | None = None, *, max_workers: int = 8, **kwargs: Any) -> None:
        super().__init__(base_url, **kwargs)
        self._max_workers = max_workers
        self._executor: ThreadPoolExecutor | None = None

    def run_concurrently(self, calls: Iterable[Callable[[], T]], *, return_exceptions: bool = False) -> list[T | BaseException]:
        """Run each zero-argument callable (e.g. ``lambda: client.x.y.get(id=i)``) in the pool; results in order.

        With ``return_exceptions`` a call's error takes its place in the list;
        otherwise the first error (in order) is raised once all calls are done.
        """
        from concurrent.futures import ThreadPoolExecutor  # on first use, not at import

        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(self._max_workers, thread_name_prefix=f"{self._distribution}-call")
        # Each call runs in a copy of the caller's context, so capture_calls() and other
        # context-bound state see calls made through the pool.
        futures = [self._executor.submit(contextvars.copy_context().run, fn) for fn in calls]
        results: list[T | BaseException] = []
        for future in futures:
            error = future.exception()
            results.append(error if error is not None else future.result())
        first_error = next((r for r in results if isinstance(r, BaseException)), None)
        if first_error is not None and not return_exceptions:
            raise first_error
        return results

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True)
        super().close()


class BaseAsyncClient(_ClientBase):
    """An asyncio client; use it as an async context manager or await :meth:`aclose`."""

    def __init__(
        self,
        base_url: str | None = None,
        *,
        plugins: Sequence[object] = (),
        entry_points: bool = True,
        http_client: httpx.AsyncClient | None = None,
        **settings: Any,
    ) -> None:
        super().__init__(base_url, plugins=plugins, entry_points=entry_points, settings=settings)
        self._http_client = http_client

    @property
    def _http(self) -> httpx.AsyncClient:
        # Created on first use, like the sync client's; no await between check and set.
        if self._http_client is None:
            settings = self._transport_settings(check_location_async)
            http = httpx.AsyncClient(transport=_async_transport(self.config, settings), **settings)
            self._http_client = _prepared(http, self.config)
        return self._http_client

    # A streaming operation's decode is typed with the sync stream; read asynchronously, it gives the async one.
    @overload
    async def call(self, operation: Operation[EventStream[T]], *, request_options: RequestOptions | None = None,
                   **arguments: Any) -> AsyncEventStream[T]: ...
    @overload
    async def call(self, operation: Operation[JsonLines[T]], *, request_options: RequestOptions | None = None,
                   **arguments: Any) -> AsyncJsonLines[T]: ...
    @overload
    async def call(self, operation: Operation[TextStream], *, request_options: RequestOptions | None = None,
                   **arguments: Any) -> AsyncTextStream: ...
    @overload
    async def call(self, operation: Operation[ByteStream], *, request_options: RequestOptions | None = None,
                   **arguments: Any) -> AsyncByteStream: ...
    @overload
    async def call(self, operation: Operation[T], *, request_options: RequestOptions | None = None, **arguments: Any) -> T: ...
    async def call(self, operation: Operation[Any], *, request_options: RequestOptions | None = None, **arguments: Any) -> Any:
        """Send ``operation`` with ``arguments`` (path, query, headers, cookies, body) and decode its answer."""
        call = self._call(operation, arguments, request_options)
        return await drive_async(call_flow(self._plugins.hook, self._auth, call), self._http)

    async def upload_presigned(self, url: str, body: Upload, *, method: str = "PUT",
                               content_type: str | None = "application/octet-stream",
                               request_options: RequestOptions | None = None) -> httpx.Response:
        """The async twin of :meth:`BaseClient.upload_presigned` (an async iterator may be the body)."""
        from .presigned import presigned_operation  # loaded by the first such upload

        return await self.call(presigned_operation(url, method, content_type), url=url, body=body,
                               request_options=request_options)

    async def aclose(self) -> None:
        if self._http_client is not None:
            await self._http_client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()


def _tls(config: ClientConfig) -> ssl.SSLContext | bool:
    if config.base_url.startswith("http://") and not config.proxy:
        # Loading the CA bundle is most of a first call's cost, and a plain-http client never
        # needs it: verification stays on with no CA trusted, so any https hop fails closed.
        return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if not config.verify:
        return False
    if config.ca_bundle:
        return ssl.create_default_context(cafile=config.ca_bundle)
    return True


class _NoCookies(httpx.Cookies):
    """A cookie jar that keeps nothing.

    The runtime builds every request itself and sends it with ``send()``, which adds no cookie
    of the client's jar: what httpx stores there from each answer's ``Set-Cookie`` is never sent.
    Storing it is not free (httpx wraps every answer and its request in urllib objects first:
    ~27 us a call, a tenth of a sync call's CPU on loopback; issue 15), and a jar kept forever only grows.
    """

    def extract_cookies(self, response: httpx.Response) -> None:
        return None


HttpClient = TypeVar("HttpClient", httpx.Client, httpx.AsyncClient)


def _prepared(http: HttpClient, config: ClientConfig) -> HttpClient:
    """``http`` as the runtime sends through it: no cookie jar; over HTTP/2, two httpcore defects mended."""
    # httpx's ``cookies`` setter copies into a plain jar; only its attribute takes this one.
    http._cookies = _NoCookies()
    if config.http2:
        from . import http2  # needs h2, which only HTTP/2 needs

        http2.mend(http)
    return http


def _async_transport(config: ClientConfig, settings: dict[str, Any]) -> httpx.AsyncBaseTransport | None:
    """The transport the async client sends over (``None``: httpx's own); aiohttp is imported only here."""
    chosen = config.async_transport
    if isinstance(chosen, httpx.AsyncBaseTransport):
        return chosen
    if chosen == "httpx" or chosen is None and config.http2:
        return None
    from .aiohttp_transport import AiohttpTransport

    ssl_context = httpx.create_ssl_context(verify=settings["verify"], cert=settings["cert"], trust_env=config.trust_env)
    return AiohttpTransport(ssl_context=ssl_context, limits=settings["limits"])


def _warn_if_deprecated(operation: Operation[Any]) -> None:
    if operation.deprecated:
        warnings.warn(
            f"{operation.operation_id} ({operation.method} {operation.path}) is deprecated",
            DeprecationWarning,
            stacklevel=5,
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
