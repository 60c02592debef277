"""Import blocks laid out as isort/ruff lay them out, so output needs no formatter run.

Sections: ``__future__``, standard library, third party, first party (the
generated package), each sorted with plain ``import x`` before ``from x import``,
and imported names ordered constants, classes, then functions.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable

_SECTIONS = ("future", "stdlib", "thirdparty", "firstparty")
LINE_LENGTH = 88


def _section(module: str, first_party: str) -> str:
    top = module.split(".")[0]
    if top == "__future__":
        return "future"
    if top == first_party or module.startswith("."):
        return "firstparty"
    if top in sys.stdlib_module_names:
        return "stdlib"
    return "thirdparty"


def _natural(text: str) -> list[str | int]:
    # Digit runs compare as numbers ("range7" < "range24"), as ruff's isort does.
    return [int(part) if i % 2 else part for i, part in enumerate(re.split(r"(\d+)", text))]


@functools.cache
def _module_key(module: str) -> list[str | int]:
    return _natural(module.lower())


def _kind(name: str) -> int:
    return 0 if name.isupper() and len(name) > 1 else 1 if name[:1].isupper() else 2


@functools.cache
def _name_key(name: str) -> tuple[int, list[str | int], str]:
    return _kind(name), _natural(name.lower()), name


def all_key(name: str) -> tuple[int, list[str | int]]:
    """The order ruff keeps ``__all__`` in: constants, classes, the rest; case-sensitive, digits as numbers."""
    return _kind(name), _natural(name)


def import_block(statements: Iterable[tuple[str, str | None]], first_party: str, indent: str = "") -> list[str]:
    """Lines for ``(module, name)`` imports (``name=None`` for ``import module``)."""
    statements = list(statements)
    if len(statements) == 1 and statements[0][1] is not None:
        # The common case (a lazy import inside a function): nothing to sort or group.
        module, name = statements[0]
        line = f"{indent}from {module} import {name}"
        return [line] if len(line) <= LINE_LENGTH else [f"{indent}from {module} import (", f"{indent}    {name},", f"{indent})"]
    plain: dict[str, set[str]] = {s: set() for s in _SECTIONS}
    names: dict[str, dict[str, set[str]]] = {s: {} for s in _SECTIONS}
    for module, name in statements:
        section = _section(module, first_party)
        if name is None:
            plain[section].add(module)
        else:
            names[section].setdefault(module, set()).add(name)
    lines: list[str] = []
    for section in _SECTIONS:
        chunk = [f"{indent}import {m}" for m in sorted(plain[section], key=_module_key)]
        for module in sorted(names[section], key=_module_key):
            ordered = sorted(names[section][module], key=_name_key)
            # isort keeps "X as Y" apart, one statement each, ordered with the others by their first name.
            plain_names = [n for n in ordered if " as " not in n]
            groups = ([plain_names] if plain_names else []) + [[n] for n in ordered if " as " in n]
            for group in sorted(groups, key=lambda names: _name_key(names[0].split(" as ")[0])):
                line = f"{indent}from {module} import {', '.join(group)}"
                if len(line) > LINE_LENGTH:
                    chunk.append(f"{indent}from {module} import (")
                    chunk.extend(f"{indent}    {name}," for name in group)
                    chunk.append(f"{indent})")
                else:
                    chunk.append(line)
        if chunk:
            if lines:
                lines.append("")
            lines.extend(chunk)
    return lines
