"""Real HTTP servers on the loopback interface for the integration tests.

:class:`LoopbackServer` runs any ASGI app (a starlette app here) with uvicorn in a
background thread of the test process, on a port the OS picked, so the server
that is stopped is exactly the one that was started. :class:`RecordingApp` is a
starlette app that keeps every request exactly as it arrived on the wire (method,
undecoded path, raw query string, headers, body) and answers with a configurable
response.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self
from urllib.parse import parse_qsl, unquote

import attrs
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp

LOOPBACK = "127.0.0.1"
ALL_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"]
# Only a safety net so a broken server cannot hang the suite; nothing is asserted about time.
_STARTUP_LIMIT_S = 60.0


def established_connections(port: int) -> int:
    """Client-side TCP connections of this machine to 127.0.0.1:``port`` that are ESTABLISHED (Linux)."""
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            remote_port = int(fields[2].rsplit(":", 1)[1], 16)
            if remote_port == port and fields[3] == "01":
                count += 1
    return count


class LoopbackServer:
    """Serve ``app`` on 127.0.0.1 with uvicorn in a daemon thread; a context manager.

    The listening socket is bound (port 0) before uvicorn starts and handed to it,
    so there is no window in which another process could take the port.
    """

    def __init__(self, app: ASGIApp, *, tls: tuple[str, str] | None = None) -> None:
        """``tls``: (certificate chain file, private key file) to serve https instead of http."""
        self.app = app
        self.tls = tls
        self._socket: socket.socket | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self.port = 0

    @property
    def base_url(self) -> str:
        if not self.port:
            raise RuntimeError("the server is not running")
        return f"{'https' if self.tls else 'http'}://{LOOPBACK}:{self.port}"

    @property
    def open_connections(self) -> int:
        """TCP connections the server holds open now (uvicorn's own count: idle keep-alive ones included)."""
        return len(self._server.server_state.connections) if self._server is not None else 0

    def start(self) -> Self:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # Accepted connections inherit it: no Nagle delay between the head and the body of an answer.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind((LOOPBACK, 0))
        self.port = sock.getsockname()[1]
        self._socket = sock
        config = uvicorn.Config(
            self.app,
            host=LOOPBACK,
            port=self.port,
            lifespan="off",
            log_config=None,
            log_level="warning",
            access_log=False,
            ws="none",
            timeout_graceful_shutdown=5,
            ssl_certfile=self.tls[0] if self.tls else None,
            ssl_keyfile=self.tls[1] if self.tls else None,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._run, name=f"uvicorn-{self.port}", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + _STARTUP_LIMIT_S
        while not self._server.started:
            if not self._thread.is_alive():
                self.stop()
                raise RuntimeError(f"the loopback server on port {self.port} exited during startup: {self._error!r}")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the loopback server on port {self.port} did not start")
            time.sleep(0.005)
        return self

    def _run(self) -> None:
        assert self._server is not None and self._socket is not None
        try:
            self._server.run(sockets=[self._socket])
        except BaseException as exc:  # noqa: BLE001 - reported by start()
            self._error = exc

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join()
        if self._socket is not None:
            self._socket.close()
        self._server = self._thread = self._socket = None
        self.port = 0

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


class ServedApp:
    """An ASGI app that serves itself on loopback: ``start``/``stop``, a context manager, ``base_url`` while running.

    Subclasses name what they are (``_name``) for the errors of a server used out of turn.
    """

    _name = "the server"
    _loopback: LoopbackServer | None = None

    def start(self) -> Self:
        if self._loopback is not None:
            raise RuntimeError(f"{self._name} is already running")
        self._loopback = LoopbackServer(self).start()  # type: ignore[arg-type]  # subclasses are ASGI apps
        return self

    def stop(self) -> None:
        if self._loopback is not None:
            loopback, self._loopback = self._loopback, None
            loopback.stop()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._loopback is not None

    @property
    def base_url(self) -> str:
        if self._loopback is None:
            raise RuntimeError(f"{self._name} is not running")
        return self._loopback.base_url


@contextmanager
def serve(app: ASGIApp, *, tls: tuple[str, str] | None = None) -> Iterator[LoopbackServer]:
    """``with serve(app) as server: ... server.base_url ...``"""
    with LoopbackServer(app, tls=tls) as server:
        yield server


@attrs.frozen
class RecordedRequest:
    """One request exactly as the server received it."""

    method: str
    #: The path as sent, percent-escapes untouched (from ``scope['raw_path']``).
    raw_path: str
    #: The query string as sent, without the ``?``.
    query_string: str
    #: Header names in lower case, in the order received.
    headers: tuple[tuple[str, str], ...]
    body: bytes

    def header(self, name: str) -> str | None:
        """The value of header ``name`` (case-insensitive); ``None`` when absent."""
        values = self.header_values(name)
        return values[0] if values else None

    def header_values(self, name: str) -> list[str]:
        wanted = name.lower()
        return [value for key, value in self.headers if key == wanted]

    def query_pairs(self) -> list[tuple[str, str]]:
        """The decoded ``(key, value)`` pairs of the query, in order; repeated keys repeat."""
        if not self.query_string:
            return []
        return parse_qsl(self.query_string, keep_blank_values=True, strict_parsing=True)

    def path_segments(self) -> list[str]:
        """The path split on ``/`` as sent, then each segment percent-decoded."""
        return [unquote(segment) for segment in self.raw_path.split("/")[1:]]


Responder = Callable[[RecordedRequest], Response]


def default_response(request: RecordedRequest) -> Response:
    return JSONResponse({"message": "recorded"}, status_code=404)


class RecordingApp:
    """A starlette app recording every request; answers with ``responder`` (404 JSON by default)."""

    def __init__(self, responder: Responder = default_response) -> None:
        self.responder = responder
        self._lock = threading.Lock()
        self._requests: list[RecordedRequest] = []
        self.app = Starlette(routes=[Route("/{rest:path}", self._endpoint, methods=ALL_METHODS)])

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self.app(scope, receive, send)

    async def _endpoint(self, request: Request) -> Response:
        scope = request.scope
        raw_path = scope.get("raw_path")
        recorded = RecordedRequest(
            method=request.method,
            raw_path=raw_path.decode("latin-1") if raw_path is not None else scope["path"],
            query_string=scope.get("query_string", b"").decode("latin-1"),
            headers=tuple((k.decode("latin-1").lower(), v.decode("latin-1")) for k, v in scope["headers"]),
            body=await request.body(),
        )
        # Recorded before answering: once the client has its response, the request is in the list.
        with self._lock:
            self._requests.append(recorded)
        return self.responder(recorded)

    def respond_with(
        self,
        status_code: int = 200,
        *,
        json: Any = None,
        content: bytes | str | None = None,
        media_type: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        """Answer every following request with this fixed response (JSON when ``content`` is None)."""

        def responder(request: RecordedRequest) -> Response:
            if content is None:
                return JSONResponse(json, status_code=status_code, headers=headers)
            return Response(content, status_code=status_code, media_type=media_type, headers=headers)

        self.responder = responder

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    def take(self) -> list[RecordedRequest]:
        """The requests recorded so far, clearing the record."""
        with self._lock:
            taken, self._requests = self._requests, []
            return taken

    def clear(self) -> None:
        self.take()
