"""Spec documents -> the IR (:class:`specloom.ir.Api`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from .asked_streams import stream_switch
from .diagnostics import Diagnostics, SpecError
from .downloads import text_kind
from .ir import Api, Body, Category, Group, Model, Operation, Parameter, Response, TypeRef, model_identity
from .ledger import Ledger
from .loader import Location, SpecSet, walk
from .naming import allocate, pascal, snake
from .pagination import Declaration, paginate
from .presigned import presigned
from .schemas import ANY, SchemaBuilder, extensions_of, text_of
from .security import SecurityReader
from .uploads import read_encoding

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_LOCATIONS = ("path", "query", "header", "cookie")
# Header parameters the OpenAPI rules say to ignore: media types and credentials are the client's to send.
_CLIENT_HEADERS = frozenset({"accept", "content-type", "authorization"})
# What the runtime's clients already have: a category or group by one of these names would hide it.
CLIENT_ATTRIBUTES = frozenset({"options", "close", "aclose", "call", "base_url", "config", "run_concurrently",
                               "upload_presigned", "cached_property"})  # the decorator the client's class body uses
# Names a model module imports for itself; a model class by one of them would shadow the import.
_MODEL_MODULE_NAMES = frozenset({
    "Any", "ClassVar", "Mapping", "TYPE_CHECKING", "TypeAlias", "UUID", "UNSET", "Unset", "OpenStrEnum", "OpenIntEnum",
})
# Keyword names every generated method uses for itself.
_RESERVED_ARGUMENTS = frozenset({"self", "body", "request_options"})
_WORD_FOR = {"items": "Item", "additionalProperties": "Value", "requestBody": "Request"}
_SKIP = {"properties", "schema", "content", "allOf", "paths", "components", "schemas", "headers"}


def load_api(path: Path, diagnostics: Diagnostics, ledger: Ledger | None = None,
             pagination: tuple[Declaration, ...] = ()) -> Api:
    """Read the spec at ``path`` (and the files it references) into the IR.

    ``ledger`` holds the names earlier releases gave; elements they had keep them.
    ``pagination`` holds the family's declarations of paginated operations (see :mod:`specloom.pagination`).
    """
    return load_api_and_files(path, diagnostics, ledger, pagination)[0]


def load_api_and_files(path: Path, diagnostics: Diagnostics, ledger: Ledger | None = None,
                       pagination: tuple[Declaration, ...] = ()) -> tuple[Api, list[str]]:
    """:func:`load_api`, and the files the spec is made of (relative to its folder, the root file first)."""
    api, files = read_openapi(path, diagnostics, ledger)
    return paginate(api, pagination, diagnostics), files


#: ``(kind, identity, default) -> name``: the codegen plugins' naming hook (:func:`specloom.hookspecs.choose_name`).
Namer = Callable[[str, str, str], str]


def read_openapi(path: Path, diagnostics: Diagnostics, ledger: Ledger | None = None,
                 patch: Callable[[str, Any], None] | None = None, namer: Namer | None = None) -> tuple[Api, list[str]]:
    """An OpenAPI spec's IR as the spec has it, and its files: no pagination or waiters yet (built-in codegen
    plugins add them); ``patch`` repairs each document once parsed, ``namer`` proposes names before the rules."""
    specs = SpecSet(path, diagnostics, patch)
    return ApiBuilder(specs, diagnostics, ledger or Ledger(), namer).build(), specs.files()


class ApiBuilder:
    def __init__(self, specs: SpecSet, diagnostics: Diagnostics, ledger: Ledger, namer: Namer | None = None) -> None:
        self.namer = namer
        self.specs = specs
        self.diagnostics = diagnostics
        self.ledger = ledger
        self.file = specs.root_file
        root = specs.root
        if not isinstance(root, dict):
            raise SpecError(self.file, "", "the document is not an object; is this an OpenAPI spec?")
        if isinstance(root.get("swagger"), str) and root["swagger"].startswith("2"):
            specs.convert_root()
            root = specs.root
        elif not (isinstance(root.get("openapi"), str) and root["openapi"][:2] in ("3.",)):
            raise SpecError(self.file, "/openapi", "neither 'openapi: 3.x' nor 'swagger: 2.0' is declared; is this an OpenAPI spec?")
        self.root: dict[str, Any] = root
        if not isinstance(root.get("paths", {}), dict):
            raise SpecError(self.file, "/paths", "paths must be an object")
        self.schemas = SchemaBuilder(specs, diagnostics, self._hint_for)
        self.security = SecurityReader(specs, diagnostics, root, Location(self.file))
        self._op_hints: dict[tuple[str, str], str] = {}

    def _chosen(self, kind: str, identity: str, default: str) -> str:
        """The name a codegen plugin chooses for an element, or ``default``; allocation still settles clashes."""
        return default if self.namer is None else self.namer(kind, identity, default)

    # -- naming of inline models, from their pointer alone -----------------------------

    def _hint_for(self, loc: Location) -> tuple[bool, str]:
        parts = [p.replace("~1", "/").replace("~0", "~") for p in loc.pointer.split("/")[1:]]
        if loc.file != self.file and (len(parts) <= 1 or parts[:2] == ["components", "schemas"] and len(parts) == 3
                                      or parts[0] in ("definitions", "$defs") and len(parts) == 2):
            return True, parts[-1] if parts else Path(loc.file).stem
        if len(parts) == 3 and parts[:2] == ["components", "schemas"]:
            return True, parts[2]
        words: list[str] = [] if loc.file == self.file else _file_words(loc.file)
        i = 0
        while i < len(parts):
            part = parts[i]
            if part == "paths" and i + 2 < len(parts) + 1 and len(parts) > i + 2:
                words.append(self._op_hint(parts[i + 1], parts[i + 2]))
                i += 3
                continue
            if part in ("allOf",):
                i += 2
                continue
            if part in ("oneOf", "anyOf") and i + 1 < len(parts):
                # A member is named as the spec names it (title, discriminator value); VariantN otherwise.
                spec_name = self.schemas.member_name(loc.file, parts[:i], part, parts[i + 1])
                name = pascal(spec_name, fallback=f"Variant{parts[i + 1]}")
                prefix = "".join(words)  # "PetCat" under "Pet" adds "Cat", not "PetCat" again
                words.append(name[len(prefix):] if name.startswith(prefix) and len(name) > len(prefix) else name)
                i += 2
                continue
            if part == "content":
                i += 2
                continue
            if part == "responses" and i + 1 < len(parts):
                status = parts[i + 1]
                in_components = i > 0 and parts[i - 1] == "components"
                words.append(pascal(status) + "Response" if in_components else "Response" + ("" if status == "200" else pascal(status)))
                i += 2
                continue
            if part == "parameters" and i + 1 < len(parts):
                in_components = i > 0 and parts[i - 1] == "components"
                words.append(pascal(parts[i + 1]) if in_components else self._param_hint(loc, parts[: i + 2]))
                i += 2
                continue
            if part == "requestBodies" and i + 1 < len(parts):
                words.append(pascal(parts[i + 1]) + "Request")
                i += 2
                continue
            if part not in _SKIP or (i > 0 and parts[i - 1] == "properties"):
                words.append(_WORD_FOR.get(part, pascal(part)))
            i += 1
        return False, "".join(words) or "Inline"

    def _list(self, owner: dict[str, Any], key: str, loc: Location) -> list[Any]:
        """``owner[key]`` when it is a list; anything else there is reported and read as empty."""
        value = owner.get(key)
        if value is None or isinstance(value, list):
            return value or []
        self.diagnostics.warn(loc.file, loc.child(key).pointer, f"{key} must be a list, found {type(value).__name__}; ignored")
        return []

    def _text(self, value: Any, loc: Location) -> str:
        """A description, also when the spec keeps it in another file by ``$ref``."""
        resolved = self.specs.deref(value, loc)
        return text_of(resolved[0]) if resolved else ""

    def _op_hint(self, path: str, method: str) -> str:
        key = (path, method)
        if key not in self._op_hints:
            op = (self.root.get("paths") or {}).get(path, {}).get(method)
            op_id = op.get("operationId") if isinstance(op, dict) else None
            self._op_hints[key] = pascal(op_id if isinstance(op_id, str) and op_id else _fallback_id(method, path))
        return self._op_hints[key]

    def _param_hint(self, loc: Location, parts: list[str]) -> str:
        node = walk(self.specs.document(loc.file), parts)
        resolved = self.specs.deref(node, loc) if node is not None else None
        name = resolved[0].get("name") if resolved and isinstance(resolved[0], dict) else parts[-1]
        return pascal(str(name))

    # -- the whole API ------------------------------------------------------------------

    def build(self) -> Api:
        root = self.root
        info = _mapping(root.get("info"))
        version = info.get("version", "")
        if not isinstance(version, str):
            self.diagnostics.warn(self.file, "/info/version", f"info.version is a {type(version).__name__}, not a string; read as {str(version)!r}")
        base = Location(self.file)
        schemas = _mapping(_mapping(root.get("components")).get("schemas"))
        for name in sorted(schemas):
            where = base.child("components", "schemas", name)
            with self.diagnostics.at(str(where)):
                self.schemas.component(schemas[name], where)
        operations = self._operations()
        webhooks = _mapping(root.get("webhooks"))
        if webhooks:
            self.diagnostics.warn(self.file, "/webhooks", f"{len(webhooks)} webhooks are not generated: a client calls paths, "
                                  "webhooks are calls the API makes to you")
        models = self._models()
        groups, categories, top = self._groups(operations)
        extensions = extensions_of(root)
        servers = tuple(s["url"] for s in self._list(root, "servers", base) if isinstance(s, dict) and isinstance(s.get("url"), str))
        return Api(
            title=str(info.get("title", "")),
            version=str(version),
            description=str(info.get("description") or ""),
            models=models,
            groups=groups,
            categories=categories,
            top_groups=top,
            servers=servers,
            extensions=extensions,
            source=self.file,
            security_schemes=self.security.schemes,
        )

    def _models(self) -> dict[str, Model]:
        drafts = self.schemas.drafts
        # A class wins its name over an alias that only points at it (a split spec names both).
        identities = {key: model_identity(key, self.file) for key in drafts}
        candidates = [
            (d.key, self._chosen("model", identities[d.key], pascal(d.spec_name)),
             (0 if d.component else 1, 0 if pascal(d.spec_name) == d.spec_name else 1, d.kind == "alias", d.spec_name,
              d.key))
            for d in drafts.values()
        ]
        kept = {key: self.ledger.models[i] for key, i in identities.items() if i in self.ledger.models}
        classes = allocate(candidates, taken=_MODEL_MODULE_NAMES, fold=str, keep={key: names[0] for key, names in kept.items()})
        modules = allocate(
            ((key, snake(name, fallback="model"), (name,)) for key, name in classes.items()),
            keep={key: names[1] for key, names in kept.items()},
        )
        models = {}
        for draft in sorted(drafts.values(), key=lambda d: modules[d.key]):
            models[draft.key] = Model(
                key=draft.key,
                spec_name=draft.spec_name,
                class_name=classes[draft.key],
                module=modules[draft.key],
                kind=draft.kind,  # type: ignore[arg-type]
                description=draft.description,
                deprecated=draft.deprecated,
                properties=tuple(draft.properties),
                additional=draft.additional,
                members=tuple(draft.members),
                enum_base=draft.enum_base,  # type: ignore[arg-type]
                alias=draft.alias,
                constraints=draft.constraints,
                component=draft.component,
                extensions=draft.extensions,
            )
        return models

    # -- operations ---------------------------------------------------------------------

    def _operations(self) -> list[Operation]:
        found = []
        paths = self.root.get("paths") or {}
        for path in sorted(paths):
            item_loc = Location(self.file).child("paths", path)
            resolved = self.specs.deref(paths[path], item_loc)
            if resolved is None or not isinstance(resolved[0], dict):
                continue
            item, item_loc = resolved
            for method in METHODS:
                if method not in item:
                    continue
                # An operation may sit in a file of its own, reached by $ref (specs split over many files).
                op = self.specs.deref(item[method], item_loc.child(method))
                if op is None:
                    continue
                if not isinstance(op[0], dict):
                    self.diagnostics.warn(op[1].file, op[1].pointer, f"the {method.upper()} operation is not an object; skipped")
                    continue
                with self.diagnostics.at(str(op[1])):
                    found.append(self._operation(path, method, item, *op, item_loc))
        return found

    def _operation(self, path: str, method: str, item: dict[str, Any], op: dict[str, Any], loc: Location,
                   item_loc: Location) -> Operation:
        if _mapping(op.get("callbacks")):
            self.diagnostics.warn(loc.file, loc.pointer + "/callbacks", "callbacks are not generated: they are calls the API "
                                  "makes to you; the operation itself is")
        op_id = op.get("operationId")
        if not isinstance(op_id, str) or not op_id:
            op_id = _fallback_id(method, path)
        parameters = self._parameters(item, op, item_loc, loc, path)
        tags = tuple(str(t) for t in self._list(op, "tags", loc) if isinstance(t, (str, int)))
        own_security = self.security.requirements(op, loc)
        body, responses = self._body(op, loc), self._responses(op, loc)
        presigned_url, parameters = presigned(method.upper(), path, op, item, body, parameters)
        switch = stream_switch(parameters, body, responses, self._streamed_alternative(op, loc),
                               lambda key: self.schemas.drafts[key].properties if key in self.schemas.drafts else ())
        return Operation(
            method=method.upper(),
            path=path,
            operation_id=op_id,
            python_name="",
            group=tags[0] if tags else _path_group(path),
            summary=text_of(op.get("summary")),
            description=text_of(op.get("description")),
            deprecated=op.get("deprecated") is True,
            parameters=parameters,
            body=body,
            responses=responses,
            tags=tags,
            extensions=extensions_of(op),
            security=self.security.default if own_security is None else own_security,
            stream_switch=switch,
            presigned_url=presigned_url,
        )

    def _parameters(self, item: dict[str, Any], op: dict[str, Any], item_loc: Location, loc: Location, path: str) -> tuple[Parameter, ...]:
        by_key: dict[tuple[str, str], tuple[dict[str, Any], Location]] = {}
        for owner, owner_loc in ((item, item_loc), (op, loc)):
            for i, raw in enumerate(self._list(owner, "parameters", owner_loc)):
                resolved = self.specs.deref(raw, owner_loc.child("parameters", i))
                if resolved is None:
                    continue
                param, param_loc = resolved
                if not isinstance(param, dict) or not isinstance(param.get("name"), str) or param.get("in") not in _LOCATIONS:
                    self.diagnostics.warn(param_loc.file, param_loc.pointer, "parameter without a valid name or 'in'; skipped")
                    continue
                if param["in"] == "header" and param["name"].lower() in _CLIENT_HEADERS:
                    # OpenAPI: such a header parameter "SHALL be ignored"; the client sets these itself.
                    continue
                by_key[(param["in"], param["name"])] = (param, param_loc)
        for name in _template_names(path):
            if ("path", name) not in by_key:
                self.diagnostics.warn(loc.file, loc.pointer, f"path parameter {{{name}}} is not declared; taken as a required string")
                by_key[("path", name)] = ({"name": name, "in": "path", "required": True, "schema": {"type": "string"}}, loc)
        names = allocate(
            (
                (key, _argument_name(key[1]), (0 if snake(key[1]) == key[1] else 1, _LOCATIONS.index(key[0]), key[1]))
                for key in by_key
            ),
            fold=str,
        )
        params = []
        for key, (param, param_loc) in by_key.items():
            location = key[0]
            if "schema" in param:
                schema, schema_loc = param["schema"], param_loc.child("schema")
            elif isinstance(param.get("content"), dict) and param["content"]:
                media = min(param["content"])
                schema, schema_loc = (param["content"][media] or {}).get("schema", {}), param_loc.child("content", media, "schema")
            else:
                schema, schema_loc = {"type": "string"}, param_loc
            simple = location in ("path", "header")
            params.append(
                Parameter(
                    wire_name=key[1],
                    python_name=names[key],
                    location=location,  # type: ignore[arg-type]
                    type=self.schemas.type_of(schema, schema_loc),
                    required=location == "path" or param.get("required") is True,
                    description=text_of(param.get("description")),
                    deprecated=param.get("deprecated") is True,
                    style=str(param.get("style") or ("simple" if simple else "form")),
                    explode=bool(param.get("explode", not simple and param.get("style", "form") == "form")),
                )
            )
        # Required first, then by name: the generated signature order.
        params.sort(key=lambda p: (not p.required, p.python_name))
        return tuple(params)

    def _body(self, op: dict[str, Any], loc: Location) -> Body | None:
        if "requestBody" not in op:
            return None
        resolved = self.specs.deref(op["requestBody"], loc.child("requestBody"))
        if resolved is None or not isinstance(resolved[0], dict):
            return None
        body, body_loc = resolved
        content = _mapping(body.get("content"))
        if not content:
            return None
        media = _pick_media(content)
        media_obj = _mapping(content[media])
        schema_type = self.schemas.type_of(media_obj.get("schema", {}), body_loc.child("content", media, "schema"))
        if "json" not in media and "form" not in media and schema_type.kind == "any":
            schema_type = TypeRef("string", format="binary")
        encoding = read_encoding(media, media_obj, body_loc.child("content", media), self.diagnostics, self.specs.deref,
                                 self.schemas.type_of)
        return Body(media_type=media, type=schema_type, required=body.get("required") is True,
                    description=text_of(body.get("description")), encoding=encoding)

    def _responses(self, op: dict[str, Any], loc: Location) -> tuple[Response, ...]:
        responses: dict[str, Any] = {}
        for status, raw in _mapping(op.get("responses")).items():
            if not isinstance(status, str):
                self.diagnostics.warn(loc.file, f"{loc.pointer}/responses/{status}", "response code is not a string; read as one")
            responses[str(status)] = raw
        chosen = sorted(s for s in responses if s.startswith("2")) or [s for s in responses if s == "default"]
        result = []
        for status in chosen:
            raw = responses[status]
            resolved = self.specs.deref(raw, loc.child("responses", status))
            if resolved is None or not isinstance(resolved[0], dict):
                result.append(Response(status=status, kind="none", media_type=None, type=None))
                continue
            response, response_loc = resolved
            content = _mapping(response.get("content"))
            description = text_of(response.get("description"))
            if not content:
                result.append(Response(status=status, kind="none", media_type=None, type=None, description=description))
                continue
            media = _pick_media(content)
            media_obj = _mapping(content[media])
            base = media.split(";")[0].strip().lower()
            if base == "text/event-stream" or base in JSON_LINES_MEDIA_TYPES:
                # Streamed: the schema describes one event's data, or one line.
                schema = media_obj.get("schema", {})
                rtype = self.schemas.type_of(schema, response_loc.child("content", media, "schema"))
                result.append(Response(status, "events" if base == "text/event-stream" else "lines", media, rtype, description))
            elif "json" in media:
                schema = media_obj.get("schema", {})
                rtype = self.schemas.type_of(schema, response_loc.child("content", media, "schema"))
                base = media.split(";")[0].strip()
                if not (base == "application/json" or (base.startswith("application/") and base.endswith("+json"))):
                    self.diagnostics.warn(response_loc.file, f"{response_loc.pointer}/content", f"media type {media!r} looks like JSON; read as JSON")
                headers = tuple(sorted(str(name).lower() for name in _mapping(response.get("headers"))))
                result.append(Response(status, "json", media, rtype, description, headers))
            elif media.startswith("text/") or media in ("application/xml", "application/yaml", "application/x-yaml"):
                result.append(Response(status, text_kind(media, response.get("headers")), media, TypeRef("string"), description))
            else:
                result.append(Response(status, "bytes", media, TypeRef("string", format="binary"), description))
        return tuple(result)

    def _streamed_alternative(self, op: dict[str, Any], loc: Location) -> Response | None:
        """A streamed answer (SSE, JSON lines) a 2xx response lists beside the media type read whole, if any."""
        answers = {str(status): raw for status, raw in _mapping(op.get("responses")).items()}
        for status in sorted(s for s in answers if s.startswith("2")):
            resolved = self.specs.deref(answers[status], loc.child("responses", status))
            if resolved is None or not isinstance(resolved[0], dict):
                continue
            response, response_loc = resolved
            content = _mapping(response.get("content"))
            for media in sorted(str(m) for m in content if len(content) > 1):
                base = media.split(";")[0].strip().lower()
                if base == "text/event-stream" or base in JSON_LINES_MEDIA_TYPES:
                    schema = _mapping(content[media]).get("schema", {})
                    rtype = self.schemas.type_of(schema, response_loc.child("content", media, "schema"))
                    kind: Literal["events", "lines"] = "events" if base == "text/event-stream" else "lines"
                    return Response(status, kind, media, rtype, text_of(response.get("description")))
        return None

    # -- groups and categories ------------------------------------------------------------

    def _groups(self, operations: list[Operation]) -> tuple[tuple[Group, ...], tuple[Category, ...], tuple[str, ...]]:
        tags_loc = Location(self.file).child("tags")
        tag_text = {
            str(t["name"]): self._text(t.get("description"), tags_loc.child(i, "description"))
            for i, t in enumerate(self._list(self.root, "tags", Location(self.file)))
            if isinstance(t, dict) and "name" in t
        }
        by_tag: dict[str, list[Operation]] = {}
        for op in operations:
            by_tag.setdefault(op.group, []).append(op)
        groups_loc = Location(self.file).child("x-tagGroups")
        tag_groups = [
            (str(g.get("name")), [str(t) for t in self._list(g, "tags", groups_loc.child(i))])
            for i, g in enumerate(self._list(self.root, "x-tagGroups", Location(self.file)))
            if isinstance(g, dict) and g.get("name")
        ]
        categorised = {t for _, tags in tag_groups for t in tags if t in by_tag}
        top_tags = sorted(t for t in by_tag if t not in categorised)
        # A group a plugin names (choose_name) is called so in the class name too: ``audit`` -> ``AuditApi``.
        chosen = {tag: self._chosen("group", tag, snake(tag)) for tag in by_tag}
        group_attrs = allocate(((tag, chosen[tag], (tag,)) for tag in by_tag), taken=("options", "cached_property"))
        # Attribute names on the client: categories and uncategorised groups share the namespace;
        # categories choose first. An uncategorised group also avoids the names of categorised ones,
        # so no two groups ever share a python_name.
        client_attrs = allocate(
            [(("category", name), snake(name), (0, name)) for name, tags in tag_groups if any(t in by_tag for t in tags)],
            taken=CLIENT_ATTRIBUTES,
        )
        client_attrs |= allocate(
            [(("group", tag), group_attrs[tag], (1, tag)) for tag in top_tags],
            taken=CLIENT_ATTRIBUTES | set(client_attrs.values()) | {group_attrs[t] for t in categorised},
        )
        group_classes = allocate((tag, pascal(tag if chosen[tag] == snake(tag) else chosen[tag]) + "Api", (tag,))
                                 for tag in by_tag)
        groups: list[Group] = []
        for tag in sorted(by_tag, key=lambda t: group_attrs[t]):
            ops = by_tag[tag]
            names = allocate(
                (
                    ((op.method, op.path),
                     self._chosen("operation", f"{op.method} {op.path}", snake(op.operation_id, fallback="call")),
                     (0 if snake(op.operation_id) == op.operation_id else 1, op.path, op.method))
                    for op in ops
                ),
                taken=("options",),
                fold=str,
                keep=self.ledger.operations,
            )
            named = sorted((op._replace(python_name=names[(op.method, op.path)]) for op in ops), key=lambda o: o.python_name)
            groups.append(Group(tag, group_attrs[tag], group_classes[tag], group_attrs[tag], tag_text.get(tag, ""), tuple(named)))
        categories = []
        # Keyed by tag: a categorised group and a top-level one may share a python_name.
        where: dict[str, str] = {}
        for name, tags in tag_groups:
            present = tuple(group_attrs[t] for t in tags if t in by_tag)
            if present:
                attr = client_attrs[("category", name)]
                categories.append(Category(name, attr, pascal(name) + "Category", tuple(dict.fromkeys(present))))
                where.update((t, attr) for t in tags if t in by_tag)
        # Uncategorised groups keep their client-level attribute name where it had to change.
        groups = [g._replace(python_name=client_attrs[("group", g.name)]) if g.name in top_tags else g for g in groups]
        top = tuple(client_attrs[("group", t)] for t in top_tags)
        # The python_name of an operation is its dotted path from the client.
        placed: list[Group] = []
        for g in groups:
            prefix = f"{where[g.name]}.{g.python_name}" if g.name in where else g.python_name
            dotted = tuple(op._replace(python_name=f"{prefix}.{op.python_name}") for op in g.operations)
            placed.append(g._replace(operations=dotted))
        return tuple(placed), tuple(categories), top


def _file_words(file: str) -> list[str]:
    """What a spec file of its own contributes to the names of the schemas inside it.

    The stem names the thing (``droplets_create.yml``, ``models/droplet.yml``); a file in a
    ``responses`` folder holds one answer, so its schemas are named as responses.
    """
    path = Path(file)
    stem = pascal(path.stem, fallback="Inline")
    response = path.parent.name.lower() == "responses" and not stem.endswith("Response")
    return [stem, *(["Response"] if response else [])]


# Path segments that say nothing about the resource: versions and API prefixes.
_NOT_A_RESOURCE = re.compile(r"(?i)v\d+[a-z0-9.]*|\d+(\.\d+)*|api|rest|\{.*\}|")


def _path_group(path: str) -> str:
    """The group of an operation without tags: the first segment of its path that names a resource.

    ``/v2/customers/{id}`` -> ``customers``; ``/lists/{date}.json`` -> ``lists``. Grouping
    untagged specs by resource keeps each group module to one resource, as a person would.
    """
    return next((s for s in _segments(path) if not _NOT_A_RESOURCE.fullmatch(s)), "default")


def _fallback_id(method: str, path: str) -> str:
    """A name for an operation the spec gives no operationId: its method and the words of its path.

    Versions, API prefixes and file extensions say nothing about the operation and are left out:
    ``GET /v1/user-content/recent.json`` -> ``get_user_content_recent``.
    """
    words = (s for s in _segments(path) if s.startswith("{") or not _NOT_A_RESOURCE.fullmatch(s))
    return snake(" ".join([method, *words]))


def _segments(path: str) -> list[str]:
    """A path's segments without file extensions (``/lists/{date}.json`` -> ``""``, ``lists``, ``{date}``)."""
    return [re.sub(r"\.[A-Za-z0-9]+$", "", segment) for segment in path.split("/")]


def _argument_name(wire: str) -> str:
    name = snake(wire, fallback="param")
    return name + "_" if name in _RESERVED_ARGUMENTS else name


def _template_names(path: str) -> list[str]:
    return re.findall(r"{([^}/]+)}", path)


#: Media types of JSON lines: one JSON value per line (RFC 7464 records for json-seq).
JSON_LINES_MEDIA_TYPES = frozenset({"application/x-ndjson", "application/jsonl", "application/json-seq"})


def _pick_media(content: dict[str, Any]) -> str:
    medias = sorted(str(m) for m in content)
    for test in (lambda m: m == "application/json", lambda m: "json" in m, lambda m: "form-urlencoded" in m,
                 lambda m: m.startswith("multipart/"), lambda m: m.startswith("text/")):
        for media in medias:
            if test(media):
                return media
    return medias[0]


def _mapping(value: Any) -> dict[str, Any]:
    """``value`` when it is an object; specs put wrong things in places, and those read as empty."""
    return value if isinstance(value, dict) else {}


__all__ = ["ANY", "ApiBuilder", "load_api"]
