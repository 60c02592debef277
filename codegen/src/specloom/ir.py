"""The intermediate representation: the one contract between reading specs and writing code.

Everything here is immutable and fully resolved: no ``$ref`` is left, every
Python name is decided, every constraint of the spec is kept. Model types are
referred to by ``key`` (the schema's ``file#pointer`` identity); ``Api.models``
maps keys to models.
"""

from __future__ import annotations

from typing import Any, Literal, NamedTuple

TypeKind = Literal["any", "string", "integer", "number", "boolean", "array", "map", "model", "union"]


class TypeRef(NamedTuple):
    """The type of a value: a primitive, a container, a reference to a model or a union.

    ``constraints`` keeps every JSON-Schema constraint found on the schema (``pattern``,
    ``minLength``, ``minimum``, ``exclusiveMinimum`` as a number, ``enum``, ``format``...)
    so request validators can be generated from the IR alone.
    """

    kind: TypeKind
    format: str | None = None
    items: TypeRef | None = None
    values: TypeRef | None = None
    ref: str | None = None
    variants: tuple[TypeRef, ...] = ()
    nullable: bool = False
    constraints: tuple[tuple[str, Any], ...] = ()

    def constraint(self, name: str, default: Any = None) -> Any:
        return dict(self.constraints).get(name, default)


class Property(NamedTuple):
    wire_name: str
    python_name: str
    type: TypeRef
    required: bool
    description: str = ""
    read_only: bool = False
    write_only: bool = False
    deprecated: bool = False
    #: The spec's default, already checked against the type; ``has_default`` says whether there is one.
    default: Any = None
    has_default: bool = False


class EnumMember(NamedTuple):
    python_name: str
    value: str | int


class Model(NamedTuple):
    """A named type that gets its own module: an attrs class, an enum or a type alias."""

    key: str
    spec_name: str
    class_name: str
    module: str
    kind: Literal["object", "enum", "alias"]
    description: str = ""
    deprecated: bool = False
    properties: tuple[Property, ...] = ()
    #: Type of extra properties; ``None`` when the schema closes them (additionalProperties: false).
    additional: TypeRef | None = TypeRef("any")
    members: tuple[EnumMember, ...] = ()
    enum_base: Literal["str", "int"] = "str"
    alias: TypeRef | None = None
    constraints: tuple[tuple[str, Any], ...] = ()
    #: True for component schemas, False for models named after where an inline schema sits.
    component: bool = True
    #: The schema's vendor extensions (``x-*``), values frozen (lists as tuples).
    extensions: tuple[tuple[str, Any], ...] = ()


class Parameter(NamedTuple):
    wire_name: str
    python_name: str
    location: Literal["path", "query", "header", "cookie"]
    type: TypeRef
    required: bool
    description: str = ""
    deprecated: bool = False
    style: str = "form"
    explode: bool = True


class PartEncoding(NamedTuple):
    """The spec's ``encoding`` of one property of a multipart or form body (only what it sets)."""

    name: str
    content_type: str | None = None
    style: str = "form"
    explode: bool = True


class Body(NamedTuple):
    media_type: str
    type: TypeRef
    required: bool
    description: str = ""
    #: Per property of a multipart or form body, the spec's ``encoding`` that differs from the defaults, by name.
    encoding: tuple[PartEncoding, ...] = ()


class Response(NamedTuple):
    """One 2xx answer: ``kind`` says how its content is read (``events``, ``lines``: streamed, item by item)."""

    status: str
    kind: Literal["json", "text", "bytes", "none", "events", "lines"]
    media_type: str | None
    type: TypeRef | None
    description: str = ""


#: One alternative of a ``security`` list: every (scheme name, scopes) it combines; ``()`` asks for nothing.
SecurityRequirement = tuple[tuple[str, tuple[str, ...]], ...]


class OAuthFlow(NamedTuple):
    """One flow of an OAuth 2.0 scheme (``clientCredentials``, ``authorizationCode``, ``implicit``, ``password``)."""

    kind: str
    token_url: str = ""
    authorization_url: str = ""
    refresh_url: str = ""
    scopes: tuple[str, ...] = ()


class SecurityScheme(NamedTuple):
    """One entry of ``components.securitySchemes`` (Swagger 2.0: ``securityDefinitions``).

    ``kind`` is the spec's ``type``; ``location`` and ``parameter`` say where an API key goes,
    ``scheme`` (lowercase) and ``bearer_format`` describe an ``http`` scheme, ``flows`` an
    ``oauth2`` one, ``url`` the discovery document of an ``openIdConnect`` one.
    """

    name: str
    kind: Literal["apiKey", "http", "oauth2", "openIdConnect"]
    location: Literal["header", "query", "cookie"] | None = None
    parameter: str = ""
    scheme: str = ""
    bearer_format: str = ""
    flows: tuple[OAuthFlow, ...] = ()
    url: str = ""
    description: str = ""


class Operation(NamedTuple):
    method: str
    path: str
    operation_id: str
    python_name: str
    group: str
    summary: str = ""
    description: str = ""
    deprecated: bool = False
    parameters: tuple[Parameter, ...] = ()
    body: Body | None = None
    responses: tuple[Response, ...] = ()
    tags: tuple[str, ...] = ()
    #: The operation's vendor extensions (``x-*``), values frozen (lists as tuples).
    extensions: tuple[tuple[str, Any], ...] = ()
    #: Alternatives, any one of which authorises the call (the spec's top-level ``security`` when the
    #: operation has none); empty when the call needs no credentials.
    security: tuple[SecurityRequirement, ...] = ()


class Group(NamedTuple):
    """One tag: a module and a class of methods."""

    name: str
    python_name: str
    class_name: str
    module: str
    description: str = ""
    operations: tuple[Operation, ...] = ()


class Category(NamedTuple):
    """One entry of ``x-tagGroups``: groups shown under one attribute of the client."""

    name: str
    python_name: str
    class_name: str
    groups: tuple[str, ...] = ()


class Api(NamedTuple):
    title: str
    version: str
    description: str
    models: dict[str, Model]
    groups: tuple[Group, ...]
    categories: tuple[Category, ...]
    #: Groups that no category holds; they hang directly off the client.
    top_groups: tuple[str, ...]
    servers: tuple[str, ...] = ()
    extensions: tuple[tuple[str, Any], ...] = ()
    #: The root spec file's name; model keys in it start with ``<source>#``.
    source: str = ""
    #: Every security scheme the spec declares, by name.
    security_schemes: tuple[SecurityScheme, ...] = ()

    @property
    def operations(self) -> tuple[Operation, ...]:
        return tuple(op for group in self.groups for op in group.operations)

    def identity(self, key: str) -> str:
        return model_identity(key, self.source)


def model_identity(key: str, source: str) -> str:
    """A model key without the root spec file's name, so it survives a renamed spec file."""
    return key.removeprefix(source) if key.startswith(source + "#") else key
