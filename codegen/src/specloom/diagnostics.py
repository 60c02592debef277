"""Errors and warnings that name the file, the JSON pointer and what to do."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple, TextIO


class SpecloomError(Exception):
    """Base of the generator's errors; the CLI prints these without a traceback."""


class SpecError(SpecloomError):
    """A spec cannot be understood at all."""

    def __init__(self, file: str, pointer: str, reason: str) -> None:
        super().__init__(f"{file}#{pointer or '/'}: {reason}")
        self.file = file
        self.pointer = pointer
        self.reason = reason


class ConfigError(SpecloomError):
    """A family.toml or a command-line option is wrong."""


class InternalError(SpecloomError):
    """A bug of specloom's, met while working on one place of a spec (the CLI exits 3)."""

    def __init__(self, where: str, error: BaseException) -> None:
        import traceback  # here: only a bug pays for it, not every run's start-up

        frames = traceback.extract_tb(error.__traceback__)
        origin = f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
        super().__init__(
            f"internal error while working on {where}: {type(error).__name__}: {error}{origin}; "
            "this is a bug in specloom, please report it with the spec"
        )
        self.where = where


class Warning(NamedTuple):
    file: str
    pointer: str
    message: str

    def __str__(self) -> str:
        return f"warning: {self.file}#{self.pointer or '/'}: {self.message}"


class Diagnostics:
    """Collects recoverable spec defects; generation goes on past each of them."""

    __slots__ = ("_seen", "position", "warnings")

    def __init__(self) -> None:
        self.warnings: list[Warning] = []
        self._seen: set[Warning] = set()
        #: The place of the spec being worked on, for :class:`InternalError`.
        self.position = ""

    @contextmanager
    def at(self, where: str) -> Iterator[None]:
        """Mark ``where`` (``file#pointer``, or an operation) as the place being worked on."""
        previous, self.position = self.position, where
        yield
        # Not reached when the body raises: the innermost place is what the error names.
        self.position = previous

    def warn(self, file: str, pointer: str, message: str) -> None:
        # The same node can be visited along several paths; one warning each.
        warning = Warning(file, pointer, message)
        if warning not in self._seen:
            self._seen.add(warning)
            self.warnings.append(warning)

    def print(self, stream: TextIO | None = None) -> None:
        for warning in sorted(self.warnings, key=lambda w: (w.file, w.pointer, w.message)):
            print(warning, file=stream or sys.stderr)
