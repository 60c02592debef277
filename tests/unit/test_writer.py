"""Writing a package: a new one appears whole or not at all; an existing one gets only its changed files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from specloom.diagnostics import SpecloomError
from specloom.writer import MANIFEST, write

FILES = {"pkg/__init__.py": "", "pkg/models/a.py": "A = 1\n", "README.md": "# pkg\n"}


def test_a_new_package_is_written_whole_with_its_manifest_and_nothing_else_beside_it(tmp_path: Path) -> None:
    out = tmp_path / "generated" / "pkg-1.0"

    result = write(out, FILES, {"spec": "x"})

    assert sorted(result.written) == sorted([*FILES, MANIFEST]) and not result.unchanged and not result.removed
    assert {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()} == {*FILES, MANIFEST}
    assert (out / "pkg/models/a.py").read_text() == "A = 1\n"
    assert json.loads((out / MANIFEST).read_text())["inputs"] == {"spec": "x"}
    assert [p.name for p in out.parent.iterdir()] == ["pkg-1.0"]  # no folder it was staged in is left
    (tmp_path / "plain").mkdir()
    assert out.stat().st_mode == (tmp_path / "plain").stat().st_mode  # the mode any new folder gets


def test_a_new_package_that_fails_half_written_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "generated" / "pkg-1.0"
    files = {**FILES, "zz/../../escape.py": "x = 1\n"}  # written last: the others are on disk by then

    with pytest.raises(SpecloomError, match=f"refusing to write 'zz/../../escape.py': not a plain path inside {out}$"):
        write(out, files)

    assert not out.exists() and list(out.parent.iterdir()) == []
    assert not (tmp_path / "escape.py").exists()


def test_an_existing_package_gets_only_its_changed_files_and_loses_those_no_longer_made(tmp_path: Path) -> None:
    out = tmp_path / "pkg-1.0"
    write(out, FILES)
    kept = (out / "README.md").stat().st_mtime_ns

    result = write(out, {"pkg/__init__.py": "", "pkg/models/b.py": "B = 2\n", "README.md": "# pkg\n"})

    assert sorted(result.written) == [MANIFEST, "pkg/models/b.py"]
    assert result.removed == ("pkg/models/a.py",) and "README.md" in result.unchanged
    assert (out / "README.md").stat().st_mtime_ns == kept and not (out / "pkg/models/a.py").exists()
    assert (out / "pkg/models/b.py").stat().st_mode == (out / "README.md").stat().st_mode  # not private
