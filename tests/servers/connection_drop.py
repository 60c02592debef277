"""Closing a client's connection without an answer: how a ``Fault.reset`` reaches the wire."""

from __future__ import annotations

import socket
import struct

from starlette.types import Receive, Send


async def drop_connection(receive: Receive, send: Send, *, hard: bool) -> None:
    """Close the connection without an answer: RST (``hard``) or FIN.

    ASGI has no way to do this, so it reaches uvicorn's transport through the ``send``
    callable (a bound method of uvicorn's request-response cycle), then waits until
    uvicorn has seen the disconnect, so that it does not answer 500 on our behalf.
    """
    transport = getattr(getattr(send, "__self__", None), "transport", None)
    if transport is None:
        raise RuntimeError("cannot reach the connection to reset it: the server is not uvicorn's h11/httptools")
    if hard:
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        transport.abort()
    else:
        transport.close()
    while (await receive())["type"] != "http.disconnect":
        pass
