"""One call of an operation as plugins see it: what was asked, and what happened so far."""

from __future__ import annotations

import random
import time
import uuid
from typing import Any

import attrs
import httpx

from .config import ClientConfig
from .operation import Operation


@attrs.frozen
class RequestOptions:
    """Per-call settings; every generated method takes them as ``request_options=``.

    ``headers``, ``query`` and ``body`` add to what the method sends (``body``
    fields merge into a JSON object body); SDK-controlled headers cannot be set.
    """

    timeout: float | httpx.Timeout | None = None
    headers: dict[str, str] = attrs.field(factory=dict)
    query: dict[str, Any] = attrs.field(factory=dict)
    body: dict[str, Any] = attrs.field(factory=dict)
    max_retries: int | None = None
    idempotency_key: str | None = None
    #: ``False`` skips request validation for this call; ``None`` follows the client.
    validate: bool | None = None
    #: ``True`` raises ``ResponseDecodeError`` when the answer does not match the spec; ``None`` follows the client.
    strict_responses: bool | None = None


NO_OPTIONS = RequestOptions()


def request_id() -> str:
    """A random (version 4) UUID naming one call.

    Not ``uuid.uuid4()``: it reads the OS's random source, a system call that lets go of the GIL,
    and with many threads calling, a thread that lets go of it waits its turn to get it back, once
    per call. An id needs to be unique, not secret: Python's generator (seeded from the OS, reseeded
    in a forked child) is enough.
    """
    return str(uuid.UUID(int=random.getrandbits(128), version=4))


@attrs.define
class Call:
    """Created per call; plugins may read everything and write their own notes into ``notes``."""

    operation: Operation[Any]
    #: Not in the repr: a body may hold credentials (a token request's client secret).
    arguments: dict[str, Any] = attrs.field(repr=False)
    options: RequestOptions = attrs.field(repr=False)
    config: ClientConfig = attrs.field(repr=False)
    #: Sent as X-Client-Request-Id; the same on every retry of this call.
    client_request_id: str = attrs.field(factory=request_id)
    idempotency_key: str | None = None
    request: httpx.Request | None = None
    response: httpx.Response | None = None
    #: The server's id for the final response (x-request-id and similar headers).
    request_id: str | None = None
    attempts: int = 0
    started: float = attrs.field(factory=time.monotonic)
    notes: dict[str, Any] = attrs.field(factory=dict)

    @property
    def max_retries(self) -> int:
        return self.config.max_retries if self.options.max_retries is None else self.options.max_retries
