"""Helpers of the Prism conformance test: the Prism mock server, and schema-valid values built from a raw spec.

Prism (``@stoplight/prism-cli``, pinned in ``tests/prism/package.json``) is installed
with ``npm ci --prefix tests/prism`` (``./dev test`` does it). :class:`PrismServer`
starts it once on a free loopback port; every answer carries Prism's verdict on the
request in its ``sl-violations`` header.

:class:`ExampleBuilder` turns a JSON schema of the raw spec (``$ref`` resolved here,
not by the generator) into one deterministic instance: ``allOf`` merged, the first
``oneOf``/``anyOf`` branch, the first enum value, formats and patterns honoured,
required properties only. Every candidate it considers is checked with
:func:`validate`, a small validator of the JSON-schema subset the spec uses, so a
value it returns fits its schema as far as this module can tell.
"""

from __future__ import annotations

import base64
import itertools
import json
import math
import re
import re._constants as sre_c  # type: ignore[import-not-found]  # the stdlib regex parser's tree
import re._parser as sre_parse  # type: ignore[import-not-found]
import shutil
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

from tests.conformance.npm_tools import NPM_DIR, NpmTool

PRISM_DIR = NPM_DIR
PRISM_PACKAGE = "@stoplight/prism-cli"


# -- installing and running Prism -------------------------------------------------------------------


#: Prism, pinned in tests/prism/package.json; the oldest Node it supports is its package.json's "engines".
PRISM = NpmTool("Prism", PRISM_PACKAGE, "prism", (18, 20, 1))
prism_version, prism_entry, prism_unavailable = PRISM.version, PRISM.entry, PRISM.unavailable


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PrismServer:
    """``prism mock SPEC`` on 127.0.0.1 and a free port; its output goes to ``log``.

    Node runs Prism's entry script directly (no shell, no npx), so the process
    started is Prism's own and :meth:`stop` ends exactly it. Request validation is
    on by default in mock mode; ``--errors`` is not given, so a response Prism
    judges against its own mock is still served (such violations are not ours).
    """

    def __init__(self, spec: Path, log: Path) -> None:
        self.spec = spec
        self.log = log
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        self.startup_seconds = 0.0

    def start(self, timeout: float = 120.0) -> None:
        node = shutil.which("node")
        assert node is not None, "node is not on PATH"
        command = [node, str(prism_entry()), "mock", str(self.spec), "-h", "127.0.0.1", "-p", str(self.port)]
        started = time.monotonic()
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
        deadline = started + timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"Prism exited with {self.process.returncode} while starting:\n{self.log_tail()}")
            if self._answers():
                self.startup_seconds = time.monotonic() - started
                return
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(
                    f"Prism did not answer on {self.base_url} within {timeout:.0f} s:\n{self.log_tail()}"
                )
            time.sleep(0.25)

    def _answers(self) -> bool:
        try:
            # Any HTTP answer will do (Prism says 404 NO_PATH_MATCHED for "/").
            httpx.get(self.base_url + "/", timeout=2.0)
        except httpx.HTTPError:
            return False
        return True

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError as exc:
            return f"(no log: {exc})"


def violations(response: httpx.Response) -> list[dict[str, Any]]:
    """Prism's findings about one exchange (the ``sl-violations`` header), request- and response-side."""
    raw = response.headers.get("sl-violations")
    if not raw:
        return []
    found = json.loads(raw)
    return found if isinstance(found, list) else [found]


def is_request_side(violation: dict[str, Any]) -> bool:
    location = violation.get("location")
    return isinstance(location, list) and bool(location) and location[0] == "request"


def describe(violation: dict[str, Any]) -> str:
    where = ".".join(str(part) for part in violation.get("location") or [])
    return f"{where}: {violation.get('message')} [{violation.get('code')}]"


def prism_error(response: httpx.Response) -> str | None:
    """The type of a problem Prism itself reports (``NO_PATH_MATCHED_ERROR``...), if the answer is one."""
    if "problem+json" not in response.headers.get("content-type", ""):
        return None
    try:
        kind = response.json().get("type", "")
    except (ValueError, AttributeError):
        return None
    return kind.rsplit("#", 1)[-1] if "stoplight.io/prism/errors#" in kind else None


# -- reading the raw spec ---------------------------------------------------------------------------


class Unbuildable(Exception):
    """No value satisfying the schema could be built; the message says where and why."""


def pointer_get(document: Any, ref: str) -> Any:
    if not ref.startswith("#"):
        raise Unbuildable(f"cannot resolve non-local $ref {ref!r}")
    target = document
    for part in ref[1:].split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        target = target[int(part)] if isinstance(target, list) else target[part]
    return target


def resolve(spec: dict[str, Any], node: Any) -> Any:
    """Follow a ``$ref`` chain to the node it names (OpenAPI 3.0: siblings of ``$ref`` are ignored)."""
    seen: set[str] = set()
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if ref in seen:
            raise Unbuildable(f"$ref cycle at {ref}")
        seen.add(ref)
        node = pointer_get(spec, ref)
    return node


HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def parameters(spec: dict[str, Any], path: str, method: str) -> list[dict[str, Any]]:
    """The operation's parameters: path-level ones overridden by operation-level ones of the same (in, name)."""
    item = spec["paths"][path]
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for owner in (item, item[method.lower()]):
        for raw in owner.get("parameters") or []:
            param = resolve(spec, raw)
            merged[(param["in"], param["name"])] = param
    return list(merged.values())


def request_body(spec: dict[str, Any], path: str, method: str) -> tuple[str, dict[str, Any], bool] | None:
    """(media type, schema, required) of the operation's request body, JSON preferred; ``None`` without one."""
    op = spec["paths"][path][method.lower()]
    if "requestBody" not in op:
        return None
    body = resolve(spec, op["requestBody"])
    content = body.get("content") or {}
    if not content:
        return None
    media = next((m for m in content if "json" in m), next(iter(content)))
    return media, content[media].get("schema") or {}, body.get("required") is True


# -- a validator of the JSON-schema subset the spec uses --------------------------------------------

INT_RANGES = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}
UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
DATE_TIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
FORMAT_CHECKS = {
    "uuid": UUID_RE.match,
    "date-time": DATE_TIME_RE.match,
    "date": re.compile(r"^\d{4}-\d{2}-\d{2}$").match,
    "time": re.compile(r"^\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?$").match,
    "email": re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$").match,
    "uri": re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*$").match,
    "hostname": re.compile(
        r"^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$"
    ).match,
    "ipv4": re.compile(r"^((25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(25[0-5]|2[0-4]\d|1?\d?\d)$").match,
    "byte": re.compile(r"^[A-Za-z0-9+/]*={0,2}$").match,
}


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "integer" if value.is_integer() else "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def validate(spec: dict[str, Any], schema: Any, value: Any, where: str = "$", depth: int = 0) -> list[str]:
    """What is wrong with ``value`` sent in a request under ``schema``; empty when it fits.

    OpenAPI 3.0 semantics: ``nullable``, and a required ``readOnly`` property need
    not be sent.
    """
    if depth > 60:
        return [f"{where}: schema nesting too deep to check"]
    schema = resolve(spec, schema)
    if not isinstance(schema, dict):
        return []
    errors: list[str] = []
    for part in schema.get("allOf") or []:
        errors += validate(spec, part, value, where, depth + 1)
    if value is None and schema.get("nullable") is True:
        return errors
    for keyword in ("oneOf", "anyOf"):
        options = schema.get(keyword)
        if options:
            fits = sum(not validate(spec, option, value, where, depth + 1) for option in options)
            if fits == 0 or (keyword == "oneOf" and fits > 1):
                errors.append(f"{where}: {fits} of the {keyword} branches fit")
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{where}: {value!r} is not one of {schema['enum']!r}")
    kind = schema.get("type")
    actual = json_type(value)
    if isinstance(kind, str) and not (actual == kind or (kind == "number" and actual == "integer")):
        return [*errors, f"{where}: expected {kind}, got {actual}"]
    if actual == "string":
        errors += _string_errors(schema, value, where)
    elif actual in ("integer", "number"):
        errors += _number_errors(schema, value, where)
    elif actual == "array":
        if len(value) < schema.get("minItems", 0):
            errors.append(f"{where}: fewer than {schema['minItems']} items")
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            errors.append(f"{where}: more than {schema['maxItems']} items")
        if schema.get("uniqueItems") and len({json.dumps(v, sort_keys=True) for v in value}) != len(value):
            errors.append(f"{where}: items are not unique")
        if "items" in schema:
            for i, item in enumerate(value):
                errors += validate(spec, schema["items"], item, f"{where}[{i}]", depth + 1)
    elif actual == "object":
        errors += _object_errors(spec, schema, value, where, depth)
    return errors


def _string_errors(schema: dict[str, Any], value: str, where: str) -> list[str]:
    errors = []
    if len(value) < schema.get("minLength", 0):
        errors.append(f"{where}: shorter than {schema['minLength']}")
    if "maxLength" in schema and len(value) > schema["maxLength"]:
        errors.append(f"{where}: longer than {schema['maxLength']}")
    pattern = schema.get("pattern")
    if isinstance(pattern, str):
        try:
            if not re.search(pattern, value):
                errors.append(f"{where}: {value!r} does not match {pattern!r}")
        except re.error as exc:
            errors.append(f"{where}: pattern {pattern!r} does not compile ({exc})")
    check = FORMAT_CHECKS.get(str(schema.get("format")))
    if check is not None and not check(value):
        errors.append(f"{where}: {value!r} is not a valid {schema['format']}")
    return errors


def _number_errors(schema: dict[str, Any], value: float, where: str) -> list[str]:
    errors = []
    low, high = schema.get("minimum"), schema.get("maximum")
    if isinstance(low, (int, float)) and (value < low or (schema.get("exclusiveMinimum") is True and value == low)):
        errors.append(f"{where}: {value} is below the minimum {low}")
    if isinstance(high, (int, float)) and (value > high or (schema.get("exclusiveMaximum") is True and value == high)):
        errors.append(f"{where}: {value} is above the maximum {high}")
    step = schema.get("multipleOf")
    if isinstance(step, (int, float)) and step > 0 and not math.isclose(value / step, round(value / step)):
        errors.append(f"{where}: {value} is not a multiple of {step}")
    bounds = INT_RANGES.get(str(schema.get("format")))
    if bounds and schema.get("type") == "integer" and not bounds[0] <= value <= bounds[1]:
        errors.append(f"{where}: {value} is out of {schema['format']} range")
    return errors


def _object_errors(
    spec: dict[str, Any], schema: dict[str, Any], value: dict[str, Any], where: str, depth: int
) -> list[str]:
    errors = []
    properties = schema.get("properties") or {}
    for name in schema.get("required") or []:
        if name not in value and not (name in properties and _read_only(spec, properties[name])):
            errors.append(f"{where}: required property {name!r} is missing")
    extra = schema.get("additionalProperties", True)
    for name, item in value.items():
        if name in properties:
            errors += validate(spec, properties[name], item, f"{where}.{name}", depth + 1)
        elif extra is False:
            errors.append(f"{where}: property {name!r} is not allowed")
        elif isinstance(extra, dict):
            errors += validate(spec, extra, item, f"{where}.{name}", depth + 1)
    if len(value) < schema.get("minProperties", 0):
        errors.append(f"{where}: fewer than {schema['minProperties']} properties")
    return errors


# -- strings for a regular expression ---------------------------------------------------------------

_CHAR_POOL = "aA0b1_-.:/ "
_CATEGORY_CHARS = {
    sre_c.CATEGORY_DIGIT: "0",
    sre_c.CATEGORY_NOT_DIGIT: "a",
    sre_c.CATEGORY_WORD: "a",
    sre_c.CATEGORY_NOT_WORD: "-",
    sre_c.CATEGORY_SPACE: " ",
    sre_c.CATEGORY_NOT_SPACE: "a",
}
_CATEGORY_TESTS: dict[Any, re.Pattern[str]] = {
    sre_c.CATEGORY_DIGIT: re.compile(r"\d"),
    sre_c.CATEGORY_NOT_DIGIT: re.compile(r"\D"),
    sre_c.CATEGORY_WORD: re.compile(r"\w"),
    sre_c.CATEGORY_NOT_WORD: re.compile(r"\W"),
    sre_c.CATEGORY_SPACE: re.compile(r"\s"),
    sre_c.CATEGORY_NOT_SPACE: re.compile(r"\S"),
}


def _in_set(items: list[tuple[Any, Any]], char: str) -> bool:
    negate = False
    hit = False
    for op, arg in items:
        if op is sre_c.NEGATE:
            negate = True
        elif op is sre_c.LITERAL:
            hit = hit or ord(char) == arg
        elif op is sre_c.RANGE:
            hit = hit or arg[0] <= ord(char) <= arg[1]
        elif op is sre_c.CATEGORY:
            hit = hit or (arg in _CATEGORY_TESTS and _CATEGORY_TESTS[arg].match(char) is not None)
    return hit != negate


def _set_chars(items: list[tuple[Any, Any]]) -> list[str]:
    own = []
    for op, arg in items:
        if op is sre_c.LITERAL:
            own.append(chr(arg))
        elif op is sre_c.RANGE:
            own.append(chr(arg[0]))
        elif op is sre_c.CATEGORY:
            own.append(_CATEGORY_CHARS.get(arg, "a"))
    chars = [c for c in dict.fromkeys(own + list(_CHAR_POOL)) if _in_set(items, c)]
    return chars[:2]


def _sequence(nodes: Any) -> Iterator[str]:
    """Strings the parsed sequence ``nodes`` may match, shortest choices first (lookarounds unchecked)."""
    options = [list(itertools.islice(_node(op, arg), 4)) for op, arg in nodes]
    for combo in itertools.islice(itertools.product(*options), 200):
        yield "".join(combo)


def _node(op: Any, arg: Any) -> Iterator[str]:
    if op is sre_c.LITERAL:
        yield chr(arg)
    elif op is sre_c.NOT_LITERAL:
        yield from (c for c in "ab" if ord(c) != arg)
    elif op is sre_c.ANY:
        yield "a"
    elif op is sre_c.IN:
        yield from _set_chars(arg)
    elif op is sre_c.CATEGORY:
        yield _CATEGORY_CHARS.get(arg, "a")
    elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT):
        low, high, sub = arg
        subs = list(itertools.islice(_sequence(sub), 2)) or [""]
        counts = [low, low + 1, low + 8] if high is sre_c.MAXREPEAT else [low, min(low + 1, high), min(low + 8, high)]
        for count in dict.fromkeys(counts):
            for s in subs:
                yield s * count
    elif op is sre_c.SUBPATTERN:
        yield from _sequence(arg[-1])
    elif op is sre_c.ATOMIC_GROUP:
        yield from _sequence(arg)
    elif op is sre_c.BRANCH:
        for alternative in arg[1]:
            yield from itertools.islice(_sequence(alternative), 3)
    else:  # AT (anchors), ASSERT, ASSERT_NOT, GROUPREF...: checked on the whole string instead
        yield ""


def pattern_candidates(pattern: str) -> list[str]:
    """Strings for which ``re.search(pattern, s)`` holds, shortest-choice first (may be empty)."""
    try:
        parsed = sre_parse.parse(pattern)
        compiled = re.compile(pattern)
    except re.error:
        return []
    return [s for s in dict.fromkeys(itertools.islice(_sequence(list(parsed)), 400)) if compiled.search(s)]


# -- building values --------------------------------------------------------------------------------

DATE_TIME = "2024-05-01T10:00:00Z"
FORMAT_VALUES = {
    "date-time": DATE_TIME,
    "date": "2024-05-01",
    "time": "10:00:00Z",
    "email": "user@example.com",
    "uri": "https://example.com/resource",
    "url": "https://example.com/resource",
    "hostname": "example.com",
    "ipv4": "192.0.2.10",
    "ipv6": "2001:db8::1",
    "byte": base64.b64encode(b"specloom").decode(),
    "password": "secret-value-1",
}


class ExampleBuilder:
    """Deterministic schema-valid instances of the raw spec's schemas, for requests.

    A required ``readOnly`` property is left out (OpenAPI 3.0: its ``required``
    applies to responses only) unless ``read_only`` asks for it.
    """

    def __init__(self, spec: dict[str, Any], *, read_only: bool = False) -> None:
        self.spec = spec
        self.read_only = read_only

    # Schemas are merged into one flat dict: $ref resolved, allOf folded, the first oneOf/anyOf branch taken.
    def flatten(self, schema: Any, depth: int = 0) -> dict[str, Any]:
        if depth > 40:
            raise Unbuildable("schema nesting too deep (a required self-reference?)")
        schema = resolve(self.spec, schema)
        if not isinstance(schema, dict):
            raise Unbuildable(f"schema is not an object: {schema!r}")
        own = {k: v for k, v in schema.items() if k not in ("allOf", "oneOf", "anyOf")}
        parts = [self.flatten(part, depth + 1) for part in schema.get("allOf") or []]
        for keyword in ("oneOf", "anyOf"):
            options = schema.get(keyword)
            if options:
                parts.append(self.flatten(options[0], depth + 1))
        merged: dict[str, Any] = {}
        for part in [*parts, own]:
            merged = merge(merged, part)
        return merged

    def build(self, schema: Any, where: str = "$", variant: int = 0, depth: int = 0) -> Any:
        """One instance of ``schema``; raises :class:`Unbuildable` naming ``where`` when none is found."""
        if depth > 40:
            raise Unbuildable(f"{where}: nesting too deep (a required self-reference?)")
        flat = self.flatten(schema)
        problems = ["no candidate"]
        for candidate in self._candidates(flat, where, variant, depth):
            problems = validate(self.spec, schema, candidate)
            if not problems:
                return candidate
        raise Unbuildable(f"{where}: no value fits the schema ({'; '.join(problems[:3])})")

    def _candidates(self, flat: dict[str, Any], where: str, variant: int, depth: int) -> Iterator[Any]:
        enum = [v for v in flat.get("enum") or [] if v is not None]
        if enum:
            yield enum[variant % len(enum)]
            yield from enum
            return
        kind = flat.get("type") or _implied_type(flat)
        if kind in ("string", "integer", "number") and variant == 0:
            for key in ("example", "default"):
                if key in flat and flat[key] is not None:
                    yield flat[key]
        if kind == "string":
            yield from self._strings(flat, variant)
        elif kind == "integer":
            yield from _numbers(flat, variant, integer=True)
        elif kind == "number":
            yield from _numbers(flat, variant, integer=False)
        elif kind == "boolean":
            yield True
        elif kind == "array":
            yield self._array(flat, where, depth)
        elif kind == "object":
            yield self._object(flat, where, depth)
        else:
            yield "value"

    def _strings(self, flat: dict[str, Any], variant: int) -> Iterator[str]:
        fmt = str(flat.get("format"))
        if fmt == "uuid":
            yield str(uuid.UUID(int=0x3FA85F64_5717_4562_B3FC_2C963F66AF00 + variant))
        elif fmt in FORMAT_VALUES:
            yield FORMAT_VALUES[fmt]
        pattern = flat.get("pattern")
        low, high = flat.get("minLength", 0), flat.get("maxLength")
        base = f"value{variant}" if variant else "value"
        if isinstance(pattern, str):
            for found in pattern_candidates(pattern):
                yield found + (found[-1:] or "a") * max(0, low - len(found)) if found else "a" * low
            return
        text = base + "x" * max(0, low - len(base))
        yield text[:high] if isinstance(high, int) and high >= low else text

    def _array(self, flat: dict[str, Any], where: str, depth: int) -> list[Any]:
        count = max(int(flat.get("minItems", 0)), 1)
        if isinstance(flat.get("maxItems"), int):
            count = min(count, flat["maxItems"])
        items = flat.get("items", {})
        return [self.build(items, f"{where}[{i}]", variant=i, depth=depth + 1) for i in range(count)]

    def _object(self, flat: dict[str, Any], where: str, depth: int) -> dict[str, Any]:
        properties = flat.get("properties") or {}
        result: dict[str, Any] = {}
        names = list(dict.fromkeys(flat.get("required") or []))
        # minProperties: top up with optional properties, in the spec's order.
        for name in properties:
            if len(names) >= flat.get("minProperties", 0):
                break
            if name not in names:
                names.append(name)
        for name in names:
            prop = properties.get(name)
            if prop is None:
                extra = flat.get("additionalProperties", True)
                prop = extra if isinstance(extra, dict) else {"type": "string"}
            elif not self.read_only and _read_only(self.spec, prop):
                continue  # OpenAPI: a required readOnly property applies to responses only
            result[name] = self.build(prop, f"{where}.{name}", depth=depth + 1)
        return result


def _read_only(spec: dict[str, Any], schema: Any) -> bool:
    node = resolve(spec, schema)
    if not isinstance(node, dict):
        return False
    if node.get("readOnly") is True:
        return True
    return any(_read_only(spec, part) for part in node.get("allOf") or [])


def _implied_type(flat: dict[str, Any]) -> str | None:
    if "properties" in flat or "additionalProperties" in flat or "required" in flat:
        return "object"
    if "items" in flat:
        return "array"
    if any(k in flat for k in ("pattern", "minLength", "maxLength", "format")):
        return "string"
    if any(k in flat for k in ("minimum", "maximum", "multipleOf")):
        return "number"
    return None


def _numbers(flat: dict[str, Any], variant: int, *, integer: bool) -> Iterator[float]:
    low, high = flat.get("minimum"), flat.get("maximum")
    step = flat.get("multipleOf")
    start: float = 1 + variant if integer else 1.5 + variant
    if isinstance(low, (int, float)):
        start = max(start, low + (1 if flat.get("exclusiveMinimum") is True else 0))
    if isinstance(high, (int, float)):
        start = min(start, high - (1 if flat.get("exclusiveMaximum") is True else 0))
    if isinstance(step, (int, float)) and step > 0:
        start = math.ceil(start / step) * step
    yield int(start) if integer else start
    if isinstance(low, (int, float)):
        yield math.ceil(low) if integer else low
    if isinstance(high, (int, float)):
        yield math.floor(high) if integer else high


_MERGE_MIN = ("maximum", "maxLength", "maxItems", "maxProperties")
_MERGE_MAX = ("minimum", "minLength", "minItems", "minProperties")


def merge(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """Two flattened schemas as one (``allOf``): properties and required united, bounds tightened."""
    out = dict(a)
    for key, value in b.items():
        if key not in out:
            out[key] = value
        elif key == "properties":
            props = dict(out[key])
            for name, schema in value.items():
                props[name] = {"allOf": [props[name], schema]} if name in props else schema
            out[key] = props
        elif key == "required":
            out[key] = list(dict.fromkeys([*out[key], *value]))
        elif key in _MERGE_MIN:
            out[key] = min(out[key], value)
        elif key in _MERGE_MAX:
            out[key] = max(out[key], value)
        elif key == "enum":
            out[key] = [v for v in out[key] if v in value]
        elif key == "nullable":
            out[key] = out[key] and value
        elif key in ("readOnly", "writeOnly"):
            out[key] = out[key] or value
        # any other keyword: the first part's value stands (validation of the unmerged schema decides)
    return out


def bundled(path: Path, load: Any) -> Any:
    """The document at ``path`` with every ``$ref`` into another file replaced by what it names.

    ``load`` reads one file (JSON or YAML). A reference inside another file is read against that
    file, its ``#/...`` ones too; references of the root into itself stay as they are. A cycle
    through other files ends in ``{}`` (any value), which no parameter of a real spec needs.
    """
    documents: dict[Path, Any] = {}
    done: dict[tuple[Path, str], Any] = {}
    visiting: set[tuple[Path, str]] = set()
    root = path.resolve()

    def document(file: Path) -> Any:
        if file not in documents:
            documents[file] = load(file)
        return documents[file]

    def target(file: Path, pointer: str) -> Any:
        node = document(file)
        for part in pointer.split("/")[1:]:
            part = part.replace("~1", "/").replace("~0", "~")
            node = node[int(part)] if isinstance(node, list) else node[part]
        return node

    def walk(node: Any, file: Path) -> Any:
        if isinstance(node, list):
            return [walk(item, file) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str):
            location, _, pointer = ref.partition("#")
            where = (file.parent / location).resolve() if location else file
            if where != root:
                key = (where, pointer)
                if key in visiting:
                    return {}
                if key not in done:
                    visiting.add(key)
                    done[key] = walk(target(where, pointer), where)
                    visiting.discard(key)
                return done[key]
        return {k: walk(v, file) for k, v in node.items()}

    return walk(document(root), root)
