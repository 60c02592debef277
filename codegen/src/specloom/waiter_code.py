"""IR waiters -> generated code: the package's ``_waiters.py`` and the two methods each waiter adds.

``_waiters.py`` holds one ``specloom_runtime.Waiter`` per submit operation, built from the
operation constants of the group modules (so a status operation may sit in another group
than its submit operation). The group methods import it when called: a group module
imports no other group module. For a submit operation ``submit_workload`` whose status
operation is ``get_workload``, the group gets (``await``-ed in the async client)::

    job = group.submit_workload_job(body=...)        # Job[Workload] / AsyncJob[Workload]
    workload = group.wait_for_workload(workload_id=..., timeout=..., on_status=..., backoff=...)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .imports import import_block
from .ir import Api, Group, Operation, Waiter
from .layout import annotated, embed, wrap

if TYPE_CHECKING:
    from .pytypes import Imports, PythonTypes

#: The runtime names the methods' annotations use (imported for type checkers only).
RUNTIME_NAMES = ("Job", "AsyncJob", "Backoff", "OnStatus")


def constant(group: Group, op: Operation) -> str:
    """The name of an operation's waiter in ``_waiters.py``: group and operation, so it is unique."""
    return f"{group.module}_{op.python_name.rsplit('.', 1)[-1]}".upper()


def _located(api: Api) -> dict[str, tuple[Group, Operation]]:
    return {op.operation_id: (g, op) for g in api.groups for op in g.operations}


def waiters_module(api: Api, package: str, header: str) -> str | None:
    """The text of ``_waiters.py``, or ``None`` when no operation has a waiter."""
    where = _located(api)
    waiting = [(g, op, op.waiter) for g, op in where.values() if op.waiter is not None]
    if not waiting:
        return None
    imported: set[tuple[str, str | None]] = {("__future__", "annotations"), ("specloom_runtime", "Waiter")}
    definitions = []
    for group, op, waiter in sorted(waiting, key=lambda w: constant(w[0], w[1])):
        fields = [f"name={op.operation_id!r}", f"status={_operation(where, waiter.status_operation, imported)}",
                  f"id_parameter={waiter.id_parameter!r}", f"id_field={waiter.id_field!r}",
                  f"state_field={waiter.state_field!r}", f"success={waiter.success!r}"]
        fields += [f"{key}={value!r}" for key, value in (("failure", waiter.failure), ("cancelled", waiter.cancelled),
                                                         ("error_field", waiter.error_field)) if value]
        if waiter.cancel_operation:
            fields.append(f"cancel={_operation(where, waiter.cancel_operation, imported)}")
        lines = [f"{constant(group, op)} = Waiter(", *("    " + line for f in fields for line in wrap(f + ",", 4)), ")"]
        definitions.append("\n".join(lines))
    return "\n".join([header, "", *import_block(sorted(imported), package), "", "\n\n".join(definitions), ""])


def _operation(where: dict[str, tuple[Group, Operation]], operation_id: str, imported: set[tuple[str, str | None]]) -> str:
    group, op = where[operation_id]
    name = "_" + op.python_name.rsplit(".", 1)[-1].upper()  # the group module's constant (see render.py)
    imported.add((f".groups.{group.module}", name))
    return name


def checking(group: Group, names: dict[str, str]) -> list[tuple[str, str | None]]:
    """What the group module imports for type checkers when one of its operations has a waiter."""
    if not any(op.waiter for op in group.operations):
        return []
    return [("specloom_runtime", n if names[n] == n else f"{n} as {names[n]}") for n in RUNTIME_NAMES]


def methods(api: Api, types: PythonTypes, group: Group, op: Operation, op_context: dict[str, Any], imports: Imports,
            names: dict[str, str]) -> dict[str, Any]:
    """The template context of a waiter's two methods, from its submit operation's own context."""
    waiter = op.waiter
    assert waiter is not None
    status = _located(api)[waiter.status_operation][1]
    answer = next(r.type for r in status.responses if r.kind == "json" and r.type is not None)  # checked in waiters.py
    returns = types.annotation(answer, imports)
    id_param = next(p for p in status.parameters if p.location == "path" and p.wire_name == waiter.id_parameter)
    submit = op.python_name.rsplit(".", 1)[-1]
    passed = [p.python_name for p in op.parameters] + (["body"] if op.body else []) + ["request_options"]
    wait_params = [(f"{id_param.python_name}: ", types.parameter_annotation(id_param.type, imports), ""),
                   ("timeout: ", "float | None", " = None"),
                   ("on_status: ", f"{names['OnStatus']}[{returns}] | None", " = None"),
                   ("backoff: ", f"{names['Backoff']} | None", " = None")]
    name = constant(group, op)
    ends = _ends(waiter)
    return {
        "job_method": waiter.job_method,
        "wait_method": waiter.wait_method,
        "constant": name,
        "job_signature": op_context["signature"],
        "job_returns": {prefix: embed(annotated(") -> ", f"{names[prefix + 'Job']}[{returns}]", ":", 4), 4)
                        for prefix in ("", "Async")},
        "submit_args": [f"{p}={p}," for p in passed],
        "submit": submit,
        "wait_signature": [embed(annotated(prefix, annotation, default + ",", 8), 8) for prefix, annotation, default in wait_params],
        "wait_returns": embed(annotated(") -> ", returns, ":", 4), 4),
        "id_argument": id_param.python_name,
        "job_doc": _doc(f"Submit, as :meth:`{submit}`, and return the job it started: ``wait()`` for its end "
                        f"({ends}) or ``cancel()`` it."),
        "wait_doc": _doc(f"Wait for the job {submit} started: poll {status.operation_id} until it ends ({ends}).\n\n"
                         "Returns the last status of a job that succeeded; ``timeout`` (seconds) raises "
                         "WaitTimeoutError with the last state seen, ``on_status(state, answer)`` is called once "
                         "for each change of state, ``backoff`` sets the waits between polls."),
    }


def _ends(waiter: Waiter) -> str:
    state = ".".join(waiter.state_field)
    parts = [f"{state} {' or '.join(waiter.success)}: returned"]
    if waiter.failure:
        parts.append(f"{' or '.join(waiter.failure)}: JobFailedError")
    if waiter.cancelled:
        parts.append(f"{' or '.join(waiter.cancelled)}: JobCancelledError")
    return "; ".join(parts)


def _doc(text: str) -> str:
    from .render import docstring  # here: render imports this module

    return docstring(text, 8)



def readme_entries(api: Api) -> list[dict[str, str]]:
    """What the package README says of each waiter: its methods, where they are, the states that end a job."""
    where = _located(api)
    entries = []
    for _, op in sorted(where.values(), key=lambda w: w[1].python_name):
        waiter = op.waiter
        if waiter is None:
            continue
        status = where[waiter.status_operation][1]
        id_param = next(p for p in status.parameters if p.location == "path" and p.wire_name == waiter.id_parameter)
        entries.append({
            "group": op.python_name.rsplit(".", 1)[0], "submit": op.python_name.rsplit(".", 1)[-1],
            "job": waiter.job_method, "wait": waiter.wait_method, "id": id_param.python_name,
            "status": status.python_name.rsplit(".", 1)[-1], "ends": _ends(waiter),
            "cancel": where[waiter.cancel_operation][1].python_name.rsplit(".", 1)[-1] if waiter.cancel_operation else "",
        })
    return entries
