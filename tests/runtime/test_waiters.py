"""Long-running jobs (issue 11): waiting for a submitted workload, in the sync, threaded and async clients.

The reference family declares the waiter of ``submit_workload`` (``specs/controlplane/family.toml``):
``get_workload`` is polled until the workload's phase is ``Completed`` (success), ``Failed``
(``JobFailedError`` with its ``phaseMessage``) or ``Deleting`` (``JobCancelledError``; the job's
``cancel()`` is ``delete_workload``). The test control plane moves a submitted workload through the
phases a test scripts, one per poll (:mod:`tests.servers.jobs`).
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from typing import Any

import pytest
from specloom_runtime import (
    Backoff,
    JobCancelledError,
    JobFailedError,
    WaitError,
    WaitTimeoutError,
)

from tests.runtime.harness import FAST, WORKLOAD, WORKLOADS, Harness, workload_body
from tests.servers import ControlPlaneServer
from tests.servers.faults import Fault

#: Waits of a millisecond or two between polls: the scripts, not the clock, decide what a test sees.
QUICK = Backoff(initial=0.001, factor=2.0, cap=0.004)
OOM = "OOMKilled: the container ran out of memory"


class Seen:
    """An ``on_status`` callback that records each (state, phase of the answer) it is given."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def __call__(self, state: str, answer: Any) -> None:
        self.calls.append((state, answer.to_dict()["phase"]))

    @property
    def states(self) -> list[str]:
        return [state for state, _ in self.calls]


def then(result: Any, step: Callable[[Any], Any]) -> Any:
    """``step(result)``; for a coroutine (the async client), a coroutine awaiting it first, and awaiting
    ``step``'s own result when it is one too."""
    if not inspect.isawaitable(result):
        return step(result)

    async def chained() -> Any:
        value = step(await result)
        return await value if inspect.isawaitable(value) else value

    return chained()


class Raised:
    """What a wait raised, handed back as a value (``ThreadedClient.run_concurrently`` raises an exception
    returned by its call)."""

    def __init__(self, error: WaitError) -> None:
        self.error = error


def outcome(fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``fn``, whose error (a WaitError) is handed back as :class:`Raised` instead of raised."""

    def call(client: Any) -> Any:
        try:
            result = fn(client)
        except WaitError as exc:
            return Raised(exc)
        if not inspect.isawaitable(result):
            return result

        async def awaited() -> Any:
            try:
                return await result
            except WaitError as exc:
                return Raised(exc)

        return awaited()

    return call


def raised(result: Any) -> WaitError:
    assert isinstance(result, Raised), f"the wait did not raise: {result!r}"
    return result.error


def submit_and_wait(on_status: Seen | None = None, **wait: Any) -> Callable[[Any], Any]:
    """Submit a workload as a job and wait for it: the final workload, or the wait's error (:class:`Raised`)."""
    wait.setdefault("timeout", 10)  # a waiter that missed an end fails the test instead of hanging it
    return outcome(lambda client: then(client.workloads.workloads.submit_workload_job(body=workload_body()),
                                       lambda job: job.wait(on_status=on_status, backoff=QUICK, **wait)))


def polls(server: ControlPlaneServer) -> int:
    return len(server.requests_to("GET", WORKLOAD))


def test_a_job_is_waited_for_until_it_completes_and_its_last_status_returned(h: Harness, server: ControlPlaneServer) -> None:
    server.api.jobs.script("Pending", "Initializing", "Running", "Running", "Completed")
    seen = Seen()
    workload = h.run(h.bearer_client(), submit_and_wait(seen))
    assert workload.phase == "Completed"
    assert seen.states == ["Pending", "Initializing", "Running", "Completed"]
    assert polls(server) == 5  # the waiter stopped at the first terminal state


def test_on_status_sees_each_change_of_state_once_in_order_with_its_answer(h: Harness, server: ControlPlaneServer) -> None:
    server.api.jobs.script("Pending", "Pending", "Pending", "Initializing", "Running", "Degraded", "Running",
                           "Running", "Completed")
    seen = Seen()
    h.run(h.bearer_client(), submit_and_wait(seen))
    assert seen.calls == [("Pending", "Pending"), ("Initializing", "Initializing"), ("Running", "Running"),
                          ("Degraded", "Degraded"), ("Running", "Running"), ("Completed", "Completed")]


def test_wait_for_workload_follows_a_job_by_its_id(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client()
    submitted = h.run(client, lambda c: c.workloads.workloads.submit_workload(body=workload_body()))
    server.api.jobs.script("Running", "Completed")
    server.api.jobs.submitted(str(submitted.id))  # the script is given to the workload already submitted
    seen = Seen()
    workload = h.run(client, lambda c: c.workloads.workloads.wait_for_workload(
        workload_id=submitted.id, on_status=seen, backoff=QUICK))
    assert (str(workload.id), workload.phase) == (str(submitted.id), "Completed")
    assert seen.states == ["Running", "Completed"]


def test_a_failed_job_raises_with_its_error_message_and_state(h: Harness, server: ControlPlaneServer) -> None:
    server.api.jobs.script("Pending", "Running", ("Failed", OOM))
    seen = Seen()
    error = raised(h.run(h.bearer_client(), submit_and_wait(seen)))
    assert isinstance(error, JobFailedError)
    assert (error.state, error.error) == ("Failed", OOM)
    assert error.result.phase_message == OOM and str(error.result.id) == error.job_id
    assert OOM in str(error)
    assert seen.states == ["Pending", "Running", "Failed"]


def last_answered(server: ControlPlaneServer, job_id: str) -> str:
    """The phase the server's last answer to a poll of ``job_id`` gave."""
    return server.api.jobs.answered[job_id][-1]


def test_a_deadline_raises_with_the_last_state_seen_and_the_job_goes_on(h: Harness, server: ControlPlaneServer) -> None:
    server.api.jobs.script("Pending", "Initializing", "Running")  # Running for ever
    error = raised(h.run(h.bearer_client(), submit_and_wait(timeout=0.05)))
    assert isinstance(error, WaitTimeoutError) and isinstance(error, TimeoutError)
    # How far the job got in 50 ms depends on the machine's load; the error holds what the last poll saw.
    assert error.job_id is not None
    assert error.state == error.result.phase == last_answered(server, error.job_id)
    assert server.execution_count("DELETE", WORKLOAD) == 0  # a timeout does not cancel the job


def test_cancel_deletes_the_job_and_the_wait_ends_cancelled(h: Harness, server: ControlPlaneServer) -> None:
    server.api.jobs.script("Pending", "Running")
    client = h.bearer_client()
    job = h.run(client, lambda c: c.workloads.workloads.submit_workload_job(body=workload_body()))
    running = raised(h.run(client, outcome(lambda _: job.wait(timeout=0.05, backoff=QUICK))))
    assert isinstance(running, WaitTimeoutError) and running.state == last_answered(server, job.id) != "Deleting"
    h.run(client, lambda _: job.cancel())
    seen = Seen()
    cancelled = raised(h.run(client, outcome(lambda _: job.wait(on_status=seen, backoff=QUICK))))
    assert isinstance(cancelled, JobCancelledError)
    assert (cancelled.state, cancelled.job_id) == ("Deleting", job.id)
    assert seen.states == ["Deleting"]
    deletes = server.requests_to("DELETE", WORKLOAD)
    assert [d.raw_path for d in deletes] == [f"{WORKLOADS}/{job.id}"]


def test_a_job_cancelled_on_the_server_ends_the_wait(h: Harness, server: ControlPlaneServer) -> None:
    server.api.jobs.script("Pending", "Running", "Deleting", "Running")  # the last never comes: Deleting is an end
    seen = Seen()
    error = raised(h.run(h.bearer_client(), submit_and_wait(seen)))
    assert isinstance(error, JobCancelledError) and error.state == "Deleting"
    assert seen.states == ["Pending", "Running", "Deleting"]
    assert polls(server) == 3


def test_a_state_this_release_does_not_know_is_reported_and_polling_goes_on(h: Harness, server: ControlPlaneServer) -> None:
    server.api.jobs.script("Pending", "Preempted", "Preempted", "Running", "Completed")  # a newer server's phase
    seen = Seen()
    workload = h.run(h.bearer_client(), submit_and_wait(seen))
    assert workload.phase == "Completed"
    assert seen.states == ["Pending", "Preempted", "Running", "Completed"]


def test_a_poll_answered_503_is_retried_like_any_get(h: Harness, server: ControlPlaneServer) -> None:
    server.api.jobs.script("Pending", "Running", "Completed")
    server.inject(Fault.unavailable(retry_after=0), method="GET", path=WORKLOAD, times=2)
    seen = Seen()
    workload = h.run(h.bearer_client(**FAST), submit_and_wait(seen))
    assert workload.phase == "Completed"
    assert seen.states == ["Pending", "Running", "Completed"]
    assert polls(server) == 5  # three polls, the first answered 503 twice before it went through
    retried = server.requests_to("GET", WORKLOAD)[:3]
    assert len({r.header("x-client-request-id") for r in retried}) == 1  # one call, retried: one request id


def test_cancelling_the_waiting_task_stops_the_polling(server: ControlPlaneServer) -> None:
    """Async only: the waiter's sleep is asyncio's, so cancelling the task that waits ends it at once."""
    server.api.jobs.script("Pending", "Running")
    h = Harness("async", server)
    try:
        client = h.bearer_client()

        async def wait_then_cancel() -> int:
            job = await client.workloads.workloads.submit_workload_job(body=workload_body())
            task = asyncio.ensure_future(job.wait(backoff=Backoff(initial=0.01, cap=0.01, jitter=False)))
            while polls(server) < 3:
                await asyncio.sleep(0.005)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            return polls(server)

        at_cancel = h.run_async(wait_then_cancel())
        h.run_async(asyncio.sleep(0.1))  # ten more polls' worth of time
        assert polls(server) == at_cancel
    finally:
        h.close()
