"""Operation documents built from a schema: one query per root field, selecting its scalar fields.

What a user of a large real schema (Linear, Railway) starts with, and what issue 12 asks the
generator to take: each query's required arguments become variables, and a field whose type
is an object or interface selects every scalar field it has that needs no arguments.
"""

from __future__ import annotations

import re

import graphql


def scalar_queries(schema: graphql.GraphQLSchema) -> str:
    """One ``query`` per root field of ``schema``'s query type (skipping objects without a plain scalar field)."""
    assert schema.query_type is not None
    operations = []
    for name, field in sorted(schema.query_type.fields.items()):
        named = graphql.get_named_type(field.type)
        required = [(arg_name, arg) for arg_name, arg in field.args.items()
                    if graphql.is_non_null_type(arg.type) and arg.default_value is graphql.Undefined]
        variables = ", ".join(f"${arg_name}: {arg.type}" for arg_name, arg in required)
        arguments = ", ".join(f"{arg_name}: ${arg_name}" for arg_name, _ in required)
        if graphql.is_leaf_type(named):
            selection = ""
        elif isinstance(named, graphql.GraphQLObjectType | graphql.GraphQLInterfaceType):
            scalars = [f for f, d in named.fields.items()
                       if graphql.is_leaf_type(graphql.get_named_type(d.type))
                       and not any(graphql.is_non_null_type(a.type) for a in d.args.values())]
            if not scalars:
                continue
            selection = " { " + " ".join(scalars) + " }"
        else:  # a union: which member came back
            selection = " { __typename }"
        head = f"query {name[:1].upper()}{name[1:]}" + (f"({variables})" if variables else "")
        operations.append(f"{head} {{ {name}{f'({arguments})' if arguments else ''}{selection} }}")
    return "\n\n".join(operations) + "\n"


def sample_variables(schema: graphql.GraphQLSchema, document: str) -> dict[str, object]:
    """A value for each variable of the (one) operation in ``document`` that needs one, as JSON."""
    operation = next(d for d in graphql.parse(document).definitions if isinstance(d, graphql.OperationDefinitionNode))
    values: dict[str, object] = {}
    for definition in operation.variable_definitions:
        gtype = graphql.type_from_ast(schema, definition.type)
        if graphql.is_non_null_type(gtype) and definition.default_value is None:
            values[definition.variable.name.value] = sample(gtype)
    return values


def sample(gtype: object) -> object:
    """A value of an input type: required input fields filled, lists of one, the first enum value."""
    if isinstance(gtype, graphql.GraphQLNonNull):
        return sample(gtype.of_type)
    if isinstance(gtype, graphql.GraphQLList):
        return [sample(gtype.of_type)]
    if isinstance(gtype, graphql.GraphQLInputObjectType):
        return {name: sample(field.type) for name, field in gtype.fields.items()
                if graphql.is_non_null_type(field.type) and field.default_value is graphql.Undefined}
    if isinstance(gtype, graphql.GraphQLEnumType):
        return next(iter(gtype.values))
    assert isinstance(gtype, graphql.GraphQLScalarType)
    builtin = {"Int": 1, "Float": 1.5, "Boolean": True, "String": "mock", "ID": "mock"}
    if gtype.name in builtin:
        return builtin[gtype.name]
    # A custom scalar: a value of the kind its name says (as tests/prism/graphql-mock.mjs answers them).
    for pattern, value in _SCALAR_SAMPLES:
        if re.search(pattern, gtype.name, re.IGNORECASE):
            return value
    return "mock"


_SCALAR_SAMPLES: tuple[tuple[str, object], ...] = (
    (r"date.?time|timestamp|instant", "2026-11-27T20:15:00Z"), (r"date", "2026-11-27"),
    (r"uuid", "3d7c1d7e-96a4-4a3c-8d2f-0f4b8e2a6c11"), (r"json|object|map", {}), (r"decimal|money|bigint|long", "42"),
)
