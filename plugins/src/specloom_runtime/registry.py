"""Each client's own plugin registry: built-ins first, then entry points, then the client's own plugins.

pluggy calls the most recently registered implementation first, so a plugin
passed to the client is asked before an installed one, and both before the
built-ins; for ``firstresult`` hooks (auth, retry decisions) the first answer wins.
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
import types
from collections.abc import Iterable
from pathlib import Path

import pluggy

from . import hookspecs
from .auth import AuthPlugin
from .errors import ConfigurationError
from .retry import RetryPlugin
from .tracing import ErrorsPlugin, TracingPlugin
from .validation import ValidationPlugin


@functools.cache
def _entry_points() -> tuple[tuple[str, str], ...]:
    """``(name, "module:attr")`` of every installed ``specloom.plugins`` entry point, found once per process.

    Read straight from the ``entry_points.txt`` files on ``sys.path``: importing
    importlib.metadata (and the email parser it pulls in) would cost more than
    a whole generated package's import.
    """
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = [n for n in os.listdir(entry or ".") if n.endswith((".dist-info", ".egg-info"))]
        except OSError:
            continue
        for name in sorted(names):
            try:
                text = Path(entry or ".", name, "entry_points.txt").read_text(encoding="utf-8")
            except OSError:
                continue
            if hookspecs.ENTRY_POINT_GROUP in text:
                for ep_name, value in _group_lines(text, hookspecs.ENTRY_POINT_GROUP):
                    found.setdefault(ep_name, value)  # the first on sys.path wins, as in importlib.metadata
    return tuple(sorted(found.items()))


def _group_lines(text: str, group: str) -> list[tuple[str, str]]:
    lines, inside = [], False
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("["):
            inside = line == f"[{group}]"
        elif inside and "=" in line and not line.startswith(("#", ";")):
            name, _, value = line.partition("=")
            lines.append((name.strip(), value.strip()))
    return lines


def _load(value: str) -> object:
    module, _, attribute = value.partition(":")
    target: object = importlib.import_module(module.strip())
    for part in attribute.split(".") if attribute else ():
        target = getattr(target, part.strip())
    return target


class _Registry(pluggy.PluginManager):
    """pluggy's manager, not asking about dunder names.

    pluggy looks up every name ``dir()`` gives a plugin or the hookspecs module with
    ``inspect.getattr_static``, most of them ``object``'s own dunders, and every client
    builds its registry: no hook is named ``__x__``, so those are skipped at once.
    """

    def parse_hookimpl_opts(self, plugin: object, name: str) -> pluggy.HookimplOpts | None:
        return None if name.startswith("__") else super().parse_hookimpl_opts(plugin, name)

    def parse_hookspec_opts(self, module_or_class: types.ModuleType | type, name: str) -> pluggy.HookspecOpts | None:
        return None if name.startswith("__") else super().parse_hookspec_opts(module_or_class, name)


def plugin_manager(plugins: Iterable[object] = (), *, entry_points: bool = True) -> pluggy.PluginManager:
    pm = _Registry(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    built_in: dict[str, object] = {"errors": ErrorsPlugin(), "auth": AuthPlugin(), "retry": RetryPlugin(),
                                   "tracing": TracingPlugin(), "validation": ValidationPlugin()}
    for name, plugin in built_in.items():
        pm.register(plugin, name=f"specloom.{name}")
    if entry_points:
        for name, value in _entry_points():
            try:
                loaded = _load(value)
            except Exception as exc:
                raise ConfigurationError(f"the plugin {name!r} ({value}) could not be loaded: {exc}") from exc
            # A class is instantiated per client, so plugin state is never shared between clients.
            pm.register(loaded() if isinstance(loaded, type) else loaded, name=f"entry-point:{name}")
    for plugin in plugins:
        pm.register(plugin)
    return pm
