"""Streamed answers: server-sent events and JSON lines, each item decoded as it arrives.

An operation whose success answer is ``text/event-stream`` or JSON lines
(``application/x-ndjson``, ``application/jsonl``, ``application/json-seq``) returns a
stream instead of a buffered value: the transport loop leaves the body unread and the
stream owns the response from then on. Items are decoded with the operation's codec,
leniently like any other answer (``strict_responses`` refuses what does not fit).

Every stream is an iterator (an async iterator for the async client) and a context
manager. The connection goes back to the pool when the stream ends, fails, is closed,
leaves a ``with`` block, or is garbage-collected (async: at the event loop's next turn,
since closing awaits). A stalled read raises
:class:`~specloom_runtime.errors.ApiTimeoutError` after the client's read timeout.
Nothing is retried once the stream has begun.

Server-sent events are parsed by httpx-sse (the WHATWG rules: CR, LF and CRLF line
ends, comments, multi-line data, ``id`` and ``retry``); a ``data: [DONE]`` event ends
the stream and an ``error`` event raises :class:`~specloom_runtime.errors.StreamError`.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, Self, TypeVar, overload

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
_RECORD_SEPARATOR = b"\x1e"
#: Reads one JSON text; ``raw_decode`` skips the whitespace scans ``json.loads`` makes (a line is stripped).
_JSON = json.JSONDecoder()
_new_tuple = tuple.__new__


class ServerSentEvent(NamedTuple, Generic[T]):
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
        self.answer = f"{self.what} -> {response.status_code}"  # names each item's decoding problems
        self.retry: int | None = None
        self.last_event_id = ""
        #: A parsed item read with the codec (none: as parsed).
        self.decoded: Callable[[Any], Any]
        if codec is None:
            self.decoded = _as_parsed
        elif strict:
            self.decoded = partial(decode_value, strict=True, codec=codec, response=response, what=self.answer)
        else:
            self.decoded = codec.reader(self.answer)

    def event(self, sse: httpx_sse.ServerSentEvent) -> ServerSentEvent[T]:
        # Each field of the event read once: they are properties, and this runs for every event.
        data = sse.data
        retry = sse.retry
        if retry is not None:
            self.retry = retry
        event_id = self.last_event_id = sse.id
        if not data:
            # httpx-sse hands over blocks without data (a lone "id:", "retry:" or "event:"); the WHATWG
            # rules dispatch no event for them. (It cannot tell "data:" with nothing after it apart.)
            return _SKIP  # type: ignore[no-any-return]
        if data == _DONE:
            return _END  # type: ignore[no-any-return]
        name = sse.event
        if name == "error":
            raise StreamError(f"{self.what}: the server ended the stream with an error: {data}",
                              request_id=self.request_id, event=data)
        if self.codec is not None:  # (else a text stream: each event's data as it came)
            try:
                body = _parse(data.strip())
            except (ValueError, RecursionError):
                body = data  # not JSON: kept as text, and the codec reports it where it does not fit
            data = self.decoded(body)
        return _new_tuple(ServerSentEvent, (data, name, event_id, self.retry))  # (skips NamedTuple's __new__)

    def line(self, record: bytes) -> T:
        """One record of a JSON-lines stream (its separator removed)."""
        record = record.strip()
        if not record:
            return _SKIP  # type: ignore[no-any-return]
        try:
            body = _parse(record.decode())
        except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
            raise StreamError(f"{self.what}: a line of the stream is not JSON ({type(exc).__name__}: {exc})",
                              request_id=self.request_id) from exc
        return self.decoded(body)  # type: ignore[no-any-return]

    def failure(self, exc: Exception) -> Exception:
        """What a failure while reading raises: typed errors as they are, transport errors wrapped."""
        if isinstance(exc, httpx.TransportError):
            return wrap_transport_error(exc, self.what)
        if isinstance(exc, SpecloomError):
            return exc
        return StreamError(f"{self.what}: the stream cannot be read ({type(exc).__name__}: {exc})",
                           request_id=self.request_id)


def _as_parsed(body: Any) -> Any:
    return body


def _parse(text: str) -> Any:
    """One JSON text (stripped of surrounding whitespace), as ``json.loads`` reads it."""
    body, end = _JSON.raw_decode(text)
    if end != len(text):
        raise ValueError(f"extra data after the JSON value at character {end}")
    return body


class _Streamed(Generic[T, FS]):
    """What both kinds of stream hold: the response they own and the items read from it."""

    def __init__(self, items: _Items[Any], values: FS) -> None:
        self.response = items.response
        self._items = items
        # A generator that reads, decodes and yields the items: iterating a stream resumes just it.
        # It holds the response, not the stream, so a stream dropped half-read is collected at once.
        self._values = values


class Stream(_Streamed[T, Iterator[T]]):
    """A streamed answer read on the calling thread: iterate it, preferably in a ``with`` block."""

    def __iter__(self) -> Iterator[T]:
        return self._values

    def __next__(self) -> T:
        return next(self._values)

    def close(self) -> None:
        """Stop reading and give the connection back; safe to call more than once."""
        if not self.response.is_closed:
            self.response.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __del__(self) -> None:
        # A stream dropped half-read would otherwise hold its connection until the pool is closed.
        if hasattr(self, "response"):
            self.close()


class AsyncStream(_Streamed[T, AsyncIterator[T]]):
    """A streamed answer read on the event loop: ``async for`` over it, preferably in ``async with``."""

    def __init__(self, items: _Items[Any], values: AsyncIterator[T]) -> None:
        super().__init__(items, values)
        self._loop = asyncio.get_running_loop()

    def __aiter__(self) -> AsyncIterator[T]:
        return self._values

    async def __anext__(self) -> T:
        return await anext(self._values)

    async def aclose(self) -> None:
        """Stop reading and give the connection back; safe to call more than once."""
        if not self.response.is_closed:
            await self.response.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    def __del__(self) -> None:
        # Closing awaits, which a finalizer cannot: the loop the stream was read on does it soon after.
        # (Once iterated, the generator's own finalization would too; a stream never iterated has none.)
        if hasattr(self, "_loop") and not self.response.is_closed and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(_close_later, self.response)


#: Closings scheduled by dropped async streams, held until done (the loop keeps only weak references).
_CLOSING: set[asyncio.Task[None]] = set()


def _close_later(response: httpx.Response) -> None:
    task = asyncio.ensure_future(response.aclose())
    _CLOSING.add(task)
    task.add_done_callback(_CLOSING.discard)


def _values(items: _Items[Any], frames: Iterator[Any], item: Callable[[Any], T]) -> Iterator[T]:
    """The items of a stream read on the calling thread; the response is closed however it ends."""
    response = items.response
    try:
        for frame in frames:
            value = item(frame)
            if value is _END:
                break
            if value is not _SKIP:
                yield value
                if response.is_closed:  # closed by the caller between two items
                    return
    except Exception as exc:
        raise items.failure(exc) from exc
    finally:  # the end, a failure, or the generator closed or collected half-read
        response.close()


async def _avalues(items: _Items[Any], frames: AsyncIterator[Any], item: Callable[[Any], T]) -> AsyncIterator[T]:
    """The items of a stream read on the event loop (see :func:`_values`)."""
    response = items.response
    try:
        async for frame in frames:
            value = item(frame)
            if value is _END:
                break
            if value is not _SKIP:
                yield value
                if response.is_closed:
                    return
    except Exception as exc:
        raise items.failure(exc) from exc
    finally:  # also when the event loop finalizes the generator of a stream dropped half-read
        await response.aclose()


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
            return AsyncEventStream(items, _avalues(items, source.aiter_sse(), items.event))
        return EventStream(items, _values(items, source.iter_sse(), items.event))

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
        # Records end at LF (NDJSON, JSON Lines) or begin at RS (JSON text sequences, whose texts may span lines).
        separator = _RECORD_SEPARATOR if media_type(response) == "application/json-seq" else b"\n"
        if _is_async(response):
            return AsyncJsonLines(items, _avalues(items, _arecords(response.aiter_bytes(), separator), items.line))
        return JsonLines(items, _values(items, _records(response.iter_bytes(), separator), items.line))

    return open_lines


class _Splitter:
    """Cuts a byte stream into records at a separator, across chunk boundaries (bytes.split does the work:
    no per-character loop, and no text decoding of a record that is never read)."""

    def __init__(self, separator: bytes) -> None:
        self.separator = separator
        self.pending: list[bytes] = []

    def feed(self, chunk: bytes) -> list[bytes]:
        if self.separator not in chunk:
            self.pending.append(chunk)
            return []
        if self.pending:
            self.pending.append(chunk)
            chunk = b"".join(self.pending)
        *records, rest = chunk.split(self.separator)
        self.pending = [rest] if rest else []
        return records

    def rest(self) -> list[bytes]:
        return [b"".join(self.pending)] if self.pending else []


def _records(chunks: Iterator[bytes], separator: bytes) -> Iterator[bytes]:
    splitter = _Splitter(separator)
    for chunk in chunks:
        yield from splitter.feed(chunk)
    yield from splitter.rest()


async def _arecords(chunks: AsyncIterator[bytes], separator: bytes) -> AsyncIterator[bytes]:
    splitter = _Splitter(separator)
    async for chunk in chunks:
        for record in splitter.feed(chunk):
            yield record
    for record in splitter.rest():
        yield record


def media_type(response: httpx.Response) -> str:
    """The answer's media type (``text/csv``), lower case, without parameters; ``""`` when it names none."""
    content_type: str = response.headers.get("content-type", "")
    return content_type.partition(";")[0].strip().lower()
