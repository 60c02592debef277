"""Downloads on their own (file names, lines, short bodies) and the codegen rules for downloads and streams asked for."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest
from specloom.downloads import text_kind
from specloom_runtime import UNSET, ByteStream, StreamError, TextStream, ask_in_body, byte_stream, text_stream
from specloom_runtime.downloads import safe_filename

from tests.unit.specbuild import build, openapi


def answer(*chunks: bytes, **headers: str) -> httpx.Response:
    """A response whose body arrives in ``chunks``; ``headers`` with ``_`` for ``-``."""
    return httpx.Response(200, headers={k.replace("_", "-"): v for k, v in {"x_request_id": "r-1", **headers}.items()},
                          content=iter(chunks), request=httpx.Request("GET", "https://cp.example.com/files/a"))


@pytest.mark.parametrize(("header", "expected"), [
    ('attachment; filename="report.csv"', "report.csv"),
    ('attachment; filename="../../etc/passwd"', "passwd"),
    ('attachment; filename="..\\\\..\\\\Windows\\\\evil.dll"', "evil.dll"),
    ('attachment; filename="C:evil:stream"', "C_evil_stream"),
    ('attachment; filename=".bashrc"', "bashrc"),
    ('attachment; filename=".."', None),
    ('attachment; filename="/"', None),
    ('attachment; filename="a\tb .txt. "', "a_b .txt"),
    ("attachment; filename*=UTF-8''na%C3%AFve%20r%C3%A9sum%C3%A9.pdf", "naïve résumé.pdf"),
    ("attachment; filename*=UTF-8''..%2F..%2Fsecret", "secret"),
    ("attachment", None),
    ("", None),
    (None, None),
    ('attachment; filename="' + "é" * 200 + '"', "é" * 127),  # 255 bytes at most, never half a character
])
def test_a_server_s_file_name_is_reduced_to_a_plain_name(header: str | None, expected: str | None) -> None:
    assert safe_filename(header) == expected


@pytest.mark.parametrize(("chunks", "lines"), [
    ((b"a\nb\n",), ["a", "b"]),
    ((b"a\r", b"\nb\r\n", b"c"), ["a", "b", "c"]),
    ((b"a\rb\r",), ["a", "b"]),
    ((b"\n\nx\n",), ["", "", "x"]),
    ((b"caf\xc3", b"\xa9 au lait\n"), ["café au lait"]),
    ((b"no end",), ["no end"]),
    ((), []),
])
def test_a_text_stream_cuts_lines_across_chunks(chunks: tuple[bytes, ...], lines: list[str]) -> None:
    response = answer(*chunks, content_type="text/plain; charset=utf-8")

    stream = text_stream(response)

    assert isinstance(stream, TextStream) and list(stream.iter_lines()) == lines
    assert response.is_closed


def test_a_charset_the_server_names_decodes_the_text() -> None:
    assert text_stream(answer("é;ü".encode("latin-1"), content_type="text/csv; charset=latin-1")).read_text() == "é;ü"


def test_a_body_shorter_than_its_content_length_is_a_stream_error(tmp_path: Path) -> None:
    # A transport that does not check Content-Length itself (HTTP/1.1 through h11 does) still cannot pass a short file.
    stream = byte_stream(answer(b"abc", content_length="10"))

    with pytest.raises(StreamError, match=r"GET /files/a: the answer ended after 3 of its 10 bytes \(request id r-1\)"):
        stream.save(tmp_path / "a")
    assert list(tmp_path.iterdir()) == []


def test_an_encoded_body_has_no_known_total_and_a_complete_one_is_saved(tmp_path: Path) -> None:
    encoded = byte_stream(answer(b"abc", content_length="3", content_encoding="identity, gzip"))
    assert encoded.total is None and encoded.content_length == 3
    progress: list[tuple[int, int | None]] = []

    saved = byte_stream(answer(b"ab", b"c", content_length="3")).save(tmp_path / "a", progress=lambda *p: progress.append(p))

    assert saved.read_bytes() == b"abc" and progress == [(0, 3), (2, 3), (3, 3)]


def test_a_folder_without_a_file_name_is_refused_and_the_stream_closed(tmp_path: Path) -> None:
    response = answer(b"abc")
    stream = byte_stream(response)

    with pytest.raises(IsADirectoryError, match="names no file"):
        stream.save(tmp_path)
    assert response.is_closed and list(tmp_path.iterdir()) == []


def test_a_download_is_a_stream_with_what_its_headers_say() -> None:
    stream = byte_stream(answer(b"abc", content_type="Application/Zip; x=1", content_length="3",
                                content_disposition='attachment; filename="a.zip"'))
    assert isinstance(stream, ByteStream) and not isinstance(stream, TextStream)
    assert (stream.content_type, stream.content_length, stream.filename, stream.request_id) == (
        "application/zip", 3, "a.zip", "r-1")
    assert stream.read() == b"abc" and stream.received == 3


@attrs.define
class Request:
    model: str
    stream: Any = UNSET


@pytest.mark.parametrize(("body", "value", "sent", "asked"), [
    ({"model": "m"}, UNSET, {"model": "m"}, False),
    ({"model": "m", "stream": True}, UNSET, {"model": "m", "stream": True}, True),
    ({"model": "m", "stream": True}, False, {"model": "m", "stream": False}, False),
    ({"model": "m"}, True, {"model": "m", "stream": True}, True),
    ({"model": "m", "stream": None}, UNSET, {"model": "m", "stream": None}, False),
    (Request("m", True), UNSET, Request("m", True), True),
    (Request("m"), True, Request("m", True), True),
    (Request("m", True), False, Request("m", False), False),
    (UNSET, True, {"stream": True}, True),
    (UNSET, UNSET, UNSET, False),
])
def test_a_body_asks_for_a_stream_when_its_property_is_true(body: Any, value: Any, sent: Any, asked: bool) -> None:
    before = attrs.evolve(body) if attrs.has(type(body)) else (dict(body) if isinstance(body, dict) else body)

    assert ask_in_body(body, value, "stream", "stream") == (sent, asked)
    assert body == before  # the caller's body is never changed


# -- codegen rules -----------------------------------------------------------------------------


@pytest.mark.parametrize(("media_type", "headers", "kind"), [
    ("text/plain", None, "text"),
    ("text/csv", None, "text_stream"),
    ("text/csv; charset=utf-8", None, "text_stream"),
    ("text/tab-separated-values", {}, "text_stream"),
    ("text/plain", {"Content-Disposition": {"schema": {"type": "string"}}}, "text_stream"),
    ("text/html", {"X-Rate-Limit": {}}, "text"),
])
def test_a_text_answer_is_a_download_when_it_is_a_data_file(media_type: str, headers: Any, kind: str) -> None:
    assert text_kind(media_type, headers) == kind


def operation(parameters: list[Any] | None = None, body: Any = None, content: Any = None) -> dict[str, Any]:
    op: dict[str, Any] = {"operationId": "op", "parameters": parameters or [],
                          "responses": {"200": {"description": "d", "content": content or {"text/plain": {}}}}}
    if body is not None:
        op["requestBody"] = {"content": {"application/json": {"schema": body}}}
    return op


FOLLOW = {"name": "follow", "in": "query", "schema": {"type": "boolean"}}
SSE_OR_JSON = {"application/json": {"schema": {"$ref": "#/components/schemas/Answer"}},
               "text/event-stream": {"schema": {"$ref": "#/components/schemas/Chunk"}}}
STREAM_BODY = {"type": "object", "properties": {"stream": {"type": "boolean", "nullable": True}}}


@pytest.mark.parametrize(("op", "expected"), [
    (operation([FOLLOW]), ("query", "follow", "follow", "text_stream")),
    (operation([{**FOLLOW, "name": "Watch"}]), ("query", "Watch", "watch", "text_stream")),
    (operation([FOLLOW], content={"application/json": {}}), None),  # JSON read whole: no way to stream it
    (operation([{**FOLLOW, "schema": {"type": "string"}}]), None),  # not a boolean
    (operation([{**FOLLOW, "name": "tail"}]), None),
    (operation([FOLLOW], content={"text/event-stream": {}}), None),  # always streamed: nothing to switch
    (operation(body=STREAM_BODY, content=SSE_OR_JSON), ("body", "stream", "stream", "events")),
    (operation([{"name": "stream", "in": "header", "schema": {"type": "string"}}], STREAM_BODY, SSE_OR_JSON),
     ("body", "stream", "stream_", "events")),  # the keyword steps aside for a parameter of that name
    (operation(body=STREAM_BODY), None),  # no streamed answer listed
    (operation(body={"type": "object", "properties": {"stream": {"type": "string"}}}, content=SSE_OR_JSON), None),
    (operation([FOLLOW], content={"application/json": {}, "application/x-ndjson": {}}), ("query", "follow", "follow", "lines")),
])
def test_the_switch_that_makes_an_operation_stream(tmp_path: Path, op: dict[str, Any], expected: Any) -> None:
    schemas = {"Answer": {"type": "object"}, "Chunk": {"type": "object", "properties": {"d": {"type": "string"}}}}
    api, _ = build(tmp_path, openapi(schemas, {"/op": {"post": op}}))

    (built,) = api.operations
    switch = built.stream_switch
    got = None if switch is None else (switch.location, switch.wire_name, switch.python_name, switch.response.kind)
    assert got == expected
    if switch is not None and switch.location == "body":
        assert switch.attribute == "stream" and switch.response.type is not None and switch.response.type.kind == "model"
        assert built.responses[0].kind == "json"  # what the method returns when not asked
