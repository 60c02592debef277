"""IR types -> Python: annotations, decoding expressions and the imports they need.

Kept apart from the templates so each template only places strings this module
computed; nothing here reads the spec.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .ir import Api, Model, TypeRef
from .layout import split

_PRIMITIVE = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "any": "Any"}
# The class parse_union checks a JSON value against, per kind; "Any" (a nested union) takes any value.
_VARIANT = {**_PRIMITIVE, "array": "list", "map": "dict", "union": "Any"}
# specloom_runtime.UNION_ARITY: parse_union is typed for this many members; longer unions are cast.
_UNION_ARITY = 16
# Members parse_union returns as they came (float is not one: it turns a JSON 1 into 1.0).
_AS_IS = frozenset({"str", "int", "bool", "list", "dict", "bytes"})
_FORMAT = {"date-time": ("datetime.datetime", "parse_datetime", ("datetime", None)),
           "date": ("datetime.date", "parse_date", ("datetime", None)),
           "uuid": ("UUID", "parse_uuid", ("uuid", "UUID"))}


def union_members(annotation: str) -> list[str]:
    """The members of a union annotation: ``list[A | B] | C`` -> ``list[A | B]``, ``C``."""
    return split(annotation, " | ")


@dataclass(slots=True)
class Imports:
    """What one piece of generated code needs: typing names, runtime helpers, stdlib and models."""

    typing: set[str] = field(default_factory=set)
    runtime: set[str] = field(default_factory=set)
    stdlib: set[tuple[str, str | None]] = field(default_factory=set)
    models: dict[str, str] = field(default_factory=dict)  # class -> module

    def statements(self) -> list[tuple[str, str | None]]:
        """Everything but the models, as (module, name) pairs for :func:`import_block`."""
        return [
            *(("typing", n) for n in self.typing),
            *(("specloom_runtime", n) for n in self.runtime),
            *self.stdlib,
        ]

    def model_statements(self, package: str, exclude: set[str] | frozenset[str] = frozenset()) -> list[tuple[str, str | None]]:
        return [(f"{package}.models.{module}", cls) for cls, module in self.models.items() if cls not in exclude]

    def merge(self, other: Imports) -> None:
        self.typing |= other.typing
        self.runtime |= other.runtime
        self.stdlib |= other.stdlib
        for cls, module in other.models.items():
            self.models.setdefault(cls, module)


class PythonTypes:
    """Annotations and decoders for the types of one :class:`Api`."""

    def __init__(self, api: Api) -> None:
        self.api = api

    def model(self, t: TypeRef) -> Model:
        return self.api.models[t.ref or ""]

    def annotation(self, t: TypeRef, imports: Imports) -> str:
        text = self._bare(t, imports)
        if t.nullable and text != "Any" and "None" not in union_members(text):
            text += " | None"
        return text

    def _bare(self, t: TypeRef, imports: Imports) -> str:
        if t.kind == "model":
            model = self.model(t)
            if model.kind == "alias":
                return self.annotation(model.alias or TypeRef("any"), imports)
            imports.models[model.class_name] = model.module
            return model.class_name
        if t.kind == "array":
            return f"list[{self.annotation(t.items or TypeRef('any'), imports)}]"
        if t.kind == "map":
            return f"dict[str, {self.annotation(t.values or TypeRef('any'), imports)}]"
        if t.kind == "union":
            scratch = Imports()
            parts = list(dict.fromkeys(p for v in t.variants for p in union_members(self.annotation(v, scratch))))
            if "Any" in parts:
                imports.typing.add("Any")
                return "Any"
            imports.merge(scratch)
            # None last, as people write it.
            return " | ".join([p for p in parts if p != "None"] + [p for p in parts if p == "None"])
        if t.kind == "string" and t.format in _FORMAT:
            name, _, statement = _FORMAT[t.format]
            imports.stdlib.add(statement)
            return name
        if t.kind == "string" and t.format == "binary":
            return "bytes"
        text = _PRIMITIVE.get(t.kind, "Any")
        if text == "Any":
            imports.typing.add("Any")
        return text

    def decoder(self, t: TypeRef, value: str, imports: Imports, depth: int = 0) -> str:
        """An expression decoding the JSON value ``value`` into ``t``; ``value`` itself when nothing is to do."""
        expr = self._decode_bare(t, value, imports, depth)
        if t.nullable and expr != value:
            return f"None if {value} is None else {expr}"
        return expr

    def _decode_bare(self, t: TypeRef, value: str, imports: Imports, depth: int) -> str:
        if t.kind == "model":
            model = self.model(t)
            if model.kind == "alias":
                return self.decoder(model.alias or TypeRef("any"), value, imports, depth)
            imports.models[model.class_name] = model.module
            return f"{model.class_name}({value})" if model.kind == "enum" else f"{model.class_name}.from_dict({value})"
        if t.kind == "array":
            var = f"x{depth}"
            inner = self.decoder(t.items or TypeRef("any"), var, imports, depth + 1)
            return value if inner == var else f"[{inner} for {var} in {value}]"
        if t.kind == "map":
            var = f"x{depth}"
            inner = self.decoder(t.values or TypeRef("any"), var, imports, depth + 1)
            return value if inner == var else f"{{k{depth}: {inner} for k{depth}, {var} in {value}.items()}}"
        if t.kind == "union":
            scratch = Imports()
            variants = [self._variant(v, scratch) for v in self._leaves(t)]
            if "Any" in variants or all(v in _AS_IS for v in variants):
                # Nothing to decode: the JSON value is already what every member is.
                return value
            imports.merge(scratch)
            imports.runtime.add("parse_union")
            members = list(dict.fromkeys(variants))
            call = f"parse_union({value}, ({', '.join(members)}{',' if len(members) == 1 else ''}))"
            if len(members) <= _UNION_ARITY:
                return call  # typed by parse_union's overloads as the union of its members
            imports.typing.add("cast")
            return f"cast({self.annotation(replace(t, nullable=False), imports)!r}, {call})"
        if t.kind == "string" and t.format in _FORMAT:
            helper = _FORMAT[t.format][1]
            imports.runtime.add(helper)
            return f"{helper}({value})"
        return value

    def _leaves(self, t: TypeRef, depth: int = 0) -> list[TypeRef]:
        """The members of a union, with unions inside it (directly or through aliases) flattened."""
        if t.kind == "model" and depth < 16:
            model = self.model(t)
            if model.kind == "alias" and model.alias is not None and model.alias.kind in ("union", "model"):
                return self._leaves(model.alias, depth + 1)
        if t.kind == "union" and depth < 16:
            return [leaf for v in t.variants for leaf in self._leaves(v, depth + 1)]
        return [t]

    def _variant(self, t: TypeRef, imports: Imports) -> str:
        """What ``parse_union`` tries for one member: a model or enum class, a parser or a JSON type."""
        if t.kind == "model":
            model = self.model(t)
            if model.kind == "alias":
                return self._variant(model.alias or TypeRef("any"), imports)
            imports.models[model.class_name] = model.module
            return model.class_name
        if t.kind == "string" and t.format in _FORMAT:
            helper = _FORMAT[t.format][1]
            imports.runtime.add(helper)
            return helper
        if t.kind == "string" and t.format == "binary":
            return "bytes"  # as annotated; JSON text fits no bytes and is kept as it came
        return _VARIANT.get(t.kind, "Any")

    def body_annotation(self, t: TypeRef, imports: Imports) -> str:
        """Request bodies also take plain JSON values: a dict for a model, a list for an array."""
        text = self.annotation(t, imports)
        target = self.model(t) if t.kind == "model" else None
        if target is not None and target.kind == "object":
            imports.typing.add("Any")
            return f"{text} | dict[str, Any]"
        if t.kind == "array" and "Any" not in text:
            imports.typing.add("Any")
            return f"{text} | list[Any]"
        return text
