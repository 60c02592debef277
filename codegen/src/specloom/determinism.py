"""``specloom generate --check-determinism``: a package rendered twice must come out the same, byte for byte.

Codegen hooks promise to be pure functions of their inputs (:mod:`specloom.hookspecs`); a
plugin that reads the clock, draws random numbers or keeps state from one call to the next
breaks that promise, and its packages would change on every run. Rendering each package a
second time, with freshly created plugins, shows it at once and names the files that differ.

One kind of impurity only shows between processes: output following the iteration order of a
set of strings, which hash randomisation changes from one interpreter to the next. Generating
and checking under two seeds shows that one (``PYTHONHASHSEED=1 specloom generate`` then
``PYTHONHASHSEED=2 specloom check``; the test suite does so for the example SDK).
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping

from .diagnostics import SpecloomError


class NondeterminismError(SpecloomError):
    """Two renderings of one package from the same inputs differ."""

    def __init__(self, label: str, files: list[str], first_difference: str, plugins: tuple[str, ...]) -> None:
        by = f"; codegen plugins in use: {', '.join(plugins)}" if plugins else ""
        super().__init__(f"{label}: generation is not deterministic: {len(files)} file(s) differ between two runs "
                         f"from the same inputs ({', '.join(files[:5])}{', ...' if len(files) > 5 else ''})"
                         f"{by}; a codegen hook must not depend on the clock, randomness or state kept between "
                         f"calls.\n{first_difference}")
        self.files = files


def compare(label: str, first: Mapping[str, str], second: Mapping[str, str], plugins: tuple[str, ...]) -> None:
    """Raise :class:`NondeterminismError` when the two renderings of ``label`` differ."""
    differing = sorted(name for name in first.keys() | second.keys() if first.get(name) != second.get(name))
    if not differing:
        return
    name = differing[0]
    diff = difflib.unified_diff((first.get(name) or "").splitlines(), (second.get(name) or "").splitlines(),
                                f"{name} (first run)", f"{name} (second run)", lineterm="", n=1)
    raise NondeterminismError(label, differing, "\n".join(list(diff)[:12]), plugins)
