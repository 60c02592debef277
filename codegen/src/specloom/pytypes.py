"""IR types -> Python: annotations, decoding codecs and the imports they need.

Kept apart from the templates so each template only places strings this module
computed; nothing here reads the spec.
"""

from __future__ import annotations

from .ir import Api, Model, TypeRef
from .layout import split
from .uploads import FILE_TYPE

_PRIMITIVE = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "any": "Any"}
# The specloom_runtime.decoding codec of each JSON kind that is kept as it is.
_CODEC = {"string": "STRING", "integer": "INTEGER", "number": "NUMBER", "boolean": "BOOLEAN", "any": "ANY"}
# Annotation, codec and the import the annotation needs, per string format read into a Python value.
_FORMAT = {"date-time": ("datetime.datetime", "DATE_TIME", ("datetime", None)),
           "date": ("datetime.date", "DATE", ("datetime", None)),
           "uuid": ("UUID", "UUID_TEXT", ("uuid", "UUID"))}
# How deep aliases may refer to aliases before a codec gives up checking (a self-referring alias).
_DEPTH = 16


def union_members(annotation: str) -> list[str]:
    """The members of a union annotation: ``list[A | B] | C`` -> ``list[A | B]``, ``C``."""
    return split(annotation, " | ")


class Imports:
    """What one piece of generated code needs: typing names, runtime helpers, stdlib and models."""

    __slots__ = ("models", "runtime", "stdlib", "typing")

    def __init__(self) -> None:
        self.typing: set[str] = set()
        self.runtime: set[str] = set()
        self.stdlib: set[tuple[str, str | None]] = set()
        self.models: dict[str, str] = {}  # class -> module

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
    """Annotations and codecs for the types of one :class:`Api`."""

    def __init__(self, api: Api) -> None:
        self.api = api
        #: While set, the key of every model looked up is added to it (see :mod:`specloom.rendered_models`).
        self.seen: set[str] | None = None

    def model(self, t: TypeRef) -> Model:
        key = t.ref or ""
        if self.seen is not None:
            self.seen.add(key)
        return self.api.models[key]

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
            imports.runtime.add(FILE_TYPE)  # a File, bytes, a path, a binary file or an iterator of bytes
            return FILE_TYPE
        text = _PRIMITIVE.get(t.kind, "Any")
        if text == "Any":
            imports.typing.add("Any")
        return text

    def codec(self, t: TypeRef, imports: Imports, depth: int = 0) -> str:
        """An expression for the ``specloom_runtime.decoding`` codec that reads JSON values of ``t``."""
        expr = self._codec_bare(t, imports, depth)
        if t.nullable and expr != "ANY":
            imports.runtime.add("nullable")
            expr = f"nullable({expr})"
        return expr

    def _codec_bare(self, t: TypeRef, imports: Imports, depth: int) -> str:
        if depth > _DEPTH:  # an alias that refers to itself: nothing left to check
            return self._plain("any", imports)
        if t.kind == "model":
            model = self.model(t)
            if model.kind == "alias":
                return self.codec(model.alias or TypeRef("any"), imports, depth + 1)
            imports.models[model.class_name] = model.module
            helper = "enum_of" if model.kind == "enum" else "model_of"
            imports.runtime.add(helper)
            return f"{helper}({model.class_name})"
        if t.kind in ("array", "map"):
            helper = "list_of" if t.kind == "array" else "map_of"
            imports.runtime.add(helper)
            return f"{helper}({self.codec((t.items if t.kind == 'array' else t.values) or TypeRef('any'), imports, depth + 1)})"
        if t.kind == "union":
            scratch = Imports()
            members = list(dict.fromkeys(self.codec(v, scratch, depth + 1) for v in t.variants))
            if "ANY" in members:
                return self._plain("any", imports)
            imports.merge(scratch)
            imports.runtime.add("union_of")
            return f"union_of({', '.join(members)})"
        if t.kind == "string" and t.format in _FORMAT:
            name = _FORMAT[t.format][1]
            imports.runtime.add(name)
            return name
        return self._plain(t.kind, imports)

    def _plain(self, kind: str, imports: Imports) -> str:
        name = _CODEC.get(kind, "ANY")
        imports.runtime.add(name)
        return name

    def parameter_annotation(self, t: TypeRef, imports: Imports) -> str:
        """Parameters also take the text of a uuid, date or date-time: it is sent as given, once validated."""
        text = self.annotation(t, imports)
        if t.kind == "string" and t.format in _FORMAT:
            first, *rest = union_members(text)
            return " | ".join([first, "str", *rest])
        return text

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
