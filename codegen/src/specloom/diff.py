"""What changed between two releases of an API, and what of it breaks code written for the older one.

Both releases are compared through the IR, the newer one read with the names the older one
gave (as ``generate`` does along a family), so every change is reported by the Python name
a user calls: ``client.workloads.workloads.get_workloads``, ``Workload.project_id``.

A change is *breaking* when code that worked against the old package can fail against the
new one: a method removed, renamed or moved to another group; a keyword argument removed or
renamed; a new required argument or request property; a type that accepts less (another
kind, an enum value removed, a constraint narrowed, ``null`` no longer allowed); other
security requirements; an answer of another shape, or one that may now lack a field. The
rest (additions, widened constraints, new deprecations) is listed as non-breaking.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, Literal, NamedTuple

from .ir import Api, Model, Operation, Parameter, Property, TypeRef
from .pytypes import Imports, PythonTypes

#: Where a type is used: what the user sends, or what the user reads (a model may be both).
Side = Literal["request", "response"]
Sides = frozenset[Side]
_SENT: Sides = frozenset({"request"})
_READ: Sides = frozenset({"response"})
_BOTH: Sides = _SENT | _READ

# Constraints that accept less as they grow, and those that accept less as they shrink.
_LOWER_BOUNDS = ("minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties")
_UPPER_BOUNDS = ("maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties")
_KINDS = {"object": "a class", "enum": "an enum", "alias": "a type alias"}
#: How a streamed answer's type is written (the item's type in the braces).
_STREAMS = {"events": "EventStream[{}]", "lines": "JsonLines[{}]"}
#: Answers whose type the spec's schema does not give: text, downloads.
_PLAIN = {"text": "str", "bytes": "ByteStream", "text_stream": "TextStream"}


class Change(NamedTuple):
    """One difference: ``subject`` is the Python name it concerns; ``old``/``new`` the signatures or types."""

    kind: str
    breaking: bool
    subject: str
    message: str
    old: str = ""
    new: str = ""

    def as_json(self) -> dict[str, Any]:
        return self._asdict()


def diff(old: Api, new: Api) -> list[Change]:
    """Every change from ``old`` to ``new``: breaking ones first, each group in a stable order."""
    changes = [*_operations(old, new), *_models(old, new)]
    return sorted(changes, key=lambda c: (not c.breaking, c.subject, c.kind, c.message))


# -- operations ---------------------------------------------------------------------------------------


def _operations(old: Api, new: Api) -> Iterator[Change]:
    old_types, new_types = _Types(old), _Types(new)
    found: set[tuple[str, str, str]] = set()
    for was, now in matched(old, new):
        if now is None:
            yield Change("operation-removed", True, _call(was), f"{_call(was)} was removed ({_sent(was)})",
                         old_types.signature(was))
            continue
        found.add(_key(now))
        yield from _operation(was, now, old_types, new_types)
    for now in new.operations:
        if _key(now) not in found:
            yield Change("operation-added", False, _call(now), f"{_call(now)} is new ({_sent(now)})",
                         new=new_types.signature(now))


def matched(old: Api, new: Api) -> Iterator[tuple[Operation, Operation | None]]:
    """Each operation of ``old`` with what it is in ``new``: the one at the same method and path (a GraphQL
    operation: of the same name), else a newcomer with its operationId; ``None`` when it is gone."""
    before = {_key(op): op for op in old.operations}
    after = {_key(op): op for op in new.operations}
    by_id = {op.operation_id: op for key, op in after.items() if key not in before and op.operation_id}
    for key, was in before.items():
        yield was, after.get(key) or by_id.get(was.operation_id)


def _key(op: Operation) -> tuple[str, str, str]:
    """What identifies an operation across releases: method and path; for GraphQL (all POST /graphql), its name."""
    return op.method, op.path, op.graphql.name if op.graphql is not None else ""


def _sent(op: Operation) -> str:
    return f"GraphQL {op.graphql.kind} {op.graphql.name}" if op.graphql is not None else f"{op.method} {op.path}"


def _operation(was: Operation, now: Operation, old_types: _Types, new_types: _Types) -> Iterator[Change]:
    subject = _call(now)
    if was.python_name != now.python_name:
        where = "moved to another group" if _group(was) != _group(now) else "renamed"
        yield Change("operation-moved", True, _call(was), f"{_call(was)} {where}: call {subject}",
                     old_types.signature(was), new_types.signature(now))
    if (was.method, was.path) != (now.method, now.path):
        yield Change("path-changed", False, subject, f"{subject} now sends {now.method} {now.path} "
                     f"(was {was.method} {was.path})")
    if now.deprecated and not was.deprecated:
        yield Change("operation-deprecated", False, subject, f"{subject} is deprecated")
    yield from _parameters(subject, was, now, old_types, new_types)
    yield from _body(subject, was, now, old_types, new_types)
    if set(was.security) != set(now.security):
        yield Change("security-changed", True, subject, f"{subject} needs other credentials",
                     _security(was), _security(now))
    old_answer, new_answer = old_types.answer(was), new_types.answer(now)
    if old_answer != new_answer:
        yield Change("response-changed", True, subject, f"{subject} returns another type", old_answer, new_answer)


def _parameters(subject: str, was: Operation, now: Operation, old_types: _Types, new_types: _Types) -> Iterator[Change]:
    before = {(p.location, p.wire_name): p for p in was.parameters}
    after = {(p.location, p.wire_name): p for p in now.parameters}
    for key, p in before.items():
        q = after.get(key)
        if q is None:
            yield Change("parameter-removed", True, subject, f"{subject}: argument {p.python_name} was removed",
                         old_types.parameter(p))
            continue
        if p.python_name != q.python_name:
            yield Change("parameter-renamed", True, subject,
                         f"{subject}: argument {p.python_name} is now called {q.python_name}",
                         old_types.parameter(p), new_types.parameter(q))
        if q.required and not p.required:
            yield Change("parameter-required", True, subject, f"{subject}: argument {q.python_name} is now required",
                         old_types.parameter(p), new_types.parameter(q))
        elif p.required and not q.required:
            yield Change("parameter-optional", False, subject, f"{subject}: argument {q.python_name} is now optional")
        yield from _type_change(subject, f"argument {q.python_name}", p.type, q.type, _SENT, old_types, new_types)
    for key, q in after.items():
        if key not in before:
            yield Change("parameter-added", q.required, subject,
                         f"{subject}: new {'required' if q.required else 'optional'} argument {q.python_name}",
                         new=new_types.parameter(q))


def _body(subject: str, was: Operation, now: Operation, old_types: _Types, new_types: _Types) -> Iterator[Change]:
    if was.body is None and now.body is None:
        return
    if was.body is None:
        assert now.body is not None
        yield Change("body-added", now.body.required, subject,
                     f"{subject} takes a {'required' if now.body.required else 'optional'} body",
                     new=new_types.annotation(now.body.type))
        return
    if now.body is None:
        yield Change("body-removed", True, subject, f"{subject} takes no body any more",
                     old_types.annotation(was.body.type))
        return
    if now.body.required and not was.body.required:
        yield Change("body-required", True, subject, f"{subject}: the body is now required")
    if now.body.media_type != was.body.media_type:
        yield Change("body-media-type", False, subject,
                     f"{subject}: the body is sent as {now.body.media_type} (was {was.body.media_type})")
    yield from _type_change(subject, "body", was.body.type, now.body.type, _SENT, old_types, new_types)


# -- types --------------------------------------------------------------------------------------------


def _type_change(subject: str, what: str, old: TypeRef, new: TypeRef, sides: Sides,
                 old_types: _Types, new_types: _Types) -> Iterator[Change]:
    """How a type used on ``sides`` changed; models are compared on their own (see :func:`_models`)."""
    old_text, new_text = old_types.annotation(old), new_types.annotation(new)
    same_model = old_types.annotation(old._replace(nullable=False)) == new_types.annotation(new._replace(nullable=False))
    if old.kind != new.kind or (old.kind == "model" and not same_model):
        yield Change("type-changed", True, subject, f"{subject}: {what} is now {new_text} (was {old_text})",
                     old_text, new_text)
        return
    if old.nullable and not new.nullable and "request" in sides:
        yield Change("type-narrowed", True, subject, f"{subject}: {what} no longer accepts None", old_text, new_text)
    elif new.nullable and not old.nullable and "response" in sides:
        yield Change("type-changed", True, subject, f"{subject}: {what} may now be None", old_text, new_text)
    if old.kind == "model":
        return  # the model itself is compared once, wherever it is used
    yield from _enum_change(subject, what, old.constraint("enum"), new.constraint("enum"), sides)
    yield from _constraint_change(subject, what, dict(old.constraints), dict(new.constraints), sides)
    if old.kind == "array" and old.items is not None and new.items is not None:
        yield from _type_change(subject, f"{what} items", old.items, new.items, sides, old_types, new_types)
    if old.kind == "map" and old.values is not None and new.values is not None:
        yield from _type_change(subject, f"{what} values", old.values, new.values, sides, old_types, new_types)


def _enum_change(subject: str, what: str, old: Any, new: Any, sides: Sides) -> Iterator[Change]:
    if old is None and new is None:
        return
    before, after = set(old or ()), set(new or ())
    removed, added = sorted(map(str, before - after)), sorted(map(str, after - before))
    if old is not None and new is not None:
        if removed:
            # An answer with a value this release dropped still reads (unknown enum values are kept).
            yield Change("enum-value-removed", "request" in sides, subject,
                         f"{subject}: {what} no longer has {', '.join(removed)}")
        if added:
            yield Change("enum-value-added", False, subject, f"{subject}: {what} gains {', '.join(added)}")
    elif new is not None and "request" in sides:
        yield Change("type-narrowed", True, subject, f"{subject}: {what} is limited to {', '.join(sorted(map(str, after)))}")


def _constraint_change(subject: str, what: str, old: dict[str, Any], new: dict[str, Any],
                       sides: Sides) -> Iterator[Change]:
    if "request" not in sides:
        return  # answers are read leniently: a narrower answer never fails, a wider one is kept as received
    for name in (*_LOWER_BOUNDS, *_UPPER_BOUNDS, "pattern", "multipleOf", "uniqueItems"):
        a, b = old.get(name), new.get(name)
        if name == "pattern":
            a, b = _pattern(a), _pattern(b)
        if a == b:
            continue
        if name == "pattern":
            narrowed = b is not None and (a is None or not _alternatives_added(a, b))
        else:
            narrowed = b is not None and (a is None or name == "multipleOf" or (name == "uniqueItems" and b)
                                          or (name in _LOWER_BOUNDS and b > a) or (name in _UPPER_BOUNDS and b < a))
        yield Change("constraint-narrowed" if narrowed else "constraint-widened", narrowed, subject,
                     f"{subject}: {what} {name} {_shown(a)} -> {_shown(b)}")


def _pattern(pattern: str | None) -> str | None:
    """A pattern that limits something; ``None`` for none, or one any string matches (``.*``)."""
    return None if pattern is None or pattern.strip("^$") in ("", ".*") else pattern


def _alternatives_added(old: str, new: str) -> bool:
    """Whether ``new`` is ``old`` with alternatives added to one group: ``^(a|b)=.+$`` -> ``^(a|b|c)=.+$``.

    Regular expressions cannot be compared in general; this is the change a growing list of
    field names makes, and any other change of a pattern counts as narrowing.
    """
    group = re.compile(r"\(([^()]*\|[^()]*)\)")
    old_groups, new_groups = group.findall(old), group.findall(new)
    if len(old_groups) != len(new_groups) or group.sub("()", old) != group.sub("()", new):
        return False
    return all(set(a.split("|")) <= set(b.split("|")) for a, b in zip(old_groups, new_groups, strict=True))


def _shown(value: Any) -> str:
    return "none" if value is None else repr(value)


# -- models -------------------------------------------------------------------------------------------


def _models(old: Api, new: Api) -> Iterator[Change]:
    before = {old.identity(m.key): m for m in old.models.values()}
    after = {new.identity(m.key): m for m in new.models.values()}
    old_types, new_types = _Types(old), _Types(new)
    sides = _sides(old)
    for identity, was in before.items():
        now = after.get(identity)
        if now is None:
            continue  # an operation or a model using it reports the change
        # A model no operation uses is still a class users may build or read: judged as both.
        used = sides.get(was.key) or _BOTH
        yield from _model(was, now, frozenset(used), old_types, new_types)
    for identity, now in after.items():
        if identity not in before:
            yield Change("model-added", False, now.class_name, f"model {now.class_name} is new")


def _model(was: Model, now: Model, sides: Sides, old_types: _Types, new_types: _Types) -> Iterator[Change]:
    name = now.class_name
    if was.class_name != now.class_name:
        yield Change("model-renamed", True, was.class_name, f"model {was.class_name} is now {now.class_name}")
    if was.kind != now.kind:
        yield Change("type-changed", True, name, f"model {name} is now {_KINDS[now.kind]} (was {_KINDS[was.kind]})")
        return
    if was.kind == "enum":
        old_values, new_values = [m.value for m in was.members], [m.value for m in now.members]
        yield from _enum_change(name, "the enum", old_values, new_values, sides)
        return
    if was.kind == "alias":
        if was.alias is not None and now.alias is not None:
            yield from _type_change(name, "the type", was.alias, now.alias, sides, old_types, new_types)
        return
    before = {p.wire_name: p for p in was.properties}
    after = {p.wire_name: p for p in now.properties}
    for wire, p in before.items():
        q = after.get(wire)
        field = f"{name}.{p.python_name}"
        if q is None:
            yield Change("property-removed", True, field, f"{field} was removed", old_types.annotation(p.type))
            continue
        if p.python_name != q.python_name:
            yield Change("property-renamed", True, field, f"{field} is now {name}.{q.python_name}")
        yield from _requiredness(field, p, q, sides)
        yield from _type_change(field, "the field", p.type, q.type, sides, old_types, new_types)
    for wire, q in after.items():
        if wire not in before:
            breaking = q.required and "request" in sides and not q.read_only
            yield Change("property-added", breaking, f"{name}.{q.python_name}",
                         f"{name}.{q.python_name} is new{' and required' if breaking else ''}")


def _requiredness(field: str, p: Property, q: Property, sides: Sides) -> Iterator[Change]:
    if q.required and not p.required and "request" in sides and not q.read_only:
        yield Change("property-required", True, field, f"{field} is now required")
    elif p.required and not q.required and "response" in sides:
        yield Change("property-optional", True, field, f"{field} may now be missing from answers (UNSET)")


def _sides(api: Api) -> dict[str, set[Side]]:
    """Each model key with the sides it is used on: sent in a body or parameter, read in an answer."""
    out: dict[str, set[Side]] = {}
    for op in api.operations:
        sent = [p.type for p in op.parameters] + ([op.body.type] if op.body else [])
        read = [r.type for r in op.responses if r.type is not None]
        uses: tuple[tuple[Side, list[TypeRef]], ...] = (("request", sent), ("response", read))
        for side, types in uses:
            for key in _reachable(api, types):
                out.setdefault(key, set()).add(side)
    return out


def _reachable(api: Api, types: Iterable[TypeRef]) -> set[str]:
    seen: set[str] = set()
    stack = list(types)
    while stack:
        t = stack.pop()
        if t.kind == "model" and t.ref is not None and t.ref not in seen and t.ref in api.models:
            seen.add(t.ref)
            model = api.models[t.ref]
            stack += [p.type for p in model.properties]
            stack += [x for x in (model.alias, model.additional) if x is not None]
        stack += [x for x in (t.items, t.values) if x is not None]
        stack += list(t.variants)
    return seen


# -- names and signatures -------------------------------------------------------------------------------


class _Types:
    """The Python spelling of one release's types (its annotations, as the generated code writes them)."""

    def __init__(self, api: Api) -> None:
        self.python = PythonTypes(api)
        self._annotations: dict[TypeRef, str] = {}  # a release's few thousand types are compared again and again

    def annotation(self, t: TypeRef) -> str:
        text = self._annotations.get(t)
        if text is None:
            text = self._annotations[t] = self.python.annotation(t, Imports())
        return text

    def parameter(self, p: Parameter) -> str:
        # As the generated method spells it: a GraphQL variable also takes a dict for an input object.
        spelled = self.python.body_annotation if p.location == "variable" else self.python.parameter_annotation
        text = f"{p.python_name}: {spelled(p.type, Imports())}"
        return text if p.required else f"{text} | Unset = UNSET"

    def answer(self, op: Operation) -> str:
        kinds = []
        for r in op.responses:
            if r.kind == "none":
                kinds.append("None")
            elif r.kind in _PLAIN:
                kinds.append(_PLAIN[r.kind])
            else:
                item = self.annotation(r.type or TypeRef("any"))
                kinds.append(_STREAMS[r.kind].format(item) if r.kind in _STREAMS else item)
        return " | ".join(dict.fromkeys(kinds)) or "None"

    def signature(self, op: Operation) -> str:
        args = [self.parameter(p) for p in sorted(op.parameters, key=lambda p: not p.required)]
        if op.body is not None:
            args.append(f"body: {self.python.body_annotation(op.body.type, Imports())}")
        return f"{op.python_name.rsplit('.', 1)[-1]}({', '.join(['*', *args] if args else [])}) -> {self.answer(op)}"


def _call(op: Operation) -> str:
    return f"client.{op.python_name}"


def _group(op: Operation) -> str:
    return op.python_name.rpartition(".")[0]


def _security(op: Operation) -> str:
    return " or ".join(" + ".join(name for name, _ in alt) or "nothing" for alt in op.security) or "nothing"


def report(changes: list[Change]) -> str:
    """The changes as text: breaking ones first, each with what a user must change."""
    breaking = [c for c in changes if c.breaking]
    rest = [c for c in changes if not c.breaking]
    lines = [f"{len(breaking)} breaking, {len(rest)} non-breaking changes"]
    for title, group in (("Breaking", breaking), ("Non-breaking", rest)):
        if group:
            lines += ["", f"{title}:"]
            for c in group:
                lines.append(f"  - {c.message}")
                if c.old or c.new:
                    lines += [f"      was: {c.old}"] if c.old else []
                    lines += [f"      now: {c.new}"] if c.new else []
    return "\n".join(lines)
