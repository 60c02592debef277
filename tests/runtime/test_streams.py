"""Streamed answers (issue 11): server-sent events and NDJSON through the generated client, in every kind.

``follow_workload_logs`` answers ``text/event-stream`` (each event's data a ``LogLine``),
``stream_workload_events`` ``application/x-ndjson`` (each line an ``Event``). The test
server sends its own stream unless a test scripts the exact bytes (``script_stream``).
"""

from __future__ import annotations

import asyncio
import inspect
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from specloom_runtime import (
    ApiConnectionError,
    ApiTimeoutError,
    NotFoundError,
    RequestOptions,
    SpecloomError,
    StreamError,
    decode_issues,
    hookimpl,
)

from tests.runtime.harness import FAST, Harness
from tests.servers import ControlPlaneServer
from tests.servers.controlplane_api import WORKLOAD_ID
from tests.servers.faults import Fault
from tests.support import wait_for

LOGS_STREAM = "/api/v1/workloads/{workloadId}/logs/stream"
EVENTS_STREAM = "/api/v1/workloads/{workloadId}/events/stream"


def follow_logs(client: Any, workload_id: str = WORKLOAD_ID) -> Any:
    return client.workloads.workloads.follow_workload_logs(workload_id=workload_id)


def event_feed(client: Any) -> Any:
    return client.workloads.events.stream_workload_events(workload_id=WORKLOAD_ID)


def read_all(open_stream: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A call that opens a stream and reads it to its end in a ``with`` block, the client's way: the items."""

    def fn(client: Any) -> Any:
        opened = open_stream(client)
        if inspect.isawaitable(opened):

            async def consume() -> list[Any]:
                async with await opened as stream:
                    return [item async for item in stream]

            return consume()
        with opened as stream:
            return list(stream)

    return fn


def read_until_error_keeping_the_stream(open_stream: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Like :func:`read_until_error`, also handing back the stream itself: (stream, items, error)."""

    def fn(client: Any) -> Any:
        items: list[Any] = []
        opened = open_stream(client)
        if inspect.isawaitable(opened):

            async def consume() -> tuple[Any, list[Any], BaseException | None]:
                stream = await opened
                try:
                    async for item in stream:
                        items.append(item)
                except Exception as exc:  # noqa: BLE001 - handed back to the test
                    return stream, items, exc
                return stream, items, None

            return consume()
        try:
            items.extend(opened)
        except Exception as exc:  # noqa: BLE001 - handed back to the test
            return opened, items, exc
        return opened, items, None

    return fn


def read_until_error(open_stream: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A call that reads a stream until it fails: (the items read before, the error)."""
    keeping = read_until_error_keeping_the_stream(open_stream)

    def fn(client: Any) -> Any:
        result = keeping(client)
        if inspect.isawaitable(result):

            async def without_the_stream() -> tuple[list[Any], BaseException | None]:
                _, items, error = await result
                return items, error

            return without_the_stream()
        _, items, error = result
        return items, error

    return fn


def leave_after_first(how: str) -> Callable[[Any], Any]:
    """A call that reads the first log event and leaves: ``break`` out of a loop in a ``with`` block,
    ``with`` after one ``next``, ``close`` explicitly, or ``drop`` the stream.

    It returns (the first event, the stream): the test keeps every stream alive, so only leaving it
    released its connection, not the garbage collector; for ``drop``, ``None``, so the collector does.
    """

    def fn(client: Any) -> Any:
        opened = follow_logs(client)
        if inspect.isawaitable(opened):

            async def consume() -> Any:
                stream = await opened
                if how == "close":
                    first = await anext(stream)
                    await stream.aclose()
                    return first, stream
                if how == "drop":
                    return await anext(stream), None
                async with stream:
                    if how == "with":
                        return await anext(stream), stream
                    async for first in stream:
                        break
                    return first, stream

            return consume()
        stream = opened
        if how == "break":
            with stream:
                for first in stream:
                    break
                return first, stream
        if how == "with":
            with stream:
                return next(stream), stream
        first = next(stream)
        if how == "close":
            stream.close()
            return first, stream
        return first, None  # "drop": the last reference goes here; the stream releases its connection as it is collected

    return fn


def busy_connections(client: Any) -> int:
    """Connections of the client's pool still carrying a request (the pool's internals: no public API says)."""
    transport = client._http._transport
    if hasattr(transport, "_pool"):  # httpcore
        return sum(1 for connection in transport._pool.connections if not connection.is_idle())
    session = transport._session  # aiohttp: the connector's connections handed out and not released
    return 0 if session is None else len(session.connector._acquired)


def plain(event: Any) -> tuple[str, Any, str, int | None]:
    data = event.data.to_dict() if hasattr(event.data, "to_dict") else event.data
    return event.event, data, event.id, event.retry


# -- server-sent events ------------------------------------------------------------------------


def test_three_events_come_back_decoded_and_done_ends_the_stream(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client()

    events = h.run(client, read_all(follow_logs))

    assert [(e.event, e.id, e.data.line) for e in events] == [
        ("log", "1", "epoch 1 loss 0.500"), ("log", "2", "epoch 2 loss 0.333"), ("log", "3", "epoch 3 loss 0.250")]
    assert type(events[0].data).__name__ == "LogLine"
    assert busy_connections(client) == 0


def test_done_ends_the_stream_even_when_more_follows(h: Harness, server: ControlPlaneServer) -> None:
    server.api.script_stream(b'data: {"line": "a"}\n\n', b"data: [DONE]\n\n", b'data: {"line": "after"}\n\n')
    client = h.bearer_client()

    events = h.run(client, read_all(follow_logs))

    assert [e.data.line for e in events] == ["a"]
    assert busy_connections(client) == 0


def test_an_error_event_raises_a_stream_error_with_the_request_id(h: Harness, server: ControlPlaneServer) -> None:
    server.api.script_stream(b'data: {"line": "a"}\n\n', b'event: error\ndata: {"message": "pod evicted"}\n\n',
                             b'data: {"line": "never read"}\n\n')
    client = h.bearer_client()

    events, error = h.run(client, read_until_error(follow_logs))

    assert [e.data.line for e in events] == ["a"]
    assert isinstance(error, StreamError)
    request_id = server.requests_to("GET", LOGS_STREAM)[0].request_id
    assert error.request_id == request_id and request_id in str(error)
    assert error.event == '{"message": "pod evicted"}' and "pod evicted" in str(error)
    assert busy_connections(client) == 0


def test_event_data_is_decoded_leniently(h: Harness, server: ControlPlaneServer) -> None:
    server.api.script_stream(b'data: {"pod": "p", "time": "not a time"}\n\n', b"data: plain words\n\n")
    client = h.bearer_client()

    first, second = h.run(client, read_all(follow_logs))

    assert first.data.pod == "p" and first.data.time == "not a time"  # kept as received
    assert sorted(str(i) for i in decode_issues(first.data)) == ["line: required, missing",
                                                                 "time: expected an RFC 3339 date-time, got 'not a time'"]
    assert second.data == "plain words"  # not JSON: the data as text


def test_strict_responses_refuse_an_event_that_does_not_match(h: Harness, server: ControlPlaneServer) -> None:
    server.api.script_stream(b'data: {"line": 3}\n\n')
    client = h.bearer_client(strict_responses=True)

    events, error = h.run(client, read_until_error(follow_logs))

    assert events == [] and type(error).__name__ == "ResponseDecodeError"
    assert busy_connections(client) == 0


def test_an_error_status_raises_before_any_stream(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client()

    with pytest.raises(NotFoundError):
        h.run(client, lambda c: follow_logs(c, "00000000-0000-4000-8000-000000000000"))
    assert busy_connections(client) == 0


class RefuseAnswers:
    """A plugin that turns every answer into an error before it is decoded."""

    @hookimpl
    def on_response(self, call: Any, response: httpx.Response) -> None:
        raise SpecloomError("refused by a plugin")


def test_a_streamed_answer_refused_before_its_stream_is_made_gives_its_connection_back(
        h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client(plugins=[RefuseAnswers()])

    with pytest.raises(SpecloomError, match="refused by a plugin"):
        h.run(client, read_all(follow_logs))

    assert busy_connections(client) == 0


def test_a_stalled_stream_times_out_with_the_read_timeout(h: Harness, server: ControlPlaneServer) -> None:
    server.api.script_stream(b'data: {"line": "a"}\n\n', 5.0, b'data: {"line": "late"}\n\n')
    client = h.bearer_client(timeout=httpx.Timeout(10, read=0.3))

    events, error = h.run(client, read_until_error(follow_logs))

    assert [e.data.line for e in events] == ["a"]
    assert isinstance(error, ApiTimeoutError)
    assert busy_connections(client) == 0


def test_a_stream_is_retried_before_its_status_line_as_any_get(h: Harness, server: ControlPlaneServer) -> None:
    server.inject(Fault.unavailable(retry_after=None), method="GET", path=LOGS_STREAM)
    client = h.bearer_client(**FAST)

    events = h.run(client, read_all(follow_logs))

    assert len(events) == 3
    assert [e.status for e in server.requests_to("GET", LOGS_STREAM)] == [503, 200]


def test_a_stream_cut_after_its_first_event_is_not_retried(h: Harness, server: ControlPlaneServer) -> None:
    server.api.script_stream(b'data: {"line": "a"}\n\n', b'data: {"line": "b', None)
    client = h.bearer_client(**FAST)

    events, error = h.run(client, read_until_error(follow_logs))

    assert [e.data.line for e in events] == ["a"]
    assert isinstance(error, ApiConnectionError)
    assert len(server.requests_to("GET", LOGS_STREAM)) == 1
    assert busy_connections(client) == 0


@pytest.mark.parametrize("how", ["break", "close", "with", "drop"])
def test_a_thousand_streams_left_after_their_first_event_leave_no_connection_in_use(
        h: Harness, server: ControlPlaneServer, how: str) -> None:
    # Each stream sends one event and then nothing for a minute: the server ends it only when the client
    # goes. Two connections and a short pool timeout: one stream that kept its connection would soon leave
    # a later call waiting for the pool, and fail it with ApiTimeoutError.
    for _ in range(1000):
        server.api.script_stream(b'id: 1\ndata: {"line": "epoch 1 loss 0.500"}\n\n', 60.0)
    client = h.bearer_client(max_connections=2, timeout=httpx.Timeout(10, pool=2))
    leave = leave_after_first(how)

    left = [h.run(client, leave) for _ in range(1000)]
    if how == "drop" and h.kind == "async":
        h.run(client, lambda _: asyncio.sleep(0))  # closing awaits: the loop does it at its next turn

    assert {first.data.line for first, _ in left} == {"epoch 1 loss 0.500"}
    assert busy_connections(client) == 0
    assert len(server.requests_to("GET", LOGS_STREAM)) == 1000
    # The server sees every stream go (each one's minute of silence ends early). Over HTTP/1.1 a stream left
    # unread cannot give its connection back for reuse: the client closes it. Over HTTP/2 the client resets
    # the stream alone and keeps the connection: without that reset, the server's limit of concurrent
    # streams (100) would fail every call after the hundredth.
    wait_for(lambda: server.api.streams_open == 0)
    wait_for(lambda: server.open_connections == (1 if h.http2 else 0))


# The wire-level cases: (name, chunks the server writes, the events as (event, data, id, retry)).
A = {"line": "a"}
B = {"line": "b"}
WIRE_CASES: list[tuple[str, tuple[bytes, ...], list[tuple[str, Any, str, int | None]]]] = [
    ("LF", (b'data: {"line": "a"}\n\n',), [("message", A, "", None)]),
    ("CRLF split between CR and LF", (b'data: {"line": "a"}\r', b"\n\r", b"\n"), [("message", A, "", None)]),
    ("CR", (b'data: {"line": "a"}\r\rdata: {"line": "b"}\r\r',), [("message", A, "", None), ("message", B, "", None)]),
    ("a line split mid-field", (b"da", b'ta: {"li', b'ne": "a"}\n', b"\n"), [("message", A, "", None)]),
    ("comments", (b": keep-alive\n\n", b': x\ndata: {"line": "a"}\n: y\n\n'), [("message", A, "", None)]),
    ("multi-line data", (b'data: {"line":\ndata: "a"}\n\n',), [("message", A, "", None)]),
    ("multi-line text", (b"data: one\ndata: two\n\n",), [("message", "one\ntwo", "", None)]),
    ("no space after the colon", (b'data:{"line": "a"}\n\n',), [("message", A, "", None)]),
    ("event type", (b'event: log\ndata: {"line": "a"}\n\ndata: {"line": "b"}\n\n',),
     [("log", A, "", None), ("message", B, "", None)]),
    ("id persists", (b'id: 7\ndata: {"line": "a"}\n\ndata: {"line": "b"}\n\nid: 8\ndata: {"line": "a"}\n\n',),
     [("message", A, "7", None), ("message", B, "7", None), ("message", A, "8", None)]),
    ("retry", (b'retry: 1500\ndata: {"line": "a"}\n\nretry: soon\ndata: {"line": "b"}\n\n',),
     [("message", A, "", 1500), ("message", B, "", 1500)]),
    ("a block without data dispatches nothing", (b"event: ping\n\nid: 3\n\nretry: 20\n\n\n\n", b'data: {"line": "a"}\n\n'),
     [("message", A, "3", 20)]),
    ("empty lines", (b"\n\n\n", b'data: {"line": "a"}\n\n\n\n'), [("message", A, "", None)]),
    ("a byte-order mark", (b'\xef\xbb\xbfdata: {"line": "a"}\n\n',), [("message", A, "", None)]),
    ("UTF-8 split inside a character", (b'data: {"line": "caf\xc3', b'\xa9"}\n\n',), [("message", {"line": "café"}, "", None)]),
    ("an unfinished event at the end is dropped", (b'data: {"line": "a"}\n\ndata: {"line": "b"}\n',),
     [("message", A, "", None)]),
    ("[DONE]", (b'data: {"line": "a"}\n\ndata: [DONE]\n\ndata: {"line": "b"}\n\n',), [("message", A, "", None)]),
]


@pytest.mark.parametrize(("chunks", "expected"), [c[1:] for c in WIRE_CASES], ids=[c[0] for c in WIRE_CASES])
def test_the_sse_wire_cases(h: Harness, server: ControlPlaneServer, chunks: tuple[bytes, ...],
                            expected: list[tuple[str, Any, str, int | None]]) -> None:
    server.api.script_stream(*chunks)
    client = h.bearer_client()

    events = h.run(client, read_all(follow_logs))

    assert [plain(e) for e in events] == expected


# -- NDJSON ------------------------------------------------------------------------------------


def test_ndjson_gives_one_decoded_item_per_line(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client()

    events = h.run(client, read_all(event_feed))

    assert [(e.id, e.reason) for e in events] == [("ev-1", "Submitted"), ("ev-2", "Scheduled"), ("ev-3", "Started")]
    assert type(events[0]).__name__ == "Event"
    assert busy_connections(client) == 0


def test_ndjson_items_are_decoded_leniently_and_blank_lines_skipped(h: Harness, server: ControlPlaneServer) -> None:
    server.api.script_stream(b'{"id": "e1", "createdAt": "2024-05-01T10:00:01Z", "type": "Normal"}\r\n', b"\n",
                             b'{"id": "e2", "createdAt": "2024-05-01T10:00:02Z", "type": "Novel", "reason": "r"}')

    first, second = h.run(h.bearer_client(), read_all(event_feed))

    assert [str(i) for i in decode_issues(first)] == ["reason: required, missing"]
    assert second.reason == "r" and second.type_.value == "Novel"  # an unknown enum value decodes too


def test_a_malformed_ndjson_line_raises_with_the_request_id(h: Harness, server: ControlPlaneServer) -> None:
    line = json.dumps({"id": "e1", "createdAt": "2024-05-01T10:00:01Z", "type": "Normal", "reason": "r"})
    server.api.script_stream(f"{line}\n".encode(), b'{"id": "e2", "reas\n', f"{line}\n".encode())
    client = h.bearer_client()

    events, error = h.run(client, read_until_error(event_feed))

    assert [e.id for e in events] == ["e1"]
    assert isinstance(error, StreamError)
    request_id = server.requests_to("GET", EVENTS_STREAM)[0].request_id
    assert error.request_id == request_id and request_id in str(error)
    assert busy_connections(client) == 0


def test_a_stream_cut_off_resumes_after_its_last_event_id_when_the_caller_asks(
        h: Harness, server: ControlPlaneServer) -> None:
    server.api.script_stream(b'id: 1\ndata: {"line": "a"}\n\n', b'id: 2\ndata: {"line": "b"}\n\n', b"data: {\"li", None)
    client = h.bearer_client(max_retries=0)

    stream, events, error = h.run(client, read_until_error_keeping_the_stream(follow_logs))

    assert [e.data.line for e in events] == ["a", "b"] and isinstance(error, SpecloomError)
    assert stream.last_event_id == "2" == events[-1].id
    h.run(client, read_all(lambda c: c.workloads.workloads.follow_workload_logs(
        workload_id=WORKLOAD_ID, request_options=RequestOptions(headers={"Last-Event-ID": stream.last_event_id}))))
    first, resumed = server.requests_to("GET", LOGS_STREAM)
    assert first.request.header("last-event-id") is None and resumed.request.header("last-event-id") == "2"
