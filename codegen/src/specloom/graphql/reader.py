"""A GraphQL release -> the IR: the schema says what exists, the operation documents what the package offers.

A release is ``schema.graphql`` (SDL) or an introspection JSON, with the operations in
``operations/*.graphql`` beside it; all those files form one document, so an operation may
spread a fragment of another file. Everything is validated by graphql-core before anything
is generated, and a problem is reported as ``file:line:column: graphql-core's reason``.

What the IR gets:

- one group per operations file (``pods.graphql`` -> ``client.pods``), one operation per
  named operation (``ListPods`` -> ``list_pods``), sent as ``POST`` to the endpoint with
  the operation's own document (its fragments included, ``__typename`` added where an
  answer is an interface or a union);
- each variable an argument (``location="variable"``), typed from the schema: input
  objects and enums become models, custom scalars map to what Python has for them;
- the answer's ``data`` as a model shaped by the selection set, one class per selection
  (``ListPodsMyselfPods``), fragments merged in, aliases as field names; an interface or
  union answer is a union of one class per type the selection tells apart, plus one for
  the types it does not, told apart by ``__typename``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import graphql
from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLEnumType,
    GraphQLError,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionNode,
    SelectionSetNode,
)

from ..diagnostics import Diagnostics, SpecError, SpecloomError
from ..ir import Api, EnumMember, GraphQLOperation, Group, Model, Operation, Parameter, Property, Response, TypeRef
from ..ledger import Ledger
from ..naming import RESERVED_ATTRIBUTES, allocate, constant, pascal, snake

ENDPOINT = "/graphql"
_BUILT_IN = {
    "String": TypeRef("string"), "ID": TypeRef("string"), "Boolean": TypeRef("boolean"),
    "Int": TypeRef("integer", format="int32"), "Float": TypeRef("number"),
}
#: Custom scalars whose meaning their name makes plain; any other is kept as the JSON it is.
_KNOWN_SCALARS = {
    "DateTime": TypeRef("string", format="date-time"), "Date": TypeRef("string", format="date"),
    "UUID": TypeRef("string", format="uuid"), "JSON": TypeRef("any"), "JSONObject": TypeRef("map", values=TypeRef("any")),
    "Decimal": TypeRef("string"), "BigInt": TypeRef("any"), "Long": TypeRef("integer", format="int64"),
}
#: What family.toml's ``[scalars]`` kinds read as (see :data:`specloom.family.SCALAR_KINDS`).
_KINDS = {"string": TypeRef("string"), "integer": TypeRef("integer"), "number": TypeRef("number"),
          "boolean": TypeRef("boolean"), "any": TypeRef("any"), "date-time": TypeRef("string", format="date-time"),
          "date": TypeRef("string", format="date"), "uuid": TypeRef("string", format="uuid")}
_ANNOTATION_NAMES = frozenset({"bool", "int", "float", "str", "bytes", "list", "dict", "datetime"})
_RESERVED_ARGUMENTS = frozenset({"self", "body", "request_options"})


class DocumentError(SpecError):
    """An operation document or a schema graphql-core refuses, at ``file:line:column`` (``file`` alone when
    graphql-core names no place: a schema without a query type)."""

    def __init__(self, file: str, line: int, column: int, reason: str) -> None:
        SpecloomError.__init__(self, f"{file}:{line}:{column}: {reason}" if line else f"{file}: {reason}")
        self.file, self.pointer, self.reason = file, f"{line}:{column}", reason


def load_graphql_api(path: Path, diagnostics: Diagnostics, ledger: Ledger | None = None,
                     scalars: Iterable[tuple[str, str]] = ()) -> tuple[Api, list[str]]:
    """The IR of the release whose schema is ``path``; and its files (relative to the schema's folder).

    ``scalars`` says what custom scalars are read as (family.toml's ``[scalars]``), beyond the names known here.
    """
    base = path.resolve().parent
    schema = load_schema(path, diagnostics)
    sources = sorted((base / "operations").glob("*.graphql"))
    if not sources:
        diagnostics.warn(path.name, "", f"no operations/*.graphql beside {path.name}: the package has no methods "
                                        "(a GraphQL package offers the operations its documents name)")
    document = _operations(sources, base)
    errors = graphql.validate(schema, document)
    if errors:
        raise _located(errors[0], "operations")
    for node in document.definitions:
        if isinstance(node, OperationDefinitionNode) and node.name is None:
            # One anonymous operation is valid GraphQL, but a method needs a name to be called by.
            raise _located(GraphQLError("an operation needs a name here: it becomes the method's name "
                                        "(query GetPods { ... })", node), "operations")
    reader = _Reader(schema, document, path.name, ledger or Ledger(), {name: _KINDS[kind] for name, kind in scalars},
                     diagnostics)
    files = [path.name, *(source.relative_to(base).as_posix() for source in sources)]
    return reader.api(), files


# -- loading ------------------------------------------------------------------------------------------


def load_schema(path: Path, diagnostics: Diagnostics) -> GraphQLSchema:
    """The release's schema, validated (a field defined twice kept once, with a warning)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(path.name, "", f"cannot read the file: {exc}") from None
    if path.suffix == ".json":
        return _introspected(text, path.name)
    try:
        ast = graphql.parse(graphql.Source(text, path.name))
    except GraphQLError as exc:
        raise _located(exc, path.name) from None
    ast = _without_repeated_fields(ast, path.name, diagnostics)
    from graphql.validation.validate import validate_sdl

    problems = validate_sdl(ast)
    if problems:
        raise _located(problems[0], path.name)
    schema = graphql.build_ast_schema(ast, assume_valid_sdl=True)
    problems = graphql.validate_schema(schema)
    if problems:
        raise _located(problems[0], path.name)
    return schema


def _introspected(text: str, name: str) -> GraphQLSchema:
    try:
        data = json.loads(text)
        found = data.get("data", data) if isinstance(data, dict) else None
        if not isinstance(found, dict) or "__schema" not in found:
            raise SpecError(name, "", "an introspection result needs a __schema object (at the top, or under data)")
        schema = graphql.build_client_schema(found)  # type: ignore[arg-type]
    except (ValueError, TypeError, KeyError, GraphQLError) as exc:
        raise SpecError(name, "", f"not a usable introspection result: {exc}") from None
    problems = graphql.validate_schema(schema)
    if problems:
        raise SpecError(name, "", problems[0].message)
    return schema


def _without_repeated_fields(ast: DocumentNode, name: str, diagnostics: Diagnostics) -> DocumentNode:
    """A type that defines a field twice (real schemas do) keeps the first definition, with a warning."""
    definitions = []
    for definition in ast.definitions:
        fields = getattr(definition, "fields", None)
        if fields:
            seen: dict[str, Any] = {}
            for field in fields:
                if field.name.value in seen:
                    line = field.loc.source.get_location(field.loc.start).line if field.loc else 0
                    diagnostics.warn(name, f"{line}", f"{definition.name.value}.{field.name.value} is defined twice; "  # type: ignore[attr-defined]
                                     "the first definition is used")
                else:
                    seen[field.name.value] = field
            if len(seen) != len(fields):
                definition = definition.__class__(**{**{k: getattr(definition, k) for k in definition.keys},
                                                     "fields": tuple(seen.values())})
        definitions.append(definition)
    return DocumentNode(definitions=tuple(definitions), loc=ast.loc)


def _operations(sources: Sequence[Path], base: Path) -> DocumentNode:
    definitions: list[Any] = []
    for source in sources:
        name = source.relative_to(base).as_posix()
        try:
            text = source.read_text(encoding="utf-8-sig")
            parsed = graphql.parse(graphql.Source(text, name))
        except (OSError, UnicodeDecodeError) as exc:
            raise SpecError(name, "", f"cannot read the file: {exc}") from None
        except GraphQLError as exc:
            raise _located(exc, name) from None
        definitions += parsed.definitions
    return DocumentNode(definitions=tuple(definitions))


def _located(error: GraphQLError, fallback: str) -> DocumentError:
    node = next(iter(error.nodes or ()), None)
    source = node.loc.source if node is not None and node.loc is not None else error.source
    file = source.name if source is not None else fallback
    line, column = (error.locations[0].line, error.locations[0].column) if error.locations else (0, 0)
    return DocumentError(file, line, column, error.message)


# -- reading ------------------------------------------------------------------------------------------


class _Reader:
    def __init__(self, schema: GraphQLSchema, document: DocumentNode, source: str, ledger: Ledger,
                 scalars: dict[str, TypeRef], diagnostics: Diagnostics) -> None:
        self.schema = schema
        self.diagnostics = diagnostics
        self.scalars = {**_KNOWN_SCALARS, **scalars}
        self.source = source
        self.ledger = ledger
        self.fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
        self.operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
        #: Models before their names are chosen: each asks for its spec_name as class name.
        self.drafts: dict[str, Model] = {}

    def api(self) -> Api:
        by_file: dict[str, list[Operation]] = {}
        for node in self.operations:
            assert node.loc is not None and node.name is not None  # parsed from a file; named, as checked above
            if node.operation.value == "subscription":
                start = node.loc.source.get_location(node.loc.start)
                self.diagnostics.warn(node.loc.source.name, f"{start.line}:{start.column}",
                                      f"subscription {node.name.value} is not generated: a subscription needs a "
                                      "WebSocket or SSE transport, and POSTing it would run it as a query")
                continue
            file = Path(node.loc.source.name).stem
            by_file.setdefault(file, []).append(self._operation(node, file))
        models = self._models()
        description = self.schema.description or ""
        return Api(
            title=description.strip().split("\n", 1)[0].rstrip(".:") or "a GraphQL API", version="",
            description=description,
            models=models, groups=self._groups(by_file), categories=(), top_groups=tuple(sorted(
                snake(f) for f in by_file)), source=self.source,
        )

    # -- operations ---------------------------------------------------------------------------------

    def _operation(self, node: OperationDefinitionNode, file: str) -> Operation:
        name = node.name.value if node.name else "Operation"
        root = self.schema.get_root_type(node.operation)
        assert root is not None
        data = self._selection(root, [node.selection_set], f"{file}.graphql#/{name}", name)
        parameters = tuple(self._variable(v) for v in node.variable_definitions)
        return Operation(
            method="POST", path=ENDPOINT, operation_id=name, python_name="", group=file,
            summary=_comment(node), parameters=parameters, tags=(file,),
            responses=(Response("200", "json", "application/json", data),),
            graphql=GraphQLOperation(self._document(node), name, node.operation.value),
        )

    def _document(self, node: OperationDefinitionNode) -> str:
        """The text sent for the operation: it, the fragments it uses, ``__typename`` where types are told apart."""
        used: dict[str, FragmentDefinitionNode] = {}
        pending = [node.selection_set]
        while pending:
            for spread in _spreads(pending.pop()):
                if spread not in used:
                    used[spread] = self.fragments[spread]
                    pending.append(used[spread].selection_set)
        document = DocumentNode(definitions=(node, *(used[n] for n in sorted(used))))
        info = graphql.TypeInfo(self.schema)
        tagged = graphql.visit(document, graphql.TypeInfoVisitor(info, _AddTypename(info)))
        return graphql.print_ast(tagged)

    def _variable(self, node: Any) -> Parameter:
        wire = node.variable.name.value
        gtype = graphql.type_from_ast(self.schema, node.type)
        assert gtype is not None  # validated
        required = isinstance(gtype, GraphQLNonNull) and node.default_value is None
        python = snake(wire, fallback="variable")
        return Parameter(wire, python + "_" if python in _RESERVED_ARGUMENTS else python, "variable",
                         self._input(gtype), required)

    # -- types --------------------------------------------------------------------------------------

    def _input(self, gtype: GraphQLInputType) -> TypeRef:
        nullable = not isinstance(gtype, GraphQLNonNull)
        inner = gtype.of_type if isinstance(gtype, GraphQLNonNull) else gtype
        if isinstance(inner, GraphQLList):
            return TypeRef("array", items=self._input(inner.of_type), nullable=nullable)
        if isinstance(inner, GraphQLInputObjectType):
            return TypeRef("model", ref=self._input_object(inner), nullable=nullable)
        assert isinstance(inner, GraphQLEnumType | GraphQLScalarType)
        return self._leaf(inner, nullable)

    def _leaf(self, gtype: GraphQLNamedType, nullable: bool) -> TypeRef:
        if isinstance(gtype, GraphQLEnumType):
            return TypeRef("model", ref=self._enum(gtype), nullable=nullable)
        assert isinstance(gtype, GraphQLScalarType)
        found = _BUILT_IN.get(gtype.name) or self.scalars.get(gtype.name) or TypeRef("any")
        return found._replace(nullable=nullable)

    def _input_object(self, gtype: GraphQLInputObjectType) -> str:
        key = f"{self.source}#/types/{gtype.name}"
        if key not in self.drafts:
            self.drafts[key] = Model(key, gtype.name, "", "", "object")  # for recursion
            names = _attribute_names(gtype.fields)
            properties = tuple(
                Property(wire, names[wire], self._input(field.type),
                         isinstance(field.type, GraphQLNonNull) and field.default_value is graphql.Undefined,
                         description=field.description or "", deprecated=field.deprecation_reason is not None)
                for wire, field in gtype.fields.items()
            )
            model = Model(key, gtype.name, "", "", "object", gtype.description or "", properties=properties, additional=None)
            self.drafts[key] = model
        return key

    def _enum(self, gtype: GraphQLEnumType) -> str:
        key = f"{self.source}#/types/{gtype.name}"
        if key not in self.drafts:
            names = allocate(((v, constant(v), (v,)) for v in gtype.values), fold=str)
            members = tuple(EnumMember(names[v], v) for v in gtype.values)
            self.drafts[key] = Model(key, gtype.name, "", "", "enum", gtype.description or "", members=members)
        return key

    def _output(self, gtype: GraphQLOutputType, selections: list[SelectionSetNode], key: str, name: str) -> TypeRef:
        nullable = not isinstance(gtype, GraphQLNonNull)
        inner = gtype.of_type if isinstance(gtype, GraphQLNonNull) else gtype
        if isinstance(inner, GraphQLList):
            return TypeRef("array", items=self._output(inner.of_type, selections, key, name), nullable=nullable)
        if isinstance(inner, GraphQLEnumType | GraphQLScalarType):
            return self._leaf(inner, nullable)
        return self._selection(inner, selections, key, name)._replace(nullable=nullable)

    def _selection(self, gtype: Any, selections: list[SelectionSetNode], key: str, name: str) -> TypeRef:
        """The model (or union of models) an object, interface or union selection reads into."""
        if isinstance(gtype, GraphQLObjectType):
            return TypeRef("model", ref=self._object(gtype, selections, key, name, told_apart=()))
        possible = sorted(self.schema.get_possible_types(gtype), key=lambda t: t.name)
        specific = [t for t in possible if self._conditions(selections, t)]
        if not specific:
            names = tuple(t.name for t in possible)
            return TypeRef("model", ref=self._object(gtype, selections, key, name, told_apart=names))
        variants = [TypeRef("model", ref=self._object(t, selections, f"{key}/{t.name}", name + t.name,
                                                      told_apart=(t.name,))) for t in specific]
        others = tuple(t.name for t in possible if t not in specific)
        if others:
            variants.append(TypeRef("model", ref=self._object(gtype, selections, f"{key}/_other", name + "Other",
                                                              told_apart=others)))
        return TypeRef("union", variants=tuple(variants))

    def _object(self, gtype: Any, selections: list[SelectionSetNode], key: str, name: str,
                told_apart: tuple[str, ...]) -> str:
        fields: dict[str, tuple[Any, list[SelectionSetNode]]] = {}
        for selection in _flattened(selections, gtype, self.schema, self.fragments):
            response_key = selection.alias.value if selection.alias else selection.name.value
            entry = fields.setdefault(response_key, (selection, []))
            if selection.selection_set is not None:
                entry[1].append(selection.selection_set)
        if told_apart:
            fields.setdefault("__typename", (FieldNode(name=graphql.NameNode(value="__typename")), []))
        names = _attribute_names(fields)
        properties = []
        for wire, (field, subselections) in fields.items():
            if field.name.value == "__typename":
                possible = told_apart or (gtype.name,)
                ftype = TypeRef("string", constraints=(("enum", possible),) if len(possible) == 1 else ())
                properties.append(Property(wire, names[wire], ftype, True))
                continue
            definition = gtype.fields[field.name.value]
            ftype = self._output(definition.type, subselections, f"{key}/{wire}", name + pascal(wire))
            properties.append(Property(wire, names[wire], ftype, not _conditional(field),
                                       description=definition.description or "",
                                       deprecated=definition.deprecation_reason is not None))
        model = Model(key, name, "", "", "object", gtype.description or "", properties=tuple(properties),
                      component=False)
        self.drafts[key] = model
        return key

    def _conditions(self, selections: list[SelectionSetNode], gtype: GraphQLObjectType) -> bool:
        """Whether a fragment of ``selections`` is on ``gtype`` itself (types the selection tells apart)."""
        pending = list(selections)
        while pending:
            for node in pending.pop().selections:
                if isinstance(node, InlineFragmentNode):
                    if node.type_condition is not None and node.type_condition.name.value == gtype.name:
                        return True
                    pending.append(node.selection_set)
                elif isinstance(node, FragmentSpreadNode):
                    fragment = self.fragments[node.name.value]
                    if fragment.type_condition.name.value == gtype.name:
                        return True
                    pending.append(fragment.selection_set)
        return False

    # -- names --------------------------------------------------------------------------------------

    def _models(self) -> dict[str, Model]:
        candidates = [(m.key, pascal(m.spec_name), (0 if m.component else 1, m.key)) for m in self.drafts.values()]
        kept = {k: self.ledger.models[k.removeprefix(self.source)] for k in self.drafts
                if k.removeprefix(self.source) in self.ledger.models}
        classes = allocate(candidates, fold=str, keep={k: names[0] for k, names in kept.items()})
        modules = allocate(((k, snake(n, fallback="model"), (n,)) for k, n in classes.items()),
                           keep={k: names[1] for k, names in kept.items()})
        return {key: self.drafts[key]._replace(class_name=classes[key], module=modules[key])
                for key in sorted(self.drafts, key=lambda k: modules[k])}

    def _groups(self, by_file: dict[str, list[Operation]]) -> tuple[Group, ...]:
        groups = []
        for file in sorted(by_file):
            ops = by_file[file]
            names = allocate((((op.method, op.operation_id), snake(op.operation_id, fallback="operation"),
                               (op.operation_id,)) for op in ops), taken=("options",), fold=str,
                             keep={(m, p): n for (m, p), n in self.ledger.operations.items()})
            attr = snake(file, fallback="operations")
            named = sorted((op._replace(python_name=f"{attr}.{names[(op.method, op.operation_id)]}") for op in ops),
                           key=lambda o: o.python_name)
            groups.append(Group(file, attr, pascal(file) + "Api", attr, f"The operations of operations/{file}.graphql.",
                                tuple(named)))
        return tuple(groups)


class _AddTypename(graphql.Visitor):
    """Adds ``__typename`` to every selection on an interface or a union, so answers can be told apart."""

    def __init__(self, info: graphql.TypeInfo) -> None:
        super().__init__()
        self.info = info

    def leave_selection_set(self, node: SelectionSetNode, *_: object) -> SelectionSetNode | None:
        parent = self.info.get_parent_type()
        if not graphql.is_abstract_type(parent) or any(
                isinstance(s, FieldNode) and s.name.value == "__typename" and s.alias is None for s in node.selections):
            return None
        typename = FieldNode(name=graphql.NameNode(value="__typename"))
        return SelectionSetNode(selections=(*node.selections, typename))


def _flattened(selections: Iterable[SelectionSetNode], gtype: Any, schema: GraphQLSchema,
               fragments: dict[str, FragmentDefinitionNode]) -> list[FieldNode]:
    """The fields a selection reads on an object of ``gtype``: fragments that apply to it merged in."""
    out: list[FieldNode] = []
    for selection_set in selections:
        for node in selection_set.selections:
            if isinstance(node, FieldNode):
                out.append(node)
                continue
            condition: str | None
            if isinstance(node, FragmentSpreadNode):
                fragment = fragments[node.name.value]
                condition, inner = fragment.type_condition.name.value, fragment.selection_set
            else:
                assert isinstance(node, InlineFragmentNode)
                condition = node.type_condition.name.value if node.type_condition else None
                inner = node.selection_set
            if condition is None or _applies(schema, condition, gtype):
                out += _flattened([inner], gtype, schema, fragments)
    return out


def _applies(schema: GraphQLSchema, condition: str, gtype: Any) -> bool:
    """Whether a fragment on ``condition`` applies to every object the selection on ``gtype`` reads."""
    if condition == gtype.name:
        return True
    target = schema.get_type(condition)
    if isinstance(gtype, GraphQLObjectType) and graphql.is_abstract_type(target):
        return schema.is_sub_type(target, gtype)  # type: ignore[arg-type]
    return False


def _spreads(selection_set: SelectionSetNode) -> list[str]:
    found = []
    pending: list[SelectionNode] = list(selection_set.selections)
    while pending:
        node = pending.pop()
        inner: SelectionSetNode | None = getattr(node, "selection_set", None)
        if isinstance(node, FragmentSpreadNode):
            found.append(node.name.value)
        elif inner is not None:
            pending += inner.selections
    return found


def _conditional(field: FieldNode) -> bool:
    """A field under ``@include``/``@skip`` may be missing from the answer."""
    return any(d.name.value in ("include", "skip") for d in field.directives or ())


def _attribute_names(wires: Iterable[str]) -> dict[str, str]:
    def attr(wire: str) -> str:
        name = snake(wire.lstrip("_") or wire, fallback="field")
        return name + "_" if name in RESERVED_ATTRIBUTES or name in _ANNOTATION_NAMES else name

    return allocate(((wire, attr(wire), (0 if snake(wire) == wire else 1, wire)) for wire in wires), fold=str)


def _comment(node: OperationDefinitionNode) -> str:
    """The comment lines right above an operation: its summary (GraphQL operations have no descriptions)."""
    if node.loc is None:
        return ""
    lines = node.loc.source.body[:node.loc.start].rstrip("\n").split("\n")
    comments = []
    for line in reversed(lines):
        if not line.lstrip().startswith("#"):
            break
        comments.append(line.lstrip()[1:].strip())
    return " ".join(reversed(comments))
