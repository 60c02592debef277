"""Long-running jobs: waiter declarations (``family.toml`` or ``x-specloom-waiter``) -> ``ir.Waiter``.

A submit operation that starts a job gets a waiter: the status operation to poll, where
the submit answer holds the job id and the status answer the job's state, the terminal
states and, optionally, the cancel operation. A family declares one per submit operation
in ``family.toml``::

    [[waiter]]
    operation = "submit_workload"     # the submit operation (operationId)
    status = "get_workload"           # polled for the job's state; takes the id as a path parameter
    cancel = "delete_workload"        # optional: how to cancel a job
    id = "id"                         # field of the submit answer holding the job id
    state = "phase"                   # field of the status answer holding the job's state
    error = "phaseMessage"            # optional: field of a failed job's status with its error
    success = ["Completed"]
    failure = ["Failed"]
    cancelled = ["Deleting"]
    releases = ["2.24"]               # optional: only these releases (default: every one)

or the spec declares it on the submit operation itself, as ``x-specloom-waiter`` with the same
keys but ``operation`` and ``releases``. Fields are dotted paths of wire names
(``status.phase``); ``id_parameter`` names the status operation's path parameter when it has
more than one; ``name`` (default: the status operation's name without ``get_``) makes the
method ``wait_for_<name>``, ``job_method`` (default ``<submit>_job``) the method that submits
and returns the job. Every name a declaration gives is checked against the spec: a missing
operation, parameter or field is a :class:`WaiterDeclarationError` naming the declaration.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from .diagnostics import SpecloomError
from .ir import Api, Model, Operation, TypeRef, Waiter
from .naming import is_identifier

EXTENSION = "x-specloom-waiter"
_KEYS = frozenset({"status", "cancel", "id", "id_parameter", "state", "error", "success", "failure", "cancelled",
                   "name", "job_method"})
_FAMILY_KEYS = _KEYS | {"operation", "releases"}
#: The arguments of a generated wait_for_* method besides the job id (see waiter_code.py).
_WAIT_ARGUMENTS = frozenset({"timeout", "on_status", "backoff"})


class WaiterDeclarationError(SpecloomError):
    """A waiter declaration that cannot be followed: ``origin`` says where it is declared."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class Declaration(NamedTuple):
    """One waiter as declared, before it is checked against a spec."""

    origin: str
    operation: str
    table: Mapping[str, Any]
    releases: tuple[str, ...] = ()

    def applies_to(self, release: str) -> bool:
        return not self.releases or release in self.releases


def read_family_declarations(entries: object, where: str) -> tuple[Declaration, ...]:
    """The ``[[waiter]]`` tables of a family.toml (``where``: the file), checked for shape."""
    if not isinstance(entries, list):
        raise WaiterDeclarationError(where, "'waiter' must be an array of tables ([[waiter]])")
    found = []
    for i, entry in enumerate(entries):
        origin = f"{where} [[waiter]] #{i + 1}"
        if not isinstance(entry, dict):
            raise WaiterDeclarationError(origin, "must be a table")
        _check_keys(entry, _FAMILY_KEYS, origin)
        operation = entry.get("operation")
        if not isinstance(operation, str) or not operation:
            raise WaiterDeclarationError(origin, "needs 'operation', the operationId of the submit operation")
        releases = _strings(entry, "releases", origin)
        found.append(Declaration(f"{origin} ({operation})", operation, entry, releases))
    return tuple(found)


def with_waiters(api: Api, declared: Sequence[Declaration] = ()) -> Api:
    """``api`` with a :class:`~specloom.ir.Waiter` on each operation that has a declaration here or in the spec."""
    by_id = {op.operation_id: op for op in api.operations}
    tables: dict[str, Declaration] = {}
    for op in api.operations:
        table = dict(op.extensions).get(EXTENSION)
        if table is not None:
            pointer = "/paths/" + op.path.replace("~", "~0").replace("/", "~1") + f"/{op.method.lower()}/{EXTENSION}"
            origin = f"{api.source}#{pointer}"
            table = _unfrozen(table)
            if table is None:
                raise WaiterDeclarationError(origin, "must be an object")
            _check_keys(table, _KEYS, origin)
            tables[op.operation_id] = Declaration(origin, op.operation_id, table)
    for declaration in declared:
        if declaration.operation not in by_id:
            raise WaiterDeclarationError(declaration.origin, f"the spec ({api.source}) has no operation "
                                                             f"{declaration.operation!r} to wait for")
        if declaration.operation in tables:
            raise WaiterDeclarationError(declaration.origin, f"{declaration.operation!r} already has a waiter, "
                                                             f"declared at {tables[declaration.operation].origin}")
        tables[declaration.operation] = declaration
    if not tables:
        return api
    waiters = {op_id: _waiter(api, by_id, by_id[op_id], d) for op_id, d in tables.items()}
    _check_names(api, waiters, tables)
    groups = tuple(g._replace(operations=tuple(op._replace(waiter=waiters.get(op.operation_id)) for op in g.operations))
                   for g in api.groups)
    return api._replace(groups=groups)


def _waiter(api: Api, by_id: Mapping[str, Operation], submit: Operation, declaration: Declaration) -> Waiter:
    table, origin = declaration.table, declaration.origin
    _check_keys(table, _FAMILY_KEYS, origin)

    def operation(key: str, required: bool) -> Operation | None:
        value = table.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value:
            raise WaiterDeclarationError(origin, f"needs {key!r}, an operationId")
        if value not in by_id:
            raise WaiterDeclarationError(origin, f"{key} operation {value!r} is not in the spec ({api.source})")
        return by_id[value]

    status = operation("status", True)
    assert status is not None
    cancel = operation("cancel", False)
    id_parameter = _id_parameter(status, table.get("id_parameter"), origin)
    if cancel is not None and not any(p.location == "path" and p.wire_name == id_parameter for p in cancel.parameters):
        raise WaiterDeclarationError(origin, f"cancel operation {cancel.operation_id!r} has no path parameter "
                                             f"{id_parameter!r} to take the job id")
    argument = next(p.python_name for p in status.parameters if p.location == "path" and p.wire_name == id_parameter)
    if argument in _WAIT_ARGUMENTS:
        raise WaiterDeclarationError(origin, f"the job id's parameter {argument!r} would take the name of "
                                             f"wait_for_*'s own argument {argument!r}")
    status_type = _answer_type(status, origin, "status")
    state = _path(table, "state", origin, required=True)
    error = _path(table, "error", origin, required=False)
    _check_field(api, _answer_type(submit, origin, "submit"), _path(table, "id", origin, required=True), "id", origin)
    _check_field(api, status_type, state, "state", origin)
    if error:
        _check_field(api, status_type, error, "error", origin)
    success, failure, cancelled = (_strings(table, k, origin) for k in ("success", "failure", "cancelled"))
    if not success:
        raise WaiterDeclarationError(origin, "needs 'success', the states in which a job has succeeded")
    every = [*success, *failure, *cancelled]
    if len(set(every)) != len(every):
        raise WaiterDeclarationError(origin, "a state is listed twice in success, failure and cancelled")
    short = submit.python_name.rsplit(".", 1)[-1]
    status_short = status.python_name.rsplit(".", 1)[-1]
    name = table.get("name", status_short.removeprefix("get_"))
    job_method = table.get("job_method", f"{short}_job")
    for key, value in (("name", name), ("job_method", job_method)):
        if not isinstance(value, str) or not is_identifier(value) or value.startswith("_"):
            raise WaiterDeclarationError(origin, f"{key} {value!r} must be a Python identifier not starting with '_'")
    return Waiter(
        status_operation=status.operation_id, cancel_operation=cancel.operation_id if cancel else "",
        id_parameter=id_parameter, id_field=_path(table, "id", origin, required=True), state_field=state,
        error_field=error, success=success, failure=failure, cancelled=cancelled,
        job_method=job_method, wait_method=f"wait_for_{name}",
    )


def _unfrozen(value: object) -> dict[str, Any] | None:
    """The extension's object back from the IR's frozen form (an object is kept as sorted (key, value) pairs)."""
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, tuple) and all(isinstance(p, tuple) and len(p) == 2 and isinstance(p[0], str) for p in value):
        return dict(value)
    return None


def _check_keys(table: Mapping[str, Any], allowed: frozenset[str], origin: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise WaiterDeclarationError(origin, f"unknown key {', '.join(map(repr, unknown))}; "
                                             f"known: {', '.join(sorted(allowed))}")


def _strings(table: Mapping[str, Any], key: str, origin: str) -> tuple[str, ...]:
    value = table.get(key, ())
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) and v for v in value):
        raise WaiterDeclarationError(origin, f"{key!r} must be a list of strings")
    return tuple(value)


def _path(table: Mapping[str, Any], key: str, origin: str, *, required: bool) -> tuple[str, ...]:
    value = table.get(key)
    if value is None and not required:
        return ()
    if not isinstance(value, str) or not all(value.split(".")):
        raise WaiterDeclarationError(origin, f"{key!r} must be a field of the answer, a dotted path of wire names "
                                             "(\"phase\", \"status.phase\")")
    return tuple(value.split("."))


def _id_parameter(status: Operation, given: object, origin: str) -> str:
    names = [p.wire_name for p in status.parameters if p.location == "path"]
    if given is None:
        if len(names) != 1:
            raise WaiterDeclarationError(origin, f"status operation {status.operation_id!r} has {len(names)} path "
                                                 f"parameters ({', '.join(names) or 'none'}); name the job id's with 'id_parameter'")
        return names[0]
    if given not in names:
        raise WaiterDeclarationError(origin, f"status operation {status.operation_id!r} has no path parameter {given!r}")
    return str(given)


def _answer_type(op: Operation, origin: str, role: str) -> TypeRef:
    response = next((r for r in op.responses if r.kind == "json" and r.type is not None), None)
    if response is None:
        raise WaiterDeclarationError(origin, f"{role} operation {op.operation_id!r} has no JSON answer to read the job from")
    assert response.type is not None
    return response.type


def _check_field(api: Api, type_: TypeRef, path: tuple[str, ...], key: str, origin: str) -> None:
    """Follow ``path`` through the answer's models; a field no model has is an error."""
    for i, name in enumerate(path):
        model: Model | None = api.models.get(type_.ref) if type_.kind == "model" and type_.ref else None
        if model is None or model.kind != "object":
            return  # a union, a free-form object: what it holds is not known until it is read
        found = next((p for p in model.properties if p.wire_name == name), None)
        if found is None:
            raise WaiterDeclarationError(origin, f"{key} field {'.'.join(path[:i + 1])!r} is not a property of "
                                                 f"{model.spec_name} (it has {', '.join(p.wire_name for p in model.properties)})")
        type_ = found.type


def _check_names(api: Api, waiters: Mapping[str, Waiter], tables: Mapping[str, Declaration]) -> None:
    """The methods a waiter adds may take no name its group already has."""
    for group in api.groups:
        taken = {op.python_name.rsplit(".", 1)[-1]: f"operation {op.operation_id!r}" for op in group.operations}
        for op in group.operations:
            waiter = waiters.get(op.operation_id)
            if waiter is None:
                continue
            for method, key in ((waiter.job_method, "job_method"), (waiter.wait_method, "name")):
                if method in taken:
                    raise WaiterDeclarationError(tables[op.operation_id].origin,
                                                 f"method {method!r} would take the name of {taken[method]} in group "
                                                 f"{group.name!r}; set {key!r} to another name")
                taken[method] = f"the waiter of {op.operation_id!r}"
