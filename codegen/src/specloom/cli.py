"""The ``specloom`` command: generate, check, inspect."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from .diagnostics import ConfigError, InternalError, SpecloomError
from .family import Family, Release, check_names, discover, release_version
from .ledger import Ledger
from .pipeline import Outcome, names_of, render_package, stale_files, write_package
from .render import PackageInfo
from .waiters import Declaration

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
    #: The family's waiter declarations for this release.
    waiters: tuple[Declaration, ...] = ()


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
        yield ledger, [_Target(one_off.spec, info, Path(args.out), f"{args.name} {one_off.version}")]
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
    for family in families:
        chain = []
        for release in family.releases:
            info = PackageInfo(family.distribution, family.package, release.package_version, release.version,
                               family.aliases, family.summary)
            out = family.output_dir(root / "generated", release)
            selected = not args.release or release.version in args.release
            waiters = tuple(w for w in family.waiters if w.applies_to(release.version))
            chain.append(_Target(release.spec, info, out, f"{family.name} {release.version}", selected, waiters))
        yield Ledger(), chain


def _strictly(args: argparse.Namespace, warnings: int) -> int:
    """The exit code once everything is done: warnings fail the run under ``--strict``."""
    if args.strict and warnings:
        print(f"specloom: {warnings} warnings, and --strict makes them errors", file=sys.stderr)
        return 1
    return 0


def _render(args: argparse.Namespace) -> Iterator[tuple[Outcome, Path]]:
    for ledger, chain in _chains(args):
        for target in chain:
            if not target.selected:
                ledger = ledger.then(names_of(target.spec, ledger))
                continue
            outcome = render_package(target.spec, target.info, target.label, ledger, target.waiters)
            outcome.diagnostics.print()
            ledger = ledger.then(outcome.ledger)
            yield outcome, target.out


def cmd_generate(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    totals = [0, 0, 0, 0, 0]
    warnings = 0
    for outcome, out in _render(args):
        warnings += len(outcome.diagnostics.warnings)
        t0 = time.perf_counter()
        result = write_package(outcome, out)
        print(
            f"{outcome.label}: {outcome.operations} operations, {outcome.models} models -> {out} "
            f"({len(result.written)} written, {len(result.unchanged)} unchanged, {len(result.removed)} removed, "
            f"{len(outcome.diagnostics.warnings)} warnings, {time.perf_counter() - t0:.2f} s to write)",
            flush=True,
        )
        for i, n in enumerate((1, outcome.operations, outcome.models, len(result.written), len(result.unchanged))):
            totals[i] += n
    print(
        f"{totals[0]} packages, {totals[1]} operations, {totals[2]} models; "
        f"{totals[3]} files written, {totals[4]} unchanged in {time.perf_counter() - started:.2f} s"
    )
    return _strictly(args, warnings)


def cmd_check(args: argparse.Namespace) -> int:
    stale_total = warnings = 0
    for outcome, out in _render(args):
        warnings += len(outcome.diagnostics.warnings)
        stale = stale_files(outcome, out)
        stale_total += len(stale)
        for path in stale:
            print(f"stale: {out / path}")
        print(f"{outcome.label}: {'up to date' if not stale else f'{len(stale)} files differ'}")
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


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="specloom", description="Typed Python client packages from OpenAPI specs, one per release.")
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
    p = sub.add_parser("inspect", help="print a generated package's operation index")
    p.add_argument("package_dir")
    p.add_argument("--json", action="store_true", help="print the index as JSON")
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    handler = {"generate": cmd_generate, "check": cmd_check, "inspect": cmd_inspect}[args.command]
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
