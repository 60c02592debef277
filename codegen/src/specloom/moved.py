"""Operations that moved to another group since the previous release, so their old place keeps an alias.

A release that regroups operations (Run:ai 2.23 moved six workload operations to a
``workload_properties`` group) would break every caller of the old names. For one
release, the group an operation left keeps a method of the old name with the new
signature: it warns (``DeprecationWarning``, naming the new place) and calls the
operation where it is now. The release after drops it, as the changelog says.
"""

from __future__ import annotations

from typing import NamedTuple

from .diff import matched
from .ir import Api, Operation


class Moved(NamedTuple):
    """``target`` (in the new release) was ``old_group.old_name`` in the previous one."""

    old_group: str
    old_name: str
    target: Operation


def moved_operations(previous: Api | None, api: Api) -> list[Moved]:
    """Each operation that left a group still present, where its old name is free (matched as ``specloom diff`` does)."""
    if previous is None:
        return []
    taken = {op.python_name for op in api.operations} | {
        f"{op.python_name.rpartition('.')[0]}.{op.pagination.method}" for op in api.operations if op.pagination}
    groups = {op.python_name.rpartition(".")[0] for op in api.operations}
    moved = []
    for was, now in matched(previous, api):
        if now is None or was.python_name == now.python_name:
            continue
        old_group, _, old_name = was.python_name.rpartition(".")
        if old_group != now.python_name.rpartition(".")[0] and old_group in groups and was.python_name not in taken:
            moved.append(Moved(old_group, old_name, now))
    return sorted(moved, key=lambda m: (m.old_group, m.old_name))
