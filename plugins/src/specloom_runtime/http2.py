"""httpcore's HTTP/2 connections with two defects mended, for the clients built with ``http2=True``.

httpcore 1.0.9 (the newest release) has two defects that the runtime suite finds over HTTP/2:

1. **A stream closed before its end stays open.** Closing a response early (a stream left after
   its first event, a download abandoned) sends no RST_STREAM (encode/httpcore#943; the fix,
   encode/httpcore#1098, is unreleased). The server keeps sending into it, h2 keeps counting it
   against the server's ``SETTINGS_MAX_CONCURRENT_STREAMS``, and once that many were left (100
   on most servers) every call on the connection fails with "Max outbound streams is 100, 100
   open". Here such a stream is reset (``CANCEL``), and the data it had received that nobody read
   is given back to the connection's flow-control window.
2. **Threads calling at once break the sync connection.** Every thread calling on it uses its
   TLS socket and its h2 state (neither is safe for threads) at once: two threads pick the same
   stream id, or send their headers out of order (``StreamIDTooLowError``), frames one queues
   while another writes are lost, and reads racing writes break the TLS session. Each loses the
   connection for every call on it. Here a sync connection carries one call at a time: threads
   calling at once get connections of their own from the pool (up to ``max_connections``), as
   over HTTP/1.1. The async connection runs on one thread, and multiplexes.

:func:`mend` makes an httpx client's connection pools build these connections wherever they
would build httpcore's: on a direct connection, or inside a proxy's tunnel. The client owns
its pools, so nothing outside it changes. Imported only when a client asks for HTTP/2, since it needs h2.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

import h2.connection
import h2.errors
import h2.events
import httpcore
import httpx
from httpcore import ConnectionNotAvailable
from httpcore._async.http2 import AsyncHTTP2Connection
from httpcore._sync.http2 import HTTP2Connection

#: How long writing a stream's reset may take (no request's write timeout applies when a response closes).
_RESET_WRITE_TIMEOUT_S = 5.0


def mend(http: httpx.Client | httpx.AsyncClient) -> None:
    """Make every connection pool of ``http`` build the mended HTTP/2 connections of this module."""
    transports: Iterable[object] = (http._transport, *http._mounts.values())
    for transport in transports:
        pool = getattr(transport, "_pool", None)
        if isinstance(pool, httpcore.ConnectionPool):
            _build_mended(pool, functools.partial(MendedHTTP2Connection.of, pool=pool))
        elif isinstance(pool, httpcore.AsyncConnectionPool):
            _build_mended(pool, AsyncMendedHTTP2Connection.of)


def _build_mended(pool: Any, mended: Callable[[Any], object]) -> None:
    """Make the connections ``pool`` creates build ``mended(connection)`` where they build an HTTP/2 connection."""
    create = pool.create_connection

    def create_connection(origin: httpcore.Origin) -> Any:
        connection = create(origin)
        connection.__class__ = _building_mended_class(type(connection))
        connection.mended = mended
        return connection

    pool.create_connection = create_connection


_BUILDING_MENDED: dict[type, type] = {}


def _building_mended_class(cls: type) -> type:
    """``cls`` (one of httpcore's connections that build an HTTP/1.1 or HTTP/2 connection once connected),
    building the mended HTTP/2 connection instead."""
    if cls not in _BUILDING_MENDED:
        _BUILDING_MENDED[cls] = type(cls.__name__, (_BuildsMended, cls), {"__module__": __name__})
    return _BUILDING_MENDED[cls]


class _BuildsMended:
    mended: Callable[[Any], object]

    # Every httpcore connection that negotiates its protocol stores what it built in ``_connection``,
    # before its first request: the one moment a fresh HTTP/2 connection can be swapped.
    @property
    def _connection(self) -> object:
        return self.__dict__["_connection"]

    @_connection.setter
    def _connection(self, connection: object) -> None:
        if type(connection) in (HTTP2Connection, AsyncHTTP2Connection):
            connection = self.mended(connection)
        self.__dict__["_connection"] = connection


def _cancel(state: h2.connection.H2Connection, stream_id: int, unread: Iterable[h2.events.Event]) -> bool:
    """Reset ``stream_id`` if it is still open, giving back the flow-control window its ``unread``
    data holds; ``True`` when there is a reset to send."""
    stream = state.streams.get(stream_id)
    if stream is None or stream.closed or state.state_machine.state is h2.connection.ConnectionState.CLOSED:
        return False
    held = sum(event.flow_controlled_length or 0 for event in unread if isinstance(event, h2.events.DataReceived))
    if held:
        state.acknowledge_received_data(held, stream_id)
    state.reset_stream(stream_id, h2.errors.ErrorCodes.CANCEL)
    return True


class MendedHTTP2Connection(HTTP2Connection):
    """httpcore's sync HTTP/2 connection, carrying one call at a time and resetting a stream closed early."""

    def __init__(self, *, pool: httpcore.ConnectionPool, **settings: Any) -> None:
        super().__init__(**settings)
        # Taking and giving back the connection happen under the pool's lock, so that the pool never sees
        # it idle while a call has it (it would close it to make room).
        self._pool_lock = pool._optional_thread_lock
        self._busy = False

    @classmethod
    def of(cls, built: HTTP2Connection, *, pool: httpcore.ConnectionPool) -> MendedHTTP2Connection:
        """A mended connection in place of ``built``, before its first request."""
        return cls(pool=pool, origin=built._origin, stream=built._network_stream, keepalive_expiry=built._keepalive_expiry)

    def handle_request(self, request: httpcore.Request) -> httpcore.Response:
        with self._pool_lock:
            if self._busy:  # the pool gave it to two calls at once: it finds the second another
                raise ConnectionNotAvailable()
            self._busy = True
        try:
            return super().handle_request(request)
        except BaseException:
            with self._pool_lock:
                self._busy = False
            raise

    def is_available(self) -> bool:
        return not self._busy and super().is_available()

    def is_idle(self) -> bool:
        # httpcore's is idle from the end of one stream to the start of the next, even when taken.
        return not self._busy and super().is_idle()

    def _response_closed(self, stream_id: int) -> None:
        try:
            if _cancel(self._h2_state, stream_id, self._events.get(stream_id, ())):
                with self._write_lock:
                    self._network_stream.write(self._h2_state.data_to_send(), _RESET_WRITE_TIMEOUT_S)
        except Exception:  # noqa: BLE001 - the connection is lost: the pool stops using it
            self._connection_error = True
        finally:
            with self._pool_lock:
                super()._response_closed(stream_id)
                self._busy = False


class AsyncMendedHTTP2Connection(AsyncHTTP2Connection):
    """httpcore's async HTTP/2 connection, resetting streams closed early."""

    @classmethod
    def of(cls, built: AsyncHTTP2Connection) -> AsyncMendedHTTP2Connection:
        """A mended connection in place of ``built``, before its first request."""
        return cls(origin=built._origin, stream=built._network_stream, keepalive_expiry=built._keepalive_expiry)

    async def _response_closed(self, stream_id: int) -> None:
        try:
            if _cancel(self._h2_state, stream_id, self._events.get(stream_id, ())):
                async with self._write_lock:
                    await self._network_stream.write(self._h2_state.data_to_send(), _RESET_WRITE_TIMEOUT_S)
        except Exception:  # noqa: BLE001 - the connection is lost: the pool stops using it
            self._connection_error = True
        finally:
            await super()._response_closed(stream_id)
