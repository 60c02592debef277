"""An HTTP proxy on 127.0.0.1 that tunnels ``CONNECT`` (what clients use for https through a proxy).

:class:`ConnectProxy` runs an asyncio server in a thread: it answers ``CONNECT host:port`` with
``200`` and then relays bytes both ways, so TLS (and HTTP/2 inside it) passes through untouched.
It tunnels to loopback only, and records every ``CONNECT`` target in ``tunnels``.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from typing import Self

from tests.integration.servers import LOOPBACK

_STARTUP_LIMIT_S = 30.0


class ConnectProxy:
    """``with ConnectProxy() as proxy: ... proxy.url ... proxy.tunnels ...``"""

    def __init__(self) -> None:
        self.port = 0
        #: ``host:port`` of every tunnel asked for, in order.
        self.tunnels: list[str] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.Server | None = None
        self._thread: threading.Thread | None = None
        self._started = threading.Event()

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    def start(self) -> Self:
        self._thread = threading.Thread(target=asyncio.run, args=(self._serve(),), name="connect-proxy", daemon=True)
        self._thread.start()
        if not self._started.wait(_STARTUP_LIMIT_S):
            raise RuntimeError("the CONNECT proxy did not start")
        return self

    async def _serve(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._server = await asyncio.start_server(self._tunnel, LOOPBACK, 0)
        self.port = self._server.sockets[0].getsockname()[1]
        self._started.set()
        with contextlib.suppress(asyncio.CancelledError):
            await self._server.serve_forever()

    async def _tunnel(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
        method, target, _ = head.split(" ", 2)
        host, _, port = target.rpartition(":")
        if method != "CONNECT" or host != LOOPBACK:
            writer.write(b"HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n")
            writer.close()
            return
        self.tunnels.append(target)
        upstream_reader, upstream_writer = await asyncio.open_connection(host, int(port))
        writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
        await asyncio.gather(_relay(reader, upstream_writer), _relay(upstream_reader, writer))

    def stop(self) -> None:
        if self._loop is not None and self._server is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._server.close)
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._thread = self._server = self._loop = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


async def _relay(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
    try:
        while data := await source.read(65536):
            sink.write(data)
            await sink.drain()
    except ConnectionError:
        pass
    finally:
        sink.close()
