"""Valid instances of an oracle schema, and single-constraint breakages of them.

Works on the draft-7 translations of :mod:`tests.properties._oracle` (``$ref`` into
``definitions``, ``nullable`` as ``anyOf: [null, X]``). :class:`Sampler` builds one
deterministic valid instance with *every* property present (so constraints of optional
properties can be broken too); :func:`breakages` walks that instance and yields, for each
node, values breaking exactly one thing there: a constraint (``_mutations`` of the
validator property tests), a required property removed, an unknown property where none
are allowed, a wrong JSON type, or ``null`` where it is not allowed.

Each breakage names the path the generated validator must report: the node's own path
(``body.spec.compute.gpuDevicesRequest``), except inside an ``anyOf``/``oneOf`` union,
whose validator reports "matches none of the allowed shapes" at the union's path.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Any

from hypothesis import HealthCheck, Phase, find, settings
from hypothesis.errors import NoSuchExample, Unsatisfiable
from hypothesis_jsonschema import from_schema

from tests.properties._drawing import FORMATS
from tests.properties._oracle import Target, oracle
from tests.properties.test_validators import _mutations

_REMOVE = object()  # a breakage that deletes the key instead of setting a value
# The first instance generated (derandomized, so always the same): shrinking it costs ~0.25 s a leaf.
_FIND = settings(derandomize=True, database=None, max_examples=50, phases=[Phase.generate],
                 suppress_health_check=list(HealthCheck))
# Wrong JSON types: for each declared type, a value of another one ("abc" for an integer, an object for an
# array, ...).
_WRONG_TYPE = {"integer": "abc", "number": "abc", "boolean": "abc", "string": 12345, "array": {"unexpected": 1},
               "object": [1], "null": "abc"}
_UNION_WRONG = ("abc", 12345, [1], {"unexpected": 1})  # tried for a union; the oracle keeps the ones it rejects
_SIMPLE = {"uuid": "12345678-1234-1234-1234-123456789abc", "date-time": "2024-05-01T10:00:00Z", "date": "2024-05-01"}


@dataclass(frozen=True)
class Breakage:
    path: str  # the node broken, e.g. body.spec.compute[0].gpu
    reported: str  # the path the validator must name (the enclosing union's, if any)
    what: str  # the constraint broken, e.g. "minimum", "required", "wrong type", "null"
    value: Any  # the whole target value with the breakage applied


def unwrap(node: Any, defs: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """The schema at ``node`` with refs followed and ``allOf`` merged; and whether ``null`` is allowed."""
    nullable = False
    while True:
        while isinstance(node, dict) and "$ref" in node:
            node = defs[node["$ref"].rsplit("/", 1)[1]]
        if not isinstance(node, dict):
            return {}, True
        branches = node.get("anyOf")
        if isinstance(branches, list) and len(branches) == 2 and {"type": "null"} in branches:
            nullable = True
            node = next(b for b in branches if b != {"type": "null"})
            continue
        if "allOf" not in node:
            return node, nullable or node.get("type") == "null" or None in node.get("enum", [0])
        merged = {k: v for k, v in node.items() if k != "allOf"}
        parts = [unwrap(branch, defs) for branch in node["allOf"]]
        # null passes an allOf only if every branch lets it through.
        nullable = nullable or all(part_nullable for _, part_nullable in parts)
        for part, _ in parts:
            for key, value in part.items():
                if key == "properties":
                    merged["properties"] = {**merged.get("properties", {}), **value}
                elif key == "required":
                    merged["required"] = list(dict.fromkeys([*merged.get("required", []), *value]))
                else:
                    merged.setdefault(key, value)
        node = merged


def _is_union(schema: dict[str, Any]) -> bool:
    return any(isinstance(schema.get(k), list) for k in ("anyOf", "oneOf"))


def _refs_of(node: Any) -> set[str]:
    return {node["$ref"]} if isinstance(node, dict) and "$ref" in node else set()


class NoValue(Exception):
    """No value satisfies the schema (e.g. Run:ai's ``/^...$|^$/`` pattern, slashes included)."""


class Sampler:
    """Valid instances of targets' schemas; leaf values are cached by schema, so a family shares them."""

    def __init__(self) -> None:
        self._leaves: dict[str, Any] = {}

    def valid(self, target: Target) -> Any:
        """One valid instance of ``target``'s schema, every (non-recursive) property present."""
        return self.sample(target.schema, target.schema.get("definitions", {}))

    def sample(self, node: Any, defs: dict[str, Any], seen: frozenset[str] = frozenset()) -> Any:
        schema, _ = unwrap(node, defs)
        seen = seen | _refs_of(node)
        if "const" in schema:
            return schema["const"]
        if _is_union(schema):
            return self._union(schema, defs, seen)
        kind = schema.get("type")
        if kind == "object":
            required = set(schema.get("required", []))
            out = {}
            for name, prop in schema.get("properties", {}).items():
                # A property leading back into a schema being built is left out (unless required): finite samples.
                if name in required or not (_refs_of(prop) & seen):
                    try:
                        out[name] = self.sample(prop, defs, seen)
                    except NoValue:
                        if name in required:
                            raise  # an optional property nothing satisfies is left out
            # Required names without a property schema accept any value.
            return out | {name: {} for name in required if name not in out}
        if kind == "array":
            count = 0 if schema.get("maxItems") == 0 else max(1, schema.get("minItems", 1))
            return [self.sample(schema.get("items", {}), defs, seen) for _ in range(count)]
        return self._leaf(schema)

    def _union(self, schema: dict[str, Any], defs: dict[str, Any], seen: frozenset[str]) -> Any:
        check = oracle({**schema, "definitions": defs})
        for branch in schema.get("anyOf") or schema["oneOf"]:
            value = self.sample(branch, defs, seen)
            if check.is_valid(value):
                return value
        raise AssertionError(f"no branch sample is valid for the union {json.dumps(schema)[:300]}")

    def _leaf(self, schema: dict[str, Any]) -> Any:
        key = json.dumps(schema, sort_keys=True)
        if key not in self._leaves:
            value = self._simple(schema)
            if not oracle(schema).is_valid(value):
                # Patterns, multipleOf and the like: hypothesis-jsonschema's smallest instance (deterministic).
                try:
                    value = find(from_schema(schema, custom_formats=FORMATS), lambda _: True, settings=_FIND)
                except (Unsatisfiable, NoSuchExample) as exc:
                    value = NoValue(f"nothing satisfies {schema}: {exc}")
            self._leaves[key] = value
        if isinstance(self._leaves[key], NoValue):
            raise self._leaves[key]
        return self._leaves[key]

    @staticmethod
    def _simple(schema: dict[str, Any]) -> Any:
        enum = [v for v in schema.get("enum", []) if v is not None]
        if enum:
            return enum[0]
        kind = schema.get("type")
        if kind in ("integer", "number"):
            value = schema.get("minimum", schema.get("exclusiveMinimum", 0) + 1)
            return min(value, schema.get("maximum", value), schema.get("exclusiveMaximum", value + 1) - 1)
        if kind == "boolean":
            return True
        if kind == "null":
            return None
        if kind == "string":
            return _SIMPLE.get(schema.get("format", ""), "a" * max(1, schema.get("minLength", 1)))
        return "any"  # no type: anything is valid


def _with(value: Any, at: tuple[Any, ...], new: Any) -> Any:
    """``value`` with the node at ``at`` replaced by ``new`` (or removed); copies only along the way."""
    if not at:
        return new
    head, rest = at[0], at[1:]
    copy = list(value) if isinstance(value, list) else dict(value)
    if rest:
        copy[head] = _with(value[head], rest, new)
    elif new is _REMOVE:
        del copy[head]
    else:
        copy[head] = new
    return copy


def _constraint_breaks(schema: dict[str, Any]) -> list[tuple[str, Any]]:
    # _mutations reads only the target's schema: a stand-in target carries the node's.
    found = _mutations(Target("", "", "", "", "", schema))
    for key in ("minItems", "maxItems"):
        if schema.get("type") == "array" and isinstance(schema.get(key), int):
            size = schema[key] - 1 if key == "minItems" else schema[key] + 1
            if size >= 0:
                found.append((key, [None] * size))  # the count is what is broken; items are checked after it
    return found


def _at(value: Any, at: tuple[Any, ...]) -> Any:
    for key in at:
        value = value[key]
    return value


def breakages(target: Target, valid: Any, seen: set[tuple[int, str, str]]) -> tuple[list[Breakage], list[Breakage]]:
    """The single-constraint breakages of ``valid`` (a valid instance of ``target``), and those the oracle still accepts.

    Below the target's root, a schema node (a place in the spec's definitions) is broken in one way only
    once per ``seen`` (shared by a family): the validator checking it is the same code wherever the node is
    reached, and Run:ai's policy bodies reach the same definitions hundreds of times (7,000 breakages each
    otherwise). The root is always broken, so every operation's own wiring is exercised.

    Whether a breakage really breaks the schema is asked of the oracle at the node it changed (or the
    enclosing union), not of the whole value: the same answer (the rest is valid), at a fraction of the cost.
    """
    defs = target.schema.get("definitions", {})
    real: list[Breakage] = []
    accepted: list[Breakage] = []

    def walk(node: Any, value: Any, at: tuple[Any, ...], path: str, union: tuple[Any, tuple[Any, ...], str] | None) -> None:
        schema, nullable = unwrap(node, defs)
        if union is None and _is_union(schema):
            # The validator reports anything wrong inside a union at the union itself ("matches none of ...").
            union = (node, at, path)
        checked, checked_at, reported = union or (node, at, path)

        @functools.cache
        def check() -> Any:  # made on first use: most nodes were broken already, through another path
            return oracle({"definitions": defs, "allOf": [checked]})

        def add(what: str, new: Any, where: str = path, inner: tuple[Any, ...] = ()) -> None:
            key = (id(node), what, where[len(path):])
            if at and key in seen:
                return
            seen.add(key)
            broken = _with(valid, at + inner, new)
            found = Breakage(where, reported if union else where, what, broken)
            (accepted if check().is_valid(_at(broken, checked_at)) else real).append(found)

        if not nullable:
            add("null", None)
        if _is_union(schema):
            for wrong in _UNION_WRONG:
                add("wrong type", wrong)
        elif schema.get("type") in _WRONG_TYPE:
            add("wrong type", _WRONG_TYPE[schema["type"]])
        for what, bad in _constraint_breaks(schema):
            add(what, [value[0]] * len(bad) if what in ("minItems", "maxItems") and value else bad)
        if isinstance(value, dict) and schema.get("type") == "object":
            properties = schema.get("properties", {})
            for name in schema.get("required", []):
                add("required", _REMOVE, f"{path}.{name}", (name,))
            extra = schema.get("additionalProperties")
            if extra is False:
                add("additionalProperties", "x", f"{path}.unexpectedProperty", ("unexpectedProperty",))
            elif isinstance(extra, dict) and not properties:
                # A map: one entry whose value has a wrong type for the map's values.
                entry, _ = unwrap(extra, defs)
                if entry.get("type") in _WRONG_TYPE and not _is_union(entry):
                    add("map value type", _WRONG_TYPE[entry["type"]], f"{path}.key", ("key",))
            for name, child in value.items():
                if name in properties:
                    walk(properties[name], child, at + (name,), f"{path}.{name}", union)
        elif isinstance(value, list) and value and schema.get("type") == "array":
            walk(schema.get("items", {}), value[0], at + (0,), f"{path}[0]", union)

    walk(target.schema, valid, (), target.where, None)
    return real, accepted
