"""The transport loop, written once as a generator and driven by a sync or an async driver.

The loop yields effects (:class:`Send`, :class:`Sleep`) and receives their
results; it never does I/O itself. :func:`drive_sync` runs it with
``httpx.Client`` and ``time.sleep``, :func:`drive_async` with
``httpx.AsyncClient`` and ``asyncio.sleep`` — so the sync, threaded and async
clients behave identically by construction.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Generator
from typing import Any, NamedTuple, TypeVar

import httpx
import pluggy

from .call import Call
from .capture import record
from .errors import ResponseDecodeError, SpecloomError, TokenUnavailable, wrap_transport_error
from .redirects import next_hop
from .request import build_request, can_resend

T = TypeVar("T")
log = logging.getLogger("specloom")


# Effects are named tuples: they are made on every call and every retry, and cost nothing to define.
class Send(NamedTuple):
    request: httpx.Request
    auth: httpx.Auth | None
    #: Leave a 2xx answer's body unread: it is handed, open, to the operation's stream.
    stream: bool = False


class Sleep(NamedTuple):
    seconds: float


Effect = Send | Sleep
Flow = Generator[Effect, Any, T]


def call_flow(hook: pluggy.HookRelay, auth: httpx.Auth | None, call: Call) -> Flow[Any]:
    """One call: validate, build, send with retries and redirects, decode; plugins decide each step."""
    error: BaseException | None = None
    outcome: Any = None
    try:
        outcome = yield from _attempts(hook, auth, call)
        return outcome
    except BaseException as exc:
        error = exc
        raise
    finally:
        record(call)
        try:
            hook.on_call_end(call=call, outcome=outcome, error=error)
        except Exception:
            log.exception("an on_call_end hook failed")


def _attempts(hook: pluggy.HookRelay, auth: httpx.Auth | None, call: Call) -> Flow[Any]:
    operation = call.operation
    hook.validate_request(call=call)
    request = build_request(call)
    if operation.presigned:  # another origin: no credential, and no plugin's header, goes to it
        auth = None
    else:
        hook.prepare_request(call=call, request=request)
    call.request = request
    pristine = httpx.Headers(request.headers)  # before any auth flow writes to the request
    hops = 0
    while True:
        call.attempts += 1
        result = yield Send(request, auth, operation.streamed)
        response = result if isinstance(result, httpx.Response) else None
        failure = result if isinstance(result, httpx.TransportError) else None
        if response is not None and response.is_redirect and call.config.follow_redirects:
            hop = next_hop(request, response, call.config.max_redirects - hops, pristine)
            if hop is not None:
                # Credentials go only where the original request went (same origin, no https -> http).
                hops += 1
                request, same_origin = hop
                auth = auth if same_origin else None
                call.attempts -= 1
                continue
        delay = hook.retry_decision(call=call, attempt=call.attempts, response=response, error=failure)
        if delay is None:
            break
        if not can_resend(request):
            log.debug("not retrying %s %s: its body (an iterator) was sent once and cannot be sent again",
                      operation.method, operation.path)
            break
        log.debug("retrying %s %s (attempt %d) in %.2f s", operation.method, operation.path, call.attempts, delay)
        yield Sleep(delay)
    if isinstance(failure, TokenUnavailable) and failure.response is not None:
        response, failure = failure.response, None  # the token endpoint's answer is the error to report
    if failure is not None:
        raise wrap_transport_error(failure, f"{operation.method} {operation.path}") from failure
    assert response is not None
    call.response = response
    hook.on_response(call=call, response=response)
    strict = call.config.strict_responses if call.options.strict_responses is None else call.options.strict_responses
    try:
        if operation.streamed:
            stream = hook.decode_stream(call=call, response=response)
            if stream is not None:
                return stream
        return operation.decode(response, strict)
    except SpecloomError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as exc:  # RecursionError: JSON nested absurdly deep
        raise ResponseDecodeError(
            f"{operation.method} {operation.path} -> {response.status_code}: the answer does not match the spec "
            f"({type(exc).__name__}: {exc})",
            response=response,
            request_id=call.request_id,
        ) from exc


def drive_sync(flow: Flow[T], http: httpx.Client) -> T:
    result: Any = None
    opened: httpx.Response | None = None  # a streamed answer the flow has not handed to its stream yet
    try:
        while True:
            try:
                effect = flow.send(result)
            except StopIteration as stop:
                opened = None  # the stream the flow returned owns it now
                return stop.value  # type: ignore[no-any-return]
            if opened is not None:  # the flow went on without it (a plugin asked to retry a 2xx)
                opened.close()
                opened = None
            if isinstance(effect, Sleep):
                time.sleep(effect.seconds)
                result = None
                continue
            try:
                response = http.send(effect.request, auth=effect.auth, follow_redirects=False, stream=True)
                if effect.stream and response.is_success:
                    opened = response
                else:
                    try:
                        response.read()
                    finally:
                        response.close()
                result = response
            except httpx.TransportError as exc:
                result = exc
            except SpecloomError as exc:  # an upload that failed as it was read (a missing chunk, text in an iterator)
                flow.throw(exc)  # so the call ends as any failed call does (on_call_end sees it), and raises it
    finally:
        if opened is not None:  # the flow failed after a streamed answer came: nothing will read it
            opened.close()


async def drive_async(flow: Flow[T], http: httpx.AsyncClient) -> T:
    import asyncio  # here, not at the top: sync-only users never pay for importing asyncio

    result: Any = None
    opened: httpx.Response | None = None  # a streamed answer the flow has not handed to its stream yet
    try:
        while True:
            try:
                effect = flow.send(result)
            except StopIteration as stop:
                opened = None  # the stream the flow returned owns it now
                return stop.value  # type: ignore[no-any-return]
            if opened is not None:  # the flow went on without it (a plugin asked to retry a 2xx)
                await opened.aclose()
                opened = None
            if isinstance(effect, Sleep):
                await asyncio.sleep(effect.seconds)
                result = None
                continue
            try:
                response = await http.send(effect.request, auth=effect.auth, follow_redirects=False, stream=True)
                if effect.stream and response.is_success:
                    opened = response
                else:
                    try:
                        await response.aread()
                    finally:
                        await response.aclose()
                result = response
            except httpx.TransportError as exc:
                result = exc
            except SpecloomError as exc:  # an upload that failed as it was read (a missing chunk, text in an iterator)
                flow.throw(exc)  # so the call ends as any failed call does (on_call_end sees it), and raises it
    finally:
        if opened is not None:  # the flow failed after a streamed answer came: nothing will read it
            await opened.aclose()
