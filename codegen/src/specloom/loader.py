"""Reading spec files safely and following ``$ref`` across files.

JSON and YAML (YAML through :mod:`specloom.yaml12`, with the 1.2 core schema). Nothing in a
spec is executed: YAML is parsed with a safe loader that builds plain dicts, lists and scalars only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import unquote

from . import swagger2
from .diagnostics import Diagnostics, SpecError


class Location(NamedTuple):
    """Where a node is: the file (as given, for messages) and its JSON pointer."""

    file: str
    pointer: str = ""

    def child(self, *parts: str | int) -> Location:
        tail = "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)
        return Location(self.file, self.pointer + tail)

    @property
    def key(self) -> str:
        """A stable identity for the node: file#pointer."""
        return f"{self.file}#{self.pointer}"

    def __str__(self) -> str:
        return f"{self.file}#{self.pointer or '/'}"


def parse_text(text: str, file: str) -> Any:
    """Parse JSON or YAML text; a syntax error names the file and the position."""
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            # A .json file may hold YAML (a real vendor spec does); YAML is a JSON superset.
            try:
                return _load_yaml(text, file)
            except SpecError:
                raise SpecError(file, "", f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    return _load_yaml(text, file)


def _load_yaml(text: str, file: str) -> Any:
    # Imported on first use: PyYAML is a tenth of a small generation's start-up, and JSON specs never need it.
    from .yaml12 import load

    return load(text, file)


_MISSING = object()


def walk(node: Any, parts: list[str], missing: Any = None) -> Any:
    """The node at ``parts`` (unescaped JSON-pointer parts) below ``node``; ``missing`` when there is none."""
    for part in parts:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return missing
    return node


class SpecSet:
    """The root spec and every file it references, loaded once each."""

    def __init__(self, root: Path, diagnostics: Diagnostics, patch: Callable[[str, Any], None] | None = None) -> None:
        """``patch(file, document)``: changes each document in place once it is parsed (codegen plugins' repairs)."""
        self.root_path = root.resolve()
        self._patch = patch
        self.base_dir = self.root_path.parent
        self.diagnostics = diagnostics
        self._docs: dict[str, Any] = {}
        self._files: dict[tuple[str, str], str] = {}
        #: Whether the root document was converted from Swagger 2.0 (see :meth:`convert_root`).
        self.root_converted = False
        self.root_file = self._name(self.root_path)
        self.root = self.document(self.root_file)

    def convert_root(self) -> None:
        """Read a Swagger 2.0 root as OpenAPI 3.0 from now on, references into it included."""
        self._docs[self.root_file] = self.root = swagger2.convert(self.root)
        self.root_converted = True

    def files(self) -> list[str]:
        """The files read so far, the root first: names relative to the root's folder (absolute outside it)."""
        return list(self._docs)

    def _name(self, path: Path) -> str:
        try:
            return path.relative_to(self.base_dir).as_posix()
        except ValueError:
            return path.as_posix()

    def document(self, file: str) -> Any:
        if file not in self._docs:
            path = (self.base_dir / file).resolve()
            if path.exists() and not path.is_file():
                # A folder, a device (/dev/zero never ends), a pipe: nothing a spec can be read from.
                raise SpecError(file, "", "cannot read the file: it is not a regular file")
            try:
                text = path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as exc:
                raise SpecError(file, "", f"cannot read the file: {exc}") from None
            document = parse_text(text, file)
            if self._patch is not None:
                self._patch(file, document)
            self._docs[file] = document
        return self._docs[file]

    def _file_of(self, referrer: str, target: str) -> str:
        """The name of the file ``target`` (a relative reference) means when written in ``referrer``."""
        key = (referrer, target)
        if key not in self._files:
            # Resolving a path asks the disk; a split spec refers to the same few files thousands of times.
            self._files[key] = self._name((self.base_dir / Path(referrer).parent / target).resolve())
        return self._files[key]

    def resolve(self, ref: object, at: Location) -> tuple[Any, Location] | None:
        """Follow one ``$ref`` found at ``at``; a dangling one is a warning and ``None``."""
        if not isinstance(ref, str):
            self.diagnostics.warn(at.file, at.pointer, f"$ref is not a string: {ref!r}; treated as any value")
            return None
        target_file, _, pointer = ref.partition("#")
        target_file = unquote(target_file)  # a URI reference: "my%20file.yaml" is "my file.yaml"
        file = at.file
        if target_file:
            if re.match(r"^[a-z][a-z0-9+.-]*://", target_file):
                self.diagnostics.warn(at.file, at.pointer, f"$ref {ref!r} points at a URL, which is never fetched")
                return None
            file = self._file_of(at.file, target_file)
            try:
                document = self.document(file)
            except SpecError as exc:
                self.diagnostics.warn(at.file, at.pointer, f"$ref {ref!r}: {exc.reason}")
                return None
            if file == self.root_file and self.root_converted:
                # Another file pointing into a root that was converted from Swagger 2.0.
                pointer = swagger2.moved_pointer(unquote(pointer))
        else:
            document = self.document(file)
        parts = [p.replace("~1", "/").replace("~0", "~") for p in unquote(pointer).split("/")[1:]] if pointer else []
        node = walk(document, parts, missing=_MISSING)
        if node is _MISSING:
            self.diagnostics.warn(at.file, at.pointer, f"$ref {ref!r} does not resolve; treated as any value")
            return None
        return node, Location(file, unquote(pointer))

    def deref(self, node: Any, at: Location, *, limit: int = 32) -> tuple[Any, Location] | None:
        """Follow ``$ref`` chains (a parameter referencing a parameter...) to a concrete node."""
        seen = 0
        while isinstance(node, dict) and "$ref" in node:
            resolved = self.resolve(node["$ref"], at)
            if resolved is None:
                return None
            node, at = resolved
            seen += 1
            if seen > limit:
                raise SpecError(at.file, at.pointer, "$ref chain loops")
        return node, at
