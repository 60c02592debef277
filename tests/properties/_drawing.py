"""Drawing instances of Run:ai-sized schemas with hypothesis-jsonschema, in seconds instead of minutes.

hypothesis-jsonschema 0.23.1 (pinned) spends minutes on a Run:ai policy body: resolving its $refs
re-inlines and merges every reference anew (~1 min; callers pass :func:`tests.properties._oracle.inlined`
schemas instead), and every object it draws rebuilds the strategies of its property values,
re-canonicalising each subtree (a pure-Python canonical JSON encoding of the whole subtree at every
level) and checking each subschema against the draft 2020-12 meta-schema: ~30 s an example. The same
results computed once (memoised on the subtree's JSON text) bring the largest body to a few seconds,
then ms an example. :func:`fast_hypothesis_jsonschema` installs that memoisation for a block, and
:func:`instances_of` draws from a bundled schema.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest
from hypothesis import strategies as st
from hypothesis_jsonschema import _canonicalise, _encode, _from_schema, _resolve, from_schema

from tests.properties._oracle import inlined

# Formats hypothesis-jsonschema does not draw by itself.
FORMATS = {"uuid": st.uuids().map(str)}

_slow_encode = _encode.encode_canonical_json
_slow_canonicalish = _canonicalise.canonicalish
_slow_from_schema = getattr(_from_schema, "__from_schema")
_CANONICAL: dict[str, str] = {}
_STRATEGIES: dict[str, st.SearchStrategy[Any]] = {}
_INTEGRAL_FLOAT = re.compile(r"\d\.0(?!\d)|\de\+")


def _encode_fast(value: Any) -> str:
    # The C encoder's text is the canonical one unless it holds an integral float ("1.0", "1e+16" must
    # read as integers); text that merely looks like one inside a string just takes the slow way.
    text = json.dumps(value, sort_keys=True)
    return _slow_encode(value) if _INTEGRAL_FLOAT.search(text) else text


def _canonicalish_once(schema: Any) -> Any:
    if isinstance(schema, bool):
        return _slow_canonicalish(schema)
    key = json.dumps(schema, sort_keys=True)
    if key not in _CANONICAL:
        _CANONICAL[key] = json.dumps(_slow_canonicalish(schema))
    return json.loads(_CANONICAL[key])  # a fresh copy: callers edit what they get


def _from_schema_once(schema: Any, *, alphabet: Any, custom_formats: Any) -> st.SearchStrategy[Any]:
    # Keyed on the schema alone: every from_schema call under the patch passes FORMATS and the default alphabet.
    key = json.dumps(schema, sort_keys=True)
    if key not in _STRATEGIES:
        _STRATEGIES[key] = _slow_from_schema(schema, alphabet=alphabet, custom_formats=custom_formats)
    return _STRATEGIES[key]


def instances_of(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Instances of a bundled draft 7 schema (:func:`tests.properties._oracle.bundle`)."""
    return from_schema(inlined(schema), custom_formats=FORMATS)


@contextlib.contextmanager
def fast_hypothesis_jsonschema() -> Iterator[pytest.MonkeyPatch]:
    """hypothesis-jsonschema memoised for draft 7 schemas; the patch is yielded for callers' own settings."""
    with pytest.MonkeyPatch.context() as patch:
        for module in (_canonicalise, _encode, _from_schema):
            patch.setattr(module, "encode_canonical_json", _encode_fast)
        for module in (_canonicalise, _from_schema, _resolve):
            patch.setattr(module, "canonicalish", _canonicalish_once)
        patch.setattr(_from_schema, "__from_schema", _from_schema_once)
        # Our schemas are draft 7 by construction: no meta-schema check to pick the draft.
        patch.setattr(_canonicalise, "_get_validator_class", lambda schema: jsonschema.Draft7Validator)
        yield patch
