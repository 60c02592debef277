"""``specs/<family>/family.toml``: a family's package names and its releases."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple

from .diagnostics import ConfigError
from .naming import is_identifier
from .pagination import Declaration as PageDeclaration
from .pagination import read_declarations
from .plugin_settings import PluginUse, read_codegen_table
from .waiters import Declaration as WaiterDeclaration
from .waiters import read_family_declarations

_RELEASE = re.compile(r"^(\d+)\.(\d+)$")
_DISTRIBUTION = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$")


class Release(NamedTuple):
    version: str  # the control-plane release, "2.24"
    spec: Path
    patch: int = 0

    @property
    def package_version(self) -> str:
        """Control plane 2.24 -> 1.224.0; the spec's own info.version is not trusted for this."""
        major, minor = (int(x) for x in self.version.split("."))
        return f"1.{major * 100 + minor}.{self.patch}"


#: What a custom GraphQL scalar may be read as (``[scalars]`` in family.toml): the JSON type, or a format of strings.
SCALAR_KINDS = ("string", "integer", "number", "boolean", "any", "date-time", "date", "uuid")


class Settings(NamedTuple):
    """What a family.toml says of one release's package beyond its names: the declarations that shape it."""

    pagination: tuple[PageDeclaration, ...] = ()
    waiters: tuple[WaiterDeclaration, ...] = ()
    #: Custom GraphQL scalars and what each is read as (one of :data:`SCALAR_KINDS`).
    scalars: tuple[tuple[str, str], ...] = ()
    #: The codegen plugins asked for (``[codegen] plugins`` and ``--plugin``), in order, with their options.
    plugins: tuple[PluginUse, ...] = ()
    #: The built-in codegen plugins turned off (``[codegen] disable``).
    disable: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        """The settings as JSON, without the file they were read from (the same wherever the repo is checked
        out): shipped with a package's spec (see :func:`Settings.from_json`), and part of its fingerprint."""
        found = {"pagination": [{k: v for k, v in d._asdict().items() if k != "where"} for d in self.pagination],
                 "waiters": [{"operation": w.operation, "table": dict(w.table), "releases": list(w.releases)}
                             for w in self.waiters],
                 "scalars": [list(pair) for pair in self.scalars]}
        # Only when set: a package made without plugins ships the settings it always did.
        if self.plugins or self.disable:
            found["codegen"] = {"plugins": [u.as_json() for u in self.plugins], "disable": list(self.disable)}
        return found

    @classmethod
    def from_json(cls, data: dict[str, Any], where: str) -> Settings:
        """Settings shipped with a package; ``where`` names the file in messages."""
        try:
            pagination = tuple(PageDeclaration(**{**d, "items": tuple(d["items"]) if d.get("items") is not None else None,
                                                  "next": tuple(d.get("next", ())), "where": where})
                               for d in data.get("pagination", []))
            waiters = tuple(WaiterDeclaration(f"{where} ({w['operation']})", w["operation"], w["table"],
                                              tuple(w.get("releases", ()))) for w in data.get("waiters", []))
            scalars = tuple((str(name), str(kind)) for name, kind in data.get("scalars", []))
            codegen = data.get("codegen", {})
            plugins = tuple(PluginUse(str(u["reference"]), tuple(sorted(u.get("options", {}).items())), where)
                            for u in codegen.get("plugins", []))
            disable = tuple(str(name) for name in codegen.get("disable", []))
        except (TypeError, KeyError, ValueError, AttributeError) as exc:
            raise ConfigError(f"{where}: not the settings specloom ships with a package ({exc})") from None
        return cls(pagination, waiters, scalars, plugins, disable)


NO_SETTINGS = Settings()


class Family(NamedTuple):
    name: str
    distribution: str
    package: str
    aliases: tuple[str, ...]
    summary: str
    releases: tuple[Release, ...]
    #: The ``[pagination]`` declarations: list operations the spec's shapes do not show as paginated (or wrongly).
    pagination: tuple[PageDeclaration, ...] = ()
    #: The ``[[waiter]]`` declarations: how to wait for the jobs of submit operations.
    waiters: tuple[WaiterDeclaration, ...] = ()
    #: The ``[scalars]`` table: custom GraphQL scalars and what each is read as.
    scalars: tuple[tuple[str, str], ...] = ()
    #: The ``[codegen]`` table: codegen plugins (with their options) and the built-ins turned off.
    plugins: tuple[PluginUse, ...] = ()
    disable: tuple[str, ...] = ()

    def output_dir(self, generated: Path, release: Release) -> Path:
        return generated / f"{self.name}-{release.version}"

    def settings(self, release: Release) -> Settings:
        return Settings(self.pagination, tuple(w for w in self.waiters if w.applies_to(release.version)), self.scalars,
                        self.plugins, self.disable)


def release_version(text: str, where: str) -> str:
    if not _RELEASE.match(text):
        raise ConfigError(f"{where}: release {text!r} must look like MAJOR.MINOR, e.g. \"2.24\"")
    return text


def check_names(distribution: str, package: str, aliases: tuple[str, ...], where: str) -> None:
    if not _DISTRIBUTION.match(distribution):
        raise ConfigError(f"{where}: distribution {distribution!r} is not a valid distribution name")
    if not is_identifier(package) or package.startswith("_"):
        raise ConfigError(f"{where}: package {package!r} must be a plain Python identifier")
    for alias in aliases:
        if not is_identifier(alias) or alias in ("Client", "AsyncClient"):
            raise ConfigError(f"{where}: alias {alias!r} must be a Python identifier other than Client/AsyncClient")


#: The keys family.toml knows, per table: anything else is a mistake to point out, not to ignore.
TOP_KEYS = frozenset({"family", "release", "pagination", "waiter", "scalars", "codegen"})
FAMILY_KEYS = frozenset({"distribution", "package", "aliases", "summary"})
RELEASE_KEYS = frozenset({"version", "spec", "patch"})


def check_keys(table: dict[str, object], known: frozenset[str], where: str) -> None:
    """Refuse a key ``known`` lacks, suggesting the closest known one (``sumary`` -> ``summary``)."""
    import difflib

    for key in table:
        if key not in known:
            close = difflib.get_close_matches(key, sorted(known), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f" (known: {', '.join(sorted(known))})"
            raise ConfigError(f"{where}: unknown key {key!r}{hint}")


def load_family(directory: Path) -> Family:
    import tomllib  # here: a one-off ``--spec`` run never reads a family.toml, and importing tomllib costs it milliseconds

    path = directory / "family.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None
    check_keys(data, TOP_KEYS, str(path))
    table = data.get("family")
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: a [family] table is required")
    check_keys(table, FAMILY_KEYS, f"{path} [family]")
    try:
        distribution, package = str(table["distribution"]), str(table["package"])
    except KeyError as exc:
        raise ConfigError(f"{path}: [family] needs {exc.args[0]!r}") from None
    aliases = tuple(str(a) for a in table.get("aliases", []))
    check_names(distribution, package, aliases, str(path))
    releases = []
    entries = data.get("release", [])
    if not isinstance(entries, list):
        raise ConfigError(f"{path}: releases are [[release]] tables")
    for i, entry in enumerate(entries):
        where = f"{path} [[release]] #{i + 1}"
        if not isinstance(entry, dict) or "version" not in entry or "spec" not in entry:
            raise ConfigError(f"{where}: needs 'version' and 'spec'")
        check_keys(entry, RELEASE_KEYS, where)
        if not isinstance(entry["version"], str):
            # TOML reads version = 1.10 as the number 1.1: only a string says which release is meant.
            raise ConfigError(f"{where}: version must be a quoted string, e.g. version = \"2.24\" "
                              f"(unquoted, TOML reads it as the number {entry['version']!r})")
        spec = (directory / str(entry["spec"])).resolve()
        if not spec.is_relative_to(directory.resolve()):
            raise ConfigError(f"{where}: spec {entry['spec']!r} must be inside {directory}")
        patch = entry.get("patch", 0)
        if not isinstance(patch, int) or patch < 0:
            raise ConfigError(f"{where}: patch must be a non-negative integer")
        releases.append(Release(release_version(str(entry["version"]), where), spec, patch))
    if not releases:
        raise ConfigError(f"{path}: no [[release]] entries")
    versions = [r.version for r in releases]
    if len(set(versions)) != len(versions):
        raise ConfigError(f"{path}: a release is listed twice")
    by_package: dict[str, str] = {}
    for release in releases:
        clash = by_package.setdefault(release.package_version, release.version)
        if clash != release.version:
            raise ConfigError(f"{path}: releases {clash} and {release.version} would both be package version "
                              f"{release.package_version}; minor release numbers must stay below 100")
    # Oldest first: each release keeps the names the one before it gave.
    releases.sort(key=lambda r: tuple(int(x) for x in r.version.split(".")))
    pagination = read_declarations(data.get("pagination", {}), str(path))
    waiters = read_family_declarations(data.get("waiter", []), str(path))
    plugins, disable = read_codegen_table(data.get("codegen", {}), f"{path} [codegen]")
    return Family(directory.name, distribution, package, aliases, str(table.get("summary", "")), tuple(releases),
                  pagination, waiters, _scalars(data.get("scalars", {}), f"{path} [scalars]"), plugins, disable)


def _scalars(table: object, where: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: must be a table of scalar names, e.g. Decimal = \"string\"")
    for name, kind in table.items():
        if kind not in SCALAR_KINDS:
            import difflib

            close = difflib.get_close_matches(str(kind), SCALAR_KINDS, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f" (one of {', '.join(SCALAR_KINDS)})"
            raise ConfigError(f"{where}: {name} = {kind!r} is not a kind of value{hint}")
    return tuple(sorted((str(k), str(v)) for k, v in table.items()))


def discover(specs: Path) -> list[Family]:
    return [load_family(d) for d in sorted(specs.iterdir()) if (d / "family.toml").is_file()]
