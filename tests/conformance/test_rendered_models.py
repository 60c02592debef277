"""Model modules reused from the release before (specloom.rendered_models) are byte for byte what rendering
them afresh gives: a family generated in one run against each of its releases generated alone, in its
own run, with nothing rendered before it."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path

import pytest
from specloom import rendered_models
from specloom.cli import main
from specloom.ir import Model

from tests.conformance.checks import tree
from tests.support import REPO, RUNAI_RELEASES, runai_spec


def _family(root: Path, which: str) -> tuple[str, list[str]]:
    """A copy of the family under ``root/specs``: its name and releases."""
    if which == "controlplane":
        shutil.copytree(REPO / "specs" / "controlplane", root / "specs" / "controlplane")
        return "controlplane", ["2.22", "2.23", "2.24"]
    family = root / "specs" / "runai"
    lines = ['[family]\ndistribution = "runai-client"\npackage = "runai"\n']
    for release in RUNAI_RELEASES:
        (family / release).mkdir(parents=True)
        shutil.copyfile(runai_spec(release), family / release / "openapi.json")
        lines.append(f'\n[[release]]\nversion = "{release}"\nspec = "{release}/openapi.json"\n')
    (family / "family.toml").write_text("".join(lines))
    return "runai", list(RUNAI_RELEASES)


@pytest.mark.parametrize("which", ["controlplane", pytest.param("runai", marks=pytest.mark.slow)])
def test_a_family_rendered_in_one_run_equals_each_release_rendered_alone(
        which: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    together, alone = tmp_path / "together", tmp_path / "alone"
    name, releases = _family(together, which)
    shutil.copytree(together / "specs", alone / "specs")
    found = rendered_models.get
    reused: list[str] = []

    def counted(scope: rendered_models.Scope, model: Model, models: Mapping[str, Model]) -> str | None:
        text = found(scope, model, models)
        reused.extend([model.key] if text is not None else [])
        return text

    monkeypatch.setattr(rendered_models, "get", counted)
    rendered_models.clear()
    assert main(["generate", "--root", str(together)]) == 0
    reused_together = len(reused)
    for release in releases:
        rendered_models.clear()
        assert main(["generate", "--root", str(alone), "--release", release]) == 0

    assert reused_together > 0 and len(reused) == reused_together  # (alone: each release renders every model)
    print(f"{which}: {reused_together} model modules reused from the release before")
    for release in releases:
        package = f"{name}-{release}"
        a, b = tree(together / "generated" / package), tree(alone / "generated" / package)
        assert sorted(p for p in a.keys() | b.keys() if a.get(p) != b.get(p)) == [], package
