"""Issue 9: real public specs (../shared/specs/public) generate, index, install, import, type-check and lint,
and the generated code is measured for what hand-written code would not do.

Fast (unmarked): generation, the operation and schema indexes, ruff, the corpus table, the metrics.
Slow: one fresh venv holding every package (import every module, build both clients), mypy --strict per package.
Each spec is generated once per run, shared by xdist workers (see ``PublicCorpus`` in conftest.py). The corpus table
and the metrics table are printed in the terminal summary: no ``-s`` needed, under xdist too.
"""

from __future__ import annotations

import ast
import io
import os
import re
import string
import textwrap
import tokenize
import tomllib
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.conformance.checks import (
    OPERATION_KEYS,
    SCHEMA_KEYS,
    duplicates,
    mypy_strict,
    operations,
    probe,
    ruff_check,
    schemas,
    spec_schema_names,
)
from tests.conformance.conftest import PublicCorpus, cached_document
from tests.conftest import SUMMARY_PROPERTY
from tests.support import REPO, public_spec, public_specs, public_specs_or_skip, spec_operations

LABELS = [spec.label for spec in public_specs()] or ["public-corpus-absent"]
#: The line length the repo configures (ruff's), which generated code is held to as well.
LINE_LENGTH: int = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["ruff"]["line-length"]
GROUP_MODULE_LINES = 5000


def _examples(items: list[Any], n: int = 3) -> str:
    return ", ".join(map(str, items[:n])) + (", ..." if len(items) > n else "")


# -- generation and the indexes ------------------------------------------------------------------------------------


@pytest.mark.parametrize("label", LABELS)
def test_generates_without_error(public_corpus: PublicCorpus, label: str) -> None:
    done = public_corpus.generation(label)
    assert done.error is None, f"{label}: {done.error}\n{done.stderr[-3000:]}"


def operation_index_problems(corpus: PublicCorpus, label: str) -> list[str]:
    """How ``operations.json`` differs from the spec's operations (the method keys of its path items)."""
    rows = operations(corpus.package(label))
    wanted = spec_operations(corpus.spec(label))
    listed = [(row.get("method"), row.get("path")) for row in rows]
    checks: list[tuple[str, list[Any]]] = [
        ("rows with other keys than " + ", ".join(sorted(OPERATION_KEYS)), [r for r in rows if set(r) != OPERATION_KEYS]),
        ("spec operations not listed", sorted(wanted - set(listed))),
        ("listed operations not in the spec", sorted(set(listed) - wanted, key=repr)),
        ("operations listed twice", duplicates(listed)),
        ("python_names of more than one operation", duplicates([row.get("python_name") for row in rows])),
    ]
    return [f"{len(found)} {what}: {_examples(found)}" for what, found in checks if found]


def schema_index_problems(corpus: PublicCorpus, label: str) -> list[str]:
    """How ``schemas.json`` differs from the spec's component schemas (Swagger 2.0: definitions).

    Rows whose pointer is into another file (``models/x.yml#``: a spec split over files, like DigitalOcean's) are
    schemas named by their file, not components: they are only checked for one row per pointer.
    """
    spec = corpus.spec(label)
    names = spec_schema_names(spec)
    # Swagger 2.0 definitions may be named by the spec's pointer or by the converted one (#/components/schemas/X).
    homes = ("#/definitions/", "#/components/schemas/") if spec.get("definitions") else ("#/components/schemas/",)
    rows = schemas(corpus.package(label))
    local = [row for row in rows if str(row.get("pointer", "")).startswith("#")]
    listed = [row.get("schema") for row in local]
    checks: list[tuple[str, list[Any]]] = [
        ("rows with other keys than " + ", ".join(sorted(SCHEMA_KEYS)), [r for r in rows if set(r) != SCHEMA_KEYS]),
        ("component schemas without a row (lost)", sorted(set(names) - set(listed))),
        ("rows for schemas that are not components", sorted(set(listed) - set(names), key=repr)),
        ("schemas with more than one row", duplicates(listed)),
        ("pointers with more than one row", duplicates([row.get("pointer") for row in rows])),
        ("rows whose pointer is not the schema's own", [
            (row.get("schema"), row.get("pointer")) for row in local
            if not any(str(row.get("pointer")).endswith(home + str(row.get("schema")).replace("~", "~0").replace("/", "~1"))
                       for home in homes)
        ]),
        ("classes shared by two schemas", duplicates([(row.get("module"), row.get("python_name")) for row in rows])),
    ]  # fmt: skip
    return [f"{len(found)} {what}: {_examples(found)}" for what, found in checks if found]


@pytest.mark.parametrize("label", LABELS)
def test_operation_index_lists_exactly_the_spec_operations(public_corpus: PublicCorpus, label: str) -> None:
    problems = operation_index_problems(public_corpus, label)
    assert problems == [], f"{label}: operations.json vs the spec:\n" + "\n".join(problems)


@pytest.mark.parametrize("label", LABELS)
def test_every_component_schema_has_a_class_or_alias(public_corpus: PublicCorpus, label: str) -> None:
    problems = schema_index_problems(public_corpus, label)
    assert problems == [], f"{label}: schemas.json vs the spec:\n" + "\n".join(problems)


_RUFF_FOUND = re.compile(r"Found (\d+) errors?")


def ruff_errors(corpus: PublicCorpus, label: str) -> tuple[int, str]:
    """(number of ``ruff check`` errors, its output) over the generated distribution; run once per run."""
    dist = corpus.dist(label)

    def run() -> list[Any]:
        proc, checked = ruff_check(dist)
        sources = {str(p.resolve()) for p in dist.rglob("*.py") if "__pycache__" not in p.parts}
        assert sources and sources <= checked, f"ruff would skip {sorted(sources - checked)[:5]}..."
        found = _RUFF_FOUND.search(proc.stdout)
        return [int(found[1]) if found else (0 if proc.returncode == 0 else -1), proc.stdout + proc.stderr]

    count, output = corpus.memo(f"{label}.ruff", run)
    return int(count), str(output)


@pytest.mark.parametrize("label", LABELS)
def test_ruff_check_passes(public_corpus: PublicCorpus, label: str) -> None:
    count, output = ruff_errors(public_corpus, label)
    assert count == 0, f"ruff check, {label}: {count} errors\n{output[-6000:]}"


def test_corpus_table(public_corpus: PublicCorpus, request: pytest.FixtureRequest) -> None:
    """Prints operations, models, warnings, seconds and errors of every spec (and index and ruff problems)."""
    specs = public_specs_or_skip()
    header = f"{'spec':28} {'format':10} {'ops':>5} {'models':>6} {'warn':>5} {'sec':>6}  {'ruff':>4}  {'index':>5}  errors"
    lines = ["== public corpus (../shared/specs/public): one in-process `specloom generate` per spec", header]
    totals = Counter[str]()
    for spec in specs:
        done = public_corpus.generation(spec.label)
        ruff, index, error = "-", "-", (done.error or "-").replace("\n", " ")
        if done.error is None:
            ruff = str(ruff_errors(public_corpus, spec.label)[0])
            problems = operation_index_problems(public_corpus, spec.label) + schema_index_problems(public_corpus, spec.label)
            index = "FAIL" if problems else "ok"
            error = "; ".join(problems) or "-"
        lines.append(f"{spec.label:28} {spec.format:10} {done.operations if done.operations is not None else '-':>5} "
                     f"{done.models if done.models is not None else '-':>6} {done.warnings:>5} {done.seconds:>6.2f}  "
                     f"{ruff:>4}  {index:>5}  {error[:100]}")  # fmt: skip
        totals.update(ops=done.operations or 0, models=done.models or 0, warnings=done.warnings,
                      failed=done.error is not None, ms=round(done.seconds * 1000))  # fmt: skip
    lines.append(f"{'total':28} {len(specs):>3} specs  {totals['ops']:>5} {totals['models']:>6} {totals['warnings']:>5} "
                 f"{totals['ms'] / 1000:>6.2f}  ({totals['failed']} failed to generate; index: operations.json and "
                 f"schemas.json against the spec)")  # fmt: skip
    request.node.user_properties.append((SUMMARY_PROPERTY, lines))
    assert len(specs) == len(LABELS)


# -- install, import, mypy (slow) ----------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("label", LABELS)
def test_installed_package_imports_every_module_and_builds_both_clients(public_corpus: PublicCorpus, label: str) -> None:
    package = public_spec(label).package
    sources = [p for p in public_corpus.package(label).rglob("*.py") if "__pycache__" not in p.parts]
    python = public_corpus.venv_python()
    report = probe(None, package, str(python), import_all=True)
    assert Path(report["file"]).resolve().is_relative_to(python.parent.parent.resolve()), (
        f"{package} was imported from {report['file']}, not from the fresh venv"
    )
    assert report["problems"] == [], f"{label}: {len(report['problems'])} problems:\n" + "\n".join(report["problems"])
    assert report["modules"] == len(sources) - 1, "modules of the package that were not imported"
    assert report["operations"] == len(spec_operations(public_corpus.spec(label)))


_MYPY_ERROR = re.compile(r"^(?P<where>[^:\n]+:\d+): error: (?P<message>.*?)(?:  \[(?P<code>[\w-]+)\])?$", re.MULTILINE)


@pytest.mark.slow
@pytest.mark.parametrize("label", LABELS)
def test_mypy_strict_passes(public_corpus: PublicCorpus, label: str, tmp_path: Path) -> None:
    package = public_spec(label).package
    proc = mypy_strict(public_corpus.dist(label), package, tmp_path)
    if proc.returncode == 0:
        return
    errors = list(_MYPY_ERROR.finditer(proc.stdout))
    by_code = Counter(e["code"] or "?" for e in errors)
    summary = [f"mypy --strict -p {package}: {len(errors)} errors, by code {dict(by_code.most_common())}"]
    for code, _ in by_code.most_common():
        summary += [f"  {e['where']}: {e['message']}  [{code}]" for e in errors if (e["code"] or "?") == code][:3]
    pytest.fail("\n".join(summary) + "\n\n" + (proc.stdout + proc.stderr)[-4000:])


# -- metrics: generated code that reads like hand-written code -----------------------------------------------------

_HEX = frozenset(string.hexdigits.lower())
_SNAKE_HASH = re.compile(r"_[0-9a-f]{8}$", re.IGNORECASE)
_VARIANT = re.compile(r"Variant\d+$")
_VARIANT_DERIVED = re.compile(r"Variant\d+(?=[A-Z_])")  # a class named after a VariantN one (its field's enum...)
_IDENTIFIER = re.compile(r"[A-Za-z_]\w*")
_ANNOTATIONS = frozenset({"description", "nullable", "default", "title"})


def hash_suffixed(name: str, kind: str) -> bool:
    """Ends in an 8-hex-digit hash: ``_1a2b3c4d`` (any case), or glued to a CamelCase class name."""
    if kind != "class":
        return _SNAKE_HASH.search(name) is not None
    tail = name[-8:]
    return (len(name) > 8 and set(tail) <= _HEX and any(c.isdigit() for c in tail)
            and any(c.isalpha() for c in tail) and not name[-9].isdigit())  # fmt: skip


@dataclass
class Metrics:
    """What one package shows; plain JSON data, so one worker computes it for the whole run."""

    hashed: dict[str, list[str]] = field(default_factory=dict)  # kind -> "module:qualname"
    variants: list[str] = field(default_factory=list)  # VariantN classes
    variant_derived: list[str] = field(default_factory=list)  # classes named after one (VariantNType...)
    union_members: dict[str, int] = field(default_factory=dict)  # ref / title / discriminator / unnamed
    wrappers: int = 0  # schemas that are only allOf: [$ref X] (+ description/nullable/default/title)
    copies: list[str] = field(default_factory=list)  # classes generated for such a schema instead of X
    unresolved: list[str] = field(default_factory=list)  # wrappers whose generated type could not be found
    largest: list[Any] = field(default_factory=lambda: ["-", 0, 0, "-"])  # module, lines, operations, tag(s)
    big_modules: list[str] = field(default_factory=list)  # over GROUP_MODULE_LINES without one tag holding them
    long_lines: list[str] = field(default_factory=list)  # over LINE_LENGTH, not one long literal
    long_literals: int = 0  # over LINE_LENGTH because of one string literal
    unparsable: list[str] = field(default_factory=list)  # files that do not parse (the ruff and mypy tests say why)


@dataclass(frozen=True)
class _Source:
    text: str
    tree: ast.Module | None  # None: a syntax error


def _sources(package: Path, metrics: Metrics) -> dict[str, _Source]:
    """Every .py file of the package by POSIX path relative to it, parsed once."""
    found = {}
    for path in sorted(p for p in package.rglob("*.py") if "__pycache__" not in p.parts):
        relative = path.relative_to(package).as_posix()
        text = path.read_text(encoding="utf-8")
        try:
            tree: ast.Module | None = ast.parse(text)
        except SyntaxError as exc:
            tree = None
            metrics.unparsable.append(f"{relative}:{exc.lineno}: {exc.msg}")
        found[relative] = _Source(text, tree)
    return found


def _assigned(node: ast.stmt) -> list[ast.expr]:
    if isinstance(node, ast.Assign):
        return node.targets
    return [node.target] if isinstance(node, ast.AnnAssign) else []


def _names(tree: ast.Module, module: str) -> list[tuple[str, str, str]]:
    """(kind, name, "module:qualname") of what the module defines: classes, functions, methods, their arguments,
    class attributes, attributes ``__init__`` sets on self, module constants."""
    found: list[tuple[str, str, str]] = []

    def visit(body: list[ast.stmt], scope: str, in_class: bool) -> None:
        for node in body:
            if isinstance(node, ast.ClassDef):
                found.append(("class", node.name, f"{module}:{scope}{node.name}"))
                visit(node.body, f"{scope}{node.name}.", True)
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                where = f"{module}:{scope}{node.name}"
                found.append(("method" if in_class else "function", node.name, where))
                args = node.args
                found.extend(("argument", a.arg, f"{where}({a.arg})") for a in (*args.posonlyargs, *args.args, *args.kwonlyargs))
                if node.name == "__init__":
                    for sub in ast.walk(node):
                        for target in _assigned(sub) if isinstance(sub, ast.stmt) else []:
                            if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self":
                                found.append(("attribute", target.attr, f"{where}.self.{target.attr}"))
            else:
                for target in _assigned(node):
                    if isinstance(target, ast.Name):
                        found.append(("attribute" if in_class else "constant", target.id, f"{module}:{scope}{target.id}"))

    visit(tree.body, "", False)
    return found


def _long_lines(source: str, relative: str, metrics: Metrics) -> None:
    """Lines over LINE_LENGTH, except long literals: a line that fits with its one-line string literal written as
    ``""``, and a line of a multi-line string (a docstring) holding a word that alone overflows (a URL) or a row of
    a markdown table (wrapping it would break the table)."""
    long = [(n, line) for n, line in enumerate(source.splitlines(), 1) if len(line) > LINE_LENGTH]
    if not long:
        return
    literal: dict[int, int] = {}  # line -> length of its longest one-line string literal
    in_text: set[int] = set()  # lines inside a multi-line string
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type != tokenize.STRING:
                continue
            if token.start[0] == token.end[0]:
                literal[token.start[0]] = max(literal.get(token.start[0], 0), token.end[1] - token.start[1])
            else:
                in_text.update(range(token.start[0], token.end[0] + 1))
    except (tokenize.TokenError, SyntaxError):
        pass  # counted in unparsable; its long lines are all counted
    for number, line in long:
        indent = len(line) - len(line.lstrip())
        one_literal = len(line) - literal.get(number, 0) + 2 <= LINE_LENGTH
        unbreakable = number in in_text and (
            indent + max(map(len, line.split())) > LINE_LENGTH or line.lstrip().startswith("|")
        )
        if one_literal or unbreakable:
            metrics.long_literals += 1
        else:
            metrics.long_lines.append(f"{relative}:{number} ({len(line)} chars)")


def _file(base: Path, reference: str) -> Path:
    return Path(os.path.normpath(base.parent / reference))


def _resolve(base: Path, ref: str) -> tuple[Any, Path]:
    """The node a ``$ref`` names (``file#/pointer``, ``#/pointer`` or ``file``), and the file holding it."""
    target, _, pointer = ref.partition("#")
    path = _file(base, target) if target else base
    node = cached_document(path)
    for part in [p for p in pointer.split("/") if p]:
        part = part.replace("~1", "/").replace("~0", "~")
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node, path


def _documents(root: Path) -> list[Any]:
    """The root document and every file it reaches by relative ``$ref``."""
    seen: dict[Path, Any] = {}
    todo = [Path(os.path.normpath(root.absolute()))]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen[path] = cached_document(path)
        stack = [seen[path]]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                ref = node.get("$ref")
                if isinstance(ref, str) and ref.split("#")[0] and "://" not in ref:
                    todo.append(_file(path, ref.split("#")[0]))
                stack.extend(node.values())
            elif isinstance(node, list):
                stack.extend(node)
    return list(seen.values())


def _union_members(documents: list[Any]) -> dict[str, int]:
    """Every oneOf/anyOf member, by what names it: its $ref, title or discriminator value, or nothing ("unnamed").

    A 3.1 type list of several non-null types counts as that many unnamed members; a ``type: null`` member is
    not counted (it needs no class).
    """
    counts = Counter[str]()
    stack = list(documents)
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        stack.extend(node.values())
        kinds = node.get("type")
        if isinstance(kinds, list) and len([k for k in kinds if k != "null"]) > 1:
            counts["unnamed"] += len([k for k in kinds if k != "null"])
        discriminator = node.get("discriminator")
        tag = discriminator.get("propertyName") if isinstance(discriminator, dict) else None
        for key in ("oneOf", "anyOf"):
            members = node.get(key)
            for member in members if isinstance(members, list) else []:
                if not isinstance(member, dict):
                    continue
                prop = (member.get("properties") or {}).get(tag) if tag else None
                if "$ref" in member:
                    counts["ref"] += 1
                elif "title" in member:
                    counts["title"] += 1
                elif isinstance(prop, dict) and ("const" in prop or len(prop.get("enum") or []) == 1):
                    counts["discriminator"] += 1
                elif member.get("type") != "null":
                    counts["unnamed"] += 1
    return dict(counts)


def allof_target(node: Any) -> str | None:
    """X when ``node`` is only ``allOf: [$ref X]`` (other allOf members and keys: description/nullable/default/title)."""
    if not isinstance(node, dict) or not isinstance(node.get("allOf"), list) or not set(node) <= _ANNOTATIONS | {"allOf"}:
        return None
    refs = [m for m in node["allOf"] if isinstance(m, dict) and "$ref" in m]
    if len(refs) != 1 or set(refs[0]) != {"$ref"} or not isinstance(refs[0]["$ref"], str):
        return None
    if not all(isinstance(m, dict) and set(m) <= _ANNOTATIONS for m in node["allOf"] if m is not refs[0]):
        return None
    return str(refs[0]["$ref"])


def _annotation_names(node: ast.expr | None) -> set[str]:
    if node is None:
        return set()
    text = node.value if isinstance(node, ast.Constant) else ast.unparse(node)
    return set(_IDENTIFIER.findall(str(text)))


def _models(sources: dict[str, _Source]) -> dict[str, dict[str, set[str]]]:
    """Every class of ``models/``: wire name -> the names its field's annotation uses."""
    found: dict[str, dict[str, set[str]]] = {}
    for relative, source in sources.items():
        if not relative.startswith("models/") or source.tree is None:
            continue
        for node in source.tree.body:
            if not isinstance(node, ast.ClassDef):
                continue
            wire: dict[str, str] = {}
            annotations: dict[str, set[str]] = {}
            for stmt in node.body:
                if not isinstance(stmt, ast.AnnAssign) or not isinstance(stmt.target, ast.Name):
                    continue
                if stmt.target.id == "__wire_names__" and isinstance(stmt.value, ast.Dict):
                    pairs = zip(stmt.value.keys, stmt.value.values, strict=True)
                    wire = {ast.literal_eval(k): ast.literal_eval(v) for k, v in pairs if k is not None}
                annotations[stmt.target.id] = _annotation_names(stmt.annotation)
            found[node.name] = {wire.get(attr, attr): names for attr, names in annotations.items()}
    return found


def _alias_names(row: dict[str, Any], sources: dict[str, _Source]) -> set[str]:
    """The names an alias row's definition (``X: TypeAlias = 'A | B'``) uses."""
    relative = "/".join(row["module"].split(".")[1:]) + ".py"
    tree = sources[relative].tree if relative in sources else None
    for node in tree.body if tree else []:
        if any(isinstance(t, ast.Name) and t.id == row["python_name"] for t in _assigned(node)):
            return _annotation_names(node.value) if isinstance(node, ast.Assign | ast.AnnAssign) else set()
    return set()


def _allof_copies(spec: dict[str, Any], package: Path, sources: dict[str, _Source], metrics: Metrics) -> None:
    """Finds the type generated for every ``allOf: [$ref X]`` schema under the component schemas; it must be X.

    A component that is such a schema must be an alias (its schemas.json row's kind) or X's class; a property that
    is one must be annotated with X (or, when X is an alias, with what X stands for). The property is found by
    following the pointer through the generated models: ``properties/p`` is field p's annotation; ``allOf/i``,
    ``items`` and ``additionalProperties`` stay on the class at hand; anything else leaves the schema unresolved
    (counted and printed, not failed).
    """
    rows = {row["schema"]: row for row in schemas(package) if str(row.get("pointer", "")).startswith("#")}
    models = _models(sources)
    definitions = spec.get("definitions") and not (spec.get("components") or {}).get("schemas")
    home = "#/definitions/" if definitions else "#/components/schemas/"
    section = spec["definitions"] if definitions else (spec.get("components") or {}).get("schemas") or {}

    def found(path: list[str], target: str) -> None:
        metrics.wrappers += 1
        where = "/".join(path)
        x = target[len(home) :].replace("~1", "/").replace("~0", "~") if target.startswith(home) else None
        if x is None or x not in rows:
            metrics.unresolved.append(f"{where}: target {target} has no schemas.json row")
            return
        x_row = rows[x]
        allowed = {x_row["python_name"]} | (_alias_names(x_row, sources) if x_row["kind"] == "alias" else set())
        if len(path) == 1:  # a component schema
            row = rows.get(path[0])
            if row is not None and row["kind"] != "alias" and row["python_name"] not in allowed:
                metrics.copies.append(f"{where}: class {row['python_name']} copies {x} ({x_row['python_name']})")
            return
        current = {rows[path[0]]["python_name"]} if path[0] in rows else set()
        names: set[str] = set()
        steps, i = path[1:], 0
        while i < len(steps):
            step = steps[i]
            if step == "properties" and i + 1 < len(steps):
                owners = [models[c] for c in current if c in models]
                if len(owners) != 1 or steps[i + 1] not in owners[0]:
                    metrics.unresolved.append(f"{where}: no generated field at {'/'.join(steps[: i + 2])}")
                    return
                names = owners[0][steps[i + 1]]
                current = {n for n in names if n in models}
                i += 2
            elif step == "allOf" and i + 1 < len(steps):
                i += 2
            elif step in ("items", "additionalProperties"):
                i += 1
            else:
                metrics.unresolved.append(f"{where}: cannot follow {step!r}")
                return
        others = sorted(n for n in names if n in models and n not in allowed)
        if others:
            metrics.copies.append(f"{where}: class {others[0]} copies {x} ({x_row['python_name']})")
        elif not names & allowed:
            metrics.unresolved.append(f"{where}: annotated with {sorted(names)}, not {x_row['python_name']}")

    def walk(node: Any, path: list[str]) -> None:
        if isinstance(node, dict):
            target = allof_target(node)
            if target is not None:
                found(path, target)
            for key, value in node.items():
                walk(value, [*path, str(key)])
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, [*path, str(i)])

    for name in spec_schema_names(spec):
        walk(section[name], [name])


def _operation_object(spec_path: Path, spec: dict[str, Any], method: str, path: str) -> dict[str, Any] | None:
    item = (spec.get("paths") or {}).get(path)
    if not isinstance(item, dict):
        return None
    node, holder = item, spec_path
    if "$ref" in node:
        node, holder = _resolve(holder, node["$ref"])
    op = node.get(method.lower()) if isinstance(node, dict) else None
    while isinstance(op, dict) and "$ref" in op:
        op, holder = _resolve(holder, op["$ref"])
    return op if isinstance(op, dict) else None


def _first_tag(op: dict[str, Any] | None) -> str | None:
    tags = op.get("tags") if op else None
    return str(tags[0]) if isinstance(tags, list) and tags else None


def _group_modules(spec_path: Path, spec: dict[str, Any], sources: dict[str, _Source], metrics: Metrics) -> None:
    """The largest group module, and every module over GROUP_MODULE_LINES that does not hold one tag of the spec.

    A module that large is accepted when all its operations carry the same (first) tag in the spec: the spec
    itself puts that many operations in one tag. Untagged operations are not one tag.
    """
    tag_sizes = Counter(_first_tag(_operation_object(spec_path, spec, m, p)) for m, p in spec_operations(spec))
    sized = []
    for relative, source in sources.items():
        if not relative.startswith("groups/") or relative.endswith("/__init__.py") or source.tree is None:
            continue
        ops = []
        for node in ast.walk(source.tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Operation":
                kw = {k.arg: k.value.value for k in node.keywords if isinstance(k.value, ast.Constant)}
                ops.append((str(kw.get("method")), str(kw.get("path"))))
        tags = {_first_tag(_operation_object(spec_path, spec, m, p)) for m, p in ops}
        tag = next(iter(tags)) if len(tags) == 1 else None
        if tag is not None:
            described = f"tag {tag!r} ({tag_sizes[tag]} ops)"
        else:
            described = "untagged" if tags == {None} else f"{len(tags)} tags" + (" incl. untagged" if None in tags else "")
        lines = source.text.count("\n")
        sized.append((lines, relative, len(ops), described))
        if lines > GROUP_MODULE_LINES and tag is None:
            metrics.big_modules.append(f"{relative}: {lines} lines, {len(ops)} operations of {described}")
    if sized:
        lines, relative, count, described = max(sized)
        metrics.largest = [relative, lines, count, described]


def _metrics(spec_path: Path, package: Path) -> Metrics:
    metrics = Metrics()
    spec = cached_document(spec_path)
    sources = _sources(package, metrics)
    for relative, source in sources.items():
        module = relative.removesuffix(".py")
        if not relative.endswith("__init__.py") and hash_suffixed(module.rsplit("/", 1)[-1], "module"):
            metrics.hashed.setdefault("module", []).append(relative)
        for kind, name, where in _names(source.tree, module) if source.tree else []:
            if hash_suffixed(name, kind):
                metrics.hashed.setdefault(kind, []).append(where)
            if kind == "class" and _VARIANT.search(name):
                metrics.variants.append(where)
            elif kind == "class" and _VARIANT_DERIVED.search(name):
                metrics.variant_derived.append(where)
        _long_lines(source.text, relative, metrics)
    metrics.union_members = _union_members(_documents(spec_path))
    _allof_copies(spec, package, sources, metrics)
    _group_modules(spec_path, spec, sources, metrics)
    return metrics


def corpus_metrics(corpus: PublicCorpus, label: str) -> Metrics:
    """The metrics of ``label``'s package, computed once per run."""
    spec_path, package = public_spec(label).path, corpus.package(label)
    return Metrics(**corpus.memo(f"{label}.metrics", lambda: asdict(_metrics(spec_path, package))))


def test_print_metrics(public_corpus: PublicCorpus, request: pytest.FixtureRequest) -> None:
    """Prints, per spec, the metrics of issue 9 (the tests below assert them one by one)."""
    specs = public_specs_or_skip()
    legend = (
        "hash = names ending in an 8-hex hash (module/class/method/function/attribute/constant/argument); "
        "VariantN = VariantN classes / union members the spec leaves unnamed (+ classes named after a VariantN one); allOf = classes copying X for "
        "allOf:[$ref X] / such schemas (unresolved); the largest group module; long = generated lines over "
        f"{LINE_LENGTH} characters that are not one long literal (+ long-literal lines: one-line string literals, "
        "docstring lines with a word that alone overflows)"
    )
    lines = [
        "== public corpus metrics (issue 9)",
        *textwrap.wrap(legend, 116, initial_indent="   ", subsequent_indent="   "),
        f"{'spec':28} {'hash':>5}  {'VariantN':>14}  {'allOf':>11}  {'largest group module':56} {'long':>5}",
    ]
    for spec in specs:
        if public_corpus.generation(spec.label).error is not None:
            lines.append(f"{spec.label:28} (generation failed)")
            continue
        m = corpus_metrics(public_corpus, spec.label)
        hashed = sum(len(v) for v in m.hashed.values())
        module, size, ops, described = m.largest
        largest = f"{module.removeprefix('groups/')} {size} lines, {ops} ops, {described}"
        variants = f"{len(m.variants)}/{m.union_members.get('unnamed', 0)} (+{len(m.variant_derived)})"
        allof = f"{len(m.copies)}/{m.wrappers} ({len(m.unresolved)})"
        lines.append(f"{spec.label:28} {hashed:>5}  {variants:>14}  {allof:>11}  {largest[:56]:56} "
                     f"{len(m.long_lines):>5} (+{m.long_literals})")  # fmt: skip
        if hashed:
            lines.append(f"{'':30}hash by kind: {dict(sorted((k, len(v)) for k, v in m.hashed.items()))}")
        if m.unparsable:
            lines.append(f"{'':30}files that do not parse: {_examples(m.unparsable)}")
    request.node.user_properties.append((SUMMARY_PROPERTY, lines))


@pytest.mark.parametrize("label", LABELS)
def test_no_hash_suffixed_names(public_corpus: PublicCorpus, label: str) -> None:
    """Hash-suffixed names 0 where a readable unique name exists: every element of these specs has one (its spec
    name or path, snake- or Pascal-cased, with ``_2`` on a collision), so no name may carry a hash."""
    hashed = corpus_metrics(public_corpus, label).hashed
    report = [f"{kind}: {len(names)}, e.g. {_examples(names)}" for kind, names in sorted(hashed.items())]
    assert not hashed, f"{label}: {sum(map(len, hashed.values()))} hash-suffixed names:\n" + "\n".join(report)


@pytest.mark.parametrize("label", LABELS)
def test_no_variant_names_where_the_spec_names_the_member(public_corpus: PublicCorpus, label: str) -> None:
    """``VariantN`` only for union members the spec leaves unnamed (no $ref, title or discriminator value)."""
    m = corpus_metrics(public_corpus, label)
    unnamed = m.union_members.get("unnamed", 0)
    assert len(m.variants) <= unnamed, (
        f"{label}: {len(m.variants)} VariantN classes, but only {unnamed} union members the spec leaves unnamed "
        f"(members: {m.union_members}); e.g. {_examples(m.variants)}"
    )


@pytest.mark.parametrize("label", LABELS)
def test_no_duplicated_classes_for_allof_ref(public_corpus: PublicCorpus, label: str) -> None:
    """A schema that is only ``allOf: [$ref X]`` (with description/nullable/default/title) is X, not a copy."""
    m = corpus_metrics(public_corpus, label)
    assert m.copies == [], (
        f"{label}: {len(m.copies)} of {m.wrappers} allOf:[$ref X] schemas got a class of their own:\n"
        + "\n".join(m.copies[:10])
    )


@pytest.mark.parametrize("label", LABELS)
def test_no_group_module_above_5000_lines_unless_one_tag_holds_it(public_corpus: PublicCorpus, label: str) -> None:
    m = corpus_metrics(public_corpus, label)
    assert m.big_modules == [], f"{label}: group modules over {GROUP_MODULE_LINES} lines:\n" + "\n".join(m.big_modules)


@pytest.mark.parametrize("label", LABELS)
def test_no_generated_line_over_the_line_length_but_long_literals(public_corpus: PublicCorpus, label: str) -> None:
    m = corpus_metrics(public_corpus, label)
    assert m.long_lines == [], (
        f"{label}: {len(m.long_lines)} lines over {LINE_LENGTH} characters that are not one long literal, e.g. "
        f"{_examples(m.long_lines, 5)}"
    )
