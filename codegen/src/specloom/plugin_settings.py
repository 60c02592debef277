"""Which codegen plugins a family uses: the ``[codegen]`` table of its family.toml, and ``--plugin``.

::

    [codegen]
    plugins = ["my_sdk.codegen:Plugin", "my-sdk"]   # "module:attr", or a specloom.codegen entry point's name
    disable = ["pagination"]                        # built-in plugins this family does without

    [codegen.options."my_sdk.codegen:Plugin"]       # keyword arguments the plugin class is created with
    rename = { audit_logs = "audit" }

Plugins run in the order listed, after the built-ins. A built-in the family disables can be
replaced by one of its own: the ``[pagination]`` and ``[[waiter]]`` declarations stay readable
to it as ``generation.settings``.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, NamedTuple

from .builtin_plugins import BUILT_INS
from .diagnostics import ConfigError

#: The built-in codegen plugins, by the name ``disable`` uses.
BUILT_IN_NAMES = tuple(BUILT_INS)
CODEGEN_KEYS = frozenset({"plugins", "disable", "options"})


class PluginUse(NamedTuple):
    """One plugin a family (or the command line) asks for, with the options it is created with."""

    reference: str
    #: Keyword arguments for the plugin's class, sorted by name; values as TOML gave them.
    options: tuple[tuple[str, Any], ...] = ()
    #: Where it was asked for: ``<family.toml> [codegen]`` or ``command line``.
    origin: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"reference": self.reference, "options": dict(self.options)}


def _close(word: str, known: list[str]) -> str:
    close = difflib.get_close_matches(word, known, n=1)
    return f"; did you mean {close[0]!r}?" if close else f" (known: {', '.join(known) or 'none'})"


def read_codegen_table(table: object, where: str) -> tuple[tuple[PluginUse, ...], tuple[str, ...]]:
    """The ``[codegen]`` table: the plugins asked for and the built-ins disabled, checked."""
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: must be a table (plugins = [...], disable = [...])")
    for key in table:
        if key not in CODEGEN_KEYS:
            raise ConfigError(f"{where}: unknown key {key!r}{_close(key, sorted(CODEGEN_KEYS))}")
    references = _strings(table, "plugins", where)
    if len(set(references)) != len(references):
        raise ConfigError(f"{where}: a plugin is listed twice in plugins")
    for reference in references:
        check_reference(reference, where)
    disable = _strings(table, "disable", where)
    for name in disable:
        if name not in BUILT_IN_NAMES:
            raise ConfigError(f"{where}: disable: {name!r} is not a built-in plugin{_close(name, list(BUILT_IN_NAMES))}")
    options = table.get("options", {})
    if not isinstance(options, dict) or not all(isinstance(v, dict) for v in options.values()):
        raise ConfigError(f"{where}: options must be tables, one per plugin: [codegen.options.\"module:attr\"]")
    for reference in options:
        if reference not in references:
            raise ConfigError(f"{where}: options for {reference!r}, which plugins does not list"
                              f"{_close(reference, list(references))}")
    uses = tuple(PluginUse(r, tuple(sorted(options.get(r, {}).items())), where) for r in references)
    return uses, tuple(disable)


def check_reference(reference: str, where: str) -> None:
    """``module:attr`` (dotted names on both sides) or an entry point's name; nothing else."""
    module, colon, attribute = reference.partition(":")
    dotted = all(p.isidentifier() for p in [*module.split("."), *attribute.split(".")]) if colon else False
    if not (dotted if colon else re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", reference)):
        raise ConfigError(f"{where}: plugin {reference!r} must be \"module:attr\" (e.g. \"my_sdk.codegen:Plugin\") "
                          "or the name of a specloom.codegen entry point")


def from_command_line(references: list[str] | None) -> tuple[PluginUse, ...]:
    """``--plugin module:attr`` (repeatable): plugins for a one-off run, without options."""
    found = tuple(dict.fromkeys(references or ()))
    for reference in found:
        check_reference(reference, "--plugin")
    return tuple(PluginUse(r, (), "command line") for r in found)


def _strings(table: dict[str, Any], key: str, where: str) -> list[str]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key} must be a list of strings")
    return list(value)

