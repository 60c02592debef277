"""Closing a client's connection without an answer: how a ``Fault.reset`` reaches the wire."""

from __future__ import annotations

import asyncio
import socket
import struct

from starlette.types import Receive, Send


async def drop_connection(receive: Receive, send: Send, *, hard: bool) -> None:
    """Close the connection without an answer: RST (``hard``) or FIN.

    ASGI has no way to do this, so it reaches the server's transport through the ``send``
    callable (:func:`_transport`), then waits until the server has seen the disconnect, so
    that it does not answer 500 on our behalf. Over HTTP/2 this drops every stream of the
    connection, as a reset connection does.
    """
    transport = _transport(send)
    if hard:
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        transport.abort()
    else:
        transport.close()
    while (await receive())["type"] != "http.disconnect":
        pass


def _transport(send: Send) -> asyncio.Transport:
    """The connection's transport: ``send`` is a bound method of uvicorn's request-response cycle, which
    holds it; or of hypercorn's stream, which sends through its protocol to its TCP server's writer."""
    owner = getattr(send, "__self__", None)
    for _ in range(3):
        if owner is None:
            break
        transport = getattr(owner, "transport", None)  # uvicorn (h11, httptools)
        if transport is not None:
            return transport  # type: ignore[no-any-return]
        writer = getattr(owner, "writer", None)  # hypercorn's TCPServer
        if writer is not None:
            return writer.transport  # type: ignore[no-any-return]
        owner = getattr(getattr(owner, "send", None), "__self__", None)
    raise RuntimeError("cannot reach the connection to reset it: the server is neither uvicorn nor hypercorn")
