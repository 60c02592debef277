"""Edits of the IR that keep it consistent, for codegen plugins' ``transform_api``.

A group's name appears in several places (its own attribute, module and class; the dotted
``python_name`` of each of its operations; the client's top-level groups or a category's
list), and an operation that is hidden must leave no trace: these helpers change all of them
at once, so a plugin cannot leave the IR half renamed.
"""

from __future__ import annotations

from collections.abc import Callable

from .ir import Api, Operation
from .naming import pascal


def rename_group(api: Api, tag: str, python_name: str) -> Api:
    """``api`` with the group of ``tag`` called ``python_name`` on the client (module and class follow:
    ``audit`` -> ``groups/audit.py``, ``AuditApi``). An unknown tag is a ``KeyError`` naming the known ones."""
    group = next((g for g in api.groups if g.name == tag), None)
    if group is None:
        raise KeyError(f"no group (tag) {tag!r}; the spec has {', '.join(sorted(g.name for g in api.groups))}")
    old = group.python_name

    def moved(op: Operation) -> Operation:
        *prefix, _, method = op.python_name.split(".")
        return op._replace(python_name=".".join([*prefix, python_name, method]))

    renamed = group._replace(python_name=python_name, module=python_name, class_name=pascal(python_name) + "Api",
                             operations=tuple(moved(op) for op in group.operations))
    return api._replace(
        groups=tuple(renamed if g is group else g for g in api.groups),
        top_groups=tuple(python_name if name == old else name for name in api.top_groups),
        categories=tuple(c._replace(groups=tuple(python_name if n == old else n for n in c.groups))
                         for c in api.categories),
    )


def without_operations(api: Api, hidden: Callable[[Operation], bool]) -> Api:
    """``api`` without the operations ``hidden`` picks (and without groups left empty)."""
    groups = []
    for group in api.groups:
        kept = tuple(op for op in group.operations if not hidden(op))
        if kept:
            groups.append(group._replace(operations=kept))
    names = {g.python_name for g in groups}
    return api._replace(groups=tuple(groups), top_groups=tuple(n for n in api.top_groups if n in names),
                        categories=tuple(c._replace(groups=tuple(n for n in c.groups if n in names))
                                         for c in api.categories if any(n in names for n in c.groups)))
