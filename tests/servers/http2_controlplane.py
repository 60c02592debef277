"""The test control plane served over HTTP/2: hypercorn over TLS (ALPN ``h2``) instead of uvicorn.

:class:`Http2ControlPlane` is a :class:`ControlPlaneServer` (same app, state, faults, tokens
and request log) that serves itself through :class:`tests.integration.http2_server.Http2Server`,
so the runtime suite's ``server`` fixture can hand the HTTP/2 client kinds the same object
their tests inspect. Clients trust ``ca_file`` (a ``trustme`` CA made for the server).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Self

from tests.integration.http2_server import Http2Server
from tests.integration.servers import established_connections
from tests.servers.controlplane import ControlPlaneServer


class Http2ControlPlane(ControlPlaneServer):
    """``with Http2ControlPlane(folder) as server: ... server.base_url (https) ... server.ca_file ...``

    ``folder`` holds the CA and certificate files; other options are :class:`ControlPlaneServer`'s.
    """

    _name = "the HTTP/2 control plane"

    def __init__(self, folder: Path, **options: Any) -> None:
        super().__init__(**options)
        self._folder = folder
        self._http2: Http2Server | None = None

    def start(self) -> Self:
        if self._http2 is not None:
            raise RuntimeError(f"{self._name} is already running")
        self._http2 = Http2Server(self, self._folder).start()
        return self

    def stop(self) -> None:
        super().stop()  # aborts requests waiting in a delay; no uvicorn to stop
        if self._http2 is not None:
            served, self._http2 = self._http2, None
            served.stop()

    @property
    def running(self) -> bool:
        return self._http2 is not None

    @property
    def base_url(self) -> str:
        return self._served.base_url

    @property
    def port(self) -> int:
        return self._http2.port if self._http2 is not None else 0

    @property
    def ca_file(self) -> str:
        """The CA bundle a client must trust to reach this server."""
        return self._served.ca_file

    @property
    def open_connections(self) -> int:
        """The client connections to this server that are established (hypercorn keeps no count; Linux only)."""
        return established_connections(self.port)

    @property
    def _served(self) -> Http2Server:
        if self._http2 is None:
            raise RuntimeError(f"{self._name} is not running")
        return self._http2
