"""Each package's CHANGELOG.md: release by release, newest first, what changed from the release before.

Written from :func:`specloom.diff.diff` of consecutive releases of the family, so a user
about to move from ``~=1.223.0`` to ``~=1.224.0`` reads, breaking changes first, what in
their code must change: the method or model by its Python name, with the old and the new
signature or type.
"""

from __future__ import annotations

from collections.abc import Sequence

from .diff import Change, diff
from .ir import Api
from .render import PackageInfo

#: A release of the family: its package description and its IR.
ReleaseApi = tuple[PackageInfo, Api]


def changelog(current: ReleaseApi, earlier: Sequence[ReleaseApi]) -> str:
    """The changelog of ``current``, given the family's ``earlier`` releases, oldest first."""
    releases = [*earlier, current]
    lines = ["# Changelog", "", f"Releases of `{current[0].distribution}`, newest first. Each package version",
             "matches one control-plane release: pin yours with `~=`."]
    for index in range(len(releases) - 1, -1, -1):
        info, api = releases[index]
        lines += ["", f"## {info.version} (control plane {info.release})", ""]
        if index == 0:
            lines.append("The first release of this package.")
            continue
        before, old = releases[index - 1]
        lines += _section(before, _diff(old, api))
    return "\n".join(lines) + "\n"


#: The diffs of consecutive releases already made in this run, each with the two releases it compared:
#: a family's every package repeats the sections of the ones before it.
_DIFFS: dict[tuple[int, int], tuple[Api, Api, list[Change]]] = {}


def _diff(old: Api, new: Api) -> list[Change]:
    found = _DIFFS.get((id(old), id(new)))
    if found is None or found[0] is not old or found[1] is not new:  # ids are reused once an Api is gone
        if len(_DIFFS) >= 32:
            _DIFFS.clear()  # one family's releases at a time; a process generating many keeps no more
        found = _DIFFS[id(old), id(new)] = (old, new, diff(old, new))
    return found[2]


def _section(before: PackageInfo, changes: list[Change]) -> list[str]:
    breaking = [c for c in changes if c.breaking]
    rest = [c for c in changes if not c.breaking]
    summary = f"{len(breaking)} breaking, {len(rest)} other"
    lines = [f"Changes from {before.version} (control plane {before.release}): {summary}."]
    if breaking:
        lines += ["", "### Breaking: what to change in your code", ""]
        lines += [line for change in breaking for line in _item(change)]
    if rest:
        lines += ["", "### Other changes", ""]
        lines += [line for change in rest for line in _item(change)]
    return lines


def _item(change: Change) -> list[str]:
    lines = [f"- {change.message.replace(change.subject, f'`{change.subject}`', 1)}"]
    if change.old:
        lines.append(f"  - was: `{change.old}`")
    if change.new:
        lines.append(f"  - now: `{change.new}`")
    return lines
