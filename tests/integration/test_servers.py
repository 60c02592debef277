"""The loopback server helper itself: what the recording app keeps is what was on the wire."""

from __future__ import annotations

import asyncio
import socket

import httpx
import pytest

from tests.integration.servers import LoopbackServer, RecordedRequest, RecordingApp, serve

MODES = pytest.mark.parametrize("mode", ["sync", "async"])


def send(mode: str, base_url: str, request: httpx.Request) -> httpx.Response:
    if mode == "sync":
        with httpx.Client(base_url=base_url) as client:
            return client.send(client.build_request(request.method, request.url, headers=request.headers,
                                                    content=request.content))

    async def main() -> httpx.Response:
        async with httpx.AsyncClient(base_url=base_url) as client:
            return await client.send(client.build_request(request.method, request.url, headers=request.headers,
                                                          content=request.content))

    return asyncio.run(main())


@MODES
def test_records_the_request_as_sent_and_answers_404_by_default(
    mode: str, recording_app: RecordingApp, recording_server: LoopbackServer
) -> None:
    url = f"{recording_server.base_url}/api/a_b%2Fc%20d/x?k=a%26b&k=2&e="
    response = send(mode, recording_server.base_url, httpx.Request("PATCH", url, headers={"X-Thing": "1"}, content=b"{}"))

    assert response.status_code == 404
    assert response.json() == {"message": "recorded"}
    [request] = recording_app.take()
    assert isinstance(request, RecordedRequest)
    assert request.method == "PATCH"
    assert request.raw_path == "/api/a_b%2Fc%20d/x"
    assert request.path_segments() == ["api", "a_b/c d", "x"]
    assert request.query_string == "k=a%26b&k=2&e="
    assert request.query_pairs() == [("k", "a&b"), ("k", "2"), ("e", "")]
    assert request.header("X-THING") == "1"
    assert request.body == b"{}"
    assert recording_app.requests == []


@MODES
def test_configured_response(mode: str, recording_app: RecordingApp, recording_server: LoopbackServer) -> None:
    recording_app.respond_with(201, content=b"\x00\x01", media_type="application/octet-stream", headers={"X-Id": "9"})
    response = send(mode, recording_server.base_url, httpx.Request("POST", f"{recording_server.base_url}/"))

    assert (response.status_code, response.content, response.headers["x-id"]) == (201, b"\x00\x01", "9")
    assert [r.raw_path for r in recording_app.take()] == ["/"]


def test_server_listens_on_loopback_only_and_stops() -> None:
    with serve(RecordingApp()) as server:
        port = server.port
        assert server.base_url == f"http://127.0.0.1:{port}"
        with socket.create_connection(("127.0.0.1", port)):
            pass
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port)):
        pass
    with pytest.raises(RuntimeError, match="not running"):
        _ = server.base_url
