"""Long-running jobs: poll a job's status operation, with capped backoff, until the job ends.

An operation that submits a job (a workload, a training run) may have a :class:`Waiter`,
declared in the family's ``family.toml`` or by ``x-specloom-waiter`` in the spec: the
status operation to poll, where the submit answer holds the job id and the status
answer the job's state, which states end the job (success, failure, cancelled) and
how to cancel it. Generated packages build one per such operation.

The waiting itself is one generator (:func:`_wait_flow`) that yields effects — poll,
sleep — and never does I/O, driven by :class:`Job` (sync and threaded clients) and
:class:`AsyncJob` (asyncio), so every client waits alike. A poll is an ordinary call
of the status operation: retries, auth, validation and tracing apply to it as to any
GET. Every terminal state stops the wait, cancelled ones included.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Generator, Mapping
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar, overload

import attrs

from .client import BaseAsyncClient
from .codec import to_jsonable
from .errors import SpecloomError
from .flow import Sleep

if TYPE_CHECKING:
    from .client import BaseClient
    from .operation import Operation

T = TypeVar("T")
log = logging.getLogger("specloom")

#: ``on_status(state, answer)``: called once for each change of the job's state, in order.
OnStatus = Callable[[str, T], object]


class Backoff(NamedTuple):
    """The waits between polls: ``initial`` seconds, times ``factor`` after each poll, at most ``cap``.

    With ``jitter`` each wait is drawn between half and all of its value ("equal jitter"),
    so many clients waiting for jobs submitted together do not poll in step.
    """

    initial: float = 1.0
    factor: float = 2.0
    cap: float = 30.0
    jitter: bool = True

    def delay(self, polls: int, rng: random.Random) -> float:
        """The wait after the ``polls``-th poll (1 for the first)."""
        delay = min(self.cap, self.initial * self.factor ** (polls - 1))
        return delay / 2 + rng.uniform(0, delay / 2) if self.jitter else delay


@attrs.frozen
class Waiter(Generic[T]):
    """What waiting for the jobs of one submit operation needs; ``T`` is the status operation's answer.

    Fields are given as paths of wire names (``("status", "phase")``). ``id_parameter`` is the
    path parameter of the status (and cancel) operation that takes the job id.
    """

    #: The submit operation's id, for messages.
    name: str
    status: Operation[T]
    id_parameter: str
    #: Where the submit answer holds the job id.
    id_field: tuple[str, ...]
    #: Where the status answer holds the job's state.
    state_field: tuple[str, ...]
    success: tuple[str, ...]
    failure: tuple[str, ...] = ()
    cancelled: tuple[str, ...] = ()
    #: Where the status answer of a failed job holds its error message (``()``: nowhere).
    error_field: tuple[str, ...] = ()
    cancel: Operation[Any] | None = None

    @overload
    def submitted(self, client: BaseAsyncClient, answer: Any) -> AsyncJob[T]: ...
    @overload
    def submitted(self, client: BaseClient, answer: Any) -> Job[T]: ...
    def submitted(self, client: BaseClient | BaseAsyncClient, answer: Any) -> Job[T] | AsyncJob[T]:
        """The job the submit operation's ``answer`` started (its id read from ``id_field``)."""
        return self.job(client, _JobBase.id_in(self, answer), submitted=answer)

    @overload
    def job(self, client: BaseAsyncClient, job_id: object, *, submitted: Any = None) -> AsyncJob[T]: ...
    @overload
    def job(self, client: BaseClient, job_id: object, *, submitted: Any = None) -> Job[T]: ...
    def job(self, client: BaseClient | BaseAsyncClient, job_id: object, *, submitted: Any = None) -> Job[T] | AsyncJob[T]:
        """The job with id ``job_id``, followed through ``client``."""
        cls = AsyncJob if isinstance(client, BaseAsyncClient) else Job
        return cls(client, self, str(job_id), submitted)

    def state_of(self, answer: Any) -> str | None:
        """The job's state in a status answer; ``None`` when the answer has none."""
        value = _field(answer, self.state_field)
        return None if value is None or isinstance(value, (dict, list)) else str(value)

    def error_of(self, answer: Any) -> str | None:
        value = _field(answer, self.error_field) if self.error_field else None
        return None if value is None else str(value)


def _field(answer: Any, path: tuple[str, ...]) -> Any:
    """The value at ``path`` of an answer read as JSON (what the server sent), ``None`` when absent."""
    value = to_jsonable(answer)
    for name in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(name)
    return value


class WaitError(SpecloomError):
    """Waiting for a job did not end in success: ``state`` is the last state seen, ``result`` the last answer."""

    def __init__(self, message: str, *, job_id: str | None, state: str | None, result: Any) -> None:
        super().__init__(message)
        self.job_id = job_id
        self.state = state
        self.result = result


class JobFailedError(WaitError):
    """The job reached a failure state; ``error`` is the message the job's status gave, if any."""

    def __init__(self, message: str, *, job_id: str, state: str, result: Any, error: str | None) -> None:
        super().__init__(message, job_id=job_id, state=state, result=result)
        self.error = error


class JobCancelledError(WaitError):
    """The job reached a cancelled state (by :meth:`Job.cancel` or on the server)."""


class WaitTimeoutError(WaitError, TimeoutError):
    """The job did not end before the wait's timeout; it may still be running. ``state``: the last seen."""


class Poll(NamedTuple):
    """An effect of :func:`_wait_flow`: call the status operation, send back its answer."""


def _wait_flow(waiter: Waiter[T], job_id: str, *, timeout: float | None, on_status: OnStatus[T] | None,
               backoff: Backoff, rng: random.Random) -> Generator[Poll | Sleep, Any, T]:
    """Poll until a terminal state; the answer of a successful job, or a :class:`WaitError`."""
    deadline = None if timeout is None else time.monotonic() + timeout
    where = f"{waiter.name} job {job_id}"
    last: str | None = None
    polls = 0
    while True:
        answer = yield Poll()
        polls += 1
        state = waiter.state_of(answer)
        if state is not None and state != last:
            last = state
            if on_status is not None:
                on_status(state, answer)
        if state in waiter.success:
            return answer  # type: ignore[no-any-return]  # the status operation's answer
        if state in waiter.failure:
            error = waiter.error_of(answer)
            raise JobFailedError(f"{where} failed ({state})" + (f": {error}" if error else ""),
                                 job_id=job_id, state=state, result=answer, error=error)
        if state in waiter.cancelled:
            raise JobCancelledError(f"{where} was cancelled ({state})", job_id=job_id, state=state, result=answer)
        if state is None:
            log.warning("%s: the status answer has no state at %s; polling on", where, ".".join(waiter.state_field))
        elif state not in waiter.success + waiter.failure + waiter.cancelled:
            # A state this release does not know (a newer server's) may be anything but an end: wait on.
            log.debug("%s: state %r, polling on", where, state)
        delay = backoff.delay(polls, rng)
        if deadline is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise WaitTimeoutError(f"{where} did not end within {timeout} s (last state: {last})",
                                       job_id=job_id, state=last, result=answer)
            delay = min(delay, remaining)
        yield Sleep(delay)


_RNG = random.Random()


class _JobBase(Generic[T]):
    """A submitted job: its id, the submit answer, and the waiter that knows how to follow it."""

    def __init__(self, client: Any, waiter: Waiter[T], job_id: str, submitted: Any = None) -> None:
        self._client = client
        self.waiter = waiter
        self.id = job_id
        #: The submit operation's answer (``None`` for a job made from its id).
        self.submitted = submitted

    @staticmethod
    def id_in(waiter: Waiter[Any], answer: Any) -> str:
        """The job id in the submit answer, or a :class:`WaitError` saying where it was looked for."""
        value = _field(answer, waiter.id_field)
        if value is None or isinstance(value, (dict, list)):
            raise WaitError(f"{waiter.name}: the answer has no job id at {'.'.join(waiter.id_field)}",
                            job_id=None, state=None, result=answer)
        return str(value)

    def _flow(self, timeout: float | None, on_status: OnStatus[T] | None, backoff: Backoff | None
              ) -> Generator[Poll | Sleep, Any, T]:
        return _wait_flow(self.waiter, self.id, timeout=timeout, on_status=on_status, backoff=backoff or Backoff(),
                          rng=_RNG)

    def _cancel_operation(self) -> Operation[Any]:
        if self.waiter.cancel is None:
            raise WaitError(f"{self.waiter.name}: no cancel operation is declared for its jobs",
                            job_id=self.id, state=None, result=None)
        return self.waiter.cancel

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.waiter.name!r}, id={self.id!r})"


class Job(_JobBase[T]):
    """A job of the sync (or threaded) client: :meth:`wait` for its end, :meth:`cancel` it."""

    _client: BaseClient

    def status(self) -> T:
        """The job's status now (one call of the status operation)."""
        return self._client.call(self.waiter.status, path={self.waiter.id_parameter: self.id})

    def wait(self, *, timeout: float | None = None, on_status: OnStatus[T] | None = None,
             backoff: Backoff | None = None) -> T:
        """Poll until the job ends: its last status when it succeeded, else :class:`JobFailedError`,
        :class:`JobCancelledError`, or :class:`WaitTimeoutError` after ``timeout`` seconds."""
        flow = self._flow(timeout, on_status, backoff)
        effect = next(flow)
        while True:
            try:
                if isinstance(effect, Poll):
                    effect = flow.send(self.status())
                else:
                    time.sleep(effect.seconds)
                    effect = flow.send(None)
            except StopIteration as done:
                return done.value  # type: ignore[no-any-return]  # the flow's return value, a T

    def cancel(self) -> None:
        """Ask the server to cancel the job; a :meth:`wait` then ends with :class:`JobCancelledError`."""
        self._client.call(self._cancel_operation(), path={self.waiter.id_parameter: self.id})



class AsyncJob(_JobBase[T]):
    """A job of the asyncio client; cancelling the task that awaits :meth:`wait` stops the polling."""

    _client: BaseAsyncClient

    async def status(self) -> T:
        """The job's status now (one call of the status operation)."""
        return await self._client.call(self.waiter.status, path={self.waiter.id_parameter: self.id})

    async def wait(self, *, timeout: float | None = None, on_status: OnStatus[T] | None = None,
                   backoff: Backoff | None = None) -> T:
        """Poll until the job ends: its last status when it succeeded, else :class:`JobFailedError`,
        :class:`JobCancelledError`, or :class:`WaitTimeoutError` after ``timeout`` seconds."""
        import asyncio  # here, not at the top: sync-only users never pay for importing asyncio

        flow = self._flow(timeout, on_status, backoff)
        effect = next(flow)
        while True:
            try:
                if isinstance(effect, Poll):
                    effect = flow.send(await self.status())
                else:
                    await asyncio.sleep(effect.seconds)
                    effect = flow.send(None)
            except StopIteration as done:
                return done.value  # type: ignore[no-any-return]  # the flow's return value, a T

    async def cancel(self) -> None:
        """Ask the server to cancel the job; a :meth:`wait` then ends with :class:`JobCancelledError`."""
        await self._client.call(self._cancel_operation(), path={self.waiter.id_parameter: self.id})

