"""What changed between two GraphQL schemas, by graphql-core's own breaking and dangerous change detection.

``specloom diff`` compares the operations a package offers through the IR (so a change is
named by the Python method it touches); for two GraphQL releases it adds what graphql-core
finds in the schemas themselves, which also covers the parts no operation uses yet.
"""

from __future__ import annotations

from pathlib import Path

from graphql import find_breaking_changes, find_dangerous_changes

from ..diagnostics import Diagnostics
from ..diff import Change
from .reader import load_schema


def schema_changes(old: Path, new: Path) -> list[Change]:
    """graphql-core's breaking changes (breaking) and dangerous ones (not) from the schema at ``old`` to ``new``."""
    before, after = load_schema(old, Diagnostics()), load_schema(new, Diagnostics())
    found = [Change(f"schema-{c.type.name.lower().replace('_', '-')}", True, "schema", f"schema: {c.description}")
             for c in find_breaking_changes(before, after)]
    found += [Change(f"schema-{c.type.name.lower().replace('_', '-')}", False, "schema", f"schema: {c.description}")
              for c in find_dangerous_changes(before, after)]
    return sorted(found, key=lambda c: (not c.breaking, c.message))
