"""One package from one spec: load -> IR -> render -> (write | compare)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from .build import read_openapi
from .changelog import ReleaseApi, changelog
from .codegen_context import Generation
from .codegen_plugins import CodegenPlugins
from .diagnostics import ConfigError, Diagnostics, InternalError, SpecError, SpecloomError
from .family import NO_SETTINGS, Settings
from .graphql import GRAPHQL_SUFFIXES
from .inputs import Inputs, inputs
from .ir import Api
from .ledger import Ledger
from .render import PackageInfo, Renderer
from .writer import WriteResult, leftovers, plan, write


class Outcome(NamedTuple):
    label: str
    operations: int
    models: int
    files: dict[str, str]
    diagnostics: Diagnostics
    #: The release's IR: the names it gave, for the next release to keep, and its changelog's input.
    api: Api
    #: What the package was made from (recorded in its manifest); ``None`` if a spec file went unreadable.
    inputs: Inputs | None


def render_package(spec: Path, info: PackageInfo, label: str, ledger: Ledger | None = None,
                   earlier: Sequence[ReleaseApi] = (), previous: str = "", settings: Settings = NO_SETTINGS) -> Outcome:
    """``earlier``: the family's earlier releases, oldest first, which the package's CHANGELOG.md compares;
    ``previous``: the fingerprint of the one before (see :mod:`specloom.inputs`); ``settings``: what the
    family.toml declares for the release (pagination, waiters, GraphQL scalars, codegen plugins)."""
    diagnostics = Diagnostics()
    plugins = CodegenPlugins(settings)
    generation = Generation(info, spec, settings, diagnostics)
    with _reported(spec, diagnostics):
        api, spec_files = _read(spec, generation, ledger, plugins)
        files = Renderer(api, info, diagnostics, earlier[-1][1] if earlier else None,
                         plugins.template_folders(generation)).render()
        files["CHANGELOG.md"] = changelog((info, api), earlier)
        files.update(shipped_spec(spec, spec_files, info.package, settings))
        files.update(plugins.extra_files(api, generation, files))
        plugins.package_ready(files, api, generation)
    return Outcome(label, len(api.operations), len(api.models), files, diagnostics, api,
                   inputs(spec, spec_files, info, previous, plugins.declared()))


#: Where a package carries the spec it was made from: ``specloom diff`` reads packages as it reads specs.
SPEC_FOLDER = "_spec"


def shipped_spec(spec: Path, spec_files: list[str], package: str, settings: Settings) -> dict[str, str]:
    """The spec's files, and ``release.json`` (its root and the family.toml settings), under ``<package>/_spec/``.

    A file outside the spec's folder (an absolute name) has no place there: such a package ships no spec.
    """
    if outside_folder(spec_files):
        return {}
    base = spec.resolve().parent
    files = {f"{package}/{SPEC_FOLDER}/{name}": (base / name).read_text(encoding="utf-8-sig") for name in spec_files}
    release = {"root": spec_files[0], "settings": settings.as_json()}
    files[f"{package}/{SPEC_FOLDER}/release.json"] = json.dumps(release, indent=1, sort_keys=True) + "\n"
    return files


def outside_folder(spec_files: list[str]) -> list[str]:
    """The files of a spec that lie outside its folder (the loader names them by absolute path)."""
    return [name for name in spec_files if Path(name).is_absolute() or name.startswith("../")]


def shipped(package_dir: Path) -> tuple[Path, Settings, Ledger] | None:
    """The spec a generated package carries, its settings and the names the package gave; ``None`` if it has none."""
    found = sorted(package_dir.glob(f"*/{SPEC_FOLDER}/release.json"))
    if not found:
        return None
    try:
        release = json.loads(found[0].read_text(encoding="utf-8"))
        root = found[0].parent / str(release["root"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"{found[0]}: unreadable ({exc})") from None
    return root, Settings.from_json(release.get("settings", {}), str(found[0])), Ledger.read(package_dir)


def read_release(spec: Path, info: PackageInfo, ledger: Ledger | None = None, previous: str = "",
                 settings: Settings = NO_SETTINGS) -> tuple[Api, Inputs | None]:
    """A release's IR and inputs without rendering it (for a release that is not written)."""
    diagnostics = Diagnostics()
    plugins = CodegenPlugins(settings)
    with _reported(spec, diagnostics):
        api, spec_files = _read(spec, Generation(info, spec, settings, diagnostics), ledger, plugins)
    return api, inputs(spec, spec_files, info, previous, plugins.declared())


#: The package of a spec read for itself (``specloom diff``), not for a package.
UNNAMED = PackageInfo("", "", "", "")


def read_spec(spec: Path, diagnostics: Diagnostics, ledger: Ledger | None = None,
              settings: Settings = NO_SETTINGS) -> tuple[Api, list[str]]:
    """A release's IR, by either front end, and its files: a GraphQL schema (SDL, or an introspection
    result) with its operations, or an OpenAPI spec; with what ``settings`` declare and their codegen plugins do."""
    return _read(spec, Generation(UNNAMED, spec, settings, diagnostics), ledger, CodegenPlugins(settings))


def _read(spec: Path, generation: Generation, ledger: Ledger | None, plugins: CodegenPlugins) -> tuple[Api, list[str]]:
    """The front end, then the codegen plugins' transforms (the built-ins: pagination, waiters, token_exchange)."""
    if is_graphql(spec):
        from .graphql.reader import load_graphql_api  # here: OpenAPI runs never import graphql-core

        api, files = load_graphql_api(spec, generation.diagnostics, ledger, generation.settings.scalars)
    else:
        api, files = read_openapi(spec, generation.diagnostics, ledger, plugins.patcher(generation),
                                  plugins.namer(generation))
    return plugins.transform(api, generation), files


def is_graphql(spec: Path) -> bool:
    if spec.suffix == ".json":
        try:
            with spec.open("rb") as file:
                return b'"__schema"' in file.read(256)  # an introspection result says so at once
        except OSError:
            return False
    return spec.suffix in GRAPHQL_SUFFIXES


@contextmanager
def _reported(spec: Path, diagnostics: Diagnostics) -> Iterator[None]:
    """Any exception that is not one of ours is a bug: say where in the spec it happened."""
    try:
        yield
    except SpecloomError:
        raise
    except RecursionError:
        # Input, not a bug: schemas, $ref chains or documents nested deeper than Python recurses.
        file, _, pointer = (diagnostics.position or spec.name).partition("#")
        raise SpecError(file, pointer, "nested too deeply to read (schemas, $ref chains or the document itself); "
                                       "flatten the nesting with named components") from None
    except Exception as exc:
        raise InternalError(diagnostics.position or str(spec), exc) from exc


def write_package(outcome: Outcome, out: Path) -> WriteResult:
    return write(out, outcome.files, outcome.inputs.as_json() if outcome.inputs else None)


def stale_files(outcome: Outcome, out: Path) -> list[str]:
    """Files under ``out`` that differ from, are missing from, or are not in ``outcome``."""
    encoded, stale = plan(out, outcome.files, outcome.inputs.as_json() if outcome.inputs else None)
    return sorted(stale + leftovers(out, encoded))
