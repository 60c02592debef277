"""An ASGI app served over TLS on 127.0.0.1 offering HTTP/2 (ALPN ``h2``, then ``http/1.1``): hypercorn in a thread.

uvicorn speaks HTTP/1.1 only; hypercorn speaks both, so a client reaches this server over
HTTP/2 exactly when it offers it. The certificate comes from a ``trustme`` CA made for the
server (``ca_file`` is what a client trusts).
"""

from __future__ import annotations

import asyncio
import os
import socket
import threading
from pathlib import Path
from typing import Self

import trustme
from hypercorn.asyncio import serve
from hypercorn.config import Config
from starlette.types import ASGIApp

from tests.integration.servers import LOOPBACK

_STARTUP_LIMIT_S = 30.0


class Http2Server:
    """``with Http2Server(app, folder) as server: ... server.base_url (https) ... server.ca_file ...``"""

    def __init__(self, app: ASGIApp, folder: Path) -> None:
        self.app = app
        ca = trustme.CA()
        self.ca_file = str(folder / "h2-ca.pem")
        ca.cert_pem.write_to_path(self.ca_file)
        cert = ca.issue_cert(LOOPBACK, "localhost")  # tests reach it by host name too
        self._cert_file, self._key_file = str(folder / "h2-cert.pem"), str(folder / "h2-key.pem")
        cert.private_key_and_cert_chain_pem.write_to_path(self._cert_file)
        cert.private_key_pem.write_to_path(self._key_file)
        self.port = 0
        self._socket: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._started = threading.Event()
        self._error: BaseException | None = None

    @property
    def base_url(self) -> str:
        return f"https://{LOOPBACK}:{self.port}"

    def start(self) -> Self:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((LOOPBACK, 0))
        sock.listen(128)
        self.port, self._socket = sock.getsockname()[1], sock
        self._thread = threading.Thread(target=self._run, name=f"hypercorn-{self.port}", daemon=True)
        self._thread.start()
        if not self._started.wait(_STARTUP_LIMIT_S) or self._error is not None:
            self.stop()
            raise RuntimeError(f"the HTTP/2 server on port {self.port} did not start: {self._error!r}")
        return self

    def _run(self) -> None:
        assert self._socket is not None
        config = Config()
        config.bind = [f"fd://{os.dup(self._socket.fileno())}"]  # hypercorn closes the descriptor it serves on
        config.certfile, config.keyfile = self._cert_file, self._key_file
        config.alpn_protocols = ["h2", "http/1.1"]
        config.loglevel = "WARNING"

        async def main() -> None:
            self._loop, self._stop = asyncio.get_running_loop(), asyncio.Event()
            self._loop.call_soon(self._started.set)
            await serve(self.app, config, shutdown_trigger=self._stop.wait)  # type: ignore[arg-type]

        try:
            asyncio.run(main())
        except BaseException as exc:  # noqa: BLE001 - reported by start()
            self._error = exc
            self._started.set()

    def stop(self) -> None:
        if self._loop is not None and self._stop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._stop.set)
        if self._thread is not None:
            self._thread.join(timeout=10)
        if self._socket is not None:
            self._socket.close()
        self._thread = self._socket = None
        self.port = 0

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
