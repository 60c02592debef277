"""Each client's own plugin registry: built-ins first, then entry points, then the client's own plugins.

pluggy calls the most recently registered implementation first, so a plugin
passed to the client is asked before an installed one, and both before the
built-ins; for ``firstresult`` hooks (auth, retry decisions) the first answer wins.
"""

from __future__ import annotations

import functools
import importlib.metadata
from collections.abc import Iterable

import pluggy

from . import hookspecs
from .auth import AuthPlugin
from .errors import ConfigurationError
from .retry import RetryPlugin
from .tracing import ErrorsPlugin, TracingPlugin


@functools.cache
def _entry_points() -> tuple[importlib.metadata.EntryPoint, ...]:
    # Scanning installed distributions is the slow part; once per process is enough.
    return tuple(sorted(importlib.metadata.entry_points(group=hookspecs.ENTRY_POINT_GROUP), key=lambda ep: ep.name))


def plugin_manager(plugins: Iterable[object] = (), *, entry_points: bool = True) -> pluggy.PluginManager:
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    built_in: dict[str, object] = {"errors": ErrorsPlugin(), "auth": AuthPlugin(), "retry": RetryPlugin(), "tracing": TracingPlugin()}
    for name, plugin in built_in.items():
        pm.register(plugin, name=f"specloom.{name}")
    if entry_points:
        for ep in _entry_points():
            try:
                loaded = ep.load()
            except Exception as exc:
                raise ConfigurationError(f"the plugin {ep.name!r} ({ep.value}) could not be loaded: {exc}") from exc
            # A class is instantiated per client, so plugin state is never shared between clients.
            pm.register(loaded() if isinstance(loaded, type) else loaded, name=f"entry-point:{ep.name}")
    for plugin in plugins:
        pm.register(plugin)
    return pm
