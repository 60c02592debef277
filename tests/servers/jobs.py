"""A scriptable job lifecycle for the test control plane: the phases a submitted workload goes through.

A test scripts the next submitted workload's phases, one per poll::

    server.api.jobs.script("Pending", "Initializing", "Running", "Completed")
    server.api.jobs.script("Pending", ("Failed", "OOMKilled: the container ran out of memory"))

The workload is answered as submitted (phase ``Creating``); each ``get_workload`` then moves it
to the next scripted phase before answering, and the last phase stays. A phase may carry its
``phaseMessage``. A deleted workload (the waiter's cancel: ``delete_workload``) leaves its
script and stays ``Deleting``. Workloads submitted with no script left keep the server's own behaviour.
"""

from __future__ import annotations

import collections
from typing import Any

#: One step of a script: a phase, or a phase and its message.
Step = str | tuple[str, str]


class JobLifecycle:
    """Scripts waiting to be given to submitted workloads, and the workloads following one."""

    def __init__(self) -> None:
        self._scripts: collections.deque[tuple[Step, ...]] = collections.deque()
        self._following: dict[str, collections.deque[Step]] = {}
        #: Every phase each scripted workload was answered with, in order (polls, not changes).
        self.answered: dict[str, list[str]] = {}

    def script(self, *steps: Step) -> None:
        """The phases of the next submitted workload, one per poll of ``get_workload``."""
        if not steps:
            raise ValueError("a script needs at least one phase")
        self._scripts.append(steps)

    def submitted(self, workload_id: str) -> None:
        """A workload was submitted: it follows the next script, if any."""
        if self._scripts:
            self._following[workload_id] = collections.deque(self._scripts.popleft())
            self.answered[workload_id] = []

    def polled(self, workload: dict[str, Any]) -> None:
        """Before ``get_workload`` answers: move a scripted workload to its next phase (the last one stays)."""
        steps = self._following.get(workload["id"])
        if steps is None:
            return
        if not workload["deleted"]:
            step = steps.popleft() if len(steps) > 1 else steps[0]
            phase, message = (step, None) if isinstance(step, str) else step
            workload.update(phase=phase, phaseMessage=message)
        self.answered[workload["id"]].append(workload["phase"])
