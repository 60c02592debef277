"""Acceptance 1 and 5: every Run:ai release generates whole, imports, and keeps its names from release to release."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

import pytest

from tests.conformance.checks import (
    OPERATION_KEYS,
    SCHEMA_KEYS,
    duplicates,
    operations,
    probe,
    schemas,
    spec_schema_names,
)
from tests.conformance.conftest import RunaiPackages
from tests.support import RUNAI_RELEASES, spec_operations

# From /work/shared/specs/runai/README.md ("Counts"): what the inputs hold, measured independently of specloom.
# They only check that this suite reads the specs right; the generator's output is compared with the spec itself.
DOCUMENTED = {
    "2.18": (246, 725), "2.19": (268, 797), "2.20": (305, 842), "2.21": (327, 898),
    "2.22": (335, 1028), "2.23": (361, 1104), "2.24": (391, 1201),
}  # fmt: skip


@pytest.mark.parametrize("release", RUNAI_RELEASES)
def test_operations_json_lists_exactly_the_spec_operations(runai: RunaiPackages, release: str) -> None:
    spec = runai.spec(release)
    wanted = spec_operations(spec)
    assert len(wanted) == DOCUMENTED[release][0], "the spec is not the documented one"
    rows = operations(runai.package(release))
    assert all(set(row) == OPERATION_KEYS for row in rows), "operations.json rows have other keys"
    listed = [(row["method"], row["path"]) for row in rows]
    assert duplicates(listed) == [], "operations listed twice"
    assert sorted(wanted - set(listed)) == [], "operations of the spec that were skipped"
    assert sorted(set(listed) - wanted) == [], "operations that are not in the spec"
    assert duplicates([row["python_name"] for row in rows]) == [], "python_names used by more than one operation"
    # Each row says what the spec says about its operation.
    wrong = []
    for row in rows:
        op = spec["paths"][row["path"]][row["method"].lower()]
        expected = (op.get("operationId"), op.get("deprecated") is True, (op.get("tags") or ["default"])[0])
        if (row["operation_id"], row["deprecated"], row["group"]) != expected:
            wrong.append((row["method"], row["path"], expected, (row["operation_id"], row["deprecated"], row["group"])))
    assert wrong == [], "rows whose operation_id/deprecated/group differ from the spec (expected, got)"


@pytest.mark.parametrize("release", RUNAI_RELEASES)
def test_schemas_json_has_one_row_per_component_schema(runai: RunaiPackages, release: str) -> None:
    names = spec_schema_names(runai.spec(release))
    assert len(names) == DOCUMENTED[release][1], "the spec is not the documented one"
    rows = schemas(runai.package(release))
    assert all(set(row) == SCHEMA_KEYS for row in rows), "schemas.json rows have other keys"
    listed = Counter(row["schema"] for row in rows)
    lost = sorted(set(names) - set(listed))
    assert lost == [], f"{len(lost)} component schemas have no row (lost)"
    assert sorted(set(listed) - set(names)) == [], "rows for schemas that are not components"
    assert sorted(n for n, count in listed.items() if count > 1) == [], "schemas with more than one row"
    pointers = {row["schema"]: row["pointer"] for row in rows}
    bad = [
        (n, p)
        for n, p in pointers.items()
        if not p.endswith("#/components/schemas/" + n.replace("~", "~0").replace("/", "~1"))
    ]
    assert bad == [], "rows whose pointer is not the schema's own"
    assert duplicates([(row["module"], row["python_name"]) for row in rows]) == [], "two schemas share one class"
    # Module files must stay distinct on case-insensitive disks too.
    assert duplicates([row["module"].lower() for row in rows]) == [], "module names that differ only in case"


@pytest.mark.parametrize("release", RUNAI_RELEASES)
def test_package_imports_and_every_operation_is_reachable(runai: RunaiPackages, release: str) -> None:
    report = probe(runai.dist(release), "runai")
    assert report["operations"] == len(spec_operations(runai.spec(release)))
    assert report["problems"] == [], f"{len(report['problems'])} problems:\n" + "\n".join(report["problems"])


@pytest.mark.parametrize(("old", "new"), list(pairwise(RUNAI_RELEASES)), ids=lambda r: str(r))
def test_names_are_stable_between_consecutive_releases(runai: RunaiPackages, old: str, new: str) -> None:
    """An operation or schema in both releases keeps its Python name.

    Operations whose operationId or tag the spec itself changed are exempt (their name comes from those); they
    are printed for the record.
    """
    before = {(r["method"], r["path"]): r for r in operations(runai.package(old))}
    after = {(r["method"], r["path"]): r for r in operations(runai.package(new))}
    violations: list[str] = []
    exempt: list[str] = []
    for key in sorted(before.keys() & after.keys()):
        a, b = before[key], after[key]
        if a["python_name"] == b["python_name"]:
            continue
        line = f"{key[0]} {key[1]}: {a['python_name']} ({a['operation_id']}, tag {a['group']!r}) -> " \
               f"{b['python_name']} ({b['operation_id']}, tag {b['group']!r})"  # fmt: skip
        same_inputs = (a["operation_id"], a["group"]) == (b["operation_id"], b["group"])
        (violations if same_inputs else exempt).append("operation " + line)
    old_schemas = {r["schema"]: r for r in schemas(runai.package(old))}
    new_schemas = {r["schema"]: r for r in schemas(runai.package(new))}
    for name in sorted(old_schemas.keys() & new_schemas.keys()):
        a, b = old_schemas[name], new_schemas[name]
        if (a["python_name"], a["module"]) != (b["python_name"], b["module"]):
            violations.append(f"schema {name!r}: {a['module']}.{a['python_name']} -> {b['module']}.{b['python_name']}")
    if exempt:
        print(f"{old} -> {new}: {len(exempt)} renames that follow a changed operationId or tag in the spec:")
        print("\n".join("  " + e for e in exempt))
    assert violations == [], f"{old} -> {new}: {len(violations)} names changed:\n" + "\n".join(violations)
