"""The hooks a specloom runtime plugin can implement.

Hooks decide; the transport loop acts. No hook sleeps or does network I/O, so
one plugin serves the sync, threaded and async clients alike. A plugin that
must do I/O (fetching a token) returns an ``httpx.Auth``, whose generator flow
httpx runs under both sync and async clients.

A plugin is any object (or module) with methods named like these hooks and
marked with :data:`hookimpl`. Plugins are found through the entry-point group
``specloom.plugins`` and can be passed to a client with ``plugins=[...]``; each
client has its own registry, so two clients never share plugin state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    import httpx

    from .call import Call
    from .config import ClientConfig

PROJECT = "specloom"
ENTRY_POINT_GROUP = "specloom.plugins"

hookspec = pluggy.HookspecMarker(PROJECT)
#: Decorate a plugin's hook implementations with this.
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def configure(config: ClientConfig) -> None:
    """Read or adjust the client's settings, once, when the client is created.

    Runs for every plugin, in registration order reversed (later plugins last
    word). ``config`` is mutable only during this hook; afterwards it is frozen.
    Raise :class:`~specloom_runtime.errors.ConfigurationError` to refuse a setting.
    """


@hookspec(firstresult=True)
def auth_flow(config: ClientConfig) -> httpx.Auth | None:
    """Return the ``httpx.Auth`` that authenticates this client's requests, or ``None``.

    Called once, after :func:`configure`. The first plugin to return an auth
    wins; plugins passed to the client are asked before the built-in ones, so a
    custom identity provider replaces client credentials without touching them.
    The auth's flow may yield extra requests (a token request) and may replay
    the original once after a 401; it must not sleep.
    """


@hookspec
def validate_request(call: Call) -> None:
    """Check the call's arguments before anything is built or sent.

    Raise :class:`~specloom_runtime.errors.SpecloomError` (a validation error)
    to stop the call; nothing is sent.
    """


@hookspec
def prepare_request(call: Call, request: httpx.Request) -> None:
    """Adjust the outgoing request once per call, before the first attempt.

    Typical uses: request-id, identity and idempotency-key headers. The same
    request (and so the same headers) is sent on every retry of the call.
    Not called for a presigned upload (``Operation.presigned``): it goes to another
    origin, which gets no header of the client's or of its plugins.
    """


@hookspec(firstresult=True)
def retry_decision(call: Call, attempt: int, response: httpx.Response | None, error: Exception | None) -> float | None:
    """Decide whether attempt number ``attempt`` (1-based) is retried, and after how long.

    Exactly one of ``response`` and ``error`` is given: the answer, or the
    transport error (connection, timeout) the attempt ended with. Return the
    delay in seconds before the next attempt, or ``None`` to stop here. Never
    sleep: the transport loop sleeps (``time.sleep`` or ``asyncio.sleep``).
    """


@hookspec
def on_response(call: Call, response: httpx.Response) -> None:
    """See the final response of a call (after retries), before it is decoded.

    Typical uses: capturing the server's request id, metrics. To turn the
    response into an error, raise it here; the built-in errors plugin raises
    the typed :class:`~specloom_runtime.errors.ApiError` for non-2xx answers.
    """


@hookspec(firstresult=True)
def decode_stream(call: Call, response: httpx.Response) -> Any:
    """Return the object that reads a streamed 2xx answer (SSE, NDJSON, a download), or ``None`` for the operation's own.

    Only called for operations marked ``streamed``; the response is open, its body unread,
    and whatever is returned owns it (must close it). The built-in reading is the
    operation's ``decode`` (:mod:`specloom_runtime.streams`, :mod:`specloom_runtime.downloads`).
    """


@hookspec
def on_call_end(call: Call, outcome: Any, error: BaseException | None) -> None:
    """See how a call ended: its decoded ``outcome``, or the ``error`` it raised.

    Runs once per call, whatever happened, for telemetry and metrics. It must
    not raise.
    """
