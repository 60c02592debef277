"""JSON Schema nodes -> IR types, with named models for objects and enums.

Each object or enum schema becomes a model identified by where it sits
(``file#pointer``); its Python name is decided later, in one pass over all of
them (see :mod:`specloom.naming`), so no name depends on visiting order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .diagnostics import Diagnostics
from .ir import EnumMember, Property, TypeRef
from .loader import Location, SpecSet, walk
from .naming import RESERVED_ATTRIBUTES, allocate, constant, snake

ANY = TypeRef("any")
_PRIMITIVES = {"string", "integer", "number", "boolean"}
# String formats whose Python type is not str (see pytypes): a literal default would not fit the annotation.
_PARSED_FORMATS = {"date-time", "date", "uuid", "binary"}
# Names the annotations of a model's class body read (see pytypes). A field of that name would
# shadow them for every annotation after it, so it gets a trailing "_" like a keyword does.
# (Class names and UUID/Any cannot clash: attribute names are snake_case.)
_ANNOTATION_NAMES = frozenset({"bool", "int", "float", "str", "bytes", "list", "dict", "datetime"})
_CONSTRAINTS = (
    "pattern", "minLength", "maxLength", "minimum", "maximum", "multipleOf", "minItems",
    "maxItems", "uniqueItems", "minProperties", "maxProperties", "enum", "const", "format",
)
# Keywords that say nothing about the value's shape; a schema of only these accepts anything.
_ANNOTATIONS = {"description", "title", "example", "examples", "deprecated", "readOnly", "writeOnly",
                "externalDocs", "xml", "nullable", "default", "$comment"}


class Draft:
    """A model under construction; its names are given once every draft is known."""

    __slots__ = ("additional", "alias", "component", "constraints", "deprecated", "description", "enum_base",
                 "extensions", "key", "kind", "location", "members", "properties", "spec_name")

    def __init__(self, *, key: str, location: Location, spec_name: str, component: bool, kind: str,
                 description: str = "", deprecated: bool = False, constraints: tuple[tuple[str, Any], ...] = (),
                 extensions: tuple[tuple[str, Any], ...] = ()) -> None:
        self.key = key
        self.location = location
        self.spec_name = spec_name
        self.component = component
        self.kind = kind  # "object" | "enum" | "alias"
        self.description = description
        self.deprecated = deprecated
        self.properties: list[Property] = []
        self.additional: TypeRef | None = ANY
        self.members: list[EnumMember] = []
        self.enum_base = "str"
        self.alias: TypeRef | None = None
        self.constraints = constraints
        self.extensions = extensions


# Keywords that give a schema without "type" its shape (object or array), as the spec's authors mean it.
_SHAPES = ("type", "properties", "additionalProperties", "items")


def _is_empty(node: Any) -> bool:
    return isinstance(node, dict) and all(isinstance(k, str) and (k in _ANNOTATIONS or k.startswith("x-")) for k in node)


def _means_null(node: Any) -> bool:
    """A union member that stands for null: ``type: null``, or OpenAPI 3.0's way of writing it
    (a nullable object that admits no property, as Box's "OpenAPI 3.0 null schema type")."""
    if not isinstance(node, dict):
        return False
    if node.get("type") == "null":
        return True
    return (node.get("nullable") is True and node.get("type") == "object" and node.get("additionalProperties") is False
            and not node.get("properties") and not any(k in node for k in ("allOf", "oneOf", "anyOf", "patternProperties", "required")))


class SchemaBuilder:
    """Turns schema nodes into :class:`TypeRef`s, registering model drafts on the way."""

    def __init__(self, specs: SpecSet, diagnostics: Diagnostics, hint_for: Any) -> None:
        self.specs = specs
        self.diagnostics = diagnostics
        self.hint_for = hint_for
        self.drafts: dict[str, Draft] = {}
        self._named: dict[str, TypeRef] = {}
        self._resolving: set[str] = set()
        self._properties: dict[str, list[tuple[str, TypeRef, dict[str, Any], Location]]] = {}

    # -- entry points -------------------------------------------------------------

    def component(self, node: Any, loc: Location) -> TypeRef:
        """The type of a schema reached by name (a component or a ``$ref`` target)."""
        key = loc.key
        if key in self._named:
            return self._named[key]
        if key in self._resolving:
            # An alias that refers to itself through aliases only: nothing narrower is true.
            self.diagnostics.warn(loc.file, loc.pointer, "schema refers to itself without an object in between; typed as any value")
            return ANY
        self._resolving.add(key)
        try:
            if isinstance(node, dict) and "$ref" not in node and (self._object_like(node, loc) or self._enum_values(node) is not None):
                # Seeded first so a property that refers back to this schema finds the model (and
                # may be null when the schema is nullable: DepartmentProjectParent.parent).
                self._named[key] = TypeRef("model", ref=key, nullable=node.get("nullable") is True)
                result = self.type_of(node, loc, named=True)
            else:
                result = self.type_of(node, loc)
            if key not in self.drafts:
                # Not an object or enum after all (a union, a primitive, another schema's name):
                # it still gets a module of its own, as a type alias.
                self._draft(loc, "alias", node).alias = result
        finally:
            self._resolving.discard(key)
        self._named[key] = result
        return result

    def type_of(self, node: Any, loc: Location, *, named: bool = False) -> TypeRef:
        """The type of the schema ``node`` found at ``loc``."""
        if node is True or node is None or node == {}:
            return ANY
        if not isinstance(node, dict):
            self.diagnostics.warn(loc.file, loc.pointer, f"a schema must be an object, found {type(node).__name__}; typed as any value")
            return ANY
        if "$ref" in node:
            return self._ref(node, loc)
        types, nullable = self._types(node, loc)
        nullable = nullable or node.get("nullable") is True
        constraints = self._constraints(node, loc)
        if "allOf" in node:
            return self._all_of(node, loc, nullable, constraints, named)
        for key in ("oneOf", "anyOf"):
            if isinstance(node.get(key), list):
                return self._union(node, key, loc, nullable, constraints)
        if self._enum_values(node) is not None:
            return self._enum(node, loc, nullable, constraints)
        kind = types[0] if len(types) == 1 else None
        if len(types) > 1:
            # A type list (3.1): each member is the schema read with that one type, so an
            # "object" member keeps its properties and an "array" member its items.
            members = (self.type_of({**node, "type": t, "nullable": False}, loc) for t in types)
            variants = tuple(dict.fromkeys(m._replace(nullable=False) for m in members))
            return TypeRef("union", variants=variants, nullable=nullable, constraints=constraints)
        if kind == "array" or (kind is None and "items" in node):
            items = self.type_of(node.get("items", True), loc.child("items"))
            return TypeRef("array", items=items, nullable=nullable, constraints=constraints)
        if kind == "object" or (kind is None and ("properties" in node or "additionalProperties" in node)):
            if node.get("properties") or named or node.get("additionalProperties") is False:
                self._object(node, loc)
                return TypeRef("model", ref=loc.key, nullable=nullable, constraints=constraints)
            values = node.get("additionalProperties", True)
            value_type = self.type_of(values, loc.child("additionalProperties")) if values is not True else ANY
            return TypeRef("map", values=value_type, nullable=nullable, constraints=constraints)
        if kind in _PRIMITIVES:
            fmt = node.get("format") if isinstance(node.get("format"), str) else None
            return TypeRef(kind, format=fmt, nullable=nullable, constraints=constraints)  # type: ignore[arg-type]
        return TypeRef("any", nullable=nullable, constraints=constraints)

    def member_name(self, file: str, parent: list[str], key: str, index: str) -> str:
        """What the spec calls member ``index`` of the ``key`` (oneOf/anyOf) list of the node at
        ``parent`` (unescaped pointer parts) in ``file``: its title, else the discriminator value
        that selects it (by ``mapping`` or by the member's const/single-enum discriminator
        property); ``""`` when the spec gives it no name."""
        owner = walk(self.specs.document(file), parent)
        member = walk(owner, [key, index])
        if not isinstance(owner, dict) or not isinstance(member, dict):
            return ""
        title = member.get("title")
        if isinstance(title, str) and title.strip():
            return title
        discriminator = owner.get("discriminator")
        prop = discriminator.get("propertyName") if isinstance(discriminator, dict) else None
        if not isinstance(discriminator, dict) or not isinstance(prop, str):
            return ""
        mapping = discriminator.get("mapping")
        here = Location(file).child(*parent, key, index)
        for value, ref in (mapping.items() if isinstance(mapping, dict) else ()):
            target_file, _, pointer = ref.partition("#") if isinstance(ref, str) else ("", "", None)
            if pointer == here.pointer and (not target_file or Path(target_file).name == Path(file).name):
                return str(value)
        value = self._tag_value(member, here, prop, 0)
        return "" if value is None else str(value)

    def _tag_value(self, node: Any, loc: Location, prop: str, depth: int) -> Any:
        """The one value ``node`` allows for its property ``prop`` (``const`` or a one-value enum), if any."""
        resolved = self.specs.deref(node, loc) if depth < 8 else None
        if resolved is None or not isinstance(resolved[0], dict):
            return None
        node, loc = resolved
        props = node.get("properties")
        if isinstance(props, dict) and prop in props:
            schema = self.specs.deref(props[prop], loc.child("properties", prop))
            values = self._enum_values(schema[0]) if schema else None
            if values is not None and len(values) == 1 and isinstance(values[0], (str, int)) and not isinstance(values[0], bool):
                return values[0]
        for i, branch in enumerate(node.get("allOf") if isinstance(node.get("allOf"), list) else []):
            found = self._tag_value(branch, loc.child("allOf", i), prop, depth + 1)
            if found is not None:
                return found
        return None

    # -- pieces -------------------------------------------------------------------

    def _ref(self, node: dict[str, Any], loc: Location) -> TypeRef:
        resolved = self.specs.resolve(node["$ref"], loc)
        if resolved is None:
            return ANY
        target, target_loc = resolved
        result = self.component(target, target_loc)
        if node.get("nullable") is True and not result.nullable:
            result = result._replace(nullable=True)
        return result

    def _types(self, node: dict[str, Any], loc: Location) -> tuple[list[str], bool]:
        raw = node.get("type")
        if raw is None:
            return [], False
        listed = raw if isinstance(raw, list) else [raw]
        known = [t for t in listed if isinstance(t, str) and (t in _PRIMITIVES or t in ("array", "object"))]
        unknown = [t for t in listed if t not in known and t != "null"]
        if unknown:
            self.diagnostics.warn(loc.file, loc.pointer + "/type", f"unknown type {unknown!r}; ignored")
        return known, "null" in listed

    def _constraints(self, node: dict[str, Any], loc: Location) -> tuple[tuple[str, Any], ...]:
        found = {k: node[k] for k in _CONSTRAINTS if k in node}
        # OpenAPI 3.0 writes exclusive bounds as booleans beside minimum/maximum; keep the 3.1 form.
        for bound, limit in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
            value = node.get(bound)
            if value is True and limit in node:
                found[bound] = found.pop(limit)
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                found[bound] = value
        if "enum" in found and not isinstance(found["enum"], list):
            self.diagnostics.warn(loc.file, loc.pointer + "/enum", f"enum must be a list, found {type(found.pop('enum')).__name__}; ignored")
        if "required" in node and isinstance(node["required"], list):
            names = [r for r in node["required"] if isinstance(r, str)]
            if len(names) != len(node["required"]):
                self.diagnostics.warn(loc.file, loc.pointer + "/required", "entries of required that are not names; ignored")
            if len(set(names)) != len(names):
                self.diagnostics.warn(loc.file, loc.pointer + "/required", "duplicate entries in required; each kept once")
        return tuple(sorted(((k, _freeze(v)) for k, v in found.items()), key=lambda kv: kv[0]))

    def _enum_values(self, node: Any) -> list[Any] | None:
        if not isinstance(node, dict):
            return None
        values = node.get("enum")
        if isinstance(values, list):
            return values
        if "const" in node:
            return [node["const"]]
        return None

    def _enum(self, node: dict[str, Any], loc: Location, nullable: bool, constraints: tuple[tuple[str, Any], ...]) -> TypeRef:
        values = self._enum_values(node) or []
        nullable = nullable or None in values
        present = [v for v in values if v is not None]
        if present and all(isinstance(v, str) for v in present):
            base = "str"
        elif present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
            base = "int"
        else:
            # Mixed or non-string values: a plain type with the enum kept as a constraint.
            kinds = sorted({_json_kind(v) for v in present}) or ["any"]
            if len(kinds) == 1:
                return TypeRef(kinds[0], nullable=nullable, constraints=constraints)  # type: ignore[arg-type]
            return TypeRef("any", nullable=nullable, constraints=constraints)
        draft = self._draft(loc, "enum", node)
        if not draft.members:
            draft.enum_base = base
            unique = list(dict.fromkeys(present))
            names = allocate(((v, constant(str(v)), (0 if constant(str(v)) == v else 1, str(v))) for v in unique), fold=str)
            draft.members = [EnumMember(names[v], v) for v in unique]
        return TypeRef("model", ref=loc.key, nullable=nullable, constraints=constraints)

    def _union(self, node: dict[str, Any], key: str, loc: Location, nullable: bool, constraints: tuple[tuple[str, Any], ...]) -> TypeRef:
        variants: list[TypeRef] = []
        for i, branch in enumerate(node[key]):
            if _means_null(branch):
                nullable = True
                continue
            variant = self.type_of(branch, loc.child(key, i))
            if variant.nullable:
                nullable = True
                variant = variant._replace(nullable=False)
            if variant not in variants:
                variants.append(variant)
        if any(v.kind == "any" and not v.constraints for v in variants) or not variants:
            return TypeRef("any", nullable=nullable, constraints=constraints)
        if len(variants) == 1:
            return variants[0]._replace(nullable=nullable, constraints=variants[0].constraints + constraints)
        return TypeRef("union", variants=tuple(variants), nullable=nullable, constraints=constraints + ((key, True),))

    def _all_of(self, node: dict[str, Any], loc: Location, nullable: bool, constraints: tuple[tuple[str, Any], ...], named: bool) -> TypeRef:
        branches = self._parts(node, loc)
        own_object = bool(node.get("properties")) or node.get("type") == "object"
        if not nullable and branches and not any(k in node for k in _SHAPES):
            # JSON Schema's allOf takes null only when every part does.
            nullable = all(self._accepts_null(b, loc.child("allOf", i)) for i, b, _ in branches)
        if self._wraps_ref(node, branches, loc):
            # `allOf: [$ref X]` with words, nullable or a default beside it is X itself, not a copy of X.
            index, branch, _ = branches[0]
            result = self.type_of(branch, loc.child("allOf", index))
            return result._replace(nullable=nullable or result.nullable, constraints=result.constraints + constraints)
        if own_object or any(self._object_like(r[0], r[1]) for _, _, r in branches):
            self._object(node, loc)
            return TypeRef("model", ref=loc.key, nullable=nullable, constraints=constraints)
        if not branches:
            return TypeRef("any", nullable=nullable, constraints=constraints)
        # allOf around a primitive or an enum (often a $ref with a description beside it).
        first_index, first, _ = branches[0]
        result = self.type_of(first, loc.child("allOf", first_index))
        extra = tuple(c for _, b, r in branches[1:] for c in self._constraints(r[0], r[1]))
        return result._replace(nullable=nullable or result.nullable, constraints=result.constraints + extra + constraints)

    def _parts(self, node: dict[str, Any], loc: Location) -> list[tuple[int, Any, tuple[Any, Location]]]:
        """The branches of ``node``'s allOf that say something: (index, branch, branch resolved)."""
        parts = []
        for i, branch in enumerate(node["allOf"] if isinstance(node.get("allOf"), list) else []):
            resolved = self.specs.deref(branch, loc.child("allOf", i))
            if resolved is not None and not _is_empty(resolved[0]):
                parts.append((i, branch, resolved))
        return parts

    def _wraps_ref(self, node: dict[str, Any], parts: list[tuple[int, Any, tuple[Any, Location]]], loc: Location, depth: int = 0) -> bool:
        """Whether ``node`` is only an allOf around one ``$ref`` (or around such a wrapper), with words beside it."""
        if len(parts) != 1 or depth > 16 or not all(isinstance(k, str) for k in node):
            return False
        if any(k not in _ANNOTATIONS and k != "allOf" and not k.startswith("x-") and (k, node[k]) != ("type", "object") for k in node):
            return False
        index, branch, _ = parts[0]
        branch_loc = loc.child("allOf", index)
        if not isinstance(branch, dict):
            return False
        if "$ref" not in branch and not self._wraps_ref(branch, self._parts(branch, branch_loc), branch_loc, depth + 1):
            return False
        # "type: object" beside adds nothing to an object; beside anything else it is a shape of its own.
        return node.get("type") != "object" or self._object_like(branch, branch_loc)

    def _accepts_null(self, node: Any, loc: Location, depth: int = 0) -> bool:
        """Whether ``node`` lets ``null`` through (JSON Schema, with OpenAPI 3.0's ``nullable``)."""
        if not isinstance(node, dict) or depth > 16:
            return node is not False
        if node.get("nullable") is True:
            return True
        if "$ref" in node:
            resolved = self.specs.deref(node, loc)
            return resolved is None or self._accepts_null(resolved[0], resolved[1], depth + 1)
        if "type" in node:
            return "null" in (node["type"] if isinstance(node["type"], list) else [node["type"]])
        values = self._enum_values(node)
        if any(k in node for k in _SHAPES) or (values is not None and None not in values):
            return False
        for key, combine in (("allOf", all), ("anyOf", any), ("oneOf", any)):
            parts = node.get(key)
            if isinstance(parts, list) and not combine(self._accepts_null(p, loc.child(key, i), depth + 1) for i, p in enumerate(parts)):
                return False
        return True

    def _object_like(self, node: Any, loc: Location, depth: int = 0) -> bool:
        if not isinstance(node, dict) or depth > 16:
            return False
        if "$ref" in node:
            resolved = self.specs.deref(node, loc)
            return resolved is not None and self._object_like(resolved[0], resolved[1], depth + 1)
        if node.get("type") == "object" or "properties" in node:
            return True
        if isinstance(node.get("allOf"), list):
            return any(self._object_like(b, loc.child("allOf", i), depth + 1) for i, b in enumerate(node["allOf"]))
        return node.get("type") is None and "additionalProperties" in node and "enum" not in node

    def _draft(self, loc: Location, kind: str, node: Any) -> Draft:
        draft = self.drafts.get(loc.key)
        if draft is None:
            # A 3.1 schema may be a bare true or false: nothing to describe, still a model of its own.
            node = node if isinstance(node, dict) else {}
            component, spec_name = self.hint_for(loc)
            draft = Draft(
                key=loc.key,
                location=loc,
                spec_name=spec_name,
                component=component,
                kind=kind,
                description=text_of(node.get("description") or node.get("title")),
                deprecated=node.get("deprecated") is True,
                constraints=self._constraints(node, loc),
                extensions=extensions_of(node),
            )
            self.drafts[loc.key] = draft
        return draft

    def _object(self, node: dict[str, Any], loc: Location) -> None:
        if loc.key in self.drafts:
            return
        draft = self._draft(loc, "object", node)
        fields: dict[str, dict[str, Any]] = {}
        required: list[str] = []
        additional: list[Any] = []
        self._collect(node, loc, fields, required, additional, set())
        for name in required:
            if name not in fields:
                fields[name] = {"types": [ANY], "node": {}}
        props = []
        attrs_names = allocate(
            ((wire, self._attr_name(wire), (0 if snake(wire) == wire else 1, wire)) for wire in fields),
            fold=str,
        )
        for wire, info in fields.items():
            types = info["types"]
            prop_type = types[0] if all(t == types[0] for t in types) else TypeRef("union", variants=tuple(dict.fromkeys(types)))
            meta = info["node"]
            default, has_default = self._default(meta, prop_type, info.get("loc", loc))
            props.append(
                Property(
                    wire_name=wire,
                    python_name=attrs_names[wire],
                    type=prop_type,
                    required=wire in required,
                    description=text_of(meta.get("description") or meta.get("title")),
                    read_only=meta.get("readOnly") is True,
                    write_only=meta.get("writeOnly") is True,
                    deprecated=meta.get("deprecated") is True,
                    default=default,
                    has_default=has_default,
                )
            )
        draft.properties = props
        closed = additional and all(a is False for a in additional)
        typed = [a for a in additional if isinstance(a, TypeRef)]
        draft.additional = None if closed else (typed[0] if len(typed) == 1 else ANY)

    @staticmethod
    def _attr_name(wire: str) -> str:
        name = snake(wire, fallback="field")
        return name + "_" if name in RESERVED_ATTRIBUTES or name in _ANNOTATION_NAMES else name

    def _collect(self, node: Any, loc: Location, fields: dict[str, dict[str, Any]], required: list[str],
                 additional: list[Any], seen: set[str]) -> None:
        """Gather properties of ``node`` and its allOf branches (followed through $refs)."""
        resolved = self.specs.deref(node, loc)
        if resolved is None:
            return
        node, loc = resolved
        if not isinstance(node, dict) or loc.key in seen:
            return
        seen.add(loc.key)
        for i, branch in enumerate(node.get("allOf") or []):
            self._collect(branch, loc.child("allOf", i), fields, required, additional, seen)
        for wire, prop_type, meta, prop_loc in self._own_properties(node, loc):
            entry = fields.setdefault(wire, {"types": [], "node": meta, "loc": prop_loc})
            if prop_type not in entry["types"]:
                entry["types"].append(prop_type)
        listed = node.get("required")
        for name in listed if isinstance(listed, list) else ():
            if isinstance(name, str) and name not in required:
                required.append(name)
        if "additionalProperties" in node:
            extra = node["additionalProperties"]
            if extra is False:
                additional.append(False)
            elif isinstance(extra, dict) and extra:
                additional.append(self.type_of(extra, loc.child("additionalProperties")))

    def _own_properties(self, node: dict[str, Any], loc: Location) -> list[tuple[str, TypeRef, dict[str, Any], Location]]:
        """The properties a schema declares itself; typed once, however many allOfs include it."""
        cached = self._properties.get(loc.key)
        if cached is not None:
            return cached
        found = []
        props, props_loc = node.get("properties"), loc.child("properties")
        if isinstance(props, dict) and isinstance(props.get("$ref"), str):
            # The whole properties map kept in another file (real specs split this way too).
            props, props_loc = self.specs.deref(props, props_loc) or ({}, props_loc)
        for wire, schema in (props.items() if isinstance(props, dict) else ()):
            prop_loc = props_loc.child(wire)
            meta = schema if isinstance(schema, dict) else {}
            if "$ref" in meta:
                target = self.specs.deref(meta, prop_loc)
                meta = {**(target[0] if target and isinstance(target[0], dict) else {}), **{k: v for k, v in meta.items() if k != "$ref"}}
            found.append((str(wire), self.type_of(schema, prop_loc), meta, prop_loc))
        self._properties[loc.key] = found
        return found

    def _default(self, meta: dict[str, Any], prop_type: TypeRef, loc: Location) -> tuple[Any, bool]:
        if "default" not in meta:
            return None, False
        value = meta["default"]
        if value is None:
            return (None, True) if prop_type.nullable else (None, False)
        if prop_type.kind == "model":
            draft = self.drafts.get(prop_type.ref or "")
            if draft is not None and draft.kind == "enum":
                if any(m.value == value and _json_kind(m.value) == _json_kind(value) for m in draft.members):
                    return value, True
                self.diagnostics.warn(loc.file, loc.pointer + "/default", f"default {value!r} is not one of the enum's values; ignored")
            return None, False
        if prop_type.kind == "string" and prop_type.format in _PARSED_FORMATS:
            # Typed as datetime/date/UUID/bytes, which a plain literal is not; the server applies it anyway.
            return None, False
        if prop_type.kind in _PRIMITIVES:
            if _fits(prop_type.kind, value):
                return value, True
            self.diagnostics.warn(loc.file, loc.pointer + "/default", f"default {value!r} is not of type {prop_type.kind}; ignored")
        return None, False


def extensions_of(node: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    """A node's vendor extensions, kept for codegen plugins and templates that look for them."""
    return tuple(sorted((k, _freeze(v)) for k, v in node.items() if isinstance(k, str) and k.startswith("x-")))


def _freeze(value: Any) -> Any:
    """Constraint values become hashable (lists -> tuples) so types compare and dedupe."""
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((str(k), _freeze(v)) for k, v in value.items()))
    return value


def _json_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "any"


def _fits(kind: str, value: Any) -> bool:
    actual = _json_kind(value)
    return actual == kind or (kind == "number" and actual == "integer")


def text_of(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""
