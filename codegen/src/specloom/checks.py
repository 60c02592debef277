"""IR types -> plain Python statements that check a JSON value and collect problems.

Generated validators run before a request is built: each problem is a string
``"<path>: <what is wrong>"`` (``body.spec.compute.gpuDevicesRequest: must be >= 0``).
A schema's own checks live in its model module (``validate_<module>``); references
call it through the package's lazily filled table (``_validators``: lower case, so no
operation constant of a group module can take its name), so recursive schemas and lazy
loading both hold. Values are checked as JSON: one that fails a
type check is converted (``as_json``: a model, enum, date or tuple as it will be
sent) and checked again, so plain JSON is never copied. Constraints come from the
IR alone (:attr:`TypeRef.constraints`).
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from .ir import Body, Model, Operation, TypeRef
from .pytypes import Imports, PythonTypes
from .uploads import FILE_CHECK

_JSON_TYPE = {
    "string": ("isinstance({v}, str)", "a string"),
    "integer": ("is_integer({v})", "an integer"),
    "number": ("is_number({v})", "a number"),
    "boolean": ("isinstance({v}, bool)", "a boolean"),
    "array": ("isinstance({v}, list)", "an array"),
    "map": ("isinstance({v}, dict)", "an object"),
}
# How a generated method passes each parameter location to the client's call().
ARGUMENT_KEYS = {"path": "path", "query": "query", "header": "headers", "cookie": "cookies", "variable": "variables"}
_FORMATS = {"uuid": "is_uuid", "date-time": "is_datetime", "date": "is_date", "int32": "is_int32", "int64": "is_int64"}


class CheckWriter:
    """Writes the statements that check one value against one type."""

    def __init__(self, types: PythonTypes, package: str) -> None:
        self.types = types
        self.package = package

    def statements(self, t: TypeRef, value: str, path: str, imports: Imports, depth: int = 0, sink: str = "problems") -> list[str]:
        """Lines (unindented) appending to ``sink`` what is wrong with ``value``; ``path`` is an f-string body."""
        if t.kind == "model" and self.types.model(t).kind == "alias":
            alias = self.types.model(t).alias or TypeRef("any")
            t = TypeRef(alias.kind, alias.format, alias.items, alias.values, alias.ref, alias.variants,
                        alias.nullable or t.nullable, alias.constraints + t.constraints)
        body = self._checks(t, value, path, imports, depth, sink)
        if not body:
            # Only an unconstrained ("any") value has no checks, and JSON Schema's "any" includes null.
            return []
        if t.nullable:
            return _guarded(f"{value} is not None", body)
        return body

    def _checks(self, t: TypeRef, value: str, path: str, imports: Imports, depth: int, sink: str) -> list[str]:
        lines: list[str] = []
        constraints = dict(t.constraints)
        if t.kind == "model":
            imports.runtime.add("validators")
            lines.append(f"_validators[{self.types.model(t).module!r}]({value}, {_literal(path)}, {sink})")
        elif t.kind == "union":
            lines += self._union(t, value, path, imports, depth, sink)
        elif t.kind == "string" and t.format == "binary":
            imports.runtime.add(FILE_CHECK)
            lines.append(f"if not {FILE_CHECK}({value}):")
            lines.append(_append(sink, "    ", f"{path}: must be a file: bytes, a path, a binary file object or an "
                                 "iterator of bytes (a File to name it)"))
        elif t.kind in _JSON_TYPE:
            test, what = _JSON_TYPE[t.kind]
            inner = self._constraints(t, constraints, value, path, imports, depth, sink)
            imports.runtime.update(n for n in ("is_integer", "is_number") if n in test)
            imports.runtime.add("as_json")
            lines.append(f"if {_json_test(test, value)}:")
            lines.append(_append(sink, "    ", f"{path}: must be {what}"))
            lines += _otherwise(inner)
        elif "enum" in constraints:
            lines += self._constraints(t, constraints, value, path, imports, depth, sink)
        return lines

    def _union(self, t: TypeRef, value: str, path: str, imports: Imports, depth: int, sink: str) -> list[str]:
        one_of = dict(t.constraints).get("oneOf") is True
        lines = [f"fits{depth} = 0"]
        for variant in t.variants:
            lines.append(f"tried{depth} = list[str]()")
            lines += self.statements(variant, value, path, imports, depth + 1, f"tried{depth}")
            lines.append(f"fits{depth} += not tried{depth}")
        lines.append(f"if fits{depth} == 0:")
        lines.append(_append(sink, "    ", f"{path}: matches none of the allowed shapes"))
        if one_of:
            lines.append(f"elif fits{depth} > 1:")
            lines.append(_append(sink, "    ", f"{path}: matches more than one of the allowed shapes (oneOf)"))
        return lines

    def _constraints(self, t: TypeRef, c: dict[str, Any], value: str, path: str, imports: Imports, depth: int, sink: str) -> list[str]:
        lines: list[str] = []

        def check(condition: str, message: str) -> None:
            lines.append(f"if {condition}:")
            lines.append(_append(sink, "    ", f"{path}: {message}"))

        if "enum" in c:
            check(*_not_one_of(value, tuple(v for v in c["enum"] if v is not None)))
        if t.kind == "string":
            if isinstance(c.get("minLength"), int):
                check(f"len({value}) < {c['minLength']}", f"must be at least {c['minLength']} characters long")
            if isinstance(c.get("maxLength"), int):
                check(f"len({value}) > {c['maxLength']}", f"must be at most {c['maxLength']} characters long")
            pattern = c.get("pattern")
            if isinstance(pattern, str) and _compiles(pattern):
                imports.stdlib.add(("re", None))
                check(f"re.search({pattern!r}, {value}) is None", _braces(f"must match the pattern {pattern}"))
            fmt = t.format
            if fmt in ("uuid", "date-time", "date"):
                helper = _FORMATS[fmt]
                imports.runtime.add(helper)
                check(f"not {helper}({value})", f"must be a {fmt}")
        if t.kind in ("integer", "number"):
            for key, op, text in (("minimum", "<", ">="), ("maximum", ">", "<="), ("exclusiveMinimum", "<=", ">"), ("exclusiveMaximum", ">=", "<")):
                bound = c.get(key)
                if isinstance(bound, (int, float)) and not isinstance(bound, bool):
                    check(f"{value} {op} {bound!r}", f"must be {text} {bound!r}")
            step = c.get("multipleOf")
            if isinstance(step, (int, float)) and not isinstance(step, bool) and step > 0:
                imports.runtime.add("is_multiple")
                check(f"not is_multiple({value}, {step!r})", f"must be a multiple of {step!r}")
            if t.format in ("int32", "int64") and t.kind == "integer":
                helper = _FORMATS[t.format]
                imports.runtime.add(helper)
                check(f"not {helper}({value})", f"must fit in {t.format}")
        if t.kind == "array":
            if isinstance(c.get("minItems"), int):
                check(f"len({value}) < {c['minItems']}", f"must have at least {c['minItems']} items")
            if isinstance(c.get("maxItems"), int):
                check(f"len({value}) > {c['maxItems']}", f"must have at most {c['maxItems']} items")
            if c.get("uniqueItems") is True:
                imports.runtime.add("has_duplicates")
                check(f"has_duplicates({value})", "must not repeat items")
            item = f"x{depth}"
            inner = self.statements(t.items or TypeRef("any"), item, f"{path}[{{i{depth}}}]", imports, depth + 1, sink)
            if inner:
                lines += _loop(f"for i{depth}, {item} in enumerate({value}):", item, inner, depth, imports)
        if t.kind == "map":
            lines += _property_counts(c, value, path, imports, sink)
            item = f"x{depth}"
            inner = self.statements(t.values or TypeRef("any"), item, f"{path}.{{k{depth}}}", imports, depth + 1, sink)
            if inner:
                lines += _loop(f"for k{depth}, {item} in {value}.items():", item, inner, depth, imports)
        return lines

    def operation_function(self, op: Operation, imports: Imports) -> list[str]:
        """The body of a group module's ``_validate_<method>(arguments)``: parameters (GraphQL variables too),
        then the body."""
        lines = ["problems: list[str] = []"]
        for location, key in ARGUMENT_KEYS.items():
            params = [p for p in op.parameters if p.location == location]
            if not params:
                continue
            given = f"{location}_values"
            lines.append(f"{given} = arguments.get({key!r}) or {{}}")
            for param in params:
                where = "variables" if location == "variable" else location  # as the GraphQL request names them
                inner = self.statements(param.type, "v", f"{where}.{_braces(param.wire_name)}", imports, 1)
                if inner:
                    lines += [f"v = {given}.get({param.wire_name!r}, UNSET)", *_guarded("v is not UNSET", inner)]
        if op.body is not None and ("json" in op.body.media_type or _uploaded(op.body.type, op.body.media_type)):
            inner = self.statements(op.body.type, "v", "body", imports, 1)
            if inner and op.body.media_type.startswith("multipart/form-data"):
                # Checked as sent: a model's fields by wire name, its files as they are (not as JSON).
                imports.runtime.add("form_fields")
                lines += ['v = form_fields(arguments.get("body", UNSET))', *_guarded("v is not UNSET", inner)]
            elif inner:
                lines += ['v = arguments.get("body", UNSET)', *_guarded("v is not UNSET", inner)]
        if op.body is not None and op.body.media_type.startswith("multipart/form-data"):
            lines += self._part_headers(op.body, imports)
        if len(lines) == 1:
            return []
        imports.runtime.add("UNSET")
        return [*lines, "return problems"]

    def _part_headers(self, body: Body, imports: Imports) -> list[str]:
        """Checks of the headers a caller gives each part (``File(headers=...)``, ``Part(headers=...)``) against the
        spec's ``encoding.<property>.headers``: a required one is there, each value fits its schema."""
        lines: list[str] = []
        for encoding in body.encoding:
            inner: list[str] = []
            for header in encoding.headers:
                where = "{where}.headers." + _braces(header.name)
                checks = self.statements(header.type, "h", where, imports, 1)
                inner.append(f"h = given.get({header.name.lower()!r}, UNSET)")
                if header.required:
                    inner += ["if h is UNSET:", _append("problems", "    ", f"{where}: is required"), *_otherwise(checks)]
                elif checks:
                    inner += _guarded("h is not UNSET", checks)
            if inner:
                imports.runtime.add("part_headers")
                lines += [f'for where, given in part_headers(arguments.get("body", UNSET), {encoding.name!r}):',
                          *_indent(inner)]
        return lines

    def model_function(self, model: Model, imports: Imports) -> list[str]:
        """The body of a model module's ``validate(value, path, problems)``."""
        if model.kind == "enum":
            condition, message = _not_one_of("value", tuple(m.value for m in model.members))
            return [f"if {condition}:", _append("problems", "    ", "{path}: " + message)]
        if model.kind == "alias":
            return self.statements(model.alias or TypeRef("any"), "value", "{path}", imports) or ["return"]
        imports.runtime.add("as_json")
        lines = [f"if {_json_test('isinstance({v}, dict)', 'value')}:", _append("problems", "    ", "{path}: must be an object"), "    return"]
        lines += _property_counts(dict(model.constraints), "value", "{path}", imports, "problems")
        for prop in model.properties:
            key = repr(prop.wire_name)
            where = "{path}." + _braces(prop.wire_name)
            inner = self.statements(prop.type, "v", where, imports, 1)
            # A key holding UNSET is left out when sent (to_jsonable), so it counts as absent.
            if prop.required and not prop.read_only:
                imports.runtime.add("UNSET")
                # v is bound only for the checks of its value that follow, if any (a JSON scalar of any type has none).
                present = f"(v := value[{key}])" if inner else f"value[{key}]"
                lines += [f"if {key} not in value or {present} is UNSET:", _append("problems", "    ", f"{where}: is required")]
                lines += _otherwise(inner)
            elif inner:
                imports.runtime.add("UNSET")
                lines += _guarded(f"{key} in value and (v := value[{key}]) is not UNSET", inner)
        # Properties the schema names are checked above; what else an object holds is checked here.
        known = "{" + ", ".join(repr(p.wire_name) for p in model.properties) + "}"
        if model.additional is None:
            refusal = [_append("problems", "", "{path}.{k}: is not allowed (no additional properties)")]
            lines += ["for k in value:", *_indent(_guarded(f"k not in {known}", refusal) if model.properties else refusal)]
        elif model.additional.kind != "any" or model.additional.constraints:
            inner = self.statements(model.additional, "x", "{path}.{k}", imports, 1)
            if inner:
                lines += ["for k, x in value.items():", *_indent(_guarded(f"k not in {known}", inner) if model.properties else inner)]
        return lines


def _uploaded(t: TypeRef, media_type: str) -> bool:
    """A multipart body, or a binary one (``format: binary``): checked like JSON ones, files as files."""
    return media_type.startswith("multipart/form-data") or (t.kind == "string" and t.format == "binary")


#: Loops nested in one function before the next level gets a function of its own: CPython
#: refuses more than 20 statically nested blocks in one function, and real specs nest deeply.
_LOOPS_PER_FUNCTION = 8


def _loop(header: str, item: str, inner: list[str], depth: int, imports: Imports) -> list[str]:
    """``for ...:`` checking each item with ``inner``; every few levels through a nested function."""
    if depth == 0 or depth % _LOOPS_PER_FUNCTION:
        return [header, *_indent(inner)]
    imports.typing.add("Any")
    return [f"def check{depth}({item}: Any) -> None:", *_indent(inner), header, f"    check{depth}({item})"]


def _property_counts(c: dict[str, Any], value: str, path: str, imports: Imports, sink: str) -> list[str]:
    """minProperties/maxProperties of an object ``value`` known to be a dict."""
    lines: list[str] = []
    for key, op, text in (("minProperties", "<", "at least"), ("maxProperties", ">", "at most")):
        bound = c.get(key)
        if isinstance(bound, int) and not isinstance(bound, bool):
            imports.runtime.add("count_present")
            lines += [f"if count_present({value}) {op} {bound}:", _append(sink, "    ", f"{path}: must have {text} {bound} properties")]
    return lines


def _not_one_of(value: str, allowed: tuple[Any, ...]) -> tuple[str, str]:
    """The test that ``value`` is not in an enum, and its message (an f-string body)."""
    shown = ", ".join(repr(v) for v in allowed[:8]) + (", ..." if len(allowed) > 8 else "")
    test = f"{value} not in {allowed!r}"
    # Python's "in" finds True among 1s and 1 among Trues; JSON Schema's enum does not.
    numbers = any(isinstance(v, (int, float)) and not isinstance(v, bool) for v in allowed)
    booleans = any(isinstance(v, bool) for v in allowed)
    if numbers != booleans:
        test += f" or {'' if numbers else 'not '}isinstance({value}, bool)"
    return test, _braces(f"must be one of {shown}")


def _json_test(test: str, value: str) -> str:
    """The failing side of a JSON type test; a value that fails it is converted once and tried again."""
    return f"not {test.format(v=value)} and not {test.format(v=f'{value} := as_json({value})')}"


_PLACEHOLDER = re.compile(r"(?<!\{)\{(?!\{)")


def _literal(text: str) -> str:
    """``text`` (an f-string body, spec text already escaped) as Python: an f-string only if it has placeholders."""
    if _PLACEHOLDER.search(text.replace("{{", "")):
        return f'f"{text}"'
    return '"' + text.replace("{{", "{").replace("}}", "}") + '"'


def _append(sink: str, indent: str, text: str) -> str:
    return f"{indent}{sink}.append({_literal(text)})"


def _single_if(lines: list[str]) -> bool:
    """One ``if`` statement with no ``elif``/``else``: its first line alone is unindented."""
    return bool(lines) and lines[0].startswith("if ") and all(line.startswith("    ") for line in lines[1:])


def _guarded(condition: str, body: list[str]) -> list[str]:
    """``body`` run only when ``condition`` holds: one ``if``, not an ``if`` nested in an ``if``."""
    if _single_if(body):
        inner = body[0][3:-1]
        return [f"if {condition} and {inner if _only_ands(inner) else f'({inner})'}:", *body[1:]]
    return [f"if {condition}:", *_indent(body)]


def _only_ands(condition: str) -> bool:
    """Whether ``condition`` joins its parts with ``and`` alone, outside brackets and strings (no parentheses needed)."""
    if " or " not in condition and " if " not in condition:
        return True  # most conditions: no need to scan for brackets and strings
    depth, quote, i = 0, "", 0
    while i < len(condition):
        ch = condition[i]
        if quote:
            i += ch == "\\"
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif depth == 0 and condition.startswith((" or ", " if "), i):
            return False
        i += 1
    return True


def _otherwise(body: list[str]) -> list[str]:
    """``body`` as the ``else`` of the ``if`` just written: an ``elif`` when it is one ``if``."""
    if _single_if(body):
        return ["el" + body[0], *body[1:]]
    return ["else:", *_indent(body)] if body else []


def _indent(lines: list[str]) -> list[str]:
    return ["    " + line for line in lines]


def _braces(text: str) -> str:
    """Spec text placed inside a generated f-string: braces doubled, quotes and backslashes escaped."""
    escaped = text.replace("\\", "\\\\").replace("{", "{{").replace("}", "}}").replace('"', '\\"').replace("\n", " ")
    if escaped.isprintable():
        return escaped
    # CR, NUL, other control characters and separators never reach the source raw: the
    # message shows their escapes (a raw CR ends the literal, a NUL makes the file unreadable).
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode().replace("\\", "\\\\") for ch in escaped)


def _compiles(pattern: str) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)  # "possible nested set": valid today, and compiled as such
            re.compile(pattern)
    except re.error:
        return False
    return True
