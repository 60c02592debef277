"""YAML read with the YAML 1.2 core schema, safely.

``1e-08`` is a number and ``yes``/``on``/``2024-01-01`` stay strings, as YAML 1.2 says (PyYAML
speaks YAML 1.1). Only plain dicts, lists and scalars are built: nothing in a spec is executed.
libyaml's parser is used when PyYAML has it; both loaders give equal results.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from .diagnostics import SpecError

# The YAML 1.2 core schema's plain scalars: (tag, pattern, first characters). Every other
# plain scalar (yes, on, 2024-01-01, 0b1, 1_000...) is a string, unlike in YAML 1.1.
_CORE_SCHEMA_RESOLVERS = (
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+0123456789."),
    ),
)


def _construct_int(loader: yaml.SafeLoader | yaml.CSafeLoader, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node))
    # YAML 1.2 writes octal as 0o17; a plain 017 is decimal, unlike in YAML 1.1.
    return int(text, 0) if text.startswith(("0o", "0x")) else int(text)


def _use_core_schema(loader: type[yaml.SafeLoader | yaml.CSafeLoader]) -> None:
    """Give a safe loader class the core schema's resolvers (and none of YAML 1.1's)."""
    loader.yaml_implicit_resolvers = {}
    for tag, pattern, first in _CORE_SCHEMA_RESOLVERS:
        loader.add_implicit_resolver(tag, re.compile(pattern), first)
    loader.add_constructor("tag:yaml.org,2002:int", _construct_int)


class _CoreSchemaLoader(yaml.SafeLoader):
    """The pure-Python SafeLoader with YAML 1.2 core-schema scalars instead of YAML 1.1's."""


_use_core_schema(_CoreSchemaLoader)

#: The libyaml twin of _CoreSchemaLoader, when PyYAML was built with libyaml: its C parser
#: is several times faster on large specs. Tags are still resolved by the Python resolvers
#: above and values built by the same safe constructors, so both give equal results.
_CCoreSchemaLoader: type[yaml.CSafeLoader] | None = None
if yaml.__with_libyaml__:

    class _CCoreSchemaLoaderImpl(yaml.CSafeLoader):
        """libyaml's parser with the SafeConstructor and YAML 1.2 core-schema scalars."""

    _use_core_schema(_CCoreSchemaLoaderImpl)
    _CCoreSchemaLoader = _CCoreSchemaLoaderImpl

#: The loader :func:`load` uses.
_YAML_LOADER: type[yaml.SafeLoader | yaml.CSafeLoader] = _CCoreSchemaLoader or _CoreSchemaLoader


def load(text: str, file: str) -> Any:
    """The YAML document ``text``; a syntax error names the file, line and column."""
    try:
        return yaml.load(text, Loader=_YAML_LOADER)
    except yaml.reader.ReaderError as exc:
        # A character YAML forbids (a control character...). Its position is a character index for
        # the pure-Python reader but a UTF-8 byte offset for libyaml: find the character instead.
        char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
        index = text.find(char)
        where = ""
        if index >= 0:
            line, column = text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)
            where = f" at line {line} column {column}"
        raise SpecError(file, "", f"invalid YAML{where}: unacceptable character {char!r}: {exc.reason}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1} column {mark.column + 1}" if mark else ""
        raise SpecError(file, "", f"invalid YAML{where}: {getattr(exc, 'problem', None) or exc}") from None
