"""The stream readers on their own, over a response whose body arrives in the chunks given."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from specloom_runtime import INTEGER, JsonLines, StreamError, event_stream, json_lines, list_of


def answer(media_type: str, *chunks: bytes) -> httpx.Response:
    return httpx.Response(200, headers={"content-type": media_type, "x-request-id": "r-1"}, content=iter(chunks),
                          request=httpx.Request("GET", "https://cp.example.com/feed"))


@pytest.mark.parametrize(("media_type", "chunks"), [
    ("application/json-seq", (b'\x1e{"a": 1}\n\x1e', b'{"a": 2}\n')),
    ("application/jsonl", (b'{"a": 1}\r\n\r\n{"a"', b': 2}')),
    ("application/x-ndjson", (b'{"a": 1}\n', b'  \n{"a": 2}\n\n')),
    # A JSON text sequence's texts may span lines: records begin at RS, not at a line end.
    ("application/json-seq", (b'\x1e{\n  "a": 1\n}\n\x1e{"a":\n', b' 2}\n')),
    # A record cut into many chunks, the separator alone in one, and no final line end.
    ("application/x-ndjson; charset=utf-8", (b'{', b'"a"', b': 1}', b'\n', b'{"a": 2}')),
])
def test_json_lines_give_one_item_per_line_and_release_the_response(media_type: str, chunks: tuple[bytes, ...]) -> None:
    response = answer(media_type, *chunks)

    stream = json_lines()(response, False)

    assert isinstance(stream, JsonLines) and list(stream) == [{"a": 1}, {"a": 2}]
    assert response.is_closed


def test_a_line_that_is_not_json_raises_with_the_request_id_and_closes() -> None:
    response = answer("application/x-ndjson", b"[1]\n", b"[2, \n", b"[3]\n")
    stream = json_lines(list_of(INTEGER))(response, False)

    assert next(stream) == [1]
    with pytest.raises(StreamError, match=r"GET /feed: a line of the stream is not JSON .*\(request id r-1\)") as caught:
        next(stream)
    assert caught.value.request_id == "r-1" and response.is_closed
    assert list(stream) == []  # a failed stream stays ended


def test_a_line_that_is_not_utf8_raises_a_stream_error() -> None:
    response = answer("application/x-ndjson", b'{"a": "\xff"}\n')

    with pytest.raises(StreamError, match="not JSON .*UnicodeDecodeError"):
        list(json_lines()(response, False))
    assert response.is_closed


def test_an_event_stream_of_text_keeps_each_data_as_text() -> None:
    response = answer("text/event-stream", b"data: 1\n\ndata: {\"a\"", b": 2}\n\nevent: error\ndata: gone\n\n")
    stream = event_stream()(response, False)
    seen: list[Any] = []

    with pytest.raises(StreamError, match="gone") as caught:
        seen.extend(event.data for event in stream)

    assert seen == ["1", '{"a": 2}'] and caught.value.event == "gone" and response.is_closed


def test_a_stream_left_in_a_with_block_is_closed() -> None:
    response = answer("text/event-stream", b"data: 1\n\ndata: 2\n\n")

    with event_stream()(response, False) as stream:
        assert next(stream).data == "1"

    assert response.is_closed and list(stream) == []


class _Chunks(httpx.AsyncByteStream):
    def __init__(self, *chunks: bytes) -> None:
        self.chunks = chunks

    async def __aiter__(self) -> Any:
        for chunk in self.chunks:
            yield chunk


@pytest.mark.parametrize("read_first", [False, True], ids=["never-iterated", "half-read"])
def test_a_dropped_async_stream_is_closed_at_the_loops_next_turn(read_first: bool) -> None:
    async def drop() -> httpx.Response:
        response = httpx.Response(200, headers={"content-type": "text/event-stream"},
                                  stream=_Chunks(b"data: 1\n\n", b"data: 2\n\n"),
                                  request=httpx.Request("GET", "https://cp.example.com/feed"))
        stream = event_stream()(response, False)
        if read_first:
            assert (await anext(stream)).data == "1"
        del stream
        assert not response.is_closed  # closing awaits: a finalizer cannot do it
        for _ in range(3):
            await asyncio.sleep(0)
        return response

    assert asyncio.run(drop()).is_closed
