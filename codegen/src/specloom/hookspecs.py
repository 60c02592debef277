"""The hooks a specloom codegen plugin can implement.

Generation runs load -> **patch** -> IR -> **transform** -> render -> **add files** -> **see the
package** -> write, and each hook below is called at exactly one of those steps (see
:mod:`specloom.pipeline`). A plugin is any object (or module) with methods named like these
hooks and marked with :data:`hookimpl`; it may accept only the arguments it needs, as with
pluggy. Plugins come from three places (:mod:`specloom.codegen_plugins`): the built-ins
(``pagination``, ``waiters``), a family's ``[codegen]`` table in ``family.toml``
(``"module:attr"`` or the name of a ``specloom.codegen`` entry point) and ``--plugin`` on the
command line.

The contract every hook keeps: **a hook is a pure function of its arguments and of the
options its plugin was created with**. No clock, no randomness, no network, no reading files
that are not the plugin's own, no state carried from one call to the next. Generation is
deterministic only if every hook is (``specloom generate --check-determinism`` renders each
package twice and names the files that differ).

Order: hooks that chain or collect run in registration order, the built-ins first, then the
family's plugins in the order ``family.toml`` lists them, then ``--plugin`` ones, so a
downstream plugin sees (and may undo) what the built-ins did. A ``firstresult`` hook asks the
most recently registered plugin first, so a downstream plugin overrides a built-in.

A hook that raises stops generation with a
:class:`~specloom.codegen_plugins.CodegenPluginError` naming the plugin, the hook and the place
of the spec it was working on; nothing of that package is written. A hook returning something
of the wrong type is the same error, saying what was expected.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from .codegen_context import Generation, SpecDocument
    from .ir import Api

PROJECT = "specloom.codegen"
ENTRY_POINT_GROUP = "specloom.codegen"

hookspec = pluggy.HookspecMarker(PROJECT)
#: Decorate a codegen plugin's hook implementations with this.
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def patch_document(document: SpecDocument, generation: Generation) -> None:
    """Repair the raw spec document of one file, in place, before anything reads it.

    Called once per file of an OpenAPI spec (the root and every file a ``$ref`` reaches), right
    after it is parsed and before a Swagger 2.0 root is converted, so pointers are the file's
    own. ``document.file`` names the file; change it through ``document.set(pointer, value)``,
    ``document.remove(pointer)`` or ``document.get(pointer)`` (JSON pointers, so an error names
    ``file#pointer``), or through ``document.data`` directly. ``document.warn(pointer, message)``
    reports what was repaired. GraphQL schemas are not patched. Returns ``None``: returning
    anything else is an error (the change is made in place).
    """


@hookspec(firstresult=True)
def choose_name(kind: str, identity: str, default: str, generation: Generation) -> str | None:
    """Propose the Python name of one element before the default naming rules settle it, or ``None``.

    ``kind`` is ``"operation"`` (a method within its group; ``identity`` ``"GET /path"``),
    ``"group"`` (a group's attribute on the client; ``identity`` the tag) or ``"model"`` (a model
    class; ``identity`` the schema's ``file#pointer`` identity, as in ``schemas.json``);
    ``default`` is what the rules would propose. ``firstresult``: the most recently registered
    plugin that answers wins. The answer must be a Python identifier; it still goes through
    the collision check (a clash gets ``_2``), and a name an earlier release of the family gave
    the same element is kept over it, so names stay stable from one release to the next.
    Called once per element, and only when a plugin implements it.
    """


@hookspec
def transform_api(api: Api, generation: Generation) -> Api | None:
    """Return the IR changed (or ``None`` to leave it as it is), once per release, after it is built.

    Chained: each plugin gets what the one before returned. The place to rename and regroup
    (``Group``/``Operation`` ``python_name``, ``module``, ``class_name``), hide operations or models,
    mark operations (``pagination``, ``waiter``, ``stream_switch``) and add ``extensions``. The
    IR is immutable: build the changed one with ``_replace``. What is returned must be a
    :class:`specloom.ir.Api` whose names are still unique identifiers (checked after each
    plugin). The names the result gives are what the next release of the family keeps.
    """


@hookspec
def template_folders(generation: Generation) -> Sequence[Path] | None:
    """Folders of jinja2 templates searched before the built-in ones, once per package.

    A template there named like a built-in one (``group.py.jinja``, ``README.md.jinja``...)
    replaces it; to extend one, ``{% extends "specloom/<name>" %}`` reaches the built-in and
    its blocks (``group.py.jinja`` has ``class_end``, inside each group class, with
    ``variant.def``/``variant.await`` telling the sync class from the async one). Folders of
    earlier-registered plugins are searched first. Each must be an existing folder.
    """


@hookspec
def extra_files(api: Api, generation: Generation) -> Mapping[str, str] | None:
    """Files to add to the package: ``{path: text}``, once per package.

    Paths are relative to the package's folder (the one holding its ``pyproject.toml``), so a
    module goes under the import package: ``f"{generation.package.package}/_helpers.py"``.

    Hand-written helper modules, documentation, type stubs. A path must be relative, use
    ``/``, stay inside the package folder and not be one specloom or another plugin
    generates: a clash is an error naming both. The files are written, checked and
    fingerprinted like the generated ones.
    """


@hookspec
def package_ready(files: Mapping[str, str], api: Api, generation: Generation) -> None:
    """See the finished package (every file, read-only) before it is written or compared.

    For reports and checks: ``generation.warn(...)`` adds a warning (``--strict`` fails on it),
    raising stops generation and nothing of the package is written. Returns ``None``.
    """
