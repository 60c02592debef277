"""Streamed answers: server-sent events and JSON lines, each item decoded as it arrives.

An operation whose success answer is ``text/event-stream`` or JSON lines
(``application/x-ndjson``, ``application/jsonl``, ``application/json-seq``) returns a
stream instead of a buffered value: the transport loop leaves the body unread and the
stream owns the response from then on. Items are decoded with the operation's codec,
leniently like any other answer (``strict_responses`` refuses what does not fit).

Every stream is an iterator (an async iterator for the async client) and a context
manager. The connection goes back to the pool when the stream ends, fails, is closed,
leaves a ``with`` block, or (sync) is garbage-collected. A stalled read raises
:class:`~specloom_runtime.errors.ApiTimeoutError` after the client's read timeout.
Nothing is retried once the stream has begun.

Server-sent events are parsed by httpx-sse (the WHATWG rules: CR, LF and CRLF line
ends, comments, multi-line data, ``id`` and ``retry``); a ``data: [DONE]`` event ends
the stream and an ``error`` event raises :class:`~specloom_runtime.errors.StreamError`.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable, Iterator
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar, overload

import attrs
import httpx

from .decoding import Codec, decode_value
from .errors import SpecloomError, StreamError, request_id_of, wrap_transport_error

if TYPE_CHECKING:
    import httpx_sse

T = TypeVar("T")
#: The frames a stream reads (httpx-sse events, lines of text): an iterator, or an async iterator.
FS = TypeVar("FS")

JSON_LINES_MEDIA_TYPES = frozenset({"application/x-ndjson", "application/jsonl", "application/json-seq"})
#: What a frame becomes when it carries no item (a blank line): the stream reads on.
_SKIP: Any = object()
#: What the ``[DONE]`` event becomes: the end of the stream, as if the body had ended.
_END: Any = object()
_DONE = "[DONE]"
#: Begins each record of application/json-seq (RFC 7464).
_RECORD_SEPARATOR = "\x1e"


@attrs.frozen
class ServerSentEvent(Generic[T]):
    """One event: its ``data`` decoded as the operation's answer, and the event's fields as sent.

    ``id`` is the last event id seen on the stream (the WHATWG rule), ``""`` before any;
    ``retry`` the reconnection time (ms) the server last asked for, ``None`` before any.
    """

    data: T
    event: str = "message"
    id: str = ""
    retry: int | None = None


class _Items(Generic[T]):
    """Turns frames into decoded items: the part of a stream the sync and async ones share."""

    def __init__(self, response: httpx.Response, codec: Codec[T] | None, strict: bool) -> None:
        self.response = response
        self.codec = codec
        self.strict = strict
        self.request_id = request_id_of(response)
        self.what = f"{response.request.method} {response.request.url.path}"
        self.retry: int | None = None
        self.last_event_id = ""

    def value(self, text: str) -> Any:
        """``text`` decoded with the codec; without one (a text stream) the text as it came."""
        if self.codec is None:
            return text
        try:
            body = json.loads(text)
        except (ValueError, RecursionError):
            body = text  # not JSON: kept as text, and the codec reports it where it does not fit
        return decode_value(body, self.strict, self.codec, self.response)

    def event(self, sse: httpx_sse.ServerSentEvent) -> ServerSentEvent[T]:
        if sse.retry is not None:
            self.retry = sse.retry
        self.last_event_id = sse.id
        if not sse.data:
            # httpx-sse hands over blocks without data (a lone "id:", "retry:" or "event:"); the WHATWG
            # rules dispatch no event for them. (It cannot tell "data:" with nothing after it apart.)
            return _SKIP  # type: ignore[no-any-return]
        if sse.data == _DONE:
            return _END  # type: ignore[no-any-return]
        if sse.event == "error":
            raise StreamError(f"{self.what}: the server ended the stream with an error: {sse.data}",
                              request_id=self.request_id, event=sse.data)
        return ServerSentEvent(self.value(sse.data), sse.event, sse.id, self.retry)

    def line(self, line: str) -> T:
        text = line.lstrip(_RECORD_SEPARATOR).strip()
        if not text:
            return _SKIP  # type: ignore[no-any-return]
        try:
            body = json.loads(text)
        except (ValueError, RecursionError) as exc:
            raise StreamError(f"{self.what}: a line of the stream is not JSON ({type(exc).__name__}: {exc})",
                              request_id=self.request_id) from exc
        if self.codec is None:
            return body  # type: ignore[no-any-return]
        return decode_value(body, self.strict, self.codec, self.response)

    def failure(self, exc: Exception) -> Exception:
        """What a failure while reading raises: typed errors as they are, transport errors wrapped."""
        if isinstance(exc, httpx.TransportError):
            return wrap_transport_error(exc, self.what)
        if isinstance(exc, SpecloomError):
            return exc
        return StreamError(f"{self.what}: the stream cannot be read ({type(exc).__name__}: {exc})",
                           request_id=self.request_id)


class _Streamed(Generic[T, FS]):
    """What both kinds of stream hold: the response they own, its frames and how a frame becomes an item."""

    def __init__(self, items: _Items[Any], frames: FS, item: Callable[[Any], T]) -> None:
        self.response = items.response
        self._items = items
        self._frames = frames
        self._item = item
        self._closed = False


class Stream(_Streamed[T, Iterator[Any]]):
    """A streamed answer read on the calling thread: iterate it, preferably in a ``with`` block."""

    def __iter__(self) -> Self:
        return self

    def __next__(self) -> T:
        if self._closed:
            raise StopIteration
        try:
            for frame in self._frames:
                value = self._item(frame)
                if value is _END:
                    break
                if value is not _SKIP:
                    return value
        except Exception as exc:
            self.close()
            raise self._items.failure(exc) from exc
        self.close()
        raise StopIteration

    def close(self) -> None:
        """Stop reading and give the connection back; safe to call more than once."""
        if not self._closed:
            self._closed = True
            self.response.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __del__(self) -> None:
        # A stream dropped half-read would otherwise hold its connection until the pool is closed.
        if not getattr(self, "_closed", True):
            self.close()


class AsyncStream(_Streamed[T, AsyncIterator[Any]]):
    """A streamed answer read on the event loop: ``async for`` over it, preferably in ``async with``."""

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> T:
        if self._closed:
            raise StopAsyncIteration
        try:
            async for frame in self._frames:
                value = self._item(frame)
                if value is _END:
                    break
                if value is not _SKIP:
                    return value
        except Exception as exc:
            await self.aclose()
            raise self._items.failure(exc) from exc
        await self.aclose()
        raise StopAsyncIteration

    async def aclose(self) -> None:
        """Stop reading and give the connection back; safe to call more than once."""
        if not self._closed:
            self._closed = True
            await self.response.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()


class _Resumable:
    """What a caller needs to resume an event stream that broke off."""

    _items: _Items[Any]

    @property
    def last_event_id(self) -> str:
        """The last event id the server sent (``""`` before any): pass it back to resume after it,
        ``request_options=RequestOptions(headers={"Last-Event-ID": stream.last_event_id})``."""
        return self._items.last_event_id


class EventStream(_Resumable, Stream[ServerSentEvent[T]]):
    """Server-sent events, each one's data decoded as the operation's answer."""


class AsyncEventStream(_Resumable, AsyncStream[ServerSentEvent[T]]):
    """Server-sent events (async), each one's data decoded as the operation's answer."""


class JsonLines(Stream[T]):
    """JSON lines (NDJSON, JSON Lines, JSON text sequences): one decoded item per line."""


class AsyncJsonLines(AsyncStream[T]):
    """JSON lines (async): one decoded item per line."""


def _event_source(response: httpx.Response) -> httpx_sse.EventSource:
    import httpx_sse  # here: only packages with an event-stream operation pay for it

    # Event streams are always UTF-8 (WHATWG); "-sig" drops the byte-order mark a stream may begin with.
    response.encoding = "utf-8-sig"
    return httpx_sse.EventSource(response)


def _is_async(response: httpx.Response) -> bool:
    return isinstance(response.stream, httpx.AsyncByteStream)


@overload
def event_stream() -> Callable[[httpx.Response, bool], EventStream[str]]: ...
@overload
def event_stream(codec: Codec[T]) -> Callable[[httpx.Response, bool], EventStream[T]]: ...
def event_stream(codec: Codec[Any] | None = None) -> Callable[[httpx.Response, bool], EventStream[Any]]:
    """The ``decode`` of an event-stream operation: each event's data read with ``codec`` (none: kept as text).

    The async client gets an :class:`AsyncEventStream` from it (its response is read asynchronously).
    """

    def open_events(response: httpx.Response, strict: bool) -> Any:
        items: _Items[Any] = _Items(response, codec, strict)
        source = _event_source(response)
        if _is_async(response):
            return AsyncEventStream(items, source.aiter_sse(), items.event)
        return EventStream(items, source.iter_sse(), items.event)

    return open_events


@overload
def json_lines() -> Callable[[httpx.Response, bool], JsonLines[Any]]: ...
@overload
def json_lines(codec: Codec[T]) -> Callable[[httpx.Response, bool], JsonLines[T]]: ...
def json_lines(codec: Codec[Any] | None = None) -> Callable[[httpx.Response, bool], JsonLines[Any]]:
    """The ``decode`` of a JSON-lines operation: each line read with ``codec`` (none: as parsed JSON).

    The async client gets an :class:`AsyncJsonLines` from it.
    """

    def open_lines(response: httpx.Response, strict: bool) -> Any:
        items: _Items[Any] = _Items(response, codec, strict)
        if _is_async(response):
            return AsyncJsonLines(items, response.aiter_lines(), items.line)
        return JsonLines(items, response.iter_lines(), items.line)

    return open_lines
