"""One package from one spec: load -> IR -> render -> (write | compare)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from .build import load_api_and_files
from .changelog import ReleaseApi, changelog
from .diagnostics import Diagnostics, InternalError, SpecError, SpecloomError
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
                   earlier: Sequence[ReleaseApi] = (), previous: str = "") -> Outcome:
    """``earlier``: the family's earlier releases, oldest first, which the package's CHANGELOG.md compares;
    ``previous``: the fingerprint of the one before (see :mod:`specloom.inputs`)."""
    diagnostics = Diagnostics()
    with _reported(spec, diagnostics):
        api, spec_files = load_api_and_files(spec, diagnostics, ledger)
        files = Renderer(api, info, diagnostics).render()
        files["CHANGELOG.md"] = changelog((info, api), earlier)
    return Outcome(label, len(api.operations), len(api.models), files, diagnostics, api,
                   inputs(spec, spec_files, info, previous))


def read_release(spec: Path, info: PackageInfo, ledger: Ledger | None = None,
                 previous: str = "") -> tuple[Api, Inputs | None]:
    """A release's IR and inputs without rendering it (for a release that is not written)."""
    diagnostics = Diagnostics()
    with _reported(spec, diagnostics):
        api, spec_files = load_api_and_files(spec, diagnostics, ledger)
    return api, inputs(spec, spec_files, info, previous)


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
