"""Issue 13: ``specloom diff`` agrees with ``redocly diff`` on removed operations and requiredness changes.

For each consecutive pair of the public Adyen Legal Entity (v1..v4, OpenAPI 3.1) and Kubeflow
Pipelines (v1beta1 -> v2beta1, Swagger 2.0) releases in ../shared/specs/public, both tools diff
the pair as JSON (Redocly through :mod:`tests.conformance.redocly`). Their breaking changes are
read as comparable keys:

- a removed operation as ("operation", METHOD, path) of the old release;
- a requiredness change Redocly rates major (``required-properties-added``/``-removed``,
  ``parameter-became-required``, ``request-body-became-required``) and the specloom kinds that
  say the same (``property-required``, ``property-optional``, ``property-added`` when it is new
  and required, ``parameter-required``, ``parameter-added`` when required, ``body-required``),
  keyed by schema pointer and wire name, or by the new release's METHOD and path.

Every key only one tool reports must be in :data:`KNOWN_DISAGREEMENTS` with the reason, and every
entry there must still happen, so the table stays true: a new disagreement and a stale entry both fail.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from specloom.build import load_api
from specloom.cli import main as specloom_main
from specloom.diagnostics import Diagnostics
from specloom.ir import Api, Model, Operation
from specloom.ledger import Ledger

from tests.conformance.redocly import (
    Key,
    openapi3,
    redocly_diff,
    redocly_unavailable,
    redocly_version,
    removed_operations,
    requiredness_changes,
)
from tests.support import load_document, public_spec

PAIRS = (
    ("adyen-legal-entity-v1", "adyen-legal-entity-v2"),
    ("adyen-legal-entity-v2", "adyen-legal-entity-v3"),
    ("adyen-legal-entity-v3", "adyen-legal-entity-v4"),
    ("kubeflow-pipelines-v1beta1", "kubeflow-pipelines-v2beta1"),
)

# Why a key may be reported by one tool only.
_BY_OPERATION_ID = ("specloom matches the operation in the new release by its operationId: the Python method is "
                    "kept and only its URL changed (path-changed, not breaking); Redocly rates the old path removed")
_REMOVED_PROPERTY = ("the property was removed altogether: specloom reports property-removed (breaking) rather than "
                     "a requiredness change; Redocly reports both")

#: (old release, new release) -> {(tool that alone reports it, key): why}.
KNOWN_DISAGREEMENTS: dict[tuple[str, str], dict[tuple[str, Key], str]] = {
    ("adyen-legal-entity-v2", "adyen-legal-entity-v3"): {
        ("redocly", ("property", "#/components/schemas/BankAccountInfo", "currencyCode")): _REMOVED_PROPERTY,
    },
    ("kubeflow-pipelines-v1beta1", "kubeflow-pipelines-v2beta1"): {
        ("redocly", ("operation", "GET", "/apis/v1beta1/healthz")): _BY_OPERATION_ID,
        ("redocly", ("operation", "POST", "/apis/v1beta1/pipelines/upload")): _BY_OPERATION_ID,
        ("redocly", ("operation", "POST", "/apis/v1beta1/pipelines/upload_version")): _BY_OPERATION_ID,
    },
}


def specloom_keys(changes: list[dict[str, str]], old: Api, new: Api) -> set[Key]:
    """The keys of specloom's breaking removed operations and requiredness changes (its Python names read back)."""
    found: set[Key] = set()
    for change in changes:
        kind, subject = change["kind"], change["subject"]
        if not change["breaking"]:
            continue
        if kind == "operation-removed":
            op = _operation(old, subject)
            found.add(("operation", op.method, op.path))
        elif kind in ("property-required", "property-optional", "property-added"):
            class_name, _, field = subject.partition(".")
            model = _model(new, class_name) if kind != "property-optional" else _model(old, class_name)
            wire = next(p.wire_name for p in model.properties if p.python_name == field)
            found.add(("property", "#" + model.key.partition("#")[2], wire))
        elif kind in ("parameter-required", "parameter-added"):
            op = _operation(new, subject)
            # ``new`` is the argument's signature, ``name: type | ...``.
            python_name = change["new"].partition(":")[0]
            wire = next(p.wire_name for p in op.parameters if p.python_name == python_name)
            found.add(("parameter", op.method, op.path, wire))
        elif kind == "body-required":
            op = _operation(new, subject)
            found.add(("body", op.method, op.path))
    return found


def _operation(api: Api, subject: str) -> Operation:
    return next(op for op in api.operations if f"client.{op.python_name}" == subject)


def _model(api: Api, class_name: str) -> Model:
    return next(m for m in api.models.values() if m.class_name == class_name)


@pytest.mark.parametrize(("old_label", "new_label"), PAIRS, ids=[f"{a}..{b}" for a, b in PAIRS])
def test_breaking_changes_agree_with_redocly_diff(
    old_label: str, new_label: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old_spec, new_spec = public_spec(old_label).path, public_spec(new_label).path
    if (why := redocly_unavailable()) is not None:
        pytest.skip(why)

    base, revision = openapi3(old_spec, tmp_path), openapi3(new_spec, tmp_path)
    report = redocly_diff(base, revision, tmp_path)
    theirs = removed_operations(report, load_document(base)) | requiredness_changes(report)

    assert specloom_main(["diff", "--json", str(old_spec), str(new_spec)]) in (0, 1)
    changes = json.loads(capsys.readouterr().out)["changes"]
    diagnostics = Diagnostics()
    old = load_api(old_spec, diagnostics)
    new = load_api(new_spec, diagnostics, Ledger.of(old))  # as `specloom diff` reads it
    ours = specloom_keys(changes, old, new)

    found = {("redocly", key) for key in theirs - ours} | {("specloom", key) for key in ours - theirs}
    known = KNOWN_DISAGREEMENTS.get((old_label, new_label), {})
    with capsys.disabled():
        print(f"\n{old_label} -> {new_label} (Redocly CLI {redocly_version()}): {len(theirs & ours)} agreed, "
              f"{len(found)} reported by one tool only")
        for side, key in sorted(found & known.keys()):
            print(f"  only {side}: {key}: {known[(side, key)]}")
    new_disagreements = sorted(found - known.keys())
    stale = sorted(known.keys() - found)
    assert not new_disagreements, f"disagreements not in KNOWN_DISAGREEMENTS: {new_disagreements}"
    assert not stale, f"KNOWN_DISAGREEMENTS entries that no longer happen: {stale}"
