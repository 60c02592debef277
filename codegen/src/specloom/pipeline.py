"""One package from one spec: load -> IR -> render -> (write | compare)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from .build import load_api_and_files
from .changelog import ReleaseApi, changelog
from .diagnostics import Diagnostics, InternalError, SpecError, SpecloomError
from .graphql import GRAPHQL_SUFFIXES
from .inputs import Inputs, inputs
from .ir import Api
from .ledger import Ledger
from .pagination import Declaration as PageDeclaration
from .pagination import stable
from .render import PackageInfo, Renderer
from .waiters import Declaration as WaiterDeclaration
from .waiters import with_waiters
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
                   earlier: Sequence[ReleaseApi] = (), previous: str = "",
                   pagination: tuple[PageDeclaration, ...] = (), waiters: Sequence[WaiterDeclaration] = ()) -> Outcome:
    """``earlier``: the family's earlier releases, oldest first, which the package's CHANGELOG.md compares;
    ``previous``: the fingerprint of the one before (see :mod:`specloom.inputs`); ``pagination``: the family's
    declarations of paginated operations (see :mod:`specloom.pagination`); ``waiters``: its waiter
    declarations for this release (the spec's own are read anyway)."""
    diagnostics = Diagnostics()
    with _reported(spec, diagnostics):
        api, spec_files = read_spec(spec, diagnostics, ledger, pagination)
        api = with_waiters(api, waiters)
        files = Renderer(api, info, diagnostics, earlier[-1][1] if earlier else None).render()
        files["CHANGELOG.md"] = changelog((info, api), earlier)
    return Outcome(label, len(api.operations), len(api.models), files, diagnostics, api,
                   inputs(spec, spec_files, info, previous, declared(pagination, waiters)))


def read_release(spec: Path, info: PackageInfo, ledger: Ledger | None = None, previous: str = "",
                 pagination: tuple[PageDeclaration, ...] = (),
                 waiters: Sequence[WaiterDeclaration] = ()) -> tuple[Api, Inputs | None]:
    """A release's IR and inputs without rendering it (for a release that is not written)."""
    diagnostics = Diagnostics()
    with _reported(spec, diagnostics):
        api, spec_files = read_spec(spec, diagnostics, ledger, pagination)
    return api, inputs(spec, spec_files, info, previous, declared(pagination, waiters))


def declared(pagination: tuple[PageDeclaration, ...], waiters: Sequence[WaiterDeclaration]) -> tuple[object, ...]:
    """What family.toml says of a package beyond its names, without the path it was read from: part of
    the package's fingerprint, the same wherever the repo is checked out."""
    return stable(pagination), tuple((w.operation, w.table, w.releases) for w in waiters)


def read_spec(spec: Path, diagnostics: Diagnostics, ledger: Ledger | None = None,
              pagination: tuple[PageDeclaration, ...] = ()) -> tuple[Api, list[str]]:
    """A release's IR, by either front end, and its files: a GraphQL schema (SDL, or an introspection
    result) with its operations, or an OpenAPI spec (``pagination``: its family's declarations)."""
    if is_graphql(spec):
        from .graphql.reader import load_graphql_api  # here: OpenAPI runs never import graphql-core

        return load_graphql_api(spec, diagnostics, ledger)
    return load_api_and_files(spec, diagnostics, ledger, pagination)


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
