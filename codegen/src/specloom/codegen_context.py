"""What codegen hooks are given: the package being generated, and a spec file's document to patch."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .diagnostics import Diagnostics, SpecError
from .family import Settings
from .render import PackageInfo


class Generation:
    """The package being generated: its names and release, its spec, the family's settings for it.

    The same object for every hook of one package. ``warn`` reports something a plugin noticed or
    repaired (``--strict`` turns warnings into a failing exit code). A spec read for itself rather
    than for a package (``specloom diff`` of two spec files) has a package with empty names.
    """

    __slots__ = ("diagnostics", "package", "settings", "spec")

    def __init__(self, package: PackageInfo, spec: Path, settings: Settings, diagnostics: Diagnostics) -> None:
        self.package = package
        #: The root spec file.
        self.spec = spec
        #: What family.toml declares for the release (pagination and waiter declarations, plugins...).
        self.settings = settings
        #: Where warnings go (the built-in plugins hand it to the rules they run).
        self.diagnostics = diagnostics

    def warn(self, where: str, message: str) -> None:
        """A warning about ``where`` (``file#pointer``, an operation, a package file)."""
        file, _, pointer = where.partition("#")
        self.diagnostics.warn(file, pointer, message)

    def __repr__(self) -> str:
        return f"Generation({self.package.distribution} {self.package.version}, spec={self.spec.name!r})"


def escape(part: str | int) -> str:
    """One JSON-pointer segment: ``/`` and ``~`` escaped (``/api/v1`` -> ``~1api~1v1``)."""
    return str(part).replace("~", "~0").replace("/", "~1")


class SpecDocument:
    """One parsed spec file, for :func:`specloom.hookspecs.patch_document` to change in place.

    Every change through :meth:`set` and :meth:`remove` names its JSON pointer, so a pointer that
    does not lead anywhere is a :class:`~specloom.diagnostics.SpecError` naming ``file#pointer``,
    and an error the plugin raises afterwards names the last place it touched.
    """

    __slots__ = ("_diagnostics", "data", "file", "pointer")

    def __init__(self, file: str, data: Any, diagnostics: Diagnostics) -> None:
        #: The file's name, relative to the root spec's folder (as in diagnostics).
        self.file = file
        #: The parsed document: dicts, lists and scalars, changed in place.
        self.data = data
        #: The last pointer read or changed (for error messages).
        self.pointer = ""
        self._diagnostics = diagnostics

    def _parts(self, pointer: str) -> list[str]:
        if pointer and not pointer.startswith("/"):
            raise SpecError(self.file, pointer, "a JSON pointer starts with '/'")
        self.pointer = pointer
        return [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]] if pointer else []

    def _step(self, node: Any, part: str, pointer: str) -> Any:
        if isinstance(node, dict) and part in node:
            return node[part]
        if isinstance(node, list) and part.isdigit() and int(part) < len(node):
            return node[int(part)]
        raise SpecError(self.file, pointer, f"nothing at {part!r}")

    def has(self, pointer: str) -> bool:
        """Whether ``pointer`` leads to a value."""
        try:
            self.get(pointer)
        except SpecError:
            return False
        return True

    def get(self, pointer: str) -> Any:
        """The value at ``pointer`` (``""``: the whole document)."""
        node = self.data
        for part in self._parts(pointer):
            node = self._step(node, part, pointer)
        return node

    def set(self, pointer: str, value: Any) -> None:
        """Set the value at ``pointer``; its parent must exist (a list takes an index or ``-`` to append)."""
        *parents, last = self._parts(pointer) or [""]
        if not pointer:
            raise SpecError(self.file, pointer, "the whole document cannot be replaced; change document.data")
        node = self.data
        for part in parents:
            node = self._step(node, part, pointer)
        if isinstance(node, dict):
            node[last] = value
        elif isinstance(node, list) and last == "-":
            node.append(value)
        elif isinstance(node, list) and last.isdigit() and int(last) < len(node):
            node[int(last)] = value
        else:
            raise SpecError(self.file, pointer, f"cannot set {last!r} in a {type(node).__name__}")

    def remove(self, pointer: str) -> Any:
        """Remove the value at ``pointer`` and return it."""
        *parents, last = self._parts(pointer) or [""]
        node = self.data
        for part in parents:
            node = self._step(node, part, pointer)
        self._step(node, last, pointer)
        return node.pop(int(last) if isinstance(node, list) else last)

    def warn(self, pointer: str, message: str) -> None:
        """A warning about ``file#pointer`` (what was repaired, and why)."""
        self._diagnostics.warn(self.file, pointer, message)

    def __repr__(self) -> str:
        return f"SpecDocument({self.file!r})"
