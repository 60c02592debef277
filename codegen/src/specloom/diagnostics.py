"""Errors and warnings that name the file, the JSON pointer and what to do."""

from __future__ import annotations

import sys
from typing import TextIO

import attrs


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


@attrs.frozen
class Warning:
    file: str
    pointer: str
    message: str

    def __str__(self) -> str:
        return f"warning: {self.file}#{self.pointer or '/'}: {self.message}"


@attrs.define
class Diagnostics:
    """Collects recoverable spec defects; generation goes on past each of them."""

    warnings: list[Warning] = attrs.field(factory=list)
    _seen: set[Warning] = attrs.field(factory=set)

    def warn(self, file: str, pointer: str, message: str) -> None:
        # The same node can be visited along several paths; one warning each.
        warning = Warning(file, pointer, message)
        if warning not in self._seen:
            self._seen.add(warning)
            self.warnings.append(warning)

    def print(self, stream: TextIO | None = None) -> None:
        for warning in sorted(self.warnings, key=lambda w: (w.file, w.pointer, w.message)):
            print(warning, file=stream or sys.stderr)
