"""Property tests: the generated request validators against a JSON Schema oracle.

Every JSON request body and every parameter of the reference family 2.24, of Run:ai 2.24 and of
two keyword specs (tests/properties/specs: every validation keyword, in its OpenAPI 3.0 and 3.1 forms) is
translated to JSON Schema draft 7 (semantics in :mod:`tests.properties._oracle`). Targets sharing one
schema form a group, and each group is its own test (id: its first target, ``+N`` for the others):

(a)+(c) ``test_valid_instances``: instances hypothesis-jsonschema draws from the translation are
    accepted; each single-constraint mutation of them (one keyword broken at one place, with
    everything else there still satisfied, per the oracle) is reported with a problem at that place;
    null put in any one place is accepted exactly when the oracle accepts it;
(b) ``test_verdicts_agree``: on edge values (formats' near misses, integer bounds, ...) and a broad
    strategy (valid instances, instances of a loosened schema, random JSON) the generated verdict
    (``problems == []``) equals jsonschema's.

A failure shows hypothesis' minimal counterexample, the target, our problems and the oracle's errors.
The counts (bodies, parameters, distinct schemas, mutations per constraint) are printed when
the module's tests end; ``test_every_target_is_covered`` fails on anything left out, saying why.
"""

from __future__ import annotations

import copy
import functools
import itertools
import json
import math
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.internal.conjecture import engine

from tests.properties._drawing import fast_hypothesis_jsonschema, instances_of
from tests.properties._oracle import Target, inlined, load_spec, oracle, targets
from tests.support import KEYWORD_SPECS, REPO, SHARED_SPECS

CONTROLPLANE, RUNAI = "controlplane-2.24", "runai-2.24"
SPECS = {
    CONTROLPLANE: REPO / "specs" / "controlplane" / "2.24" / "openapi.yaml",
    RUNAI: SHARED_SPECS / "runai" / "2.24" / "openapi.json",
    **{label: spec for label, (spec, _) in KEYWORD_SPECS.items()},
}
PACKAGES = {CONTROLPLANE: "controlplane_client", RUNAI: "runai", **{label: package for label, (_, package) in KEYWORD_SPECS.items()}}
# The reference family as (spec, package, folder), checked in (tests/properties/test_nothing_sent.py uses it too).
REFERENCE = (SPECS[CONTROLPLANE], PACKAGES[CONTROLPLANE], REPO / "generated" / "controlplane-2.24")

SETTINGS = settings(derandomize=True, database=None, deadline=None, max_examples=10, suppress_health_check=list(HealthCheck))
# Agreement is cheap to check and what finds the bugs: more examples (each a fresh draw, a quarter valid).
AGREE_SETTINGS = settings(SETTINGS, max_examples=25)
# Shrinking stays on, but stops after this long with the smallest failing example so far (hypothesis'
# own cap is 5 minutes a test). Parameters and small bodies shrink to a minimal example in seconds; a
# Run:ai policy body does not finish at all (each step redraws it through hypothesis-jsonschema and
# re-checks it, ~0.25 s), and 60 s left it about as large as 30 s did. The failure message names the
# place, the value, our problems and the oracle's errors, so a bigger example still pins the bug.
SHRINK_SECONDS = 30

_LEAVES = st.none() | st.booleans() | st.integers(-(2**65), 2**65) | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8)
RANDOM_JSON = st.recursive(_LEAVES, lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=6), c, max_size=3), max_leaves=8)
# Tried on every target (explicit examples), and as near misses of every format in a valid instance.
EDGES = [
    "", "0", "-1", "a", "12345678123456781234567812345678", "12345678-1234-1234-1234-123456789abc",
    "{12345678-1234-1234-1234-123456789abc}", "2024-02-30", "2024-02-29", "2023-02-29", "2024-01-01",
    "2024-01-01T10:00:00Z", "2024-01-01 10:00:00Z", "2024-01-01t10:00:00z", "2024-01-01T24:00:00Z",
    "2024-01-01T10:00:60Z", "2024-01-01T10:00:00.5+01:00", "2024-01-01T10:00:00+24:00", "2024-01-01T10:00:00",
    0, 1, -1, 1.0, 1.5, True, False, None, 2**31, 2**31 - 1, -(2**31) - 1, 2**63, -(2**63), [], {}, [1, 1], [1, True], [1, 1.0],
]
_LOOSE_DROP = {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "pattern",
               "enum", "required", "minItems", "maxItems", "uniqueItems", "format", "multipleOf", "const"}


def loosened(node: Any) -> Any:
    """The schema with its value constraints removed: same shapes, constraints free to break."""
    if isinstance(node, dict):
        return {k: loosened(v) for k, v in node.items() if k not in _LOOSE_DROP or k == "properties"}
    if isinstance(node, list):
        return [loosened(v) for v in node]
    return node


@pytest.fixture(autouse=True, scope="module")
def _fast_hypothesis_jsonschema() -> Iterator[None]:
    with fast_hypothesis_jsonschema() as patch:
        patch.setattr(engine, "MAX_SHRINKING_SECONDS", SHRINK_SECONDS)
        yield


@functools.cache
def _strategies(schema_text: str) -> tuple[st.SearchStrategy[Any], st.SearchStrategy[Any]]:
    """(valid instances, the broad strategy) of a bundled schema."""
    schema = json.loads(schema_text)
    valid = instances_of(schema)
    loose = instances_of(loosened(schema))
    return valid, st.one_of(valid, loose, RANDOM_JSON)


# -- the targets: listed from the spec at collection, bound to the generated package when run -------


@functools.cache
def _groups(label: str) -> list[list[Target]]:
    groups: dict[str, list[Target]] = {}
    for t in targets(label, load_spec(SPECS[label]))[0]:
        groups.setdefault(t.schema_key, []).append(t)
    return list(groups.values())


def _cases() -> Iterator[Any]:
    for label, path in SPECS.items():
        marks = [pytest.mark.slow] if label == RUNAI else []
        if not path.is_file():
            yield pytest.param(label, (), id=label, marks=[*marks, pytest.mark.skip(reason=f"no spec at {path}")])
            continue
        for group in _groups(label):
            more = f" +{len(group) - 1}" if len(group) > 1 else ""
            yield pytest.param(label, tuple(t.ident for t in group), id=group[0].ident + more, marks=marks)


CASES = list(_cases())
FAMILIES = [pytest.param(label, marks=[pytest.mark.slow] if label == RUNAI else []) for label in SPECS]


@functools.cache
def _bound(label: str, folder: Path) -> tuple[dict[str, Target], list[str]]:
    found, left_out = targets(label, load_spec(SPECS[label]), PACKAGES[label], folder)
    return {t.ident: t for t in found}, left_out


def _family(label: str, request: pytest.FixtureRequest) -> tuple[dict[str, Target], list[str]]:
    # Only the Run:ai tests pay for generating the Run:ai package (the session fixture).
    if label == RUNAI:
        return _bound(label, request.getfixturevalue("runai_224"))
    if label in KEYWORD_SPECS:
        return _bound(label, request.getfixturevalue("keyword_packages") / label)
    return _bound(label, REFERENCE[2])


def _problems(target: Target, value: Any) -> list[str]:
    try:
        return target.problems(copy.deepcopy(value))  # its own copy: a validator editing it must not spoil ours
    except Exception as exc:  # a crash is a failure too: say whose
        raise AssertionError(f"{target.ident}: the validator raised {exc!r}") from exc


def _errors(check: jsonschema.Draft7Validator, value: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message[:200]}" for e in check.iter_errors(value)][:5]


# -- (c) single-constraint mutations --------------------------------------------------------------

_NOT_MATCHING = ("", " ", "!!", "A", "a", "0", "-", "a b", "\n", "zz--zz")
# Values that may break one keyword (limit: the keyword's value); the oracle keeps those breaking only it.
_BREAKING: dict[str, Callable[[Any, Any], list[Any]]] = {
    "minimum": lambda limit, v: [limit - 1, math.ceil(limit) - 1],
    "maximum": lambda limit, v: [limit + 1, math.floor(limit) + 1],
    "exclusiveMinimum": lambda limit, v: [limit],
    "exclusiveMaximum": lambda limit, v: [limit],
    "minLength": lambda limit, v: [v[: limit - 1], "a" * (limit - 1), "0" * (limit - 1)],
    "maxLength": lambda limit, v: [v + v[-1:] * (limit + 1 - len(v)), "a" * (limit + 1), "0" * (limit + 1)],
    "pattern": lambda limit, v: [*_NOT_MATCHING, v + " ", " " + v, v + "\n"],
    "format": lambda limit, v: [f"not a {limit}", v + " ", *(e for e in EDGES if isinstance(e, str))],
    "enum": lambda limit, v: ["__not-in-the-enum__", 987654321, 0.5, True],
    "type": lambda limit, v: ["1", 1, 1.5, True, [], {}],
    "minItems": lambda limit, v: [v[: limit - 1]],
    "maxItems": lambda limit, v: [v + v[-1:] * (limit + 1 - len(v))],
    "uniqueItems": lambda limit, v: [v + v[:1]] if limit else [],
    "multipleOf": lambda limit, v: [v + limit / 2, limit / 2, v + 1],
    "const": lambda limit, v: ["__not-the-const__", 987654321, 0.5, True],
    "maxProperties": lambda limit, v: [
        {**v, **{f"zz{i}": filler for i in range(limit + 1 - len(v))}} for filler in (*v.values(), "a", 1, None)
    ],
    "minProperties": lambda limit, v: [dict(list(v.items())[: limit - 1])],
}
_EXTRA_VALUES = ("a", 1, 1.5, True, None, [], {})
_APPLIES_TO = {"minimum": "number", "maximum": "number", "exclusiveMinimum": "number", "exclusiveMaximum": "number",
               "minLength": "string", "maxLength": "string", "pattern": "string", "format": "string",
               "minItems": "array", "maxItems": "array", "uniqueItems": "array", "multipleOf": "number",
               "maxProperties": "object", "minProperties": "object"}


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return {str: "string", list: "array", dict: "object"}.get(type(value), "null")


def _conjuncts(node: Any) -> list[dict[str, Any]]:
    """The schemas that all apply to a (non-null) value: allOf flattened, nullable wrappers opened.

    Unions (other anyOf, oneOf) are not opened: which branch a value answers is not ours to say.
    """
    if not isinstance(node, dict):
        return []
    branches = node.get("anyOf")
    if node.keys() == {"anyOf"} and len(branches) == 2 and branches[0] == {"type": "null"}:
        return _conjuncts(branches[1])
    return [node, *(c for part in node.get("allOf", []) for c in _conjuncts(part))]


def _child(schema: dict[str, Any], step: str | int) -> Any:
    if isinstance(step, int):
        return schema.get("items")
    return schema["properties"][step] if step in schema.get("properties", {}) else schema.get("additionalProperties")


def _only_breaks(conjuncts: list[dict[str, Any]], keyword: str, bad: Any) -> bool:
    relaxed = [{k: v for k, v in c.items() if k != keyword} for c in conjuncts]
    return not oracle({"allOf": conjuncts}).is_valid(bad) and oracle({"allOf": relaxed}).is_valid(bad)


_SCALAR_KEYWORDS = ("type", "format", "enum", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
                    "minLength", "maxLength", "pattern")


def _mutations(t: Target) -> list[tuple[str, Any]]:
    """(keyword, a value breaking only it) for a scalar schema's own bounds, lengths, enum and pattern.

    Reads the schema's own keywords only (no refs followed): tests/properties/_invalid_inputs.py hands
    it each node of a schema in turn.
    """
    own = {k: v for k, v in t.schema.items() if k in _SCALAR_KEYWORDS}
    if own.get("type") not in ("string", "integer", "number"):
        return []
    start = "" if own["type"] == "string" else 0
    found = []
    for keyword in ("minimum", "maximum", "exclusiveMinimum", "maxLength", "minLength", "enum", "pattern"):
        if keyword in own and _APPLIES_TO.get(keyword, _json_type(start)) == _json_type(start):
            breaking = (b for b in _BREAKING[keyword](own[keyword], start) if _only_breaks([own], keyword, b))
            found += [(keyword, bad) for bad in itertools.islice(breaking, 1)]
    return found


def _replaced(value: Any, steps: tuple[str | int, ...], new: Any) -> Any:
    if not steps:
        return new
    out = copy.copy(value)
    out[steps[0]] = _replaced(value[steps[0]], steps[1:], new)
    return out


def mutations(
    conjuncts: list[dict[str, Any]], value: Any, steps: tuple[str | int, ...] = ()
) -> Iterator[tuple[str, tuple[str | int, ...], Any]]:
    """(keyword, where its problem is, the local value breaking it) for each keyword of the (inlined) schemas
    applying to ``value`` and to the values inside it, that one value can break alone."""
    if value is None:
        return
    for keyword in dict.fromkeys(k for c in conjuncts for k in c):
        if keyword == "required" and isinstance(value, dict):
            for name in dict.fromkeys(n for c in conjuncts for n in c.get("required", [])):
                bad = {k: v for k, v in value.items() if k != name}
                if name in value and _only_breaks(conjuncts, keyword, bad):
                    yield keyword, (*steps, name), bad
        elif keyword == "additionalProperties" and isinstance(value, dict):
            # An unknown key, with a value the additional-properties schema (false or not) refuses.
            breaking = ({**value, "zz_extra": extra} for extra in _EXTRA_VALUES)
            for bad in itertools.islice((b for b in breaking if _only_breaks(conjuncts, keyword, b)), 1):
                yield keyword, (*steps, "zz_extra"), bad
        elif keyword in _BREAKING and _APPLIES_TO.get(keyword, _json_type(value)) == _json_type(value):
            limit = next(c[keyword] for c in conjuncts if keyword in c)
            breaking = (b for b in _BREAKING[keyword](limit, value) if _only_breaks(conjuncts, keyword, b))
            # One value per keyword, but every near miss of a format: each is a way to get it wrong.
            for bad in breaking if keyword == "format" else itertools.islice(breaking, 1):
                yield keyword, steps, bad
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    for step, item in children:
        yield from mutations([d for c in conjuncts for d in _conjuncts(_child(c, step))], item, (*steps, step))


def _places(value: Any, steps: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """Where ``value`` holds something other than null (itself included)."""
    if value is not None:
        yield steps
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    for step, item in children:
        yield from _places(item, (*steps, step))


def _rendered(steps: tuple[str | int, ...]) -> str:
    return "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in steps)


# -- the tests ------------------------------------------------------------------------------------

_CHECKED: dict[str, set[tuple[str, str, str]]] = {}  # label -> (target, place, what was broken there) checked


@pytest.fixture(autouse=True, scope="module")
def _summary(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    lines = []
    for label, path in SPECS.items():
        if not path.is_file():
            continue
        groups = _groups(label)
        kinds = Counter("bodies" if t.kind == "body" else "parameters" for g in groups for t in g)
        schemas = Counter("bodies" if g[0].kind == "body" else "parameters" for g in groups)
        checked = Counter(k for _, _, k in _CHECKED.get(label, ()))
        lines.append(f"{label}: {kinds['bodies']} JSON request bodies, {kinds['parameters']} parameters; {len(groups)} distinct "
                     f"schemas ({schemas['bodies']} of bodies, {schemas['parameters']} of parameters); mutations per "
                     f"constraint (distinct target and place, this run): {dict(sorted(checked.items()))}")
    capture = request.config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print("\n" + "\n".join(lines))


@pytest.mark.parametrize("label", FAMILIES)
def test_every_target_is_covered(label: str, request: pytest.FixtureRequest) -> None:
    if not SPECS[label].is_file():
        pytest.skip(f"no spec at {SPECS[label]}")
    bound, left_out = _family(label, request)
    assert not left_out, "not covered:\n" + "\n".join(left_out)
    assert sorted(bound) == sorted(t.ident for g in _groups(label) for t in g)


@pytest.mark.parametrize(("label", "idents"), CASES)
def test_valid_instances(label: str, idents: tuple[str, ...], request: pytest.FixtureRequest) -> None:
    """(a) drawn valid instances are accepted; (c) breaking one constraint is reported where it is broken,
    and null in any place gets the oracle's verdict."""
    bound, _ = _family(label, request)
    group = [bound[i] for i in idents]
    schema = group[0].schema
    check, conjuncts = oracle(schema), _conjuncts(inlined(schema))
    seen = _CHECKED.setdefault(label, set())

    @SETTINGS
    @given(_strategies(group[0].schema_key)[0])
    def accepted_and_mutations_reported(value: Any) -> None:
        assert check.is_valid(value), f"hypothesis-jsonschema drew an invalid instance: {_errors(check, value)}"
        for t in group:
            assert not (problems := _problems(t, value)), f"{t.ident}: a valid instance rejected: {problems}"
        for keyword, steps, bad in mutations(conjuncts, value):
            # A missing or unknown key is reported at the key, and made by replacing the object holding it.
            broken = _replaced(value, steps[:-1] if keyword in ("required", "additionalProperties") else steps, bad)
            for t in group:
                where = t.where + _rendered(steps)
                problems = _problems(t, broken)
                assert any(p.startswith(where + ":") for p in problems), (
                    f"{t.ident}: breaking {keyword} at {where} with {bad!r}: ours={problems} oracle={_errors(check, broken)}"
                )
                seen.add((t.ident, where, keyword))
        # Null anywhere: nullability (through refs, allOf, arrays) is where generators go wrong.
        for steps in _places(value):
            nulled = _replaced(value, steps, None)
            expected = check.is_valid(nulled)
            for t in group:
                problems = _problems(t, nulled)
                assert (not problems) == expected, (
                    f"{t.ident}: null at {t.where + _rendered(steps)}: ours={problems} "
                    f"oracle={'valid' if expected else _errors(check, nulled)}"
                )
                seen.add((t.ident, t.where + _rendered(steps), "null (same verdict)"))

    accepted_and_mutations_reported()


@pytest.mark.parametrize(("label", "idents"), CASES)
def test_verdicts_agree(label: str, idents: tuple[str, ...], request: pytest.FixtureRequest) -> None:
    """(b) accepted by the generated validator exactly when jsonschema accepts it."""
    bound, _ = _family(label, request)
    group = [bound[i] for i in idents]
    check = oracle(group[0].schema)

    @AGREE_SETTINGS
    @given(_strategies(group[0].schema_key)[1])
    def verdicts_agree(value: Any) -> None:
        expected = check.is_valid(value)
        for t in group:
            problems = _problems(t, value)
            assert (not problems) == expected, (
                f"{t.ident}: ours={problems} oracle={'valid' if expected else _errors(check, value)}"
            )

    for edge in EDGES:
        verdicts_agree = example(edge)(verdicts_agree)
    verdicts_agree()
