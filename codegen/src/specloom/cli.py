"""The ``specloom`` command: generate, check, inspect, diff, build, update."""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from . import __version__
from .changelog import ReleaseApi
from .codegen_plugins import declared
from .determinism import compare
from .diagnostics import ConfigError, InternalError, SpecloomError
from .family import NO_SETTINGS, Family, Release, Settings, check_names, discover, release_version
from .inputs import unchanged
from .ledger import Ledger
from .pipeline import Outcome, read_release, render_package, stale_files, write_package
from .plugin_settings import from_command_line
from .render import PackageInfo
from .writer import MANIFEST

_INDEX = "operations.json"


def _find_root(start: Path) -> Path:
    for directory in (start, *start.parents):
        if (directory / "specs").is_dir():
            return directory
    raise ConfigError(f"no specs/ folder in {start} or above; pass --root")


class _Target(NamedTuple):
    spec: Path
    info: PackageInfo
    out: Path
    label: str
    #: False for an earlier release that is read only for the names it gives.
    selected: bool = True
    #: What the family.toml declares for the release.
    settings: Settings = NO_SETTINGS


def _chains(args: argparse.Namespace) -> Iterator[tuple[Ledger, list[_Target]]]:
    """Per family, its releases oldest first (names flow forward), with the ledger to start from."""
    if args.spec:
        if not args.out or not args.name:
            raise ConfigError("--spec needs --out and --name")
        if args.release and len(args.release) > 1:
            raise ConfigError("--spec takes one --release")
        one_off = Release(release_version(args.release[0] if args.release else "0.0", "--release"), Path(args.spec))
        distribution = args.distribution or args.name.replace("_", "-")
        check_names(distribution, args.name, tuple(args.alias or ()), "command line")
        info = PackageInfo(distribution, args.name, one_off.package_version, one_off.version, tuple(args.alias or ()))
        ledger = Ledger.read(Path(args.names_from)) if args.names_from else Ledger()
        settings = Settings(plugins=from_command_line(getattr(args, "plugin", None)))
        yield ledger, [_Target(one_off.spec, info, Path(args.out), f"{args.name} {one_off.version}", True, settings)]
        return
    if args.names_from:
        raise ConfigError("--names-from goes with --spec; a family carries names from release to release itself")
    root = Path(args.root) if args.root else _find_root(Path.cwd())
    families: list[Family] = discover(root / "specs")
    if args.family:
        families = [f for f in families if f.name in args.family]
        missing = set(args.family) - {f.name for f in families}
        if missing:
            raise ConfigError(f"no family named {', '.join(sorted(missing))} under {root / 'specs'}")
    if args.release:
        unknown = sorted(set(args.release) - {r.version for f in families for r in f.releases})
        if unknown:
            raise ConfigError(f"no release {', '.join(unknown)} in {', '.join(f.name for f in families)} "
                              f"(see the [[release]] tables of each family.toml)")
    # --plugin with a family: after the family's own plugins, for this run (and in the fingerprint).
    extra = from_command_line(getattr(args, "plugin", None))
    for family in families:
        chain = []
        for release in family.releases:
            info = PackageInfo(family.distribution, family.package, release.package_version, release.version,
                               family.aliases, family.summary)
            out = family.output_dir(root / "generated", release)
            selected = not args.release or release.version in args.release
            settings = family.settings(release)
            settings = settings._replace(plugins=settings.plugins + extra) if extra else settings
            chain.append(_Target(release.spec, info, out, f"{family.name} {release.version}", selected, settings))
        yield Ledger(), chain


def _removed_releases(args: argparse.Namespace) -> list[Path]:
    """Folders ``generate`` wrote for releases no longer in their family.toml."""
    if args.spec:
        return []
    root = Path(args.root) if args.root else _find_root(Path.cwd())
    generated = root / "generated"
    found = []
    for family in discover(root / "specs"):
        if args.family and family.name not in args.family:
            continue
        kept = {family.output_dir(generated, release) for release in family.releases}
        pattern = re.compile(rf"{re.escape(family.name)}-\d+\.\d+")
        found += [folder for folder in sorted(generated.glob(f"{family.name}-*"))
                  if folder not in kept and pattern.fullmatch(folder.name) and (folder / MANIFEST).is_file()]
    return found


def _strictly(args: argparse.Namespace, warnings: int) -> int:
    """The exit code once everything is done: warnings fail the run under ``--strict``."""
    if args.strict and warnings:
        print(f"specloom: {warnings} warnings, and --strict makes them errors", file=sys.stderr)
        return 1
    return 0


def _render(args: argparse.Namespace) -> Iterator[tuple[Outcome | None, _Target]]:
    """Each selected package rendered, or ``None`` for one whose inputs are as when it was written."""
    for ledger, chain in _chains(args):
        # A one-off spec's names may come from a package (--names-from) the fingerprint does not cover;
        # --strict must see the warnings, which only reading the spec gives.
        twice = getattr(args, "check_determinism", False)
        if not args.spec and not args.strict and not twice and _unchanged(chain):
            yield from ((None, target) for target in chain if target.selected)
            continue
        earlier: list[ReleaseApi] = []
        previous = ""
        for target in chain:
            if target.selected:
                outcome = render_package(target.spec, target.info, target.label, ledger, earlier, previous,
                                         target.settings)
                if twice:
                    again = render_package(target.spec, target.info, target.label, ledger, earlier, previous,
                                           target.settings)
                    compare(target.label, outcome.files, again.files, tuple(u.reference for u in target.settings.plugins))
                outcome.diagnostics.print()
                api, found = outcome.api, outcome.inputs
                yield outcome, target
            else:
                api, found = read_release(target.spec, target.info, ledger, previous, target.settings)
            ledger = ledger.then(Ledger.of(api))
            earlier.append((target.info, api))
            previous = found.fingerprint if found else ""


def _unchanged(chain: list[_Target]) -> bool:
    """Whether every release of a family was written from the inputs it has now (hashing them, no more)."""
    previous = ""
    for target in chain:
        found = unchanged(target.out, target.spec, target.info, previous, declared(target.settings))
        if found is None:
            return False
        previous = found.fingerprint
    return True


def cmd_generate(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    totals = [0, 0, 0, 0, 0]
    warnings = 0
    for outcome, target in _render(args):
        if outcome is None:
            totals[0] += 1
            print(f"{target.label}: unchanged -> {target.out} (its inputs are as when it was written)", flush=True)
            continue
        warnings += len(outcome.diagnostics.warnings)
        t0 = time.perf_counter()
        result = write_package(outcome, target.out)
        print(
            f"{outcome.label}: {outcome.operations} operations, {outcome.models} models -> {target.out} "
            f"({len(result.written)} written, {len(result.unchanged)} unchanged, {len(result.removed)} removed, "
            f"{len(outcome.diagnostics.warnings)} warnings, {time.perf_counter() - t0:.2f} s to write)",
            flush=True,
        )
        for i, n in enumerate((1, outcome.operations, outcome.models, len(result.written), len(result.unchanged))):
            totals[i] += n
    for folder in _removed_releases(args):
        shutil.rmtree(folder)
        print(f"{folder}: removed (its release is no longer in family.toml)")
    print(
        f"{totals[0]} packages, {totals[1]} operations, {totals[2]} models; "
        f"{totals[3]} files written, {totals[4]} unchanged in {time.perf_counter() - started:.2f} s"
    )
    return _strictly(args, warnings)


def cmd_check(args: argparse.Namespace) -> int:
    stale_total = warnings = 0
    for outcome, target in _render(args):
        stale = [] if outcome is None else stale_files(outcome, target.out)
        warnings += 0 if outcome is None else len(outcome.diagnostics.warnings)
        stale_total += len(stale)
        for path in stale:
            print(f"stale: {target.out / path}")
        print(f"{target.label}: {'up to date' if not stale else f'{len(stale)} files differ'}")
    for folder in _removed_releases(args):
        stale_total += 1
        print(f"stale: {folder} (its release is no longer in family.toml)")
    if stale_total:
        print("generated/ does not match specs/: run `specloom generate`", file=sys.stderr)
        return 1
    return _strictly(args, warnings)


def cmd_inspect(args: argparse.Namespace) -> int:
    directory = Path(args.package_dir)
    found = sorted(p for p in directory.glob(f"*/{_INDEX}")) or sorted(directory.glob(_INDEX))
    if not found:
        raise ConfigError(f"{directory}: no {_INDEX} found; is this a generated package?")
    rows = json.loads(found[0].read_text(encoding="utf-8"))
    if args.json:
        json.dump(rows, sys.stdout, indent=1, ensure_ascii=False)
        print()
    else:
        for row in rows:
            flag = "  (deprecated)" if row["deprecated"] else ""
            print(f"{row['method']:7} {row['path']}  -> {row['python_name']}{flag}")
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    from .diagnostics import Diagnostics
    from .diff import diff, report
    from .pipeline import SPEC_FOLDER, is_graphql, read_spec, shipped

    diagnostics = Diagnostics()
    packages = [shipped(Path(p)) if Path(p).is_dir() and not args.family else None for p in (args.old, args.new)]
    if all(packages):
        # Two generated packages: the specs they carry, read with their settings and the names they gave.
        (old_spec, old_settings, old_names), (new_spec, new_settings, new_names) = packages  # type: ignore[misc]
        old, _ = read_spec(old_spec, diagnostics, old_names, old_settings)
        new, _ = read_spec(new_spec, diagnostics, old_names.then(new_names), new_settings)
    else:
        if any(Path(p).is_dir() for p in (args.old, args.new)) and not args.family:
            raise ConfigError("a folder to diff must be a generated package carrying its spec "
                              f"(<package>/{SPEC_FOLDER}/release.json); give two packages or two spec files")
        old_spec, new_spec = _diff_specs(args)
        old, _ = read_spec(old_spec, diagnostics)
        # The newer release keeps the names the older one gave, as generate does along a family.
        new, _ = read_spec(new_spec, diagnostics, Ledger.of(old))
    changes = diff(old, new)
    if is_graphql(old_spec) and is_graphql(new_spec):
        from .graphql.changes import schema_changes  # here: OpenAPI runs never import graphql-core

        changes = sorted([*changes, *schema_changes(old_spec, new_spec)], key=lambda c: not c.breaking)
    if args.json:
        json.dump({"old": str(old_spec), "new": str(new_spec), "breaking": sum(c.breaking for c in changes),
                   "changes": [c.as_json() for c in changes]}, sys.stdout, indent=1, ensure_ascii=False)
        print()
    else:
        print(f"{old_spec} -> {new_spec}: {report(changes)}")
    return 1 if any(c.breaking for c in changes) else 0


def _diff_specs(args: argparse.Namespace) -> tuple[Path, Path]:
    """The two spec files: given as paths, or (``--family``) as two releases of a family under specs/."""
    if not args.family:
        specs = Path(args.old), Path(args.new)
        for spec in specs:
            if not spec.is_file():
                raise ConfigError(f"{spec}: no such spec file (or pass --family and two release versions)")
        return specs
    root = Path(args.root) if args.root else _find_root(Path.cwd())
    family = next((f for f in discover(root / "specs") if f.name == args.family), None)
    if family is None:
        raise ConfigError(f"no family named {args.family} under {root / 'specs'}")
    releases = {r.version: r.spec for r in family.releases}
    missing = [v for v in (args.old, args.new) if v not in releases]
    if missing:
        raise ConfigError(f"family {family.name} has no release {', '.join(missing)} (it has {', '.join(releases)})")
    return releases[args.old], releases[args.new]


def cmd_build(args: argparse.Namespace) -> int:
    from .dist import build_project, write_index

    root = Path(args.root) if args.root else _find_root(Path.cwd())
    args.spec = args.names_from = None  # the families under specs/, as generate sees them
    args.strict = False
    projects = [] if args.no_runtime else [root / "plugins"]
    for outcome, target in _render(args):
        stale = [] if outcome is None else stale_files(outcome, target.out)
        if stale:
            raise ConfigError(f"{target.out} does not match its spec ({len(stale)} files differ): "
                              "run `specloom generate` first")
        projects.append(target.out)
    dist = Path(args.out) if args.out else root / "dist"
    dist.mkdir(parents=True, exist_ok=True)
    for project in projects:
        print(f"{project.name}: {', '.join(build_project(project, dist))}", flush=True)
    simple = write_index(dist)
    print(f"index: {simple} (pip install --index-url {simple.resolve().as_uri()} ...)")
    return 0


def cmd_plugins(args: argparse.Namespace) -> int:
    """The codegen plugins a family's packages are generated with (built-in and external), and where each is from."""
    from .codegen_plugins import CodegenPlugins, installed

    extra = from_command_line(args.plugin)
    if args.family:
        root = Path(args.root) if args.root else _find_root(Path.cwd())
        family = next((f for f in discover(root / "specs") if f.name == args.family), None)
        if family is None:
            raise ConfigError(f"no family named {args.family} under {root / 'specs'}")
        settings = family.settings(family.releases[-1])
        settings, title = settings._replace(plugins=settings.plugins + extra), f"family {family.name}"
    else:
        settings, title = Settings(plugins=extra), "a one-off spec (--spec)"
    print(f"codegen plugins for {title}, in the order their hooks run:")
    for plugin in CodegenPlugins(settings).active():
        print(f"  {plugin.name:32} {plugin.source}" + (f" [{plugin.file}]" if plugin.file else ""))
        print(f"  {'':32} hooks: {', '.join(plugin.hooks)}")
    for name in settings.disable:
        print(f"  {name:32} built-in, disabled by [codegen] disable")
    available = installed()
    if available:
        print("installed specloom.codegen entry points (a family enables one by name in [codegen] plugins):")
        for name, value in available:
            print(f"  {name:32} {value}")
    return 0


def cmd_update(args: argparse.Namespace) -> int:
    from .update import take_release

    root = Path(args.root) if args.root else _find_root(Path.cwd())
    family_dir = root / "specs" / args.family
    if not (family_dir / "family.toml").is_file():
        raise ConfigError(f"no family named {args.family} under {root / 'specs'} (no {family_dir / 'family.toml'})")
    taken = take_release(family_dir, args.release, Path(args.spec))
    release = next(r for r in taken.family.releases if r.version == taken.version)
    if not taken.changed:
        print(f"{args.family} {taken.version}: the spec is already there, unchanged; nothing to do")
        return 0
    print(f"{args.family} {taken.version}: spec taken into {release.spec.parent}; package version {release.package_version}")
    code = cmd_generate(parser().parse_args(["generate", "--root", str(root), "--family", args.family]))
    changelog = (taken.family.output_dir(root / "generated", release) / "CHANGELOG.md").read_text(encoding="utf-8")
    section = changelog.split(f"\n## {release.package_version} ", 1)[1].split("\n## ", 1)[0]
    print(f"\n{release.package_version} {section.rstrip()}")
    return code


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="specloom", description="Typed Python client packages from OpenAPI specs, one per release.")
    top.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = top.add_subparsers(dest="command", required=True)
    for name, helptext in (("generate", "write generated/ from specs/"), ("check", "exit 1 if generated/ is stale")):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("--root", help="the folder holding specs/ and generated/ (default: found from the current folder)")
        p.add_argument("--family", action="append", help="only this family (repeatable)")
        p.add_argument("--release", action="append", help="only this release, e.g. 2.24 (repeatable); with --spec, the release to version the package as")
        p.add_argument("--spec", help="a one-off spec file instead of the families under specs/")
        p.add_argument("--out", help="with --spec: the output folder")
        p.add_argument("--name", help="with --spec: the import package name")
        p.add_argument("--distribution", help="with --spec: the distribution name (default: from --name)")
        p.add_argument("--alias", action="append", help="with --spec: another name for Client (repeatable)")
        p.add_argument("--names-from", help="with --spec: the package generated for the previous release; its names are kept")
        p.add_argument("--strict", action="store_true", help="exit 1 when a spec has warnings (for CI)")
        p.add_argument("--plugin", action="append", metavar="MODULE:ATTR",
                       help="a codegen plugin for this run, after the family's own (repeatable)")
    sub.choices["generate"].add_argument(
        "--check-determinism", action="store_true",
        help="render each package twice and fail if the two differ (a codegen plugin that is not pure)")
    p = sub.add_parser("plugins", help="list the codegen plugins a family is generated with, and where each comes from")
    p.add_argument("--family", help="the family (default: what a one-off --spec run uses)")
    p.add_argument("--root", help="the folder holding specs/ (default: found from the current folder)")
    p.add_argument("--plugin", action="append", metavar="MODULE:ATTR", help="a codegen plugin to add, as generate takes it")
    p = sub.add_parser("diff", help="what changed between two releases, breaking changes first (exit 1 if any)")
    p.add_argument("old", help="the older spec file (with --family: its release, e.g. 2.23)")
    p.add_argument("new", help="the newer spec file (with --family: its release, e.g. 2.24)")
    p.add_argument("--family", help="compare two releases of this family under specs/")
    p.add_argument("--root", help="with --family: the folder holding specs/ (default: found from the current folder)")
    p.add_argument("--json", action="store_true", help="print the changes as JSON")
    p = sub.add_parser("update", help="take a new spec into a family as a release, generate it, and say what changed")
    p.add_argument("--family", required=True, help="the family (a folder under specs/)")
    p.add_argument("--release", required=True, help="the control-plane release, e.g. 2.25; an existing one gets a new patch")
    p.add_argument("--spec", required=True, help="the spec file (the files it refers to are taken too)")
    p.add_argument("--root", help="the folder holding specs/ and generated/ (default: found from the current folder)")
    p = sub.add_parser("build", help="wheels and sdists of generated packages and the runtime, and a PEP 503 index")
    p.add_argument("--root", help="the folder holding specs/, generated/ and plugins/ (default: found from the current folder)")
    p.add_argument("--family", action="append", help="only this family (repeatable)")
    p.add_argument("--release", action="append", help="only this release, e.g. 2.24 (repeatable)")
    p.add_argument("--out", help="where distributions and simple/ go (default: dist/ under the root)")
    p.add_argument("--no-runtime", action="store_true", help="do not build the runtime (specloom-runtime)")
    p = sub.add_parser("inspect", help="print a generated package's operation index")
    p.add_argument("package_dir")
    p.add_argument("--json", action="store_true", help="print the index as JSON")
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    handler = {"generate": cmd_generate, "check": cmd_check, "inspect": cmd_inspect, "diff": cmd_diff,
               "build": cmd_build, "update": cmd_update, "plugins": cmd_plugins}[args.command]
    try:
        return handler(args)
    except InternalError as exc:
        print(f"specloom: {exc}", file=sys.stderr)
        return 3
    except SpecloomError as exc:
        print(f"specloom: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
