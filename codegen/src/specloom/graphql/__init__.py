"""The GraphQL front end: a schema (SDL or introspection JSON) and operation documents -> the IR.

Kept beside the OpenAPI reader, never inside it: both end in the same :class:`specloom.ir.Api`,
which is all the renderer sees.
"""

from .reader import GRAPHQL_SUFFIXES, load_graphql_api

__all__ = ["GRAPHQL_SUFFIXES", "load_graphql_api"]
