"""Property tests: the generator holds on any valid OpenAPI document (issue 9, "a generator that cannot crash").

Documents come from :func:`tests.properties._openapi_documents.openapi_documents`: Swagger 2.0, OpenAPI 3.0
and 3.1, JSON and YAML, with hostile names, unions, recursion, every parameter location and media type (see
that module). For each of them:

1. ``specloom generate --spec ... --out ... --name ...`` (in-process) ends without an exception and with exit
   code 0; a SpecError ("cannot understand") is a failure like any other. Warnings are fine, except those
   that say part of the document is lost or misread (:data:`LOSSES`: a $ref that does not resolve, an
   undeclared path parameter...), which no valid document deserves;
2. every generated .py file compiles without a warning, and the package imports in a fresh interpreter
   together with every one of its modules; ``Client``/``AsyncClient`` construct, every row of
   operations.json names a method of each (a coroutine function on the async one) that the ``options()``
   of the client, category and group on the way list, every row of schemas.json a class. One interpreter imports :data:`BATCH` packages before it is replaced;
3. ``operations.json`` lists exactly the document's operations, (method, path), each once;
4. (slow) mypy --strict is clean on every :data:`MYPY_EVERY`-th package, all checked by one mypy run.

Derandomized and bounded: :data:`DOCUMENTS` documents a run, the same ones every run. A failure shows
hypothesis' minimal document (version, format, the spec as a dict, the files it refers to) and what broke. The constructs drawn are
counted and printed when the module's tests end; :func:`test_generator_holds` also fails when a construct
of the strategy was never drawn.
"""

from __future__ import annotations

import io
import json
import os
import re
import select
import shutil
import subprocess
import sys
import time
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import IO

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis.internal.conjecture import engine
from specloom.cli import main as specloom_main  # type: ignore[import-untyped, unused-ignore]

from tests.conformance.checks import VENV_BIN, run_tool
from tests.conftest import SUMMARY_PROPERTY
from tests.properties._openapi_documents import EXCLUDED, TOGGLES, Document, feature_groups, openapi_documents
from tests.support import REPO

#: Documents a run (SPECLOOM_FUZZ_DOCUMENTS=5000 to hunt for bugs locally; the first 1000 are always the same).
DOCUMENTS = int(os.environ.get("SPECLOOM_FUZZ_DOCUMENTS", "1000"))
#: Packages one interpreter imports before a fresh one takes over.
BATCH = 25
#: Every MYPY_EVERY-th generated package goes to the mypy --strict sample.
MYPY_EVERY = 20
IMPORT_SECONDS = 120
# A failure is shrunk for at most this long (each step generates and imports a package).
SHRINK_SECONDS = 120

#: Other documents than CI's (SPECLOOM_FUZZ_SEED=1, 2... to hunt for bugs locally); unset: derandomized.
HUNTING_SEED = os.environ.get("SPECLOOM_FUZZ_SEED")
SETTINGS = settings(derandomize=HUNTING_SEED is None, database=None, deadline=None, max_examples=DOCUMENTS,
                    suppress_health_check=list(HealthCheck), print_blob=False)

# Constructs every run must have drawn (unless left out by a toggle): a guard against the strategy
# quietly losing coverage. Keys are the strategy's feature names (one ending in ":" stands for any feature
# of that group); values the toggle that removes them.
REQUIRED = {
    "version:2.0": None, "version:3.0": None, "version:3.1": None, "format:json": None, "format:yaml": "yaml",
    "name:keyword": None, "name:soft-keyword": None, "name:builtin": None, "name:generated-code": "generated-code-names",
    "name:leading-digit": None, "name:collision": None, "name:unicode": "unicode-names",
    "name:unicode-word": "unicode-names", "name:empty": "empty-names",
    "enum:string": None, "enum:integer": None, "enum:number": None, "enum:boolean": None, "enum:null": None,
    "enum:mixed": "enum-mixed", "enum:containers": "enum-containers", "enum:default-outside": "enum-default-outside",
    "allOf:ref+object": None, "allOf:ref-only": None, "union:oneOf": None, "union:anyOf": None,
    "union:container-member": "union-containers", "discriminator:oneOf-anyOf": "discriminator",
    "discriminator:allOf": "discriminator", "discriminator:2.0": "discriminator",
    "discriminator:mapping": "discriminator-mapping",
    "recursion:self": "recursion", "recursion:mutual": "recursion", "recursion:union": "recursion",
    "recursion:map": "recursion", "recursion:allOf": "recursion", "recursion:alias-array": "recursive-alias",
    "nullable:3.0-nullable": None, "nullable:3.1-type-list": None, "nullable:3.1-null-branch": None,
    "nullable:2.0-x-nullable": None, "nullable:3.0-ref-allOf": "nullable-ref", "nullable:3.0-ref-sibling": "nullable-ref",
    "schema:type-list": "type-list", "type-list:object": "type-list-object", "schema:const": "const",
    "schema:boolean-true": "boolean-schemas", "schema:boolean-false": "boolean-schemas",
    "component:boolean": "boolean-component", "schema:deep": "deep",
    "additionalProperties:true": None, "additionalProperties:false": None, "additionalProperties:schema": None,
    "param:path": None, "param:query": None, "param:header": None, "param:cookie": None,
    "param:formData": "form", "param:file": "form", "param:content": "param-content", "param:deepObject": "param-object",
    "param:override": None, "ref:parameters": None, "ref:schemas": None, "ref:requestBodies": None,
    "ref:responses": None, "ref:pathItems": "path-item-ref", "ref:headers": None, "ref:examples": None,
    "body:application/json": None, "body:application/merge-patch+json": None, "body:text/plain": None,
    "body:application/octet-stream": None, "body:application/x-www-form-urlencoded": "form",
    "body:multipart/form-data": "multipart", "body:application/json; charset=utf-8": None,
    "response-media:application/json": None, "response-media:text/plain": None,
    "response-media:application/octet-stream": None, "response-media:none": None, "response-media:2.0-file": None,
    "response:default": None, "response:204": None, "operation:tagged": None, "operation:untagged": None,
    "operation:no-operationId": None, "method:trace": None, "document:x-tagGroups": "tag-groups",
    "document:webhooks": "webhooks", "document:no-paths": None, "constraint:pattern": None,
    "schema:default-or-example-any-type": "wrong-defaults", "text:nasty": "nasty-text",
    "object:required-undeclared": "required-undeclared", "path:two-params-in-a-segment": None,
    "name:long": "long-names", "name:derived": "derived-names", "schema:not": "not", "json-schema:": "json-schema-2020",
    "ref:deep": "deep-refs", "schema:shared-node": "shared-nodes", "schema:very-deep": "very-deep",
    "param:style-matrix": "path-styles", "param:style-label": "path-styles", "path:percent-encoded": "path-styles",
    "operation:callbacks": "callbacks", "document:int-response-codes": "int-response-codes",
    "split:own": "split-files", "split:common": "split-files", "split:nested": "split-files", "multipart:file": "multipart",
    "response-media:Application/JSON": "media-case",
}

# Imports a generated package and every module of it, builds the clients and resolves the indexes; one
# JSON line a job ({"folder", "package"} in, {"problems": [...]} out). Anything the generated code prints
# goes to stderr, so stdout carries only the answers.
WORKER = r'''
import json, os, sys, warnings

answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
os.dup2(2, 1)
warnings.simplefilter("ignore")
sys.path.append(REPO)
from tests.package_check import check_package

for line in sys.stdin:
    job = json.loads(line)
    sys.path.insert(0, job["folder"])
    try:
        problems = check_package(job["package"], import_all=True, options=True)["problems"]
    finally:
        sys.path.remove(job["folder"])
    answers.write(json.dumps({"problems": problems}) + "\n")
    answers.flush()
'''


class Importer:
    """Imports generated packages in a fresh interpreter, :data:`BATCH` packages per interpreter."""

    def __init__(self, scratch: Path) -> None:
        self.scratch = scratch
        self.proc: subprocess.Popen[bytes] | None = None
        self.stderr: IO[bytes] | None = None
        self.jobs = 0
        self.interpreters = 0
        self._buffer = b""

    def _start(self) -> subprocess.Popen[bytes]:
        self.close()
        self.stderr = open(self.scratch / f"importer-{self.interpreters}.err", "w+b")  # noqa: SIM115
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONSTARTUP")}
        self.proc = subprocess.Popen([sys.executable, "-c", f"REPO = {str(REPO)!r}\n" + WORKER], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=self.stderr, env=env, cwd=self.scratch)
        self.interpreters += 1
        self.jobs = 0
        self._buffer = b""
        return self.proc

    def check(self, folder: Path, package: str) -> list[str]:
        """Problems importing ``package`` from ``folder`` (empty: it imports and its clients build)."""
        proc = self.proc if self.proc is not None and self.jobs < BATCH else self._start()
        self.jobs += 1
        assert proc.stdin is not None and proc.stdout is not None
        try:
            proc.stdin.write((json.dumps({"folder": str(folder), "package": package}) + "\n").encode())
            proc.stdin.flush()
        except BrokenPipeError:
            return [f"the importing interpreter died: {self._stderr_tail()}"]
        deadline = time.monotonic() + IMPORT_SECONDS
        fd = proc.stdout.fileno()
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            ready = select.select([fd], [], [], max(left, 0))[0] if left > 0 else []
            if not ready:
                self.close()
                return [f"importing {package} did not finish in {IMPORT_SECONDS} s"]
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                tail = self._stderr_tail()
                self.close()
                return [f"the importing interpreter died: {tail}"]
            self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        problems: list[str] = json.loads(line)["problems"]
        return problems

    def _stderr_tail(self) -> str:
        if self.stderr is None:
            return ""
        self.stderr.flush()
        self.stderr.seek(0)
        return self.stderr.read().decode(errors="replace")[-3000:]

    def close(self) -> None:
        if self.proc is not None:
            if self.proc.stdin is not None:
                self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            if self.proc.stdout is not None:
                self.proc.stdout.close()
            self.proc = None
        if self.stderr is not None:
            self.stderr.close()
            self.stderr = None


# -- what a run saw -----------------------------------------------------------------------------------


class Seen:
    def __init__(self) -> None:
        self.features: Counter[str] = Counter()
        self.documents = 0
        self.operations = 0
        self.models = 0
        self.files = 0
        self.warnings = 0
        self.seconds = 0.0
        self.mypy: list[tuple[str, Path]] = []  # (package, folder holding it) of the mypy sample
        self.mypy_checked = 0
        self.interpreters = 0


SEEN = Seen()
_counter = iter(range(1, 10**9))


@pytest.fixture(autouse=True, scope="module")
def _shrinking_bounded() -> Iterator[None]:
    old = engine.MAX_SHRINKING_SECONDS
    engine.MAX_SHRINKING_SECONDS = SHRINK_SECONDS
    try:
        yield
    finally:
        engine.MAX_SHRINKING_SECONDS = old


def _coverage() -> list[str]:
    """What the run covered, for the terminal summary."""
    lines = [(f"generator property suite: {SEEN.documents} documents, {SEEN.operations} operations, {SEEN.models} models, "
              f"{SEEN.files} files, {SEEN.warnings} warnings; imported in {SEEN.interpreters} interpreters; "
              f"{SEEN.seconds:.1f} s generating")]
    if EXCLUDED:
        lines.append(f"LEFT OUT (toggles): {', '.join(sorted(EXCLUDED))}")
    for group, counts in feature_groups(SEEN.features).items():
        shown = ", ".join(f"{k} {n}" for k, n in counts.items()) if len(counts) > 1 or group not in counts else str(counts[group])
        lines.append(f"  {group}: {shown}")
    return lines


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("generator-holds")


@pytest.fixture(scope="module")
def importer(scratch: Path) -> Iterator[Importer]:
    found = Importer(scratch)
    try:
        yield found
    finally:
        found.close()


# -- the properties -------------------------------------------------------------------------------------


def generate(doc: Document, folder: Path, package: str) -> Path:
    """Property 1: the document generates (exit code 0, no exception); returns the folder holding ``package``."""
    spec = doc.write(folder / "spec")
    out = folder / "out"
    stdout, stderr = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    try:
        with redirect_stdout(stdout), redirect_stderr(stderr):
            code = specloom_main(["generate", "--spec", str(spec), "--out", str(out), "--name", package])
    except SystemExit as exc:  # argparse
        code = exc.code if isinstance(exc.code, int) else 2
    SEEN.seconds += time.perf_counter() - started
    said = stderr.getvalue()
    if code != 0:
        raise failure(code, said)(f"specloom generate exited with {code}:\n{said[-4000:]}")
    SEEN.warnings += said.count("warning:")
    for line in said.splitlines():
        for pattern in LOSSES:
            if line.startswith("warning:") and pattern.search(line):
                raise failure(0, f"loss: {pattern.pattern}")(f"a warning that loses part of a valid document:\n{line}")
    return out


class GenerationFailed(AssertionError):
    """specloom generate did not exit with 0; a subclass per distinct cause (see :func:`failure`)."""


# Warnings that say part of the document was lost or misread: none is true of a valid document.
LOSSES = [re.compile(p) for p in (
    r"does not resolve", r"is not declared", r"without a valid name or 'in'", r"is not an object; skipped",
    r"\$ref is not a string", r"points at a URL", r"duplicate entries in required", r"\$ref '[^']*': ",
    r"\$ref chain loops",
)]
_FAILURES: dict[str, type[GenerationFailed]] = {}
_INTERNAL = re.compile(r"internal error .*?: ([\w.]+): .*\(at ([\w./-]+:\d+)\)")
_SPEC_ERROR = re.compile(r"specloom: error: .*?#\S*: ([^'\"{(]*)")


def failure(code: int, said: str) -> type[GenerationFailed]:
    """The exception class for a failed run: one per (exit code, exception, place), so that hypothesis
    tells distinct generator bugs apart (it separates failures by exception type and place) and shrinks
    each to its own minimal document."""
    internal, spec_error = _INTERNAL.search(said), _SPEC_ERROR.search(said)
    if said.startswith("loss: "):
        cause = said
    elif internal:
        cause = f"{internal[1]} at {internal[2]}"
    elif spec_error:
        cause = f"SpecError {spec_error[1].strip()[:40]}"
    else:
        cause = f"exit {code}"
    if cause not in _FAILURES:
        _FAILURES[cause] = type(f"GenerationFailed[{cause}]", (GenerationFailed,), {})
    return _FAILURES[cause]


def compiles(root: Path) -> int:
    """Property 2 (first half): every .py file compiles, without a SyntaxWarning or DeprecationWarning."""
    files = sorted(root.rglob("*.py"))
    for path in files:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            compile(path.read_text(encoding="utf-8"), str(path), "exec", dont_inherit=True)
        assert not caught, f"{path.relative_to(root)}: {[str(w.message) for w in caught]}"
    return len(files)


def index_matches(doc: Document, root: Path) -> None:
    """Property 3: operations.json lists exactly the document's (method, path) pairs, each once."""
    rows = json.loads((root / "operations.json").read_text(encoding="utf-8"))
    listed = [(row["method"], row["path"]) for row in rows]
    repeated = sorted(k for k, n in Counter(listed).items() if n > 1)
    assert not repeated, f"operations listed more than once: {repeated}"
    missing, extra = sorted(doc.operations - set(listed)), sorted(set(listed) - doc.operations)
    assert not missing and not extra, f"operations.json differs from the document: missing {missing}, extra {extra}"
    SEEN.operations += len(rows)
    SEEN.models += len(json.loads((root / "schemas.json").read_text(encoding="utf-8")))


def test_generator_holds(scratch: Path, importer: Importer, request: pytest.FixtureRequest) -> None:
    """Properties 1-3 on :data:`DOCUMENTS` documents; every construct of the strategy is drawn."""
    sample = scratch / "mypy-sample"
    sample.mkdir(exist_ok=True)
    documents = 0

    @SETTINGS
    @given(openapi_documents())
    def holds(doc: Document) -> None:
        nonlocal documents
        n = next(_counter)
        package = f"fz{n:04d}"
        folder = scratch / package
        try:
            out = generate(doc, folder, package)
            SEEN.files += compiles(out / package)
            index_matches(doc, out / package)
            problems = importer.check(out, package)
            assert not problems, "the package does not import or its clients do not build:\n" + "\n".join(problems)
            documents += 1
            SEEN.documents += 1
            SEEN.features.update(dict(doc.features))
            if SEEN.documents % MYPY_EVERY == 0:
                shutil.move(out / package, sample / package)
                (sample / f"{package}.{doc.fmt}").write_text(doc.text(), encoding="utf-8")
                SEEN.mypy.append((package, sample))
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    (seed(int(HUNTING_SEED))(holds) if HUNTING_SEED else holds)()
    SEEN.interpreters = importer.interpreters
    request.node.user_properties.append((SUMMARY_PROPERTY, _coverage()))
    assert documents >= DOCUMENTS, f"only {documents} documents were checked"
    drawn = set(SEEN.features) | {f.split(":", 1)[0] + ":" for f in SEEN.features}
    never = sorted(f for f, toggle in REQUIRED.items() if f not in drawn and (toggle is None or toggle not in EXCLUDED))
    assert not never, f"constructs the strategy never drew in {documents} documents: {never}"


def test_toggles_are_documented() -> None:
    """Every toggle named in REQUIRED exists in the strategy."""
    assert {t for t in REQUIRED.values() if t is not None} <= set(TOGGLES)


@pytest.mark.slow
def test_mypy_strict_on_a_sample(scratch: Path, request: pytest.FixtureRequest) -> None:
    """Property 4: mypy --strict is clean on every MYPY_EVERY-th package (one mypy run over all of them)."""
    sample = scratch / "mypy-sample"
    if not SEEN.mypy:  # run on its own: draw a sample of the same documents' kind
        sample.mkdir(exist_ok=True)

        @settings(SETTINGS, max_examples=DOCUMENTS // MYPY_EVERY)
        @given(openapi_documents())
        def draw(doc: Document) -> None:
            package = f"fz{next(_counter):04d}"
            out = generate(doc, scratch / package, package)
            shutil.move(out / package, sample / package)
            (sample / f"{package}.{doc.fmt}").write_text(doc.text(), encoding="utf-8")
            SEEN.mypy.append((package, sample))
            shutil.rmtree(scratch / package, ignore_errors=True)

        draw()
    packages = [p for p, _ in SEEN.mypy]
    result = mypy_strict_many(sample, packages, scratch / "mypy")
    SEEN.mypy_checked = len(packages)
    summary = f"generator property suite: mypy --strict on a sample of {len(packages)} packages"
    request.node.user_properties.append((SUMMARY_PROPERTY, [summary]))
    errors: dict[str, list[str]] = {}
    for line in result.stdout.splitlines():
        if ": error:" in line or ": note:" in line:
            errors.setdefault(line.split("/", 1)[0].split(".", 1)[0], []).append(line)
    assert result.returncode == 0 and not errors, "mypy --strict errors:\n" + "\n\n".join(
        f"{package} (spec: {next(sample.glob(package + '.*'))}):\n" + "\n".join(lines[:30])
        for package, lines in sorted(errors.items())
    ) + (f"\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}" if not errors else "")


def mypy_strict_many(dist: Path, packages: list[str], scratch: Path) -> subprocess.CompletedProcess[str]:
    """``mypy --strict -p A -p B ...`` from ``dist``, as :func:`tests.conformance.checks.mypy_strict` runs it for one."""
    scratch.mkdir(parents=True, exist_ok=True)
    config = scratch / "mypy.ini"
    config.write_text("[mypy]\nstrict = True\npython_version = 3.11\n", encoding="utf-8")
    args = [str(VENV_BIN / "mypy"), "--strict", "--config-file", str(config), "--cache-dir", str(scratch / "cache"),
            "--no-error-summary", *(a for p in packages for a in ("-p", p))]
    return run_tool(args, cwd=dist, timeout=900)
