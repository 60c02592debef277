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
    #: ``variable``: a GraphQL operation's variable, sent in the request's ``variables``.
    location: Literal["path", "query", "header", "cookie", "variable"]
    type: TypeRef
    required: bool
    description: str = ""
    deprecated: bool = False
    style: str = "form"
    explode: bool = True


class PartHeader(NamedTuple):
    """A header the spec's ``encoding.<property>.headers`` declares for a multipart part (the caller gives its value)."""

    name: str
    type: TypeRef
    required: bool = False


class PartEncoding(NamedTuple):
    """The spec's ``encoding`` of one property of a multipart or form body (only what it sets)."""

    name: str
    content_type: str | None = None
    style: str = "form"
    explode: bool = True
    #: A form (urlencoded) body: the value's reserved characters are sent as they are.
    allow_reserved: bool = False
    #: A form (urlencoded) body: the value is written as ``content_type`` says (it is set, and none of style,
    #: explode and allowReserved is: OpenAPI 3.0.4/3.1.1).
    as_media: bool = False
    #: A multipart body: the part's headers the spec declares (Content-Type left out: it is ``content_type``), by name.
    headers: tuple[PartHeader, ...] = ()


class Body(NamedTuple):
    media_type: str
    type: TypeRef
    required: bool
    description: str = ""
    #: Per property of a multipart or form body, the spec's ``encoding`` that differs from the defaults, by name.
    encoding: tuple[PartEncoding, ...] = ()


class Response(NamedTuple):
    """One 2xx answer: ``kind`` says how its content is read.

    ``events``, ``lines``: streamed, item by item; ``bytes`` (binary) and ``text_stream`` (a text
    file to save: CSV, or text the spec gives a Content-Disposition): streamed as they come, to
    iterate or save (:mod:`specloom.downloads` decides); ``text``: read whole as ``str``.
    """

    status: str
    kind: Literal["json", "text", "bytes", "none", "events", "lines", "text_stream"]
    media_type: str | None
    type: TypeRef | None
    description: str = ""
    #: The response headers the spec declares, lowercase (``link``, ``x-total-count``...).
    headers: tuple[str, ...] = ()


class StreamSwitch(NamedTuple):
    """An argument that makes an operation stream when it is true (:mod:`specloom.asked_streams` finds it).

    ``location`` ``query``: the boolean query parameter ``wire_name`` (``follow=true``), whose method
    keyword is ``python_name``; ``body``: the boolean property ``wire_name`` of the JSON body
    (``stream: true``), attribute ``attribute`` of the body's model, set by the method keyword
    ``python_name``. ``response`` is the answer when asked (kind ``events``, ``lines`` or
    ``text_stream``); the operation's ``responses`` are the answers otherwise.
    """

    location: Literal["query", "body"]
    wire_name: str
    python_name: str
    response: Response
    attribute: str = ""


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


class TokenExchange(NamedTuple):
    """How the control plane's own token endpoint takes client credentials: a JSON POST to ``path``
    whose body names the grant under ``grant_key`` and the pair under the keys each grant uses."""

    path: str
    grant_key: str
    #: ``(grant, client id key, client secret key)`` per grant the endpoint takes, the preferred first.
    grants: tuple[tuple[str, str, str], ...]


class GraphQLOperation(NamedTuple):
    """What a GraphQL operation sends: its document (with the fragments it uses), its name, and whether it is
    a ``query``, a ``mutation`` or a ``subscription``."""

    document: str
    name: str
    kind: str


class Pagination(NamedTuple):
    """How a list operation pages (see :mod:`specloom.pagination`): detected from the spec or declared in family.toml.

    ``kind`` is ``offset`` (an offset query parameter advanced by the items received), ``cursor``
    (a token from the answer sent back as a query parameter) or ``link`` (the next page's URL,
    from the ``Link`` header or a field of the answer). Paths are wire names from the answer:
    ``items`` to the array of items (``()``: the answer is the array), ``next`` to the field
    saying whether more follows (offset), holding the token (cursor) or the URL (link;
    ``()``: the ``Link`` header). ``param`` is the offset or token query parameter, ``limit``
    the page-size one. ``item`` is the type of one item; ``method`` the name of the
    operation's companion method in its group, decided once with the group's other names.
    """

    kind: Literal["offset", "cursor", "link"]
    items: tuple[str, ...]
    item: TypeRef
    param: str = ""
    limit: str = ""
    next: tuple[str, ...] = ()
    method: str = ""
    #: True when family.toml declared it rather than the rule finding it.
    declared: bool = False


class Waiter(NamedTuple):
    """How to wait for the job a submit operation starts (see :mod:`specloom.waiters`).

    The status and cancel operations are named by operationId; fields are paths of wire
    names in the submit answer (``id_field``) and the status answer (``state_field``,
    ``error_field``). ``job_method`` and ``wait_method`` are the names of the two methods
    the waiter adds to the submit operation's group, checked not to clash there.
    """

    status_operation: str
    id_parameter: str
    id_field: tuple[str, ...]
    state_field: tuple[str, ...]
    success: tuple[str, ...]
    job_method: str
    wait_method: str
    failure: tuple[str, ...] = ()
    cancelled: tuple[str, ...] = ()
    error_field: tuple[str, ...] = ()
    #: ``""``: no cancel operation is declared.
    cancel_operation: str = ""


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
    #: Set for an operation of a GraphQL release: the document it sends to ``path``.
    graphql: GraphQLOperation | None = None
    #: How the operation pages, when it is a paginated list; its group then has a companion method for it.
    pagination: Pagination | None = None
    #: The argument that makes the operation stream when true, if it has one (``None``: it never switches).
    stream_switch: StreamSwitch | None = None
    #: Set on an operation that submits a long-running job: how to wait for it (``None``: no job).
    waiter: Waiter | None = None
    #: An upload to a URL the API hands out (:mod:`specloom.presigned`): the method's argument for it; ``""``: none.
    presigned_url: str = ""


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
    #: Where and how client credentials become a token, when the spec's token endpoint says so.
    token_exchange: TokenExchange | None = None

    @property
    def operations(self) -> tuple[Operation, ...]:
        return tuple(op for group in self.groups for op in group.operations)

    def identity(self, key: str) -> str:
        return model_identity(key, self.source)


def model_identity(key: str, source: str) -> str:
    """A model key without the root spec file's name, so it survives a renamed spec file."""
    return key.removeprefix(source) if key.startswith(source + "#") else key
