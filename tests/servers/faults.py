"""Faults the test control plane injects, and the plan that hands them to matching requests.

A :class:`Fault` describes what goes wrong; :meth:`FaultPlan.add` queues it for the
next ``times`` requests that match a method and/or path template (``None`` = any).
When several rules match, the most specific wins (method+path, then path, then
method, then global), and among equally specific rules the oldest. Faults with
``after_execute=False`` are taken when a request *arrives* (before authentication,
idempotency and execution); faults with ``after_execute=True`` are taken when a
request is *executed* (so a 401 or an idempotent replay never uses them up).
"""

from __future__ import annotations

import datetime
import email.utils
import itertools
import threading
from collections.abc import Mapping
from typing import Any, Literal

import attrs

FaultKind = Literal["status", "reset", "delay"]
IN_PROGRESS_MESSAGE = "A request with this Idempotency-Key is still in progress; retry later."


def _retry_after_value(value: float | str | datetime.datetime) -> str:
    if isinstance(value, datetime.datetime):
        return email.utils.format_datetime(value.astimezone(datetime.UTC), usegmt=True)
    if isinstance(value, str):
        return value
    return str(int(value)) if float(value).is_integer() else str(value)


@attrs.frozen
class Fault:
    """What goes wrong for one request; build with the class methods.

    - ``status``: answer ``status_code`` with ``headers`` and a JSON ``body``
      (an ``ErrorResponse`` by default) instead of handling the request.
    - ``reset``: drop the connection without any response; ``hard`` sends a TCP RST
      (httpx: ``ReadError``), otherwise a plain close (httpx: ``RemoteProtocolError``).
    - ``delay``: wait ``seconds``, then carry on normally. Before execution the request
      is then executed even if the client gave up meanwhile (as a real server would);
      after execution (``after_execute=True``) the idempotency key stays "in progress"
      during the wait.

    ``after_execute=True`` on ``status``/``reset`` performs the operation and counts
    the execution (storing its real answer for the idempotency key), then answers
    with the fault: the write happened but the client cannot know.
    """

    kind: FaultKind
    status_code: int = 500
    headers: tuple[tuple[str, str], ...] = ()
    body: Any = None
    #: Header value of ``Retry-After`` computed when answering: HTTP-date this many seconds ahead.
    retry_after_date_in: float | None = None
    seconds: float = 0.0
    hard: bool = True
    after_execute: bool = False

    @classmethod
    def status(
        cls,
        status_code: int,
        *,
        retry_after: float | str | datetime.datetime | None = None,
        retry_after_date_in: float | None = None,
        retry_after_ms: float | None = None,
        headers: Mapping[str, str] | None = None,
        body: Any = None,
        after_execute: bool = False,
    ) -> Fault:
        """Answer ``status_code``. ``retry_after``: seconds (``1`` -> ``Retry-After: 1``; floats are
        sent as written, e.g. ``0.5``), an aware ``datetime`` (sent as an HTTP-date) or a raw string.
        ``retry_after_date_in``: an HTTP-date that many seconds after the answer (whole seconds on the
        wire, so compare against :attr:`Exchange.answered_wall`). ``retry_after_ms``: ``retry-after-ms``."""
        extra: list[tuple[str, str]] = []
        if retry_after is not None:
            extra.append(("retry-after", _retry_after_value(retry_after)))
        if retry_after_ms is not None:
            extra.append(("retry-after-ms", _retry_after_value(retry_after_ms)))
        extra.extend((k.lower(), v) for k, v in (headers or {}).items())
        return cls("status", status_code, tuple(extra), body, retry_after_date_in, after_execute=after_execute)

    @classmethod
    def unavailable(cls, retry_after: float | str | datetime.datetime | None = 1, **kwargs: Any) -> Fault:
        """503 Service Unavailable, by default with ``Retry-After: 1``."""
        return cls.status(503, retry_after=retry_after, **kwargs)

    @classmethod
    def too_many_requests(cls, retry_after: float | str | datetime.datetime | None = 1, **kwargs: Any) -> Fault:
        """429 Too Many Requests, by default with ``Retry-After: 1``."""
        return cls.status(429, retry_after=retry_after, **kwargs)

    @classmethod
    def server_error(cls, **kwargs: Any) -> Fault:
        return cls.status(500, **kwargs)

    @classmethod
    def request_timeout(cls, **kwargs: Any) -> Fault:
        return cls.status(408, **kwargs)

    @classmethod
    def in_progress(cls, **kwargs: Any) -> Fault:
        """409 saying an idempotent request with the same key is still being processed."""
        return cls.status(409, body={"code": 409, "message": IN_PROGRESS_MESSAGE, "error": "idempotency_in_progress"},
                          **kwargs)

    @classmethod
    def reset(cls, *, hard: bool = True, after_execute: bool = False) -> Fault:
        return cls("reset", hard=hard, after_execute=after_execute)

    @classmethod
    def delay(cls, seconds: float, *, after_execute: bool = False) -> Fault:
        return cls("delay", seconds=seconds, after_execute=after_execute)

    def response_headers(self, now: datetime.datetime | None = None) -> list[tuple[str, str]]:
        headers = list(self.headers)
        if self.retry_after_date_in is not None:
            moment = (now or datetime.datetime.now(datetime.UTC)) + datetime.timedelta(seconds=self.retry_after_date_in)
            headers.append(("retry-after", _retry_after_value(moment)))
        return headers


@attrs.define
class FaultRule:
    """A queued fault: applies to the next ``remaining`` matching requests."""

    fault: Fault
    method: str | None
    path: str | None
    remaining: int
    seq: int
    #: How many requests it was applied to so far.
    applied: int = 0

    @property
    def specificity(self) -> int:
        return 2 * (self.path is not None) + (self.method is not None)

    def matches(self, method: str, template: str | None) -> bool:
        return (self.method is None or self.method == method) and (self.path is None or self.path == template)


class FaultPlan:
    """The queued faults of a server; thread-safe."""

    def __init__(self, known_paths: frozenset[str] = frozenset()) -> None:
        self._known_paths = known_paths
        self._lock = threading.Lock()
        self._rules: list[FaultRule] = []
        self._seq = itertools.count()

    def add(self, fault: Fault, *, method: str | None = None, path: str | None = None, times: int = 1) -> FaultRule:
        if times < 1:
            raise ValueError(f"times must be at least 1, got {times}")
        if path is not None and self._known_paths and path not in self._known_paths:
            raise ValueError(f"{path!r} is not a path template of the control plane; known: {sorted(self._known_paths)}")
        rule = FaultRule(fault, method.upper() if method else None, path, times, next(self._seq))
        with self._lock:
            self._rules.append(rule)
        return rule

    def take(self, method: str, template: str | None, *, after_execute: bool) -> Fault | None:
        """The fault for this request, using up one application of its rule; ``None`` when none matches."""
        with self._lock:
            candidates = [
                r for r in self._rules
                if r.remaining > 0 and r.fault.after_execute == after_execute and r.matches(method, template)
            ]
            if not candidates:
                return None
            rule = min(candidates, key=lambda r: (-r.specificity, r.seq))
            rule.remaining -= 1
            rule.applied += 1
            if rule.remaining == 0:
                self._rules.remove(rule)
            return rule.fault

    def pending(self) -> list[FaultRule]:
        with self._lock:
            return [attrs.evolve(r) for r in self._rules]

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()
