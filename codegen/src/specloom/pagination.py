"""Paginated list operations: the rule that finds them in a spec, family.toml declarations, companion names.

The rule, for a GET whose JSON success answer holds an array of items — the answer
itself, or the one array property of its object (among several, the one named
``items``, ``data``, ``results``, ``entries``, ``records`` or ``values``):

1. ``link``: the answer declares a ``Link`` header, or has a string field naming the
   next page's URL (``next_page_url``, ``nextLink``, ``links.next``, ``_links.next.href``...);
2. ``cursor``: a query parameter takes a token (``cursor``, ``page_token``, ``nextToken``,
   ``continuationToken``, ``marker``...) and a string field of the answer holds the next
   one (``next_cursor``, ``next_page_token``, ``nextToken``, ``next_marker``...);
3. ``offset``: a query parameter ``offset``; ``limit`` (or ``pageSize``, ``per_page``,
   ``maxResults``...) gives the page size, and a ``next``/``more``/``hasMore``/``hasNext``/``nextOffset``
   field, when the answer has one, says whether another page follows.

The first that applies wins. Fields are looked for in the answer's object and in the
objects it holds, three levels deep at most. An operation the rule misses, or finds
wrongly, is declared in the family's ``family.toml``, keyed by operationId or by
``"METHOD /path"`` (an entry applies to the releases that have the operation)::

    [pagination.list_audit_archive]
    kind = "link"          # offset | cursor | link | none (no pager for this operation)
    items = "entries"      # wire names to the array, dotted; "" when the answer is the array
    param = "cursor"       # offset or cursor: the query parameter carrying it
    limit = "limit"        # offset: the page-size query parameter
    next = "nextCursor"    # the field saying more follows (offset), holding the token (cursor) or URL (link)

Each paginated operation gets a companion method ``iter_<name>`` in its group, named
with the group's other methods so that no two names meet (``iter_<name>_2`` if the
spec has an operation by that name).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, Literal, NamedTuple

from .diagnostics import ConfigError, Diagnostics
from .ir import Api, Group, Model, Operation, Pagination, Property, TypeRef
from .naming import allocate

_KINDS = ("offset", "cursor", "link", "none")
# Names compared lowercase with "_", "-" and "$" left out: page_token, pageToken and PageToken are one.
_ITEMS = ("items", "data", "results", "entries", "records", "values")
_OFFSET_PARAMS = frozenset({"offset"})
_LIMIT_PARAMS = ("limit", "pagesize", "perpage", "maxresults", "maxitems")
_CURSOR_PARAMS = frozenset({"cursor", "pagetoken", "nexttoken", "continuationtoken", "marker", "starttoken"})
_TOKEN_FIELDS = frozenset({"nextcursor", "nextpagetoken", "nexttoken", "nextmarker", "continuationtoken",
                           "nextcontinuationtoken", "cursor"})
_MORE_FIELDS = frozenset({"next", "more", "hasmore", "hasnext", "hasnextpage", "nextoffset"})
_URL_FIELDS = frozenset({"nextpageurl", "nextlink", "nexturl", "nextpagelink"})
# Objects of links (HAL ``_links``, JSON:API ``links``, ``links.pages``) whose ``next`` is the next page's URL.
_LINK_OBJECTS = frozenset({"links", "link", "pages"})
_DEPTH = 3
_ALIAS_DEPTH = 16


class Declaration(NamedTuple):
    """One ``[pagination."<operationId or METHOD /path>"]`` entry of a family.toml."""

    key: str
    kind: Literal["offset", "cursor", "link", "none"]
    #: ``None``: the array the rule finds.
    items: tuple[str, ...] | None = None
    param: str = ""
    limit: str = ""
    next: tuple[str, ...] = ()
    where: str = ""

    def matches(self, op: Operation) -> bool:
        return self.key in (op.operation_id, f"{op.method} {op.path}")


def read_declarations(table: Any, where: str) -> tuple[Declaration, ...]:
    """The ``[pagination]`` table of a family.toml, checked; :class:`ConfigError` naming the entry at fault."""
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: [pagination] must be a table of operations")
    found = []
    for key, entry in table.items():
        at = f"{where} [pagination.{_toml_key(key)}]"
        if not isinstance(entry, dict):
            raise ConfigError(f"{at}: must be a table (kind = ..., items = ...)")
        unknown = sorted(set(entry) - {"kind", "items", "param", "limit", "next"})
        if unknown:
            raise ConfigError(f"{at}: unknown keys {', '.join(unknown)} (kind, items, param, limit, next)")
        kind = entry.get("kind")
        if kind not in _KINDS:
            raise ConfigError(f"{at}: kind must be one of {', '.join(_KINDS)}, not {kind!r}")
        texts = {name: entry.get(name, "") for name in ("items", "param", "limit", "next")}
        wrong = sorted(name for name, value in texts.items() if not isinstance(value, str))
        if wrong:
            raise ConfigError(f"{at}: {', '.join(wrong)} must be strings (dotted wire names for items and next)")
        param = texts["param"] or ("offset" if kind == "offset" else "")
        if kind == "cursor" and not (param and texts["next"]):
            raise ConfigError(f"{at}: a cursor list needs param (the query parameter) and next (the token's field)")
        items = _path(texts["items"]) if "items" in entry else None
        found.append(Declaration(str(key), kind, items, param, texts["limit"], _path(texts["next"]), at))
    return tuple(found)


def paginate(api: Api, declarations: tuple[Declaration, ...], diagnostics: Diagnostics) -> Api:
    """``api`` with :class:`Pagination` on every paginated operation, its companion method named."""
    finder = _Finder(api)
    groups = []
    for group in api.groups:
        found = {}
        for op in group.operations:
            declared = next((d for d in declarations if d.matches(op)), None)
            if declared is not None and declared.kind != "none" and _answer(op) is None:
                diagnostics.warn(declared.where, "", f"{op.method} {op.path} has no JSON answer to page through; "
                                                     "no pager is generated for it")
                continue
            pagination = finder.detect(op) if declared is None else finder.declared(op, declared)
            if pagination is not None:
                found[(op.method, op.path)] = pagination
        groups.append(_named(group, found))
    return api._replace(groups=tuple(groups))


def _named(group: Group, found: dict[tuple[str, str], Pagination]) -> Group:
    """The group with each pagination's companion method named, clear of every method name of the group."""
    if not found:
        return group
    taken = ["options", *(op.python_name.rsplit(".", 1)[-1] for op in group.operations)]
    names = allocate(
        ((key, "iter_" + op.python_name.rsplit(".", 1)[-1], (op.path, op.method))
         for op in group.operations if (key := (op.method, op.path)) in found),
        taken=taken, fold=str,
    )
    operations = tuple(op._replace(pagination=found[key]._replace(method=names[key]))
                       if (key := (op.method, op.path)) in found else op for op in group.operations)
    return group._replace(operations=operations)


class _Finder:
    """Looks through operations' parameters and answer types for the rule's signs."""

    def __init__(self, api: Api) -> None:
        self.models: Mapping[str, Model] = api.models

    def detect(self, op: Operation) -> Pagination | None:
        answer = _answer(op)
        if op.method != "GET" or answer is None or answer.type is None:
            return None
        items = self.items(answer.type)
        if items is None:
            return None
        path, item = items
        fields = list(self.fields(answer.type, path))
        query = {_norm(p.wire_name): p.wire_name for p in op.parameters if p.location == "query"}
        if "link" in answer.headers:
            return Pagination("link", path, item)
        url = next((f for f, t in fields if t.kind == "string" and _is_next_url(f)), None)
        if url is not None:
            return Pagination("link", path, item, next=url)
        cursor = next((wire for name, wire in query.items() if name in _CURSOR_PARAMS), None)
        token = next((f for f, t in fields if t.kind == "string" and _norm(f[-1]) in _TOKEN_FIELDS), None)
        if cursor is not None and token is not None:
            return Pagination("cursor", path, item, param=cursor, next=token)
        offset = next((wire for name, wire in query.items() if name in _OFFSET_PARAMS), None)
        if offset is not None:
            limit = next((query[name] for name in _LIMIT_PARAMS if name in query), "")
            more = next((f for f, t in fields if t.kind in ("integer", "number", "boolean")
                         and _norm(f[-1]) in _MORE_FIELDS), ())
            return Pagination("offset", path, item, param=offset, limit=limit, next=more)
        return None

    def declared(self, op: Operation, declaration: Declaration) -> Pagination | None:
        if declaration.kind == "none":
            return None
        answer = _answer(op)
        answer_type = answer.type if answer is not None and answer.type is not None else TypeRef("any")
        if declaration.items is None:
            found = self.items(answer_type)
            path, item = found if found is not None else ((), TypeRef("any"))
        else:
            path = declaration.items
            target = self.at(answer_type, path)
            item = (target.items or TypeRef("any")) if target is not None and target.kind == "array" else TypeRef("any")
        return Pagination(declaration.kind, path, item, declaration.param, declaration.limit, declaration.next, declared=True)

    # -- types ---------------------------------------------------------------------------

    def resolve(self, t: TypeRef) -> TypeRef:
        """``t`` with aliases followed to what they name."""
        for _ in range(_ALIAS_DEPTH):
            if t.kind != "model":
                return t
            model = self.models.get(t.ref or "")
            if model is None or model.kind != "alias":
                return t
            t = model.alias or TypeRef("any")
        return t

    def properties(self, t: TypeRef) -> tuple[Property, ...]:
        t = self.resolve(t)
        model = self.models.get(t.ref or "") if t.kind == "model" else None
        return model.properties if model is not None and model.kind == "object" else ()

    def at(self, t: TypeRef, path: tuple[str, ...]) -> TypeRef | None:
        """The type at ``path`` (wire names) inside ``t``; ``None`` when the schema has no such field."""
        t = self.resolve(t)
        for wire in path:
            prop = next((p for p in self.properties(t) if p.wire_name == wire), None)
            if prop is None:
                return None
            t = self.resolve(prop.type)
        return t

    def items(self, t: TypeRef) -> tuple[tuple[str, ...], TypeRef] | None:
        """Where the answer's items are and their type: the answer itself, or its one array property."""
        t = self.resolve(t)
        if t.kind == "array":
            return (), t.items or TypeRef("any")
        arrays = [p for p in self.properties(t) if self.resolve(p.type).kind == "array"]
        if len(arrays) > 1:
            arrays = [p for p in arrays if _norm(p.wire_name) in _ITEMS]
        if len(arrays) != 1:
            return None
        return (arrays[0].wire_name,), self.resolve(arrays[0].type).items or TypeRef("any")

    def fields(self, t: TypeRef, skip: tuple[str, ...], depth: int = _DEPTH,
               prefix: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], TypeRef]]:
        """Every (path, type) of a field not holding items, shallowest first, in the spec's order of properties."""
        nested = []
        for prop in self.properties(t):
            path = (*prefix, prop.wire_name)
            if path == skip:
                continue
            resolved = self.resolve(prop.type)
            yield path, resolved
            if resolved.kind == "model" and depth > 1:
                nested.append((path, resolved))
        for path, resolved in nested:
            yield from self.fields(resolved, skip, depth - 1, path)


def _answer(op: Operation) -> Any:
    return next((r for r in op.responses if r.kind == "json"), None)


def _is_next_url(path: tuple[str, ...]) -> bool:
    names = [_norm(part) for part in path]
    if names[-1] in _URL_FIELDS:
        return True
    # links.next, _links.next.href, links.pages.next
    if names[-1] == "href":
        names = names[:-1]
    return len(names) >= 2 and names[-1] == "next" and names[-2] in _LINK_OBJECTS


def _norm(name: str) -> str:
    return re.sub(r"[_\-$]", "", name).lower()


def _path(text: str) -> tuple[str, ...]:
    return tuple(text.split(".")) if text else ()


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else f'"{key}"'
