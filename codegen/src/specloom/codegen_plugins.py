"""One package's codegen plugin registry: built-ins first, then the family's plugins, then ``--plugin`` ones.

Each hook of :mod:`specloom.hookspecs` is called here, one implementation at a time, so that
whatever goes wrong names the plugin, the hook and the place of the spec: an exception
becomes a :class:`CodegenPluginError`, an answer of the wrong type too. Hooks nobody
implements cost nothing (the per-name hook is not even wrapped), so a generation without
extra plugins pays for two built-in transforms and little else.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import types
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

import pluggy

from . import hookspecs
from .builtin_plugins import BUILT_INS
from .codegen_context import Generation, SpecDocument
from .diagnostics import ConfigError, SpecloomError
from .family import Settings
from .ir import Api
from .naming import is_identifier
from .plugin_settings import PluginUse


class CodegenPluginError(SpecloomError):
    """A codegen plugin failed, or answered what its hook does not allow: which plugin, which hook, where."""

    def __init__(self, plugin: str, hook: str, where: str, reason: str) -> None:
        super().__init__(f"codegen plugin {plugin!r} failed in {hook}" + (f" at {where}" if where else "") + f": {reason}")
        self.plugin = plugin
        self.hook = hook
        self.where = where
        self.reason = reason


class ActivePlugin(NamedTuple):
    """One registered plugin, as ``specloom plugins`` lists it."""

    name: str
    #: ``built-in``, ``<family.toml> [codegen]``, ``command line``, with the entry point's distribution if any.
    source: str
    hooks: tuple[str, ...]
    #: The file its code is in (``""`` for a built-in).
    file: str = ""


def _entry_points() -> dict[str, Any]:
    from importlib.metadata import entry_points  # here: only a family naming a plugin by entry point pays for it

    return {ep.name: ep for ep in entry_points(group=hookspecs.ENTRY_POINT_GROUP)}


def installed() -> list[tuple[str, str]]:
    """``(name, "module:attr")`` of every installed ``specloom.codegen`` entry point, sorted."""
    return sorted((name, ep.value) for name, ep in _entry_points().items())


def _load(use: PluginUse) -> tuple[object, str]:
    """The plugin object ``use`` names (a class created with its options), and where it came from."""
    reference, source = use.reference, use.origin or "command line"
    if ":" not in reference:
        found = _entry_points()
        if reference not in found:
            import difflib

            close = difflib.get_close_matches(reference, sorted(found), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else (
                f" (installed: {', '.join(sorted(found))})" if found else " (none is installed)")
            raise ConfigError(f"{source}: no specloom.codegen entry point named {reference!r}{hint}")
        entry = found[reference]
        dist = getattr(entry, "dist", None)
        source += f", entry point of {dist.name}" if dist is not None else ", entry point"
        reference = entry.value
    module_name, _, attribute = reference.partition(":")
    try:
        target: object = importlib.import_module(module_name.strip())
    except Exception as exc:
        raise ConfigError(f"{source}: codegen plugin {use.reference!r}: cannot import {module_name!r}: "
                          f"{type(exc).__name__}: {exc}") from exc
    for part in attribute.split("."):
        if not hasattr(target, part.strip()):
            raise ConfigError(f"{source}: codegen plugin {use.reference!r}: {module_name} has no {attribute!r}")
        target = getattr(target, part.strip())
    options = dict(use.options)
    if isinstance(target, type):
        try:
            inspect.signature(target).bind(**options)
        except TypeError as exc:
            raise ConfigError(f"{source}: codegen plugin {use.reference!r} does not take options "
                              f"{sorted(options)}: {exc}") from None
        try:
            return target(**options), source
        except Exception as exc:
            raise ConfigError(f"{source}: codegen plugin {use.reference!r} refused its options: "
                              f"{type(exc).__name__}: {exc}") from exc
    if options:
        raise ConfigError(f"{source}: codegen plugin {use.reference!r} takes no options (it is not a class)")
    return target, source


class _Registry(pluggy.PluginManager):
    """pluggy's manager, not asking about dunder names (no hook is named ``__x__``)."""

    def parse_hookimpl_opts(self, plugin: object, name: str) -> pluggy.HookimplOpts | None:
        return None if name.startswith("__") else super().parse_hookimpl_opts(plugin, name)


def _origin(error: BaseException) -> str:
    """`` (at codegen.py:12)``: the innermost frame of the traceback, to find the plugin's line."""
    import traceback

    frames = traceback.extract_tb(error.__traceback__)
    return f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""


def _check_names(api: Api) -> str:
    """What makes the IR's names unusable, or ``""``: every name an identifier, none twice where it must be unique."""
    # Modules and classes share one namespace each; attributes only within the client or a category.
    unique: dict[str, set[str]] = {"group module": set(), "group class": set()}
    for group in api.groups:
        for kind, name in (("group attribute", group.python_name), ("group module", group.module.lower()),
                           ("group class", group.class_name)):
            if not is_identifier(name):
                return f"the {kind} {name!r} of group {group.name!r} is not a Python identifier"
            if kind in unique:
                if name in unique[kind]:
                    return f"two groups have the {kind} {name!r}"
                unique[kind].add(name)
    if len(set(api.top_groups)) != len(api.top_groups):
        return "two groups have the same attribute on the client"
        methods: set[str] = set()
        for op in group.operations:
            method = op.python_name.rsplit(".", 1)[-1]
            if not is_identifier(method):
                return f"{op.method} {op.path}: method name {method!r} is not a Python identifier"
            if method in methods:
                return f"two operations of group {group.name!r} are named {method!r}"
            methods.add(method)
    classes = [m.class_name for m in api.models.values()]
    modules = [m.module.lower() for m in api.models.values()]
    for kind, names in (("model class", classes), ("model module", modules)):
        bad = next((n for n in names if not is_identifier(n)), None) or next(
            (n for n in sorted(names) if names.count(n) > 1), None)
        if bad is not None:
            return f"the {kind} {bad!r} is " + ("used twice" if is_identifier(bad) else "not a Python identifier")
    return ""


def _safe_path(path: str) -> bool:
    pure = PurePosixPath(path)
    return (bool(path) and "\\" not in path and not pure.is_absolute() and ".." not in pure.parts
            and pure.as_posix() == path and not path.startswith("."))


class CodegenPlugins:
    """The plugins one package is generated with, and each hook's call, checked."""

    def __init__(self, settings: Settings) -> None:
        self.manager = _Registry(hookspecs.PROJECT)
        self.manager.add_hookspecs(hookspecs)
        #: Plugin name -> where it came from (``built-in``, the family.toml, the command line).
        self.sources: dict[str, str] = {}
        self.settings = settings
        for name, built_in in BUILT_INS.items():
            if name not in settings.disable:
                self._register(built_in(), name, "built-in")
        for use in settings.plugins:
            plugin, source = _load(use)
            self._register(plugin, use.reference, source)
        self.external = tuple(name for name, source in self.sources.items() if source != "built-in")

    def _register(self, plugin: object, name: str, source: str) -> None:
        try:
            self.manager.register(plugin, name=name)
            self.manager.check_pending()
        except (pluggy.PluginValidationError, ValueError) as exc:
            raise ConfigError(f"{source}: codegen plugin {name!r} is not a valid plugin: {exc}") from None
        if not self.manager.get_hookcallers(plugin):
            raise ConfigError(f"{source}: codegen plugin {name!r} implements no codegen hook "
                              f"(known: {', '.join(self.hook_names())}); are its methods marked @hookimpl?")
        self.sources[name] = source

    @staticmethod
    def hook_names() -> list[str]:
        return sorted(n for n, v in vars(hookspecs).items() if isinstance(v, types.FunctionType))

    def active(self) -> list[ActivePlugin]:
        found = []
        for name, source in self.sources.items():
            plugin = self.manager.get_plugin(name)
            hooks = tuple(sorted(c.name for c in self.manager.get_hookcallers(plugin) or ()))
            found.append(ActivePlugin(name, source, hooks, "" if source == "built-in" else _code_file(plugin)))
        return found

    # -- calling hooks ---------------------------------------------------------------------

    def _impls(self, hook: str) -> list[pluggy.HookImpl]:
        """The implementations of ``hook`` in registration order (``tryfirst``/``trylast`` respected)."""
        impls = getattr(self.manager.hook, hook).get_hookimpls()
        return sorted(impls, key=lambda i: 0 if i.tryfirst else 2 if i.trylast else 1)

    def _call(self, impl: pluggy.HookImpl, hook: str, where: str, arguments: Mapping[str, Any]) -> Any:
        try:
            return impl.function(*(arguments[name] for name in impl.argnames))
        except CodegenPluginError:
            raise
        except Exception as exc:
            raise CodegenPluginError(impl.plugin_name, hook, where, f"{type(exc).__name__}: {exc}{_origin(exc)}") from exc

    def declared(self) -> dict[str, Any]:
        """The settings as the package's fingerprint records them: with a digest of each external plugin's code,
        so that editing a plugin regenerates what it made."""
        found = self.settings.as_json()
        if self.external:
            digest = hashlib.sha256()
            for name in self.external:
                for label, path in _code_files(self.manager.get_plugin(name)):
                    digest.update(name.encode() + b"\0" + label.encode() + b"\0" + path.read_bytes() + b"\0")
            found["plugin_code"] = digest.hexdigest()
        return found

    def patcher(self, generation: Generation) -> Callable[[str, Any], None] | None:
        """What :class:`~specloom.loader.SpecSet` runs on each document it parses; ``None`` when nobody patches."""
        impls = self._impls("patch_document")
        if not impls:
            return None

        def patch(file: str, data: Any) -> None:
            document = SpecDocument(file, data, generation.diagnostics)
            for impl in impls:
                document.pointer = ""
                answer = self._patch_one(impl, document, generation)
                if answer is not None:
                    raise CodegenPluginError(impl.plugin_name, "patch_document", file,
                                             f"returned {type(answer).__name__}; it changes document in place and "
                                             "returns None")

        return patch

    @staticmethod
    def _patch_one(impl: pluggy.HookImpl, document: SpecDocument, generation: Generation) -> Any:
        """One plugin's patch; an error names the last pointer the plugin touched through ``document``."""
        try:
            return impl.function(*({"document": document, "generation": generation}[n] for n in impl.argnames))
        except Exception as exc:
            where = f"{document.file}#{document.pointer or '/'}"
            raise CodegenPluginError(impl.plugin_name, "patch_document", where,
                                     f"{type(exc).__name__}: {exc}{_origin(exc)}") from exc

    def namer(self, generation: Generation) -> Callable[[str, str, str], str] | None:
        """``(kind, identity, default) -> name`` for the front end; ``None`` when no plugin chooses names."""
        impls = self._impls("choose_name")[::-1]  # firstresult: the most recently registered first
        if not impls:
            return None

        def name(kind: str, identity: str, default: str) -> str:
            arguments = {"kind": kind, "identity": identity, "default": default, "generation": generation}
            for impl in impls:
                answer = self._call(impl, "choose_name", f"{kind} {identity}", arguments)
                if answer is None:
                    continue
                if not isinstance(answer, str) or not is_identifier(answer):
                    raise CodegenPluginError(impl.plugin_name, "choose_name", f"{kind} {identity}",
                                             f"returned {answer!r}; expected a Python identifier or None")
                return answer
            return default

        return name

    def transform(self, api: Api, generation: Generation) -> Api:
        """``api`` through every ``transform_api``, in order; an external plugin's result is checked for names."""
        for impl in self._impls("transform_api"):
            answer = self._call(impl, "transform_api", api.source, {"api": api, "generation": generation})
            if answer is None:
                continue
            if not isinstance(answer, Api):
                raise CodegenPluginError(impl.plugin_name, "transform_api", api.source,
                                         f"returned {type(answer).__name__}; expected specloom.ir.Api or None")
            if impl.plugin_name in self.external:
                problem = _check_names(answer)
                if problem:
                    raise CodegenPluginError(impl.plugin_name, "transform_api", api.source,
                                             f"the IR it returned has unusable names: {problem}")
            api = answer
        return api

    def template_folders(self, generation: Generation) -> tuple[Path, ...]:
        folders: list[Path] = []
        for impl in self._impls("template_folders"):
            answer = self._call(impl, "template_folders", str(generation.spec), {"generation": generation})
            for folder in self._sequence(answer, impl, "template_folders", generation, "a list of folders"):
                if not isinstance(folder, (str, Path)) or not Path(folder).is_dir():
                    raise CodegenPluginError(impl.plugin_name, "template_folders", str(generation.spec),
                                             f"{folder!r} is not an existing folder")
                folders.append(Path(folder).resolve())
        return tuple(folders)

    def _sequence(self, answer: object, impl: pluggy.HookImpl, hook: str, generation: Generation,
                  expected: str) -> Sequence[Any]:
        if answer is None:
            return ()
        if isinstance(answer, (str, bytes)) or not isinstance(answer, Sequence):
            raise CodegenPluginError(impl.plugin_name, hook, str(generation.spec),
                                     f"returned {type(answer).__name__}; expected {expected} or None")
        return answer

    def extra_files(self, api: Api, generation: Generation, files: Mapping[str, str]) -> dict[str, str]:
        """The files plugins add, each checked: a safe relative path, text, not one already there."""
        added: dict[str, str] = {}
        owner: dict[str, str] = {}
        for impl in self._impls("extra_files"):
            answer = self._call(impl, "extra_files", str(generation.spec), {"api": api, "generation": generation})
            if answer is None:
                continue
            if not isinstance(answer, Mapping):
                raise CodegenPluginError(impl.plugin_name, "extra_files", str(generation.spec),
                                         f"returned {type(answer).__name__}; expected a mapping of path to text or None")
            for path, text in answer.items():
                if not isinstance(path, str) or not _safe_path(path):
                    raise CodegenPluginError(impl.plugin_name, "extra_files", repr(path),
                                             "a file's path must be relative, with '/', inside the package folder")
                if not isinstance(text, str):
                    raise CodegenPluginError(impl.plugin_name, "extra_files", path,
                                             f"the file's content is {type(text).__name__}; expected str")
                if path in files or path in added:
                    by = f"plugin {owner[path]!r}" if path in owner else "specloom"
                    raise CodegenPluginError(impl.plugin_name, "extra_files", path, f"{by} already generates this file")
                added[path] = text
                owner[path] = impl.plugin_name
        return added

    def package_ready(self, files: Mapping[str, str], api: Api, generation: Generation) -> None:
        view = types.MappingProxyType(dict(files))
        for impl in self._impls("package_ready"):
            answer = self._call(impl, "package_ready", generation.package.package,
                                {"files": view, "api": api, "generation": generation})
            if answer is not None:
                raise CodegenPluginError(impl.plugin_name, "package_ready", generation.package.package,
                                         f"returned {type(answer).__name__}; expected None (raise to stop generation)")


def _code_file(plugin: object) -> str:
    module = inspect.getmodule(plugin if isinstance(plugin, (type, types.ModuleType)) else type(plugin))
    return getattr(module, "__file__", None) or ""


def _code_files(plugin: object) -> Iterator[tuple[str, Path]]:
    """The plugin's code, each file with a name that does not depend on where it is installed: its module, or
    every file of the package it is in (templates and helper files included)."""
    file = _code_file(plugin)
    if not file:
        return
    path = Path(file)
    folder = path.parent
    if (folder / "__init__.py").is_file():
        found = (p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        yield from sorted((p.relative_to(folder).as_posix(), p) for p in found)
    else:
        yield path.name, path


def declared(settings: Settings) -> dict[str, Any]:
    """What the fingerprint records of ``settings`` (see :meth:`CodegenPlugins.declared`)."""
    return CodegenPlugins(settings).declared() if settings.plugins else settings.as_json()


__all__ = ["ActivePlugin", "CodegenPluginError", "CodegenPlugins", "declared", "installed"]
