"""The async client's default HTTP/1.1 transport: httpx's client over aiohttp's connection pool.

httpx's own async transport (httpcore on anyio) spends most of a call's time in its
pool's bookkeeping once many calls are in flight: on loopback it manages ~230 calls/s
at 64 concurrent calls where aiohttp's pool manages ~1,500. This transport keeps
everything else httpx's — the client, auth flows, timeouts, event hooks, proxies
(httpx mounts its own transport for those) and decoding — and hands only the
connection work to aiohttp.

It sends what httpx built, byte for byte: the URL as encoded (aiohttp would otherwise
requote it, turning ``%2E%2E`` back into ``..`` and normalising it away), the headers
as they are (aiohttp adds none of its own: no ``Accept``, ``User-Agent`` or
``Content-Type``), no cookies of aiohttp's (httpx keeps the client's), no redirects
followed, no decompression (httpx does both) and no silent replay of a request whose
reused connection broke (the retry plugin decides every replay). aiohttp's errors become the httpx
errors httpcore raises for the same failure, so the runtime's typed errors and retry
decisions do not depend on the transport; an upload that fails as it is read raises
its own error, as it does over httpcore.

Timeouts: ``connect`` bounds opening a connection, ``pool`` waiting for a free one,
``read`` each wait for data (also between the chunks of a stream). aiohttp has no
write timeout: ``write`` is not applied on this transport.

(httpx-aiohttp 0.2.0 does this job too, but sends URLs through yarl's requoting and
reports a refused connection or a server that hung up as a ``ConnectTimeout`` — which
the retry plugin rightly takes for "nothing was sent" and would replay a POST after.)
"""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import httpx
import yarl

from .errors import SpecloomError

# aiohttp's errors, most specific first, and the httpx error httpcore raises for the same failure.
# ClientConnectorError and the connect timeout come before anything was sent (the retry plugin replays those).
_ERRORS: tuple[tuple[type[BaseException], type[httpx.TransportError]], ...] = (
    (aiohttp.ConnectionTimeoutError, httpx.ConnectTimeout),  # opening a connection, or waiting for one
    (aiohttp.ServerTimeoutError, httpx.ReadTimeout),  # SocketTimeoutError: no data within the read timeout
    (aiohttp.ClientConnectorError, httpx.ConnectError),  # refused, unreachable, DNS, TLS handshake
    (aiohttp.ServerDisconnectedError, httpx.RemoteProtocolError),  # hung up before answering
    (aiohttp.ClientPayloadError, httpx.RemoteProtocolError),  # the body broke off (or its framing is wrong)
    (aiohttp.ClientResponseError, httpx.RemoteProtocolError),  # not an HTTP answer
    (aiohttp.InvalidURL, httpx.UnsupportedProtocol),
    (aiohttp.ClientConnectionError, httpx.ReadError),  # a reset, a broken pipe
    (aiohttp.ClientError, httpx.TransportError),
    (TimeoutError, httpx.ReadTimeout),
    (OSError, httpx.ReadError),
)
#: The headers aiohttp would add when httpx's request has none: it has its own, or means to send none.
_NO_AUTO_HEADERS = ("Accept", "Accept-Encoding", "User-Agent", "Content-Type")


def translated(exc: BaseException) -> BaseException:
    """What a failure inside aiohttp raises instead: an upload's own error, or the matching httpx error."""
    cause: BaseException | None = exc
    while cause is not None:  # aiohttp wraps an upload's failure (ClientConnectionError from a SpecloomError)
        if isinstance(cause, SpecloomError):
            return cause
        cause = cause.__cause__
    for aiohttp_type, httpx_type in _ERRORS:
        if isinstance(exc, aiohttp_type):
            error = httpx_type(str(exc) or type(exc).__name__)
            error.__cause__ = exc
            return error
    return exc


class _Body(httpx.AsyncByteStream):
    """An answer's body, read from aiohttp as it arrives; closing it gives the connection back (or drops it, half-read)."""

    def __init__(self, response: aiohttp.ClientResponse) -> None:
        self._response = response

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._response.content.iter_any():
                yield chunk
        except (aiohttp.ClientError, OSError, TimeoutError) as exc:
            raise translated(exc)  # it names its cause (the aiohttp error) itself

    async def aclose(self) -> None:
        self._response.release()


def _body(response: aiohttp.ClientResponse) -> httpx.AsyncByteStream:
    """The answer's body: as bytes when all of it came with the head (most small answers), else read as it arrives."""
    content = response.content
    if content.is_eof() and content.exception() is None:
        # Nothing left to wait for: the connection goes back to the pool now, and reading the body
        # costs no trip through aiohttp's stream reader.
        body = content.read_nowait()
        response.release()
        return httpx.ByteStream(body)
    return _Body(response)


class AiohttpTransport(httpx.AsyncBaseTransport):
    """An ``httpx.AsyncBaseTransport`` sending over one aiohttp session, made on first use (on the running loop)."""

    def __init__(self, *, ssl_context: ssl.SSLContext, limits: httpx.Limits) -> None:
        self._ssl = ssl_context
        self._limits = limits
        self._session: aiohttp.ClientSession | None = None

    def _open(self) -> aiohttp.ClientSession:
        connector = aiohttp.TCPConnector(
            limit=self._limits.max_connections or 0,  # 0: no limit, as None is for httpx
            limit_per_host=0,
            keepalive_timeout=self._limits.keepalive_expiry,
            ssl=self._ssl,
        )
        # No cookie jar of aiohttp's: httpx keeps the client's cookies; env proxies are httpx's to mount.
        session = aiohttp.ClientSession(connector=connector, cookie_jar=aiohttp.DummyCookieJar(), trust_env=False,
                                        skip_auto_headers=_NO_AUTO_HEADERS, auto_decompress=False)
        # aiohttp replays a GET whose reused connection the server dropped, unasked; replays are the retry
        # plugin's to decide (max_retries=0 means none), as over httpcore. No public switch: aiohttp's own flag.
        session._retry_connection = False
        return session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._session is None:
            self._session = self._open()
        timeout = request.extensions.get("timeout", {})
        headers = request.headers.multi_items()
        data: Any
        try:
            data = request.content or None
        except httpx.RequestNotRead:  # an upload read as it is sent: aiohttp frames it (Content-Length, or chunked)
            data = request.stream
            headers = [(name, value) for name, value in headers if name.lower() != "transfer-encoding"]
        try:
            response = await self._session.request(
                request.method,
                yarl.URL(str(request.url), encoded=True),
                headers=headers,
                data=data,
                allow_redirects=False,
                timeout=aiohttp.ClientTimeout(total=None, connect=timeout.get("pool"),
                                              sock_connect=timeout.get("connect"), sock_read=timeout.get("read")),
                server_hostname=request.extensions.get("sni_hostname"),
            )
        except (aiohttp.ClientError, OSError, TimeoutError) as exc:
            raise translated(exc)  # it names its cause (the aiohttp error) itself
        extensions: dict[str, Any] = {"http_version": b"HTTP/1.0" if response.version == aiohttp.HttpVersion10 else b"HTTP/1.1"}
        if response.reason:
            extensions["reason_phrase"] = response.reason.encode()
        return httpx.Response(response.status, headers=response.raw_headers, stream=_body(response),
                              request=request, extensions=extensions)

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
