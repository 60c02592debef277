"""The GraphQL front end: a schema (SDL or introspection JSON) and operation documents -> the IR.

Kept beside the OpenAPI reader, never inside it: both end in the same :class:`specloom.ir.Api`,
which is all the renderer sees. :mod:`.reader` imports graphql-core, so only GraphQL runs load it.
"""

#: What a GraphQL release's schema file may be called: SDL, or introspection JSON.
GRAPHQL_SUFFIXES = frozenset({".graphql", ".graphqls", ".gql", ".json"})
