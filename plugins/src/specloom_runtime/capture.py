"""Raw-response access for any call, whatever its return type: ``with capture_calls() as calls:``.

Each finished call inside the block is appended (with its final
``httpx.Response``, the server's ``request_id`` and the ``client_request_id``
it was sent with). The list follows the current context, so it sees the calls
of this thread, or of this task and the tasks it starts.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

from .call import Call

_capturing: contextvars.ContextVar[list[Call] | None] = contextvars.ContextVar("specloom_capture", default=None)


@contextlib.contextmanager
def capture_calls() -> Iterator[list[Call]]:
    calls: list[Call] = []
    token = _capturing.set(calls)
    try:
        yield calls
    finally:
        _capturing.reset(token)


def record(call: Call) -> None:
    calls = _capturing.get()
    if calls is not None:
        calls.append(call)
