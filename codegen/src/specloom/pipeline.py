"""One package from one spec: load -> IR -> render -> (write | compare)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from .build import load_api
from .diagnostics import Diagnostics, InternalError, SpecError, SpecloomError
from .ledger import Ledger
from .render import PackageInfo, Renderer
from .waiters import Declaration, with_waiters
from .writer import WriteResult, leftovers, plan, write


class Outcome(NamedTuple):
    label: str
    operations: int
    models: int
    files: dict[str, str]
    diagnostics: Diagnostics
    #: The names this package gave, for the next release to keep.
    ledger: Ledger


def render_package(spec: Path, info: PackageInfo, label: str, ledger: Ledger | None = None,
                   waiters: Sequence[Declaration] = ()) -> Outcome:
    """``waiters``: the family's waiter declarations for this release (the spec's own are read anyway)."""
    diagnostics = Diagnostics()
    with _reported(spec, diagnostics):
        api = with_waiters(load_api(spec, diagnostics, ledger), waiters)
        files = Renderer(api, info, diagnostics).render()
    return Outcome(label, len(api.operations), len(api.models), files, diagnostics, Ledger.of(api))


def names_of(spec: Path, ledger: Ledger | None = None) -> Ledger:
    """The names a release gives, without rendering it (for a release that is not written)."""
    diagnostics = Diagnostics()
    with _reported(spec, diagnostics):
        return Ledger.of(load_api(spec, diagnostics, ledger))


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
    return write(out, outcome.files)


def stale_files(outcome: Outcome, out: Path) -> list[str]:
    """Files under ``out`` that differ from, are missing from, or are not in ``outcome``."""
    encoded, stale = plan(out, outcome.files)
    return sorted(stale + leftovers(out, encoded))
