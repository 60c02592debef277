"""The reference GraphQL family's files (``specs/gpucloud/<release>/``), read for the tests and the test server.

A release is its SDL (``schema.graphql``) and its operations (``operations/*.graphql``),
whose files form one document: an operation may spread a fragment defined in another
file. A server, though, rejects a document with fragments it does not use
(``NoUnusedFragmentsRule``), so :func:`operation_documents` gives each operation alone
with exactly the fragments it needs, as a client sends it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLSchema,
    OperationDefinitionNode,
    Visitor,
    build_schema,
    parse,
    print_ast,
    visit,
)

FAMILY = Path(__file__).resolve().parents[2] / "specs" / "gpucloud"
RELEASES = ("1.0", "1.1")


def schema_path(release: str) -> Path:
    return FAMILY / release / "schema.graphql"


def operation_paths(release: str) -> list[Path]:
    return sorted((FAMILY / release / "operations").glob("*.graphql"))


def build(release: str) -> GraphQLSchema:
    """A fresh schema of ``release`` (fresh: the test server binds its resolvers onto it)."""
    return build_schema(schema_path(release).read_text(encoding="utf-8"))


@cache
def operations_document(release: str) -> DocumentNode:
    """Every operation and fragment of ``release`` as the one document its files form."""
    return parse("\n".join(path.read_text(encoding="utf-8") for path in operation_paths(release)))


class _SpreadCollector(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def enter_fragment_spread(self, node: FragmentSpreadNode, *_: object) -> None:
        self.names.add(node.name.value)


def _spreads(node: OperationDefinitionNode | FragmentDefinitionNode) -> set[str]:
    collector = _SpreadCollector()
    visit(node, collector)
    return collector.names


@cache
def operation_documents(release: str) -> dict[str, str]:
    """``{operation name: the text a client sends}``: the operation, then the fragments it uses, directly or not."""
    document = operations_document(release)
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    documents: dict[str, str] = {}
    for operation in document.definitions:
        if not isinstance(operation, OperationDefinitionNode) or operation.name is None:
            continue
        needed: list[str] = []
        pending = sorted(_spreads(operation))
        while pending:
            name = pending.pop(0)
            if name not in needed:
                needed.append(name)
                pending.extend(sorted(_spreads(fragments[name])))
        parts = [operation, *(fragments[name] for name in sorted(needed))]
        documents[operation.name.value] = "\n\n".join(print_ast(part) for part in parts)
    return documents
