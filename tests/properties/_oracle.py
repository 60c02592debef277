"""OpenAPI 3.0 schemas -> JSON Schema draft 7, and the request targets of a generated package.

Semantics decided for the oracle (what the generated validators must agree with):

* ``nullable: true`` allows ``null`` (beside a ``$ref`` too); other siblings of a ``$ref`` are
  ignored, as OpenAPI 3.0 says.
* A schema listing ``properties`` (or only ``additionalProperties``) without ``type`` is an object;
  one with only ``items`` is an array: the spec's authors mean those shapes.
* ``readOnly`` properties are not required in requests (removed from ``required``; still checked
  when present).
* OpenAPI 3.0's boolean ``exclusiveMinimum``/``exclusiveMaximum`` become the numeric (strict) form.
* Formats ``uuid`` (RFC 4122 text form), ``date-time`` (RFC 3339), ``date`` are checked; ``int32`` and
  ``int64`` on integers become ``minimum``/``maximum``; every other format is dropped.
* A nullable object that admits no property (no ``properties``, ``additionalProperties: false``) is
  ``null``: OpenAPI 3.0 has no null type, and this is how real specs (Box) write one as a union member.
* OpenAPI-only keywords (discriminator, xml, example, deprecated, externalDocs, ...) are dropped.

Components are bundled into ``definitions`` (``#/components/schemas/X`` -> ``#/definitions/X``),
pruned per target to what it reaches.
"""

from __future__ import annotations

import datetime
import importlib
import json
import pkgutil
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema

_KEEP = {
    "type", "enum", "const", "multipleOf", "maximum", "minimum", "maxLength", "minLength", "pattern",
    "maxItems", "minItems", "uniqueItems", "maxProperties", "minProperties", "required",
}
_CHILD_MAP = {"properties"}
_CHILD_ONE = {"items", "additionalProperties", "not"}
_CHILD_LIST = {"allOf", "anyOf", "oneOf"}
_FORMATS = {"uuid", "date-time", "date"}
_INT_BOUNDS = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}
_REF = re.compile(r"^#/components/schemas/(.+)$")

# Strict text forms for the oracle's format checker.
UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
_UUID = re.compile(UUID_PATTERN)
_DATETIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$")
FORMAT_CHECKER = jsonschema.FormatChecker(formats=())


@FORMAT_CHECKER.checks("uuid")
def _is_uuid(value: object) -> bool:
    return not isinstance(value, str) or bool(_UUID.match(value))


@FORMAT_CHECKER.checks("date")
def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


@FORMAT_CHECKER.checks("date-time")
def _is_datetime(value: object) -> bool:
    if not isinstance(value, str):
        return True
    m = _DATETIME.match(value)
    if not m or not _is_date(value[:10]):
        return False
    hour, minute, second = int(m[4]), int(m[5]), int(m[6])
    if hour > 23 or minute > 59 or second > 59:  # leap seconds (60) are not accepted by either side
        return False
    return not (m[9] is not None and (int(m[9]) > 23 or int(m[10]) > 59))


def unescape_pointer(name: str) -> str:
    return name.replace("~1", "/").replace("~0", "~")


def _stands_for_null(node: dict[str, Any]) -> bool:
    return (node.get("nullable") is True and node.get("type") == "object" and node.get("additionalProperties") is False
            and not node.get("properties") and not any(k in node for k in ("allOf", "oneOf", "anyOf", "required")))


def translate(node: Any) -> Any:
    """One OpenAPI 3.0 schema node as draft 7 (refs point into ``#/definitions``)."""
    if isinstance(node, bool):
        return node
    if not isinstance(node, dict):
        return True
    if _stands_for_null(node):
        return {"type": "null"}
    if "$ref" in node:
        m = _REF.match(node["$ref"])
        assert m, f"unsupported $ref {node['$ref']}"
        ref: dict[str, Any] = {"$ref": "#/definitions/" + m[1]}
        return {"anyOf": [{"type": "null"}, ref]} if node.get("nullable") is True else ref
    out: dict[str, Any] = {k: v for k, v in node.items() if k in _KEEP}
    if "type" not in out:
        if "properties" in node or "additionalProperties" in node:
            out["type"] = "object"
        elif "items" in node:
            out["type"] = "array"
    for bound, limit in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        value = node.get(bound)
        if value is True and limit in out:
            out[bound] = out.pop(limit)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            out[bound] = value
    fmt = node.get("format")
    if fmt in _FORMATS:
        out["format"] = fmt
    elif fmt in _INT_BOUNDS and out.get("type") == "integer":
        low, high = _INT_BOUNDS[fmt]
        out["minimum"] = max(out.get("minimum", low), low)
        out["maximum"] = min(out.get("maximum", high), high)
    if isinstance(node.get("properties"), dict):
        out["properties"] = {k: translate(v) for k, v in node["properties"].items()}
        read_only = {k for k, v in node["properties"].items() if isinstance(v, dict) and v.get("readOnly") is True}
        if read_only and "required" in out:
            out["required"] = [r for r in out["required"] if r not in read_only]
    for key in _CHILD_ONE:
        if key in node:
            out[key] = translate(node[key])
    for key in _CHILD_LIST:
        if isinstance(node.get(key), list):
            out[key] = [translate(b) for b in node[key]]
    if "required" in out:
        out["required"] = list(dict.fromkeys(out["required"]))
        if not out["required"]:
            del out["required"]
    if node.get("nullable") is True:
        if "enum" in out and None not in out["enum"]:
            out["enum"] = [*out["enum"], None]
        return {"anyOf": [{"type": "null"}, out]}
    return out


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/definitions/"):
            yield ref[len("#/definitions/"):]
        for v in node.values():
            yield from _refs(v)
    elif isinstance(node, list):
        for v in node:
            yield from _refs(v)


def bundle(schema: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    """``translate(schema)`` with the definitions it reaches (draft 7)."""
    root = translate(schema)
    needed: dict[str, Any] = {}
    todo = list(_refs(root))
    while todo:
        name = todo.pop()
        if name in needed:
            continue
        needed[name] = definitions[name]
        todo += _refs(needed[name])
    out = dict(root) if isinstance(root, dict) else {"allOf": [root]}
    out["$schema"] = "http://json-schema.org/draft-07/schema#"
    if needed:
        out["definitions"] = needed
    return out


def recursive_definitions(schema: dict[str, Any]) -> set[str]:
    """The definitions of a bundled schema that reach themselves."""
    defs = schema.get("definitions", {})

    def reaches_itself(start: str) -> bool:
        seen: set[str] = set()
        todo = list(_refs(defs[start]))
        while todo:
            name = todo.pop()
            if name == start:
                return True
            if name not in seen:
                seen.add(name)
                todo += _refs(defs[name])
        return False

    return {name for name in defs if reaches_itself(name)}


def inlined(schema: dict[str, Any], unfold: int = 2) -> Any:
    """A bundled schema without ``$ref``, for hypothesis-jsonschema (whose own resolution of refs is slow).

    A definition is inlined once and shared, not copied. A recursive one is unfolded ``unfold`` levels deep
    along each path, then cut with ``false``: every instance of the result is an instance of ``schema``.
    """
    definitions = schema.get("definitions", {})
    recursive = recursive_definitions(schema)
    shared: dict[str, Any] = {}

    def walk(node: Any, path: tuple[str, ...]) -> Any:
        if isinstance(node, list):
            return [walk(v, path) for v in node]
        if not isinstance(node, dict):
            return node
        if "$ref" not in node:
            return {k: walk(v, path) for k, v in node.items()}
        name = node["$ref"][len("#/definitions/"):]
        if name in recursive:
            return False if path.count(name) >= unfold else walk(definitions[name], (*path, name))
        # A definition that does not reach itself expands the same whatever the path: share it.
        if name not in shared:
            shared[name] = walk(definitions[name], path)
        return shared[name]

    return walk({k: v for k, v in schema.items() if k not in ("$schema", "definitions")}, ())


def oracle(schema: dict[str, Any]) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(schema, format_checker=FORMAT_CHECKER)


@dataclass
class Target:
    """One schema the generated validator checks: a JSON request body or one parameter."""

    spec: str
    method: str
    path: str
    kind: str  # "body" or "path"/"query"/"header"/"cookie"
    name: str  # the parameter's wire name ("" for a body)
    schema: dict[str, Any]  # draft 7, bundled
    validate: Any = field(repr=False, default=None)

    @property
    def where(self) -> str:
        return "body" if self.kind == "body" else f"{self.kind}.{self.name}"

    @property
    def schema_key(self) -> str:
        """The schema as canonical JSON text: targets with equal keys are checked alike."""
        return json.dumps(self.schema, sort_keys=True)

    @property
    def ident(self) -> str:
        return f"{self.spec}:{self.method} {self.path}:{self.where}"

    def arguments(self, value: Any) -> dict[str, Any]:
        if self.kind == "body":
            return {"body": value}
        key = {"path": "path", "query": "query", "header": "headers", "cookie": "cookies"}[self.kind]
        return {key: {self.name: value}}

    def problems(self, value: Any) -> list[str]:
        return list(self.validate(self.arguments(value)))


def load_spec(path: Path) -> dict[str, Any]:
    if path.suffix == ".json":
        return json.loads(path.read_text())
    import yaml

    return yaml.safe_load(path.read_text())


def deref(spec: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        parts = node["$ref"].lstrip("#/").split("/")
        node = spec
        for part in parts:
            node = node[unescape_pointer(part)]
    return node


def operations_of(package: str, folder: Path) -> dict[tuple[str, str], Any]:
    """(METHOD, path) -> the ``Operation`` constant of a generated package's groups."""
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    from specloom_runtime import Operation

    groups = importlib.import_module(f"{package}.groups")
    found: dict[tuple[str, str], Any] = {}
    for info in pkgutil.iter_modules(groups.__path__):
        module = importlib.import_module(f"{package}.groups.{info.name}")
        for name, value in vars(module).items():
            if name.startswith("_") and isinstance(value, Operation):
                found[(value.method.upper(), value.path)] = value
    return found


_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def targets(
    label: str, spec: dict[str, Any], package: str | None = None, folder: Path | None = None
) -> tuple[list[Target], list[str]]:
    """Every JSON body and parameter schema of ``spec`` with its generated validator; and what was left out, why.

    Without a package (``folder`` holding it) the targets have no validator: enough to list and group them.
    """
    definitions = {k: translate(v) for k, v in spec.get("components", {}).get("schemas", {}).items()}
    ops = operations_of(package, folder) if package and folder else None
    found: list[Target] = []
    left_out: list[str] = []
    for path, item in spec["paths"].items():
        for method in _METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            where = f"{label}:{method.upper()} {path}"
            generated = ops.get((method.upper(), path)) if ops is not None else None
            params = {}
            for raw in [*item.get("parameters", []), *op.get("parameters", [])]:
                p = deref(spec, raw)
                params[(p["in"], p["name"])] = p
            body = deref(spec, op.get("requestBody")) if op.get("requestBody") else None
            json_media = [m for m in (body or {}).get("content", {}) if "json" in m]
            if ops is not None and generated is None:
                left_out.append(f"{where}: no generated Operation")
                continue
            if generated is not None and generated.validate is None and (params or json_media):
                left_out.append(f"{where}: Operation.validate is None")
                continue
            validate = generated.validate if generated is not None else None
            for (location, name), p in params.items():
                if "schema" not in p:
                    left_out.append(f"{where}:{location}.{name}: no schema (content-typed parameter)")
                    continue
                found.append(Target(label, method.upper(), path, location, name, bundle(p["schema"], definitions), validate))
            if json_media:
                media = body["content"][json_media[0]]
                if "schema" in media:
                    found.append(Target(label, method.upper(), path, "body", "", bundle(media["schema"], definitions), validate))
    return found, left_out
