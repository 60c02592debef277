"""A hypothesis strategy for random valid OpenAPI documents: Swagger 2.0, OpenAPI 3.0 and OpenAPI 3.1.

:func:`openapi_documents` draws one smallish document (a handful of paths and component schemas) as a
:class:`Document`: the spec as a dict, the text it is written as (JSON or YAML), the (METHOD, path) pairs
of its operations and the constructs it holds (counted by the property suite, see
tests/properties/test_generator_holds.py).

What a document may hold, each in the spelling of its version:

- names (component schemas, properties, parameters, operationIds, tags, enum values, discriminator
  values, path segments) from all of unicode, Python keywords, soft keywords, builtins, the names the
  generated code itself uses (``UNSET``, ``Any``, ``to_dict``...), leading digits, empty strings, names
  equal after case folding, NFKD or snake-casing (``fooBar``/``foo_bar``/``FooBar``, ``type``/``type_``,
  ``404``/``n404``, ``straße``/``strasse``), within what each place allows: OpenAPI 3.x component keys
  match ``^[a-zA-Z0-9.\\-_]+$``, header and cookie names are HTTP tokens, path parameter names fit in a
  path template;
- primitives with formats and constraints (patterns in ECMA 262 syntax too), enums of every JSON type
  (strings, integers, numbers, booleans, null, objects, arrays, mixed), const, arrays, objects, maps,
  ``additionalProperties`` true/false/a schema, boolean schemas (3.1), type lists (3.1), deep nesting;
- allOf/oneOf/anyOf with and without a discriminator (with and without mapping, oneOf and allOf
  style; Swagger 2.0's string discriminator), nullable in every spelling (3.0 ``nullable: true``, 3.1
  ``type: [x, "null"]`` and ``{"type": "null"}`` branches, Swagger 2.0 ``x-nullable``);
- recursion: self, mutual, through unions, maps, allOf and arrays (an alias of an array of itself);
- parameters in path (templates match the declared path parameters exactly), query, header, cookie and
  formData (2.0), inline or by ``$ref``, path-level, overridden per operation, by schema or content;
- request bodies of every media type (JSON, ``*+json``, form-urlencoded, multipart, text, octet-stream,
  others), responses with JSON/text/binary/no content, ranges and ``default``, ``$ref`` to components
  (schemas, parameters, requestBodies, responses, headers, examples, 3.1 pathItems);
- defaults and examples of the wrong type and enum defaults outside the enum (defects the README
  promises to recover from with a warning);
- tagged and untagged operations, ``x-tagGroups``, security schemes, servers, callbacks, 3.1 webhooks
  and documents without paths;
- nastier still: names over the 64-character limit and names equal to what the generator derives for
  inline schemas (``PetItem``, ``Variant0``), ``not``, 3.1 keywords (prefixItems, patternProperties,
  if/then/else, contains...), nesting 20 to 30 levels deep, $refs into other schemas
  (``#/components/schemas/A/properties/b``) and chains of $refs, one schema object in several places
  (YAML anchors), a path beside its trailing-slash twin, one name in several parameter locations,
  matrix/label path parameters, percent-encoded path segments, media types in other letter cases, empty
  content maps, integer response codes (YAML), and documents split over files (schemas in
  ``schemas/x.yaml``, ``schemas/deeper/...``, ``common.json#/X``, referring back into the root).

Constructs can be left out by name while a generator bug they trigger is being fixed: see
:data:`EXCLUDED`. The suite runs with nothing left out.
"""

from __future__ import annotations

import json
import keyword
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from hypothesis import strategies as st

T = TypeVar("T")

# -- toggles ------------------------------------------------------------------------------------------
#
# ######################################################################################################
# # CONSTRUCTS LEFT OUT. Keep this empty: the suite must draw everything. While a generator bug is     #
# # being fixed, its construct may be left out here (or with SPECLOOM_FUZZ_EXCLUDE=name,name) so that #
# # the suite can go on finding other bugs. The names are the keys of TOGGLES.                        #
# ######################################################################################################
EXCLUDED: frozenset[str] = frozenset()

TOGGLES: dict[str, str] = {
    "enum-default-outside": "an enum schema whose default is not one of its members",
    "type-list": "OpenAPI 3.1 type lists of several non-null types (['string', 'integer'], ['object', 'array'])",
    "type-list-object": "an 'object' or 'array' member of a 3.1 type list",
    "union-containers": "oneOf/anyOf members that are arrays, maps or unions",
    "enum-containers": "enums whose members are objects or arrays",
    "enum-mixed": "enums mixing JSON types (strings and numbers, true and 1...)",
    "ecma-patterns": "patterns in ECMA 262 syntax that Python's re does not read ((?<name>...), \\cA, \\p{L})",
    "wrong-defaults": "defaults and examples of the wrong type",
    "discriminator": "discriminated unions (oneOf/anyOf/allOf style, 2.0 string discriminator)",
    "discriminator-mapping": "a discriminator with a mapping",
    "recursion": "recursive schemas (self, mutual, through unions, maps, allOf, arrays)",
    "recursive-alias": "a schema that is an array (or map) of itself",
    "unicode-names": "names from all of unicode (else ASCII words, keywords and builtins only)",
    "empty-names": "empty strings as names",
    "generated-code-names": "names the generated code uses itself (UNSET, Any, Mapping, to_dict...)",
    "client-body-names": "tags named as what the client class body uses (cached_property)",
    "group-module-names": "operationIds named as what a group module defines (validators -> _VALIDATORS)",
    "builtin-operation-names": "operationIds named as builtins (list, dict, str...), which the group's later annotations use",
    "generated-class-names": "component schemas named as what a model module imports (UNSET, Unset, Any, Mapping...)",
    "cr-names": "names holding a carriage return",
    "nul-names": "names holding a NUL character",
    "tag-collisions-in-categories": "x-tagGroups over tags whose Python names collide with uncategorised ones",
    "nasty-text": "descriptions, summaries and titles with quotes, backslashes, control and bidi characters",
    "boolean-schemas": "true/false as schemas (3.1)",
    "boolean-component": "true/false as a component schema (3.1)",
    "const": "const (3.1)",
    "nullable-ref": "a $ref with nullable beside it, or allOf: [$ref] with nullable",
    "param-content": "parameters described by content instead of schema (3.x)",
    "param-object": "object-valued parameters (deepObject query, simple path/header)",
    "multipart": "multipart/form-data request bodies",
    "form": "application/x-www-form-urlencoded request bodies (and 2.0 formData)",
    "formdata-ref": "Swagger 2.0 formData parameters defined in the global parameters and used by $ref",
    "path-item-ref": "path items by $ref (3.1 components.pathItems)",
    "webhooks": "3.1 webhooks",
    "deep": "deep nesting (up to 8 levels)",
    "tag-groups": "x-tagGroups",
    "security": "security schemes and requirements",
    "required-undeclared": "required names that are not among the properties",
    "yaml": "documents written as YAML (else JSON only)",
    "long-names": "names longer than the generator's 64-character limit, some equal in their first 60",
    "derived-names": "component names equal to the names the generator derives for inline schemas",
    "not": "not (3.x)",
    "json-schema-2020": "3.1 JSON Schema keywords: prefixItems, patternProperties, $defs, if/then/else, contains...",
    "deep-refs": "$refs into another schema (#/components/schemas/A/properties/b, /items...)",
    "shared-nodes": "one schema object in several places (YAML anchors and aliases)",
    "very-deep": "nesting 20 to 30 levels deep",
    "path-styles": "matrix and label path parameters; percent-encoded path segments",
    "callbacks": "callbacks (3.x), which are not operations of the client",
    "int-response-codes": "YAML response codes written as integers (200: rather than '200':)",
    "media-case": "media types in other letter cases (Application/JSON)",
    "split-files": "component schemas kept in other files ($ref to schemas/x.yaml, common.json#/X)",
    "empty-content": "request bodies and responses whose content map is empty (3.x)",
    "ref-chains": "component parameters and responses that are themselves $refs to others (3.x)",
    "twin-paths": "a path and the same path with a trailing slash; one name as a path, query and header parameter",
    "split-files-2.0": "Swagger 2.0 documents split over files (refs from other files back into #/definitions)",
}

EXCLUDED = EXCLUDED | frozenset(n for n in os.environ.get("SPECLOOM_FUZZ_EXCLUDE", "").split(",") if n)
_UNKNOWN = EXCLUDED - set(TOGGLES)
if _UNKNOWN:
    raise ValueError(f"unknown constructs in EXCLUDED: {sorted(_UNKNOWN)}; known: {sorted(TOGGLES)}")

# -- names ----------------------------------------------------------------------------------------------

KEYWORDS = tuple(keyword.kwlist)
SOFT_KEYWORDS = ("match", "case", "type", "_")
BUILTINS = ("bool", "int", "type", "list", "str", "float", "dict", "match", "object", "bytes", "set", "tuple",
            "id", "len", "print", "range", "format", "hash", "iter", "next", "property", "super", "Exception",
            "NotImplemented", "Ellipsis", "__builtins__", "__name__", "__class__", "__init__", "__dict__")
# Names the generated code uses itself: its imports, locals, methods and the runtime's names.
GENERATED_NAMES = ("self", "cls", "body", "request_options", "additional_properties", "to_dict", "from_dict",
                   "field", "define", "UNSET", "Unset", "Any", "ClassVar", "Mapping", "TYPE_CHECKING",
                   "annotations", "attrs", "httpx", "datetime", "date", "UUID", "uuid", "re", "json", "Enum",
                   "StrEnum", "IntEnum", "parse_union", "parse_datetime", "model_to_dict", "as_json",
                   "validators", "Operation", "Group", "Category", "Client", "AsyncClient", "ThreadedClient",
                   "BaseClient", "options", "close", "aclose", "call", "base_url", "models", "groups",
                   "operations", "default", "d", "v", "x", "k0", "x0", "src", "response", "arguments",
                   "Inline", "Model", "Value", "Item", "Request", "Response", "Variant0", "value", "name",
                   "EMPTY", "V1", "n1", "N1", "_missing_", "mro", "__wire_names__", "problems", "_client",
                   "_methods", "_children", "TypeAlias", "RequestOptions", "BaseAsyncClient", "cached_property",
                   "functools", "typing", "builtins", "__future__")
ORDINARY = ("pet", "Pet", "name", "items", "Order", "user", "status", "data", "error", "kind", "tag", "list",
            "createdAt", "page", "limit", "next", "results", "owner", "spec", "metadata")
UNICODE_WORDS = ("café", "Café", "CAFÉ", "naïve", "straße", "STRASSE", "strasse", "ﬁle", "file", "ǅemal",
                 "İstanbul", "istanbul", "ΣΊΣΥΦΟΣ", "σίσυφος", "日本語", "données", "\u212a", "Ω", "\u2126",
                 "ｆｕｌｌｗｉｄｔｈ", "e\u0301", "é", "🙂", "👍🏽", "a\u200db", "\u200b", "مرحبا", "שלום",
                 "\u202eevil", "x\u0000y", "tab\there", "new\nline", " ", "  leading", "trailing ", "a b",
                 "a.b", "a/b", "a~b", "~0", "~1", "%41", "%", "$ref", "#", "{x}", "'", '"', '"""', "\\",
                 "__proto__", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "①②", "²", "ⅸ", "٣", "\ufeffbom", "\U0010ffff", "\ud7ff")
LONG_NAMES = ("x" * 70, "x" * 69 + "y", "aVeryLongPropertyNameThatKeepsGoingPastTheLimitOfSixtyFourCharacters",
              "aVeryLongPropertyNameThatKeepsGoingPastTheLimitOfSixtyFourCharactersToo", "日本" * 40,
              "get" + "Thing" * 15, "get_" + "thing_" * 15, "A" + "b" * 63, "A" + "b" * 64, "_" * 80)
DIGIT_NAMES = ("1", "2fa", "3d", "404", "0", "007", "1_000", "1e5", "0x1F", "9lives", "1.5", "-1", "2024-01-01")
# Families of names that become one Python name (case folding, NFKD, snake/pascal/constant casing,
# keyword escaping, the fallbacks of names without ASCII words).
COLLIDING = (
    ("fooBar", "foo_bar", "FooBar", "FOO_BAR", "foo-bar", "foo bar", "Foo.Bar", "foobar", "FOOBAR", "foo__bar",
     "_foo_bar", "foo_bar_", "fooBAR"),
    ("type", "type_", "Type", "TYPE", "_type", "@type", "$type", "types"),
    ("class", "class_", "Class", "klass", "CLASS", "ｃｌａｓｓ"),
    ("404", "n404", "N404", "_404", "V404", "404_", "v404"),
    ("id", "ID", "Id", "_id", "iD", "@id", "id_"),
    ("value", "日本", "Ω", "🙂", "_", "-", "Value", "VALUE", "param", "field", "model", "Model"),
    ("straße", "strasse", "STRASSE", "Straße", "STRAẞE"),
    ("ﬁle", "file", "FILE", "File", "ｆｉｌｅ"),
    ("K", "k", "\u212a", "Ｋ"),
    ("userId", "user_id", "UserID", "userID", "user-id", "USER_ID", "UserId"),
    ("getFoo", "get_foo", "GetFoo", "get-foo", "get foo", "getfoo", "get_foo_"),
    ("additional_properties", "additionalProperties", "AdditionalProperties", "additional-properties"),
    ("self", "Self", "self_", "SELF"),
    ("to_dict", "toDict", "ToDict", "from_dict", "fromDict"),
    ("options", "Options", "OPTIONS", "close", "Close"),
    ("body", "Body", "body_", "request_options", "requestOptions"),
    ("none", "None", "NONE", "null", "Null", "true", "True", "false", "False"),
)
_HEADER_FAMILY = ("Accept", "Content-Type", "Authorization", "accept", "content-type", "X-Request-Id",
                  "x-request-id", "User-Agent", "Idempotency-Key", "X-Client-Request-Id", "X_Foo", "X-Foo",
                  "x-foo", "Cookie", "Host", "Content-Length")
NASTY_TEXT = ('"""', "'''", "\\", "\\N{BULLET}", "{{ 7 * 7 }}", "{% raw %}", "\r\n", "\u2028", "\x1b[31m",
              "*/", "# type: ignore", "\x00", "\t", "\u202e", "line one\nline two\n\n  indented", "x" * 300,
              "%s %(name)s {0}", "</script>", "`code`", "'", '"', "\\u0041", "\\x", "é" * 40)
_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
_COMPONENT_KEY = re.compile(r"[a-zA-Z0-9._-]+")
_PATH_BAD = set("/{}?#%") | {"\\"}
_SAFE_IN_FRAGMENT = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?")

_ANY_CHAR = st.characters(exclude_categories=["Cs"])
_ANY_TEXT = st.text(_ANY_CHAR, min_size=1, max_size=10)

# -- the document ---------------------------------------------------------------------------------------

METHODS_3 = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
METHODS_2 = METHODS_3[:-1]
_BODY_METHODS = ("post", "put", "patch")


@dataclass(frozen=True)
class Document:
    """One drawn document."""

    version: str  # "2.0" | "3.0" | "3.1"
    fmt: str  # "json" | "yaml"
    spec: dict[str, Any]
    #: (METHOD, path) of every operation under paths.
    operations: frozenset[tuple[str, str]]
    #: The constructs it holds, with how often (see the summary of the property suite).
    features: tuple[tuple[str, int], ...]
    ensure_ascii: bool = False
    #: Other files the spec refers to: (path relative to the spec's folder, their content).
    files: tuple[tuple[str, Any], ...] = ()
    #: YAML only: response codes written as integers (200: rather than "200":), as many real specs do.
    int_codes: bool = False

    @property
    def filename(self) -> str:
        return "openapi.json" if self.fmt == "json" else "openapi.yaml"

    def text(self) -> str:
        """The root document as written."""
        return _dump(_int_codes(self.spec) if self.int_codes else self.spec, self.fmt, self.ensure_ascii)

    def write(self, folder: Path) -> Path:
        """Write the document (and the files it refers to) into ``folder``; returns the root file."""
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / self.filename
        path.write_text(self.text(), encoding="utf-8")
        for name, content in self.files:
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(_dump(content, "json" if name.endswith(".json") else "yaml", self.ensure_ascii), encoding="utf-8")
        return path

    def __repr__(self) -> str:
        return f"Document({self.version}, {self.fmt}, {json.dumps(self.spec, ensure_ascii=True)})"


def _dump(content: Any, fmt: str, ensure_ascii: bool) -> str:
    if fmt == "json":
        return json.dumps(content, ensure_ascii=ensure_ascii, indent=1) + "\n"
    return yaml.dump(content, Dumper=_Dumper, sort_keys=False, allow_unicode=not ensure_ascii)


def _int_codes(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with the response codes of its operations as integers."""
    paths = {}
    for path, item in (spec.get("paths") or {}).items():
        if isinstance(item, dict):
            item = {m: {**op, "responses": {int(c) if c.isdigit() else c: r for c, r in op["responses"].items()}}
                    if isinstance(op, dict) and isinstance(op.get("responses"), dict) else op for m, op in item.items()}
        paths[path] = item
    return {**spec, "paths": paths} if "paths" in spec else spec


class _Dumper(yaml.SafeDumper):
    """Strings that YAML 1.1 or 1.2 could read as anything but a string are double-quoted."""


_PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_YAML_WORDS = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "nan", "inf"}


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if _PLAIN.fullmatch(value) and value.lower() not in _YAML_WORDS:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')


_Dumper.add_representer(str, _represent_str)


@st.composite
def openapi_documents(draw: st.DrawFn, versions: Sequence[str] = ("3.0", "3.1", "2.0")) -> Document:
    """A random valid OpenAPI document of one of ``versions``."""
    version = draw(st.sampled_from(list(versions)))
    return _Builder(draw, version).document()


# -- the builder ----------------------------------------------------------------------------------------


@dataclass
class _Component:
    name: str
    schema: Any = None
    object_like: bool = False


@dataclass
class _Builder:
    draw: st.DrawFn
    version: str
    features: Counter[str] = field(default_factory=Counter)
    schemas: list[_Component] = field(default_factory=list)
    parameters: dict[str, Any] = field(default_factory=dict)
    request_bodies: dict[str, Any] = field(default_factory=dict)
    responses: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, Any] = field(default_factory=dict)
    examples: dict[str, Any] = field(default_factory=dict)
    component_keys: set[str] = field(default_factory=set)
    operation_ids: set[str] = field(default_factory=set)
    path_items: dict[str, Any] = field(default_factory=dict)
    security_used: bool = False
    #: Schema objects made so far (for "shared-nodes").
    made: list[dict[str, Any]] = field(default_factory=list)
    #: Components a $ref points into (for "deep-refs"): they stay in the root file.
    deep_targets: set[str] = field(default_factory=set)
    tags_used: list[str] = field(default_factory=list)
    max_depth: int = 0

    # -- small draws (each shrinks towards "no", the first option, the smallest number) ----------------

    def on(self, toggle: str) -> bool:
        return toggle not in EXCLUDED

    def chance(self, percent: int) -> bool:
        return self.draw(st.integers(0, 99)) >= 100 - percent

    def pick(self, options: Sequence[T]) -> T:
        return self.draw(st.sampled_from(list(options)))

    def count(self, low: int, high: int) -> int:
        return self.draw(st.integers(low, high))

    def note(self, *features: str) -> None:
        for f in features:
            self.features[f] += 1

    @property
    def v2(self) -> bool:
        return self.version == "2.0"

    @property
    def v31(self) -> bool:
        return self.version == "3.1"

    # -- names ----------------------------------------------------------------------------------------

    def name(self, charset: str = "any", *, empty: bool = False) -> str:
        """A name for a place whose ``charset`` is "any", "component", "token" or "path"."""
        kinds = ["ordinary", "keyword", "soft-keyword", "builtin", "leading-digit", "collision"]
        if self.on("long-names"):
            kinds.append("long")
        if self.on("generated-code-names"):
            kinds.append("generated-code")
        if self.on("unicode-names"):
            kinds += ["unicode-word", "unicode"]
        if empty and self.on("empty-names") and charset == "any":
            kinds.append("empty")
        kind = self.pick(kinds)
        value: str
        if kind == "ordinary":
            value = self.pick(ORDINARY)
        elif kind == "keyword":
            value = self.pick(KEYWORDS)
        elif kind == "soft-keyword":
            value = self.pick(SOFT_KEYWORDS)
        elif kind == "builtin":
            value = self.pick(BUILTINS)
        elif kind == "generated-code":
            value = self.pick(GENERATED_NAMES)
            if value == "cached_property" and not self.on("client-body-names"):
                value = "functools"
            if value == "validators" and not self.on("group-module-names"):
                value = "typing"
        elif kind == "leading-digit":
            value = self.pick(DIGIT_NAMES)
        elif kind == "long":
            value = self.pick(LONG_NAMES)
        elif kind == "collision":
            value = self.pick(self.pick(COLLIDING + ((_HEADER_FAMILY,) if charset == "token" else ())))
        elif kind == "unicode-word":
            value = self.pick(UNICODE_WORDS)
        elif kind == "unicode":
            value = self.draw(_ANY_TEXT)
        else:
            value = ""
        if not self.on("cr-names"):
            value = value.replace("\r", "")
        if not self.on("nul-names"):
            value = value.replace("\x00", "")
        fitted = _fit(value, charset, fallback=self.pick(("x", "_", "-", ".", "X1")))
        self.note(f"name:{kind}")
        return fitted

    def names(self, low: int, high: int, charset: str = "any", *, empty: bool = False,
              taken: set[str] | None = None) -> list[str]:
        """Distinct names (fewer than drawn when some came out equal)."""
        found: list[str] = []
        seen = set(taken or ())
        for _ in range(self.count(low, high)):
            n = self.name(charset, empty=empty)
            if n not in seen:
                seen.add(n)
                found.append(n)
        return found

    def distinct(self, n: int, *, empty: bool = False) -> list[str]:
        """Exactly ``n`` distinct names (made distinct with a suffix when the draws clash)."""
        found = self.names(n, n, empty=empty)
        while len(found) < n:
            found.append(f"{self.name(empty=empty)}{len(found)}")
            found = list(dict.fromkeys(found))
        return found

    def component_key(self, section: str) -> str:
        """A new key for components/<section> (3.x: ^[a-zA-Z0-9._-]+$; 2.0 definitions: anything)."""
        charset = "any" if self.v2 and section == "schemas" else "component"
        for _ in range(4):
            if section == "schemas" and self.on("derived-names") and self.chance(15):
                stem = self.pick([c.name for c in self.schemas] or list(ORDINARY))
                key = _fit(stem[:1].upper() + stem[1:] + self.pick(("Item", "Value", "Request", "Response", "Variant0",
                                                                   "Variant1", "_2", "2", "Inline", "ResponseDefault")),
                           charset, fallback="X")
                self.note("name:derived")
            else:
                key = self.name(charset, empty=self.v2 and section == "schemas")
                if section == "schemas" and key in GENERATED_NAMES and not self.on("generated-class-names"):
                    key += "Schema"
            if (section, key) not in self._keys():
                self.component_keys.add(f"{section}\x00{key}")
                return key
        key = f"{section}{len(self.component_keys)}"
        self.component_keys.add(f"{section}\x00{key}")
        return key

    def _keys(self) -> set[tuple[str, str]]:
        return {(k.split("\x00", 1)[0], k.split("\x00", 1)[1]) for k in self.component_keys}

    def text(self) -> str:
        if self.on("nasty-text") and self.chance(20):
            self.note("text:nasty")
            return self.pick(NASTY_TEXT)
        return self.pick(("A thing.", "Does what it says.", "", "Lists them.\n\nWith a second paragraph."))

    # -- references -----------------------------------------------------------------------------------

    def ref(self, section: str, name: str, *steps: str) -> dict[str, Any]:
        where = {"schemas": ("definitions",), "parameters": ("parameters",), "responses": ("responses",)}
        parts = where[section] if self.v2 else ("components", section)
        pointer = "/" + "/".join(p.replace("~", "~0").replace("/", "~1") for p in (*parts, name, *steps))
        raw_unicode = self.chance(50)
        self.note(f"ref:{section}")
        return {"$ref": "#" + _fragment(pointer, raw_unicode)}

    def schema_ref(self, guarded: bool, owner: int | None) -> dict[str, Any] | None:
        """A $ref to a component schema; unguarded refs (not under properties/items) only point back."""
        limit = len(self.schemas) if guarded or owner is None else owner
        choices = self.schemas[:limit]
        if not choices:
            return None
        target = self.pick(choices)
        if owner is not None and target is self.schemas[owner]:
            self.note("recursion:random-self")
        return self.ref("schemas", target.name)

    # -- schemas --------------------------------------------------------------------------------------

    def schema(self, depth: int, *, guarded: bool = True, owner: int | None = None, level: int = 0) -> Any:
        """A schema at nesting ``level`` with ``depth`` levels left."""
        self.max_depth = max(self.max_depth, level)
        kinds = ["primitive", "enum", "ref", "any"]
        if depth > 0:
            kinds += ["array", "object", "map", "allOf"]
            if not self.v2:
                kinds += ["union"]
            if self.v31:
                kinds += ["type-list", "const", "boolean", "json-schema-2020"]
            if not self.v2:
                kinds += ["not"]
            if self.on("deep") and level == 0 and depth >= 2:
                kinds += ["deep"]
            if self.on("very-deep") and level == 0 and depth >= 2:
                kinds += ["very-deep"]
        if guarded and self.on("deep-refs"):
            kinds += ["deep-ref"]
        if guarded and self.on("shared-nodes") and self.made:
            kinds += ["shared"]
        kind = self.pick(kinds)
        if kind in ("not", "json-schema-2020") and not self.on(kind):
            kind = "any"
        if kind == "type-list" and not self.on("type-list"):
            kind = "primitive"
        if kind == "const" and not self.on("const"):
            kind = "enum"
        if kind == "boolean" and not self.on("boolean-schemas"):
            kind = "any"
        node: Any
        if kind == "primitive":
            node = self.primitive()
        elif kind == "enum":
            node = self.enum()
        elif kind == "ref":
            ref = self.schema_ref(guarded, owner)
            node = self.primitive() if ref is None else self.nullable_ref(ref)
        elif kind == "any":
            node = self.pick(({}, {"description": "anything"}, {"type": "object"}, {"example": [1, "a"]}))
            self.note("schema:any")
        elif kind == "array":
            node = self.array(depth, level)
        elif kind == "object":
            node = self.object(depth, level)
        elif kind == "map":
            node = self.map(depth, level)
        elif kind == "allOf":
            node = self.all_of(depth, guarded, owner, level)
        elif kind == "union":
            node = self.union(depth, guarded, owner, level)
        elif kind == "type-list":
            node = self.type_list(depth, level)
        elif kind == "const":
            node = {"const": self.json_value()}
            self.note("schema:const")
        elif kind == "boolean":
            node = self.pick((True, False))
            self.note(f"schema:boolean-{str(node).lower()}")
        elif kind == "not":
            node = {"not": self.schema(depth - 1, level=level + 1)}
            self.note("schema:not")
        elif kind == "json-schema-2020":
            node = self.json_schema_2020(depth, level)
        elif kind == "deep-ref":
            found = self.deep_ref()
            node = found if found is not None else self.primitive()
        elif kind == "shared":
            self.note("schema:shared-node")
            return self.pick(self.made)
        elif kind == "very-deep":
            node = self.deep(level, self.count(20, 30))
            self.note("schema:very-deep")
        else:
            node = self.deep(level, self.count(5, 8))
            self.note("schema:deep")
        if isinstance(node, dict) and "$ref" not in node and self.on("shared-nodes") and len(self.made) < 50:
            self.made.append(node)
        return self.decorate(node)

    def deep_ref(self) -> dict[str, Any] | None:
        """A $ref to a schema inside a component (its property, items, additionalProperties, allOf part)."""
        places: list[tuple[_Component, tuple[str, ...]]] = []
        for component in self.schemas:
            if isinstance(component.schema, dict):
                places += [(component, steps) for steps in _sub_schemas(component.schema, ())]
        if not places:
            return None
        component, steps = self.pick(places)
        self.deep_targets.add(component.name)
        self.note("ref:deep")
        return self.ref("schemas", component.name, *steps)

    def json_schema_2020(self, depth: int, level: int) -> dict[str, Any]:
        kind = self.pick(("prefixItems", "patternProperties", "if-then-else", "dependentRequired", "contains",
                          "unevaluatedProperties", "contentSchema", "comment"))
        self.note(f"json-schema:{kind}")
        sub = self.schema(depth - 1, level=level + 1)
        if kind == "prefixItems":
            return {"type": "array", "prefixItems": [sub, self.primitive()], "items": self.pick((False, True, self.primitive()))}
        if kind == "patternProperties":
            return {"type": "object", "patternProperties": {"^x-": sub, "^[0-9]+$": self.primitive()},
                    "propertyNames": {"pattern": "^[a-z0-9-]+$"}, "additionalProperties": False}
        if kind == "if-then-else":
            return {"if": {"type": "string"}, "then": {"minLength": 1}, "else": sub}
        if kind == "dependentRequired":
            names = self.distinct(2)
            return {"type": "object", "properties": {n: self.primitive() for n in names},
                    "dependentRequired": {names[0]: [names[1]]}, "dependentSchemas": {names[1]: {"required": [names[0]]}}}
        if kind == "contains":
            return {"type": "array", "contains": sub, "minContains": 1, "maxContains": 3}
        if kind == "unevaluatedProperties":
            return {"allOf": [self.object(depth - 1, level + 1)], "unevaluatedProperties": self.pick((False, sub))}
        if kind == "contentSchema":
            return {"type": "string", "contentMediaType": "application/json", "contentSchema": sub}
        return {"$comment": self.text(), **(sub if isinstance(sub, dict) and "$ref" not in sub else {"allOf": [sub]})}

    def decorate(self, node: Any) -> Any:
        if not isinstance(node, dict):
            return node
        if "$ref" in node and not self.v31:
            return node  # siblings of $ref are ignored before 3.1
        if self.chance(15):
            node["description"] = self.text()
        if self.chance(5):
            node["title"] = self.text()
        if self.chance(5):
            node["readOnly" if self.chance(50) or self.v2 else "writeOnly"] = True
            self.note("schema:read/write-only")
        if not self.v2 and self.chance(5):
            node["deprecated"] = True
        if self.on("wrong-defaults") and self.chance(15):
            node["default" if self.chance(50) else "example"] = self.json_value()
            self.note("schema:default-or-example-any-type")
        if self.v31 and self.chance(5):
            node["examples"] = [self.json_value(), self.json_value()]
        if self.chance(5):
            node["x-" + self.pick(("internal", "go-name", "tagGroups", "nullable"))] = self.json_value()
        return node

    def json_value(self, depth: int = 1) -> Any:
        kind = self.pick(("string", "int", "null", "bool", "number", "object", "array") if depth > 0
                         else ("string", "int", "null", "bool", "number"))
        if kind == "string":
            return self.pick(("", "a", "1", "true", "null", "2024-01-01", "日本", '"""', "\\"))
        if kind == "int":
            return self.pick((0, 1, -1, 2**31, 2**63, 2**70, -(2**64)))
        if kind == "null":
            return None
        if kind == "bool":
            return self.pick((True, False))
        if kind == "number":
            return self.pick((0.5, -0.0, 1.0, 1e300, -2.5e-8))
        if kind == "object":
            return {self.name(): self.json_value(depth - 1) for _ in range(self.count(0, 2))}
        return [self.json_value(depth - 1) for _ in range(self.count(0, 2))]

    def nullable(self, node: dict[str, Any]) -> dict[str, Any]:
        """``node`` that also takes null, in this version's spelling."""
        if self.v2:
            node["x-nullable"] = True
            self.note("nullable:2.0-x-nullable")
        elif not self.v31:
            node["nullable"] = True
            self.note("nullable:3.0-nullable")
        elif isinstance(node.get("type"), str):
            node["type"] = [node["type"], "null"] if self.chance(70) else ["null", node["type"]]
            if "enum" in node and None not in node["enum"]:
                node["enum"] = [*node["enum"], None]
            self.note("nullable:3.1-type-list")
        else:
            node = {self.pick(("anyOf", "oneOf")): [node, {"type": "null"}]}
            self.note("nullable:3.1-null-branch")
        return node

    def nullable_ref(self, ref: dict[str, Any]) -> dict[str, Any]:
        if not self.on("nullable-ref") or not self.chance(20):
            return ref
        style = self.pick(("allOf", "sibling"))
        if self.v2:
            self.note("nullable:2.0-x-nullable-ref")
            return {**ref, "x-nullable": True}
        if self.v31:
            self.note("nullable:3.1-ref")
            return {"anyOf": [ref, {"type": "null"}]} if style == "allOf" else {**ref, "description": "a ref"}
        self.note(f"nullable:3.0-ref-{style}")
        return {"allOf": [ref], "nullable": True} if style == "allOf" else {**ref, "nullable": True}

    def primitive(self) -> dict[str, Any]:
        kind = self.pick(("string", "integer", "number", "boolean"))
        node: dict[str, Any] = {"type": kind}
        self.note(f"type:{kind}")
        formats = {"string": ("date-time", "date", "uuid", "byte", "binary", "email", "uri", "password",
                              "vendor-format", "", "int64", "date-time-local"),
                   "integer": ("int32", "int64", "uint8", "int16"),
                   "number": ("float", "double", "decimal", "int32"),
                   "boolean": ("",)}[kind]
        if kind != "boolean" and self.chance(40):
            node["format"] = self.pick(formats)
            self.note(f"format:{node['format'] or 'empty'}")
        if kind == "string" and self.chance(25):
            constraint = self.pick(("minLength", "maxLength", "pattern"))
            if constraint == "pattern":
                node["pattern"] = self.pattern()
            else:
                node[constraint] = self.count(0, 5)
        if kind in ("integer", "number") and self.chance(25):
            bound = self.pick(("minimum", "maximum", "multipleOf", "exclusiveMinimum", "exclusiveMaximum"))
            limit: int | float = self.pick((0, 1, 10, -5, 2**63, 0.5)) if kind == "number" else self.pick((0, 1, 10, -5))
            if bound == "multipleOf":
                node[bound] = self.pick((1, 2, 0.1, 0.5)) if kind == "number" else self.pick((1, 3))
            elif bound.startswith("exclusive") and not self.v31:
                node["minimum" if "Min" in bound else "maximum"] = limit
                node[bound] = True
            else:
                node[bound] = limit
            self.note(f"constraint:{bound}")
        if self.chance(15):
            node = self.nullable(node)
        if self.on("wrong-defaults") and self.chance(15):
            node["default"] = self.pick((self.json_value(0), "abc", 1, None, True, 2.5, [], {}))
            self.note("default:primitive-any-type")
        return node

    def pattern(self) -> str:
        patterns = ["^[a-z]+$", r"^\d{3}-\d{4}$", r"[\w.]+@", "", "^$", "a{2,}", r"^[^\s]+$", r"\$\{x\}",
                    r"[\u0041-\u005A]", r"^\/", "^(?:a|b)*$", "[[]", "^[A-Z][a-z0-9-]*$"]
        if self.on("ecma-patterns"):
            # Valid ECMA 262 (named groups and \p{...} since ES2018, which JSON Schema 2020-12 follows).
            patterns += [r"^\cA", r"[^]", r"^[^]*$"] + ([r"(?<year>\d{4})", r"^\p{L}+$", r"(?<x>a)\k<x>"] if self.v31 else [])
        self.note("constraint:pattern")
        return self.pick(patterns)

    def enum(self) -> dict[str, Any]:
        kinds = ["string", "integer", "number", "boolean", "null", "empty-string", "single"]
        if self.on("enum-mixed"):
            kinds += ["mixed"]
        if self.on("enum-containers"):
            kinds += ["containers"]
        kind = self.pick(kinds)
        self.note(f"enum:{kind}")
        node: dict[str, Any]
        if kind in ("string", "empty-string", "single"):
            values: list[Any] = self.names(1, 1 if kind == "single" else 5, empty=True)
            if kind == "empty-string" and "" not in values:
                values.append("")
            node = {"type": "string", "enum": values}
        elif kind == "integer":
            values = list(dict.fromkeys(self.pick((0, 1, -1, 2, 404, 2**31, 2**63, -(2**70))) for _ in range(self.count(1, 4))))
            node = {"type": "integer", "enum": values}
        elif kind == "number":
            values = list(dict.fromkeys(self.pick((0.5, 1.0, -2.25, 1e300, 3, 0)) for _ in range(self.count(1, 4))))
            node = {"type": "number", "enum": values}
        elif kind == "boolean":
            values = self.pick(([True, False], [True], [False]))
            node = {"type": "boolean", "enum": list(values)}
        elif kind == "null":
            base: list[Any] = self.pick((["a", "b"], [1, 2], [True]))
            node = {"type": {str: "string", int: "integer", bool: "boolean"}[type(base[0])], "enum": list(base)}
            node = self.nullable(node)
            if "enum" in node and None not in node["enum"]:
                node["enum"].append(None)
            elif "enum" not in node:  # a 3.1 null branch: the enum itself stays without null
                pass
        elif kind == "mixed":
            values = self.pick((["a", 1, True, None, 1.5], [1, "1"], [True, 1], [0, False], [1, 1.5], ["", 0, None],
                                ["a", 2**70], [1.5, "x"]))
            node = {"enum": list(values)}
            if None in values and not self.v31:
                node["nullable" if not self.v2 else "x-nullable"] = True
        else:
            values = self.pick(([{"a": 1}, {"b": [1]}], [[1, 2], []], [{"a": 1}, "a", [1]]))
            node = {"enum": list(values)}
        if self.chance(25):
            # A default that is a member, or (a defect the README promises to recover from) one that is not.
            members = [v for v in node.get("enum", [None]) if v is not None] or [None]
            if self.on("enum-default-outside") and self.chance(50):
                node["default"] = self.pick(("__not-a-member__", 987654, 0.25, False, None))
                self.note("enum:default-outside")
            else:
                node["default"] = self.pick(members)
                self.note("enum:default-member")
        return node

    def array(self, depth: int, level: int) -> dict[str, Any]:
        node: dict[str, Any] = {"type": "array", "items": self.schema(depth - 1, level=level + 1)}
        if self.v31 and self.chance(10):
            del node["items"]
            self.note("array:no-items")
        if self.chance(15):
            keyword = self.pick(("minItems", "maxItems", "uniqueItems"))
            node[keyword] = True if keyword == "uniqueItems" else self.pick((0, 1, 3))
        self.note("schema:array")
        if self.chance(10):
            node = self.nullable(node)
        return node

    def object(self, depth: int, level: int) -> dict[str, Any]:
        node: dict[str, Any] = {"type": "object"} if self.v2 or self.chance(85) else {}
        if not node:
            self.note("object:properties-without-type")
        properties = {n: self.schema(depth - 1, level=level + 1) for n in self.names(0, 4, empty=True)}
        if properties or self.chance(30):
            node["properties"] = properties
        names = list(properties)
        required = [n for n in names if self.chance(40)]
        if self.on("required-undeclared") and self.chance(5):
            extra = self.name(empty=True)
            if extra not in required:
                required.append(extra)
                self.note("object:required-undeclared")
        if required:
            node["required"] = required
        extra_kind = self.pick(("absent", "true", "false", "schema"))
        if extra_kind == "true":
            node["additionalProperties"] = True
        elif extra_kind == "false":
            node["additionalProperties"] = False
        elif extra_kind == "schema":
            node["additionalProperties"] = self.schema(depth - 1, level=level + 1)
        self.note("schema:object", f"additionalProperties:{extra_kind}")
        if self.chance(5):
            node[self.pick(("minProperties", "maxProperties"))] = self.count(0, 3)
        if self.chance(10):
            node = self.nullable(node)
        return node

    def map(self, depth: int, level: int) -> dict[str, Any]:
        values = self.pick(("schema", "true", "empty"))
        node: dict[str, Any] = {"type": "object", "additionalProperties": (
            self.schema(depth - 1, level=level + 1) if values == "schema" else True if values == "true" else {})}
        self.note("schema:map", f"additionalProperties:{values}")
        return node

    def all_of(self, depth: int, guarded: bool, owner: int | None, level: int) -> dict[str, Any]:
        style = self.pick(("ref+object", "ref-only", "objects", "primitive+constraint", "nested"))
        self.note(f"allOf:{style}")
        ref = self.schema_ref(guarded, owner)
        parts: list[Any]
        if style == "ref+object" and ref is not None:
            parts = [ref, self.object(depth, level)]
        elif style == "ref-only" and ref is not None:
            node: dict[str, Any] = {"allOf": [ref]}
            if self.chance(50):
                node["description"] = self.text()
            if self.chance(30):
                node = self.nullable(node) if not self.v31 else {"anyOf": [node, {"type": "null"}]}
            return node
        elif style == "primitive+constraint":
            parts = [self.primitive(), {"maxLength": 3} if self.chance(50) else {"description": "more"}]
        elif style == "nested" and depth > 1:
            parts = [self.all_of(depth - 1, guarded, owner, level + 1), self.object(depth - 1, level + 1)]
        else:
            parts = [self.object(depth, level) for _ in range(self.count(1, 3))]
        return {"allOf": parts}

    def union(self, depth: int, guarded: bool, owner: int | None, level: int) -> dict[str, Any]:
        key = self.pick(("oneOf", "anyOf"))
        branches: list[Any] = []
        for _ in range(self.count(1, 3)):
            flavour = self.pick(("ref", "primitive", "enum", "object", "container"))
            if flavour == "ref":
                ref = self.schema_ref(guarded, owner)
                branches.append(ref if ref is not None else self.primitive())
            elif flavour == "primitive":
                branches.append(self.primitive())
            elif flavour == "enum":
                branches.append(self.enum())
            elif flavour == "object":
                branches.append(self.object(depth - 1, level + 1))
            elif self.on("union-containers"):
                branches.append(self.pick((self.array, self.map))(depth - 1, level + 1) if self.chance(70)
                                else self.union(depth - 1, guarded, owner, level + 1))
                self.note("union:container-member")
            else:
                branches.append(self.primitive())
        if self.v31 and self.chance(20):
            branches.insert(self.count(0, len(branches)), {"type": "null"})
            self.note("nullable:3.1-null-branch")
        if self.chance(10) and branches:
            branches.append(branches[0])
            self.note("union:duplicate-member")
        self.note(f"union:{key}", f"union:{len(branches)}-members")
        return {key: branches}

    def type_list(self, depth: int, level: int) -> dict[str, Any]:
        simple = ["string", "integer", "number", "boolean"]
        pool = simple + (["object", "array"] if self.on("type-list-object") else [])
        types = list(dict.fromkeys(self.pick(pool) for _ in range(self.count(2, 3))))
        if self.chance(40):
            types.append("null")
        node: dict[str, Any] = {"type": types}
        if "object" in types and self.chance(50):
            node["properties"] = {n: self.primitive() for n in self.names(0, 2)}
        if "array" in types and self.chance(50):
            node["items"] = self.schema(depth - 1, level=level + 1)
        self.note("schema:type-list", *(f"type-list:{t}" for t in types if t in ("object", "array", "null")))
        return node

    def deep(self, level: int, levels: int) -> Any:
        """A chain of ``levels`` nested arrays, maps, objects and unions around a leaf."""
        node: Any = self.primitive() if self.chance(50) else self.enum()
        for i in range(levels):
            wrap = self.pick(("array", "object", "map", "allOf") + (("union",) if not self.v2 else ()))
            if wrap == "array":
                node = {"type": "array", "items": node}
            elif wrap == "object":
                node = {"type": "object", "properties": {self.name(): node}, "required": []}
                if not node["required"]:
                    del node["required"]
            elif wrap == "map":
                node = {"type": "object", "additionalProperties": node}
            elif wrap == "allOf":
                node = {"allOf": [node]}
            else:
                node = {"oneOf": [node, self.primitive()]}
        self.max_depth = max(self.max_depth, level + levels)
        return node

    # -- component schemas ----------------------------------------------------------------------------

    def component_schemas(self) -> None:
        """Families (recursive, discriminated) first, then plain components that may refer to them."""
        families = []
        if self.on("recursion"):
            families += ["self", "mutual", "map", "allOf", "nullable-self"] + (["union"] if not self.v2 else [])
            if self.on("recursive-alias"):
                families += ["alias-array"]
        if self.on("discriminator"):
            families += ["discriminated", "discriminated-allOf"] if not self.v2 else ["discriminated-2.0"]
        for _ in range(self.count(0, 2)):
            if families:
                self.family(self.pick(families))
        start = len(self.schemas)
        for _ in range(self.count(0, 4)):
            self.schemas.append(_Component(self.component_key("schemas")))
        for i in range(start, len(self.schemas)):
            depth = self.count(1, 3)
            node = self.schema(depth, guarded=False, owner=i)
            if isinstance(node, bool):
                node = node if self.on("boolean-component") else {}
                self.note("component:boolean")
            self.schemas[i].schema = node
        self.note(*(["component-schema"] * len(self.schemas)))

    def _new(self) -> _Component:
        c = _Component(self.component_key("schemas"))
        self.schemas.append(c)
        return c

    def _props(self, n: int) -> dict[str, Any]:
        return {name: self.schema(1) for name in self.names(0, n, empty=True)}

    def family(self, kind: str) -> None:
        self.note(f"family:{kind}")
        if kind == "self":
            node = self._new()
            a, b = self.distinct(2)
            props = {a: self.nullable_ref(self.ref("schemas", node.name)),
                     b: {"type": "array", "items": self.ref("schemas", node.name)}, **self._props(2)}
            node.schema = {"type": "object", "properties": props}
            self.note("recursion:self")
        elif kind == "nullable-self":
            node = self._new()
            prop = self.name(empty=True)
            target = self.ref("schemas", node.name)
            link = target if not self.on("nullable-ref") else (
                {"anyOf": [target, {"type": "null"}]} if self.v31 else
                {"allOf": [target], "nullable": True} if not self.v2 else {**target, "x-nullable": True})
            node.schema = {"type": "object", "properties": {prop: link, **self._props(1)}}
            self.note("recursion:self-nullable")
        elif kind == "mutual":
            first, second = self._new(), self._new()
            first.schema = {"type": "object", "properties": {self.name(): self.ref("schemas", second.name), **self._props(1)}}
            second.schema = {"type": "object", "properties": {
                self.name(): {"type": "array", "items": self.ref("schemas", first.name)}}}
            if self.chance(50):
                second.schema["required"] = list(second.schema["properties"])
            self.note("recursion:mutual")
        elif kind == "map":
            node = self._new()
            node.schema = {"type": "object", "additionalProperties": self.ref("schemas", node.name)}
            if self.chance(50):
                node.schema["properties"] = self._props(2)
            self.note("recursion:map")
        elif kind == "alias-array":
            node = self._new()
            node.schema = self.pick(({"type": "array", "items": self.ref("schemas", node.name)},
                                     {"type": "object", "additionalProperties": {"type": "array", "items": self.ref("schemas", node.name)}}))
            self.note("recursion:alias-array")
        elif kind == "union":
            expr, leaf, pair = self._new(), self._new(), self._new()
            leaf.schema = {"type": "object", "properties": {self.name(): {"type": "number"}}}
            key = self.pick(("oneOf", "anyOf"))
            expr.schema = {key: [self.ref("schemas", leaf.name), self.ref("schemas", pair.name)]}
            left, right = self.name(), self.name()
            pair.schema = {"type": "object", "properties": {left: self.ref("schemas", expr.name),
                                                            **({right: self.ref("schemas", expr.name)} if right != left else {})}}
            self.note("recursion:union")
        elif kind == "allOf":
            base, child = self._new(), self._new()
            base.schema = {"type": "object", "properties": self._props(2)}
            child.schema = {"allOf": [self.ref("schemas", base.name), {"type": "object", "properties": {
                self.name(): {"type": "array", "items": self.ref("schemas", child.name)}}}]}
            self.note("recursion:allOf")
        elif kind == "discriminated":
            self.discriminated()
        elif kind == "discriminated-allOf":
            self.discriminated_all_of()
        else:
            self.discriminated_2()

    def _mapping_target(self, component: _Component) -> str:
        return component.name if self.chance(30) else self.ref("schemas", component.name)["$ref"]

    def discriminated(self) -> None:
        """oneOf/anyOf of object components that each carry the discriminator property."""
        union = self._new()
        prop = self.name(empty=True)
        variants = [self._new() for _ in range(self.count(1, 3))]
        values = self.distinct(len(variants), empty=True)
        for variant, value in zip(variants, values, strict=True):
            tag: dict[str, Any] = self.pick(({"type": "string"}, {"type": "string", "enum": [value]}) +
                                            (({"const": value},) if self.v31 and self.on("const") else ()))
            variant.schema = {"type": "object", "required": [prop], "properties": {prop: tag, **self._props(2)}}
        key = self.pick(("oneOf", "anyOf"))
        discriminator: dict[str, Any] = {"propertyName": prop}
        if self.on("discriminator-mapping") and self.chance(60):
            discriminator["mapping"] = {value: self._mapping_target(v) for v, value in zip(variants, values, strict=True)
                                        if self.chance(85)}
            self.note("discriminator:mapping")
        union.schema = {key: [self.ref("schemas", v.name) for v in variants], "discriminator": discriminator}
        if self.chance(20):
            union.schema = self.nullable(union.schema) if not self.v31 else union.schema | {"description": "union"}
        self.note("discriminator:oneOf-anyOf")

    def discriminated_all_of(self) -> None:
        """A base with a discriminator whose mapping names children that are allOf [base, ...]."""
        base = self._new()
        prop = self.name(empty=True)
        children = [self._new() for _ in range(self.count(1, 3))]
        values = self.distinct(len(children), empty=True)
        discriminator: dict[str, Any] = {"propertyName": prop}
        if self.on("discriminator-mapping") and self.chance(70):
            discriminator["mapping"] = {value: self._mapping_target(c) for c, value in zip(children, values, strict=True)}
            self.note("discriminator:mapping")
        base.schema = {"type": "object", "required": [prop], "properties": {prop: {"type": "string"}, **self._props(1)},
                       "discriminator": discriminator}
        for child in children:
            child.schema = {"allOf": [self.ref("schemas", base.name), {"type": "object", "properties": self._props(2)}]}
        self.note("discriminator:allOf")

    def discriminated_2(self) -> None:
        """Swagger 2.0: a string discriminator on the base, children allOf [base, ...]."""
        base = self._new()
        prop = self.name()
        base.schema = {"type": "object", "discriminator": prop, "required": [prop],
                       "properties": {prop: {"type": "string"}, **self._props(1)}}
        for _ in range(self.count(1, 3)):
            child = self._new()
            child.schema = {"allOf": [self.ref("schemas", base.name), {"type": "object", "properties": self._props(2)}]}
        self.note("discriminator:2.0")

    # -- parameters -----------------------------------------------------------------------------------

    def parameter_schema(self, location: str) -> dict[str, Any]:
        kinds = ["primitive", "enum", "array"]
        if self.on("param-object") and location in ("query", "path", "header"):
            kinds.append("object")
        if self.schemas:
            kinds.append("ref")
        kind = self.pick(kinds)
        if kind == "primitive":
            return self.primitive()
        if kind == "enum":
            return self.enum()
        if kind == "array":
            return {"type": "array", "items": self.pick((self.primitive, self.enum))()}
        if kind == "ref":
            return self.nullable_ref(self.ref("schemas", self.pick(self.schemas).name))
        self.note("param:object")
        return {"type": "object", "properties": {n: self.primitive() for n in self.names(1, 3)}}

    def parameter(self, location: str, name: str) -> dict[str, Any]:
        """A parameter object (not a reference)."""
        self.note(f"param:{location}")
        if self.v2:
            return self.parameter_2(location, name)
        param: dict[str, Any] = {"name": name, "in": location}
        if location == "path" or self.chance(40):
            param["required"] = True
        if self.on("param-content") and self.chance(10):
            param["content"] = {self.pick(("application/json", "text/plain", "application/vnd.x+json")): {
                "schema": self.schema(2)}}
            self.note("param:content")
        else:
            schema = self.parameter_schema(location)
            param["schema"] = schema
            if location == "path" and self.on("path-styles") and self.chance(15):
                param["style"], param["explode"] = self.pick(("matrix", "label", "simple")), self.chance(50)
                self.note(f"param:style-{param['style']}")
            elif schema.get("type") == "object" and location == "query" and self.chance(60):
                param["style"], param["explode"] = "deepObject", True
                self.note("param:deepObject")
            elif schema.get("type") == "array" and location == "query" and self.chance(40):
                param["style"] = self.pick(("form", "spaceDelimited", "pipeDelimited"))
                param["explode"] = self.chance(50)
                self.note(f"param:style-{param['style']}")
        if self.chance(10):
            param["description"] = self.text()
        if self.chance(5):
            param["deprecated"] = True
        if location == "query" and self.chance(5):
            param["allowEmptyValue"] = True
        if "schema" not in param:
            pass  # examples of a parameter described by content belong to its media type
        elif self.on("wrong-defaults") and self.chance(10):
            param["example"] = self.json_value()
        elif self.chance(5):
            ex = self.component_key("examples")
            self.examples[ex] = {"value": self.json_value(), "summary": self.text()}
            param["examples"] = {"one": {"$ref": f"#/components/examples/{ex}"}, "two": {"value": self.json_value()}}
            self.note("ref:examples")
        return param

    def parameter_2(self, location: str, name: str) -> dict[str, Any]:
        param: dict[str, Any] = {"name": name, "in": location}
        if location == "path" or self.chance(40):
            param["required"] = True
        kind = "file" if location == "formData" and self.chance(30) else self.pick(
            ("string", "integer", "number", "boolean", "array", "enum"))
        if kind == "array":
            param["type"] = "array"
            param["items"] = {"type": self.pick(("string", "integer")), **({"enum": ["a", "b"]} if self.chance(20) else {})}
            if self.chance(50):
                param["collectionFormat"] = self.pick(("csv", "ssv", "tsv", "pipes") + (("multi",) if location in ("query", "formData") else ()))
                self.note(f"param:collectionFormat-{param['collectionFormat']}")
        elif kind == "enum":
            param.update(self.enum())
            if param.get("type") not in ("string", "integer", "number", "boolean"):
                param["type"] = "string"
                param["enum"] = [v for v in param["enum"] if isinstance(v, str)] or ["a"]
                if param.get("default") not in param["enum"]:
                    param.pop("default", None)
            param.pop("x-nullable", None)
            param.pop("nullable", None)
        else:
            param["type"] = kind
            if kind in ("integer", "number") and self.chance(30):
                param["format"] = self.pick(("int32", "int64", "float", "double"))
            if kind == "string" and self.chance(30):
                param["format"] = self.pick(("date-time", "date", "uuid", "byte", "password"))
        if self.on("wrong-defaults") and self.chance(10):
            param["default"] = self.json_value(0)
            self.note("default:param-any-type")
        if self.chance(10):
            param["description"] = self.text()
        if kind == "file":
            self.note("param:file")
        return param

    def declared(self, location: str, name: str) -> dict[str, Any]:
        """A parameter, inline or (sometimes) by $ref to a component parameter."""
        param = self.parameter(location, name)
        if self.chance(20) and (location != "formData" or self.on("formdata-ref")):
            key = self.component_key("parameters")
            if not self.v2 and self.on("ref-chains") and self.chance(25):
                target = self.component_key("parameters")
                self.parameters[target] = param
                self.parameters[key] = self.ref("parameters", target)
                self.note("ref:chain")
            else:
                self.parameters[key] = param
            return self.ref("parameters", key)
        return param

    # -- paths ----------------------------------------------------------------------------------------

    def path(self, taken: set[str]) -> tuple[str, list[str]] | None:
        """A path template and its parameter names, not equal to one in ``taken`` once names are blanked."""
        segments: list[str] = []
        params: list[str] = []
        for _ in range(self.count(0, 3)):
            kind = self.pick(("literal", "param", "mixed"))
            if kind == "literal":
                if self.on("path-styles") and self.chance(5):
                    segments.append(self.pick(("a%20b", "caf%C3%A9", "%7Bnot-a-param%7D", "50%25")))
                    self.note("path:percent-encoded")
                else:
                    segments.append(self.name("path"))
            else:
                name = self.name("template")
                if name in params:
                    segments.append(self.name("path"))
                    continue
                params.append(name)
                if kind == "param":
                    segments.append("{" + name + "}")
                else:
                    second = self.name("template")
                    if second not in params and self.chance(50):
                        params.append(second)
                        segments.append(f"{{{name}}}.{{{second}}}")
                        self.note("path:two-params-in-a-segment")
                    else:
                        segments.append(f"{self.name('path')}-{{{name}}}")
                        self.note("path:literal-and-param-in-a-segment")
        path = "/" + "/".join(segments)
        if segments and self.chance(10):
            path += "/"
            self.note("path:trailing-slash")
        shape = re.sub(r"{[^}]*}", "{}", path)
        if shape in taken:
            return None
        taken.add(shape)
        self.note(f"path:{len(params)}-params")
        return path, params

    def paths(self) -> tuple[dict[str, Any], set[tuple[str, str]]]:
        paths: dict[str, Any] = {}
        operations: set[tuple[str, str]] = set()
        taken: set[str] = set()
        path_items: dict[str, Any] = {}
        last: tuple[str, list[str]] | None = None
        for _ in range(self.count(0, 4)):
            drawn = self.path(taken)
            if last is not None and not last[0].endswith("/") and self.on("twin-paths") and self.chance(15):
                twin = last[0] + "/"
                if re.sub(r"{[^}]*}", "{}", twin) not in taken:
                    taken.add(re.sub(r"{[^}]*}", "{}", twin))
                    drawn = (twin, list(last[1]))
                    self.note("path:trailing-slash-twin")
            if drawn is None:
                continue
            template, params = last = drawn
            item: dict[str, Any] = {}
            methods = list(dict.fromkeys(self.pick(METHODS_2 if self.v2 else METHODS_3) for _ in range(self.count(1, 3))))
            shared = [p for p in params if self.chance(40)]
            if shared or self.chance(10):
                item["parameters"] = [self.declared("path", p) for p in shared]
                if self.chance(30):
                    extra_loc = self.pick(("query", "header"))
                    extra_name = self.name("token" if extra_loc == "header" else "any")
                    item["parameters"].append(self.parameter(extra_loc, extra_name))
                    self.note("param:path-level-non-path")
            for method in methods:
                item[method] = self.operation(method, [p for p in params if p not in shared], item.get("parameters", []))
                operations.add((method.upper(), template))
            if self.chance(10):
                item["summary" if not self.v2 else "x-summary"] = self.text()
            if self.v31 and self.on("path-item-ref") and self.chance(15):
                key = self.component_key("pathItems")
                path_items[key] = item
                paths[template] = {"$ref": f"#/components/pathItems/{key}"}
                self.note("ref:pathItems")
            else:
                paths[template] = item
        if path_items:
            self.path_items = path_items
        return paths, operations

    def operation(self, method: str, path_params: list[str], shared: list[Any]) -> dict[str, Any]:
        op: dict[str, Any] = {}
        if self.chance(70):
            op_id = self.name(empty=True)
            if op_id in BUILTINS and not self.on("builtin-operation-names"):
                op_id = op_id.upper()
            if op_id not in self.operation_ids:
                self.operation_ids.add(op_id)
                op["operationId"] = op_id
                self.note("operation:operationId")
        else:
            self.note("operation:no-operationId")
        tags = self.names(0, 2, empty=True)
        if tags:
            op["tags"] = tags
            self.tags_used += [t for t in tags if t not in self.tags_used]
            self.note("operation:tagged")
        else:
            self.note("operation:untagged")
        if self.chance(30):
            op["summary"] = self.text()
        if self.chance(20):
            op["description"] = self.text()
        if self.chance(10):
            op["deprecated"] = True
            self.note("operation:deprecated")
        if self.chance(5):
            op["x-idempotent"] = True
        parameters: list[Any] = [self.declared("path", p) for p in path_params]
        seen = {("path", p) for p in path_params}
        locations = ["query", "header"] + (["formData"] if self.v2 and method in _BODY_METHODS and self.on("form") else []) + \
            ([] if self.v2 else ["cookie"])
        for _ in range(self.count(0, 3)):
            location = self.pick(locations)
            name = self.name("token" if location in ("header", "cookie") else "any", empty=location == "query")
            if path_params and location != "formData" and self.on("twin-paths") and self.chance(15):
                name = _fit(self.pick(path_params), "token" if location in ("header", "cookie") else "any", fallback="x")
                self.note("param:name-in-two-locations")
            if (location, name) in seen:
                continue
            seen.add((location, name))
            parameters.append(self.declared(location, name))
        overridable = [p for p in shared if isinstance(p, dict) and "name" in p and p.get("in") != "path"
                       and (p["in"], p["name"]) not in seen]
        if overridable and self.chance(30):
            original = self.pick(overridable)
            parameters.append(self.parameter(original["in"], original["name"]))
            self.note("param:override")
        if self.v2:
            self.body_2(method, op, parameters)
        elif method in _BODY_METHODS and self.chance(70):
            op["requestBody"] = self.request_body()
        if parameters:
            op["parameters"] = parameters
        op["responses"] = self.responses_of()
        if not self.v2 and self.on("callbacks") and self.chance(5):
            op["callbacks"] = {self.name(): {"{$request.body#/callbackUrl}": {"post": {
                "requestBody": {"content": {"application/json": {"schema": self.schema(1)}}},
                "responses": {"200": {"description": "ok"}}}}}}
            self.note("operation:callbacks")
        if self.on("security") and self.chance(10):
            # None; one scheme; alternatives with scopes and an optional {}; a combination (one of its
            # schemes maybe undeclared: a warning); not a list at all (a warning).
            op["security"] = self.pick(([], [{"key": []}], [{"key": ["read", "write"]}, {}], [{"key": [], "other": []}],
                                        {"key": []}))
            self.security_used = self.security_used or bool(op["security"])
            self.note("operation:security")
        self.note("operation", f"method:{method}")
        return op

    # -- bodies and responses -------------------------------------------------------------------------

    def media_schema(self, media: str) -> Any:
        if "json" in media.lower() or media in ("*/*", "application/xml"):
            return self.schema(self.count(0, 3))
        if media == "application/x-www-form-urlencoded" or media.lower().startswith("multipart/"):
            props: dict[str, Any] = {}
            for n in self.names(0, 4, empty=True):
                if media.lower().startswith("multipart/") and self.chance(40):
                    props[n] = self.binary() if self.chance(70) else {"type": "array", "items": self.binary()}
                    self.note("multipart:file")
                else:
                    props[n] = self.parameter_schema("query")
            node: dict[str, Any] = {"type": "object", "properties": props}
            if props and self.chance(40):
                node["required"] = [n for n in props if self.chance(50)] or [next(iter(props))]
            if self.schemas and self.chance(15):
                return self.ref("schemas", self.pick(self.schemas).name)
            return node
        if media.lower().startswith("text/"):
            return self.pick(({"type": "string"}, None, {"type": "string", "maxLength": 10}))
        return self.binary() if self.chance(70) else None

    def binary(self) -> dict[str, Any]:
        if self.v31 and self.chance(50):
            return self.pick(({"type": "string", "contentMediaType": "application/octet-stream"}, {},
                              {"type": "string", "contentEncoding": "base64"}))
        return {"type": "string", "format": "binary"}

    def request_body(self) -> dict[str, Any]:
        medias = ["application/json", "application/merge-patch+json", "application/vnd.api+json",
                  "application/json; charset=utf-8", "text/plain", "application/octet-stream", "application/xml",
                  "*/*", "image/png", "text/csv"]
        if self.on("media-case"):
            medias += ["Application/JSON", "TEXT/PLAIN", "Multipart/Form-Data"]
        if self.on("form"):
            medias.append("application/x-www-form-urlencoded")
        if self.on("multipart"):
            medias.append("multipart/form-data")
        content: dict[str, Any] = {}
        for _ in range(self.count(1, 2)):
            media = self.pick(medias)
            if media in content:
                continue
            schema = self.media_schema(media)
            entry: dict[str, Any] = {} if schema is None else {"schema": schema}
            if media == "multipart/form-data" and schema is not None and schema.get("properties") and self.chance(30):
                entry["encoding"] = {next(iter(schema["properties"])): {"contentType": "image/png, image/jpeg"}}
            if self.chance(10):
                entry["example"] = self.json_value()
            content[media] = entry
            self.note(f"body:{media}")
        if self.on("empty-content") and self.chance(3):
            content = {}
            self.note("body:empty-content")
        body: dict[str, Any] = {"content": content}
        if self.chance(50):
            body["required"] = True
        if self.chance(10):
            body["description"] = self.text()
        if self.chance(20):
            key = self.component_key("requestBodies")
            self.request_bodies[key] = body
            self.note("ref:requestBodies")
            return {"$ref": f"#/components/requestBodies/{key}"}
        return body

    def body_2(self, method: str, op: dict[str, Any], parameters: list[Any]) -> None:
        resolved = [self.parameters.get(p["$ref"].rsplit("/", 1)[-1], p) if "$ref" in p else p for p in parameters]
        forms = [p for p in resolved if p.get("in") == "formData"]
        if forms:
            if any(p.get("type") == "file" for p in forms) or self.chance(40):
                op["consumes"] = ["multipart/form-data"]
                self.note("body:multipart/form-data")
            else:
                op["consumes"] = ["application/x-www-form-urlencoded"]
                self.note("body:application/x-www-form-urlencoded")
            return
        if method not in _BODY_METHODS or not self.chance(70):
            return
        media = self.pick(("application/json", "application/merge-patch+json", "text/plain",
                           "application/octet-stream", "application/xml"))
        if media != "application/json" or self.chance(30):
            op["consumes"] = [media]
        self.note(f"body:{media}")
        schema = self.schema(self.count(0, 3)) if "json" in media or "xml" in media else (
            {"type": "string"} if media == "text/plain" else {"type": "string", "format": "binary"})
        body: dict[str, Any] = {"name": self.name(), "in": "body", "schema": schema}
        if self.chance(50):
            body["required"] = True
        if self.chance(20):
            key = self.component_key("parameters")
            self.parameters[key] = body
            parameters.append(self.ref("parameters", key))
            self.note("ref:body-parameter")
        else:
            parameters.append(body)

    def responses_of(self) -> dict[str, Any]:
        codes = ["200", "201", "204", "default", "202", "206", "400", "404", "500", "299"]
        if not self.v2:
            codes += ["2XX", "4XX", "5XX"]
        responses: dict[str, Any] = {}
        for _ in range(self.count(1, 3)):
            code = self.pick(codes)
            if code in responses:
                continue
            responses[code] = self.response()
            self.note(f"response:{code if code in ('default', '204') else code[0] + 'xx'}")
        return responses

    def response(self) -> dict[str, Any]:
        if self.v2:
            return self.response_2()
        medias = ["application/json", "application/problem+json", "application/json; charset=utf-8", "text/plain",
                  "text/csv", "application/octet-stream", "image/png", "application/xml", "*/*", "text/html"]
        if self.on("media-case"):
            medias += ["Application/JSON", "application/Problem+JSON", "Text/Plain"]
        response: dict[str, Any] = {"description": self.text()}
        if self.chance(75):
            content: dict[str, Any] = {}
            for _ in range(self.count(1, 2)):
                media = self.pick(medias)
                schema = self.media_schema(media)
                content[media] = {} if schema is None else {"schema": schema}
                self.note(f"response-media:{media}")
            response["content"] = content
        elif self.on("empty-content") and self.chance(10):
            response["content"] = {}
            self.note("response-media:empty-content")
        else:
            self.note("response-media:none")
        if self.chance(10):
            header = self.name("token")
            if self.chance(30):
                key = self.component_key("headers")
                self.headers[key] = {"schema": self.primitive(), "description": self.text()}
                response["headers"] = {header: {"$ref": f"#/components/headers/{key}"}}
                self.note("ref:headers")
            else:
                response["headers"] = {header: {"schema": self.primitive()}}
        if self.chance(20):
            key = self.component_key("responses")
            if self.on("ref-chains") and self.chance(25):
                target = self.component_key("responses")
                self.responses[target] = response
                self.responses[key] = self.ref("responses", target)
                self.note("ref:chain")
            else:
                self.responses[key] = response
            return self.ref("responses", key)
        return response

    def response_2(self) -> dict[str, Any]:
        response: dict[str, Any] = {"description": self.text()}
        kind = self.pick(("schema", "none", "file", "text"))
        if kind == "schema":
            response["schema"] = self.schema(self.count(0, 3))
        elif kind == "file":
            response["schema"] = {"type": "file"}
        elif kind == "text":
            response["schema"] = {"type": "string"}
        self.note(f"response-media:2.0-{kind}")
        if self.chance(10):
            response["headers"] = {self.name("token"): {"type": "integer"}}
        if self.chance(20):
            key = self.component_key("responses")
            self.responses[key] = response
            return self.ref("responses", key)
        return response

    # -- the whole document ---------------------------------------------------------------------------

    def document(self) -> Document:
        self.note(f"version:{self.version}")
        self.component_schemas()
        paths, operations = self.paths()
        spec: dict[str, Any]
        info: dict[str, Any] = {"title": self.text() or "API",
                                "version": self.pick(("1.0", "2.24", "", "v1 beta", '"""', "1.0\n\n# two", "\\x"))}
        if self.chance(10):
            info["description"] = self.text()
        if self.v2:
            spec = {"swagger": "2.0", "info": info, "paths": paths}
            if self.chance(30):
                spec["host"], spec["basePath"] = "api.example.com", self.pick(("/", "/v1", "/api/v2"))
                spec["schemes"] = ["https"]
            if self.chance(30):
                spec["produces"] = [self.pick(("application/json", "application/xml", "text/plain"))]
            if self.chance(20):
                spec["consumes"] = ["application/json"]
        else:
            spec = {"openapi": self.pick(("3.0.0", "3.0.3", "3.0.4")) if self.version == "3.0"
                    else self.pick(("3.1.0", "3.1.1")), "info": info}
            if self.v31 and not paths and self.schemas and self.chance(50):
                self.note("document:no-paths")
            else:
                spec["paths"] = paths
            if self.chance(30):
                spec["servers"] = self.pick(([{"url": "https://api.example.com/v1"}], [{"url": "/api"}],
                                             [{"url": "https://{region}.example.com", "variables": {"region": {"default": "eu"}}}]))
        self.finish_components(spec)
        if self.tags_used and self.chance(50):
            listed = [t for t in self.tags_used if self.chance(70)] + [t for t in self.names(0, 1) if t not in self.tags_used]
            spec["tags"] = [{"name": t, **({"description": self.text()} if self.chance(50) else {})} for t in listed]
            self.note("document:tags-listed")
            if self.on("tag-groups") and self.chance(40):
                groups = self.names(1, 2, empty=True)
                spec["x-tagGroups"] = [{"name": g, "tags": [t for t in self.tags_used if self.chance(60)]} for g in groups]
                if not self.on("tag-collisions-in-categories"):
                    del spec["x-tagGroups"]
                self.note("document:x-tagGroups")
        if self.v31 and self.on("webhooks") and self.chance(20):
            spec["webhooks"] = {self.name(): {"post": {"requestBody": self.request_body(), "responses": {"200": {"description": "ok"}}}}}
            self.note("document:webhooks")
        self.note(f"depth:{self.max_depth if self.max_depth < 9 else '9-19' if self.max_depth < 20 else '20+'}")
        fmt = "yaml" if self.on("yaml") and self.chance(35) else "json"
        self.note(f"format:{fmt}")
        int_codes = fmt == "yaml" and self.on("int-response-codes") and self.chance(30)
        if int_codes:
            self.note("document:int-response-codes")
        split = self.on("split-files") and (not self.v2 or self.on("split-files-2.0"))
        files = self.split(spec, fmt) if split and self.chance(15) else ()
        return Document(self.version, fmt, spec, frozenset(operations), tuple(sorted(self.features.items())),
                        ensure_ascii=self.chance(30), files=files, int_codes=int_codes)

    def split(self, spec: dict[str, Any], fmt: str) -> tuple[tuple[str, Any], ...]:
        """Move some component schemas to other files, referred to from where they were."""
        schemas = spec.get("definitions") if self.v2 else spec.get("components", {}).get("schemas")
        if not schemas:
            return ()
        root = "openapi.json" if fmt == "json" else "openapi.yaml"
        files: dict[str, Any] = {}
        for i, name in enumerate(list(schemas)):
            if name in self.deep_targets or not self.chance(40):
                continue
            where = self.pick(("own", "common", "nested"))
            ext = self.pick(("json", "yaml"))
            stem = self.pick((f"s{i}", _fit(name, "component", fallback=f"s{i}")[:40], "class", "Pet", "1st", "ünïcode"))
            if where == "own":
                path = f"schemas/{stem}-{i}.{ext}"
                files[path] = _rebased(schemas[name], "../" + root)
                schemas[name] = {"$ref": _fragment(path, raw_unicode=True)}
            elif where == "nested":
                path = f"schemas/deeper/{stem}.{i}.{ext}"
                files[path] = _rebased(schemas[name], "../../" + root)
                schemas[name] = {"$ref": "./" + _fragment(path, raw_unicode=True)}
            else:
                path = f"common.{ext}"
                files.setdefault(path, {})[name] = _rebased(schemas[name], root)
                pointer = "/" + name.replace("~", "~0").replace("/", "~1")
                schemas[name] = {"$ref": path + "#" + _fragment(pointer, raw_unicode=False)}
            self.note(f"split:{where}")
        return tuple(files.items())

    def security_scheme(self) -> dict[str, Any]:
        """An OpenAPI 3.x security scheme of any kind, now and then a malformed one (reported, not generated)."""
        scopes = {n: "scope" for n in self.names(0, 2)}
        return dict(self.pick((
            {"type": "apiKey", "name": self.name("token") or "api_key", "in": self.pick(("header", "query", "cookie"))},
            {"type": "http", "scheme": self.pick(("bearer", "basic", "Token", "Bot"))},
            {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
            {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "https://x.example/t", "scopes": scopes},
                                         "authorizationCode": {"authorizationUrl": "https://x.example/a",
                                                               "tokenUrl": "/relative/token", "scopes": scopes}}},
            {"type": "openIdConnect", "openIdConnectUrl": "https://x.example/.well-known/openid-configuration"},
            {"type": "mutualTLS"}, {"type": "apiKey", "in": "body"}, {"type": "http"},
        )))

    def finish_components(self, spec: dict[str, Any]) -> None:
        schemas = {c.name: c.schema for c in self.schemas}
        security = {}
        if self.on("security") and (self.security_used or self.chance(20)):
            if self.v2:
                security = {"key": self.pick(({"type": "apiKey", "name": "X-Api-Key", "in": "header"}, {"type": "basic"},
                                              {"type": "oauth2", "flow": "application", "tokenUrl": "https://x.example/t", "scopes": {}}))}
            else:
                security = {"key": self.security_scheme()}
                for name in self.names(0, 3, "component"):
                    security.setdefault(name, self.security_scheme())
            if self.chance(30):
                spec["security"] = [{name: []} for name in security if self.chance(50)] or []
                self.note("document:default-security")
            self.note("document:security-schemes")
        if self.v2:
            if schemas:
                spec["definitions"] = schemas
            if self.parameters:
                spec["parameters"] = self.parameters
            if self.responses:
                spec["responses"] = self.responses
            if security:
                spec["securityDefinitions"] = security
            return
        components: dict[str, Any] = {}
        for key, value in (("schemas", schemas), ("parameters", self.parameters), ("requestBodies", self.request_bodies),
                           ("responses", self.responses), ("headers", self.headers), ("examples", self.examples),
                           ("pathItems", self.path_items), ("securitySchemes", security)):
            if value:
                components[key] = value
        if components:
            spec["components"] = components


# -- helpers ----------------------------------------------------------------------------------------------


def _fit(value: str, charset: str, fallback: str) -> str:
    """``value`` made to fit the names a place allows (the drawn value when it already does)."""
    if charset == "any":
        return value
    if charset == "component":
        fitted = value if _COMPONENT_KEY.fullmatch(value) else "".join(
            c for c in unicodedata.normalize("NFKD", value) if _COMPONENT_KEY.fullmatch(c))
    elif charset == "token":
        fitted = value if _TOKEN.fullmatch(value) else "".join(
            c for c in unicodedata.normalize("NFKD", value) if _TOKEN.fullmatch(c))
    else:  # "path" (a literal segment) or "template" (a path parameter's name)
        fitted = "".join(c for c in value if c not in _PATH_BAD and unicodedata.category(c)[0] not in "CZ")
        if fitted in (".", ".."):
            fitted = ""
    return fitted or fallback.strip(".") or "x"


def _fragment(pointer: str, raw_unicode: bool) -> str:
    """A JSON pointer as a URI fragment: characters a fragment may not hold percent-encoded."""
    out = []
    for ch in pointer:
        if ch in _SAFE_IN_FRAGMENT or (raw_unicode and not ch.isascii() and ch.isprintable() and not ch.isspace()):
            out.append(ch)
        else:
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8")))
    return "".join(out)


def _sub_schemas(node: dict[str, Any], steps: tuple[str, ...], depth: int = 0) -> list[tuple[str, ...]]:
    """Where the schemas inside ``node`` are, as pointer steps (properties, items, additionalProperties, allOf)."""
    found: list[tuple[str, ...]] = []
    if depth > 3:
        return found
    children: list[tuple[tuple[str, ...], Any]] = []
    if isinstance(node.get("properties"), dict):
        children += [(("properties", k), v) for k, v in node["properties"].items()]
    for key in ("items", "additionalProperties"):
        if isinstance(node.get(key), dict):
            children.append(((key,), node[key]))
    for key in ("allOf", "oneOf", "anyOf"):
        if isinstance(node.get(key), list):
            children += [((key, str(i)), v) for i, v in enumerate(node[key])]
    for more, child in children:
        if isinstance(child, dict):
            found.append(steps + more)
            found += _sub_schemas(child, steps + more, depth + 1)
    return found


def _rebased(node: Any, base: str) -> Any:
    """A copy of ``node`` with its same-document references ("#/...") made relative to ``base``."""
    if isinstance(node, dict):
        out = {k: _rebased(v, base) for k, v in node.items()}
        if isinstance(out.get("$ref"), str) and out["$ref"].startswith("#"):
            out["$ref"] = base + out["$ref"]
        mapping = out.get("discriminator", {}).get("mapping") if isinstance(out.get("discriminator"), dict) else None
        if isinstance(mapping, dict):
            out["discriminator"] = {**out["discriminator"], "mapping": {
                k: base + v if isinstance(v, str) and v.startswith("#") else v for k, v in mapping.items()}}
        return out
    if isinstance(node, list):
        return [_rebased(v, base) for v in node]
    return node


def feature_groups(features: Counter[str]) -> dict[str, dict[str, int]]:
    """Counts grouped by their prefix ("name:keyword" -> group "name", "keyword")."""
    groups: dict[str, dict[str, int]] = {}
    for key, n in sorted(features.items()):
        group, _, rest = key.partition(":")
        groups.setdefault(group, {})[rest or group] = n
    return groups

