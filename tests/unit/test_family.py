"""family.toml is read strictly, and generate/check keep generated/ in step with it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from specloom.cli import main

from tests.support import REPO

HEAD = '[family]\ndistribution = "cp-client"\npackage = "cp_client"\n'


def family_root(tmp_path: Path, toml: str) -> Path:
    root = tmp_path / "root"
    family = root / "specs" / "cp"
    family.mkdir(parents=True)
    for release in ("2.22", "2.23", "2.24"):
        shutil.copytree(REPO / "specs" / "controlplane" / release, family / release)
    (family / "family.toml").write_text(toml)
    return root


def release(version: str, spec: str = "2.24", extra: str = "") -> str:
    return f'\n[[release]]\nversion = {version}\nspec = "{spec}/openapi.yaml"\n{extra}'


@pytest.mark.parametrize(("toml", "message"), [
    (HEAD + release("1.10"), 'version must be a quoted string, e.g. version = "2.24" (unquoted, TOML reads it as the number 1.1)'),
    (HEAD + release('"1.100"') + release('"2.0"', "2.23"),
     "releases 1.100 and 2.0 would both be package version 1.200.0"),
    (HEAD + 'sumary = "x"\n' + release('"2.24"'), "[family]: unknown key 'sumary'; did you mean 'summary'?"),
    (HEAD + release('"2.24"', extra="pach = 1\n"), "[[release]] #1: unknown key 'pach'; did you mean 'patch'?"),
    (HEAD + '[releases]\nversion = "2.24"\n' + release('"2.24"'), "unknown key 'releases'; did you mean 'release'?"),
    (HEAD + release('"2.x"'), "release '2.x' must look like MAJOR.MINOR"),
    (HEAD + release('"2.24"') + '\n[scalars]\nMoney = "strng"\n',
     "[scalars]: Money = 'strng' is not a kind of value; did you mean 'string'?"),
])
def test_a_family_toml_mistake_is_an_error_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      toml: str, message: str) -> None:
    root = family_root(tmp_path, toml)

    assert main(["generate", "--root", str(root)]) == 2
    assert message in capsys.readouterr().err
    assert not (root / "generated").exists()


def test_a_release_asked_for_that_no_family_has_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = family_root(tmp_path, HEAD + release('"2.24"'))

    assert main(["generate", "--root", str(root), "--release", "9.99"]) == 2
    assert "no release 9.99 in cp" in capsys.readouterr().err


def test_a_release_removed_from_family_toml_is_reported_by_check_and_removed_by_generate(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = family_root(tmp_path, HEAD + release('"2.23"', "2.23") + release('"2.24"'))
    assert main(["generate", "--root", str(root)]) == 0
    toml = root / "specs" / "cp" / "family.toml"
    toml.write_text(HEAD + release('"2.24"'))
    (root / "generated" / "cp-notes").mkdir()  # not a release folder: left alone
    capsys.readouterr()

    assert main(["check", "--root", str(root)]) == 1
    assert f"stale: {root / 'generated' / 'cp-2.23'} (its release is no longer in family.toml)" in capsys.readouterr().out

    assert main(["generate", "--root", str(root)]) == 0
    assert "cp-2.23: removed (its release is no longer in family.toml)" in capsys.readouterr().out
    assert sorted(p.name for p in (root / "generated").iterdir()) == ["cp-2.24", "cp-notes"]
    assert main(["check", "--root", str(root)]) == 0


# -- incremental generation --------------------------------------------------------------------------


def generated_family(tmp_path: Path) -> Path:
    root = family_root(tmp_path, HEAD + release('"2.23"', "2.23") + release('"2.24"'))
    assert main(["generate", "--root", str(root)]) == 0
    return root


def test_a_second_generate_from_the_same_inputs_reads_no_spec(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    root = generated_family(tmp_path)
    capsys.readouterr()

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("a spec was read")

    monkeypatch.setattr("specloom.pipeline.read_openapi", no_reading)
    assert main(["generate", "--root", str(root)]) == 0
    assert main(["check", "--root", str(root)]) == 0
    out = capsys.readouterr().out
    assert "cp 2.24: unchanged" in out and "cp 2.24: up to date" in out


@pytest.mark.parametrize("change", ["earlier spec", "this spec", "generated file", "family.toml"])
def test_any_changed_input_or_edited_output_regenerates(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        change: str) -> None:
    root = generated_family(tmp_path)
    spec_of = {"earlier spec": root / "specs" / "cp" / "2.23" / "openapi.yaml",
               "this spec": root / "specs" / "cp" / "2.24" / "openapi.yaml"}
    if change in spec_of:
        spec = spec_of[change]
        spec.write_text(spec.read_text().replace("summary: List workloads", "summary: List the workloads"))
    elif change == "generated file":
        (root / "generated" / "cp-2.24" / "README.md").write_text("edited by hand\n")
    else:
        toml = root / "specs" / "cp" / "family.toml"
        toml.write_text(toml.read_text().replace('"cp-client"', '"cp-sdk"'))
    capsys.readouterr()

    if change == "generated file":
        assert main(["check", "--root", str(root)]) == 1
    assert main(["generate", "--root", str(root)]) == 0
    out = capsys.readouterr().out
    assert "unchanged ->" not in out and re.search(r"cp 2\.24: \d+ operations", out)
    assert main(["check", "--root", str(root)]) == 0


def test_a_spec_split_over_files_is_regenerated_when_a_file_it_refers_to_changes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "root"
    family = root / "specs" / "split"
    (family / "1.0").mkdir(parents=True)
    (family / "family.toml").write_text('[family]\ndistribution = "split-client"\npackage = "split_client"\n'
                                        '\n[[release]]\nversion = "1.0"\nspec = "1.0/openapi.yaml"\n')
    (family / "1.0" / "openapi.yaml").write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /things:\n    get:\n      operationId: getThings\n"
        "      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n"
        "              schema: {$ref: 'schemas.yaml#/Thing'}\n")
    schemas = family / "1.0" / "schemas.yaml"
    schemas.write_text("Thing:\n  type: object\n  properties:\n    name: {type: string}\n")
    assert main(["generate", "--root", str(root)]) == 0
    assert main(["generate", "--root", str(root)]) == 0
    assert "split 1.0: unchanged" in capsys.readouterr().out

    schemas.write_text("Thing:\n  type: object\n  properties:\n    name: {type: string}\n    size: {type: integer}\n")
    assert main(["generate", "--root", str(root)]) == 0

    assert "split 1.0: 1 operations" in capsys.readouterr().out
    assert "size" in (root / "generated" / "split-1.0" / "split_client" / "models" / "thing.py").read_text()


def test_the_generator_digest_covers_its_subpackages_and_templates() -> None:
    from specloom import inputs

    here = Path(inputs.__file__).parent
    covered = {path.relative_to(here).as_posix() for path in inputs.generator_files()}
    assert {"graphql/reader.py", "graphql/changes.py", "templates/group.py.jinja", "render.py"} <= covered
    assert not any("__pycache__" in name for name in covered)
