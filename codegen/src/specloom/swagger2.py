"""Swagger 2.0 -> OpenAPI 3.0: one model for the rest of the generator.

Only the shapes differ; the conversion moves definitions, body/form parameters
and response schemas to where OpenAPI 3.0 keeps them and rewrites ``$ref``s.
"""

from __future__ import annotations

from typing import Any

_PARAM_SCHEMA_KEYS = (
    "type", "format", "items", "enum", "default", "maximum", "exclusiveMaximum", "minimum",
    "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems",
    "uniqueItems", "multipleOf",
)
_COLLECTION_STYLE = {"csv": ("form", False), "multi": ("form", True), "ssv": ("spaceDelimited", False),
                     "pipes": ("pipeDelimited", False), "tsv": ("form", False)}
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch")


#: Where OpenAPI 3.0 keeps what Swagger 2.0 keeps at the top: (2.0 pointer prefix, 3.0 prefix).
MOVED = (("/definitions/", "/components/schemas/"), ("/parameters/", "/components/parameters/"),
         ("/responses/", "/components/responses/"))


def moved_pointer(pointer: str) -> str:
    """A 2.0 document's JSON pointer, as it reads once the document is converted."""
    for old, new in MOVED:
        if pointer.startswith(old):
            return new + pointer[len(old):]
    return pointer


def _rewrite_refs(node: Any) -> Any:
    if isinstance(node, dict):
        out = {k: _rewrite_refs(v) for k, v in node.items()}
        ref = out.get("$ref")
        # Only references within this document: another file is read as it is, unconverted.
        if isinstance(ref, str) and ref.startswith("#/"):
            out["$ref"] = "#" + moved_pointer(ref[1:])
        return out
    if isinstance(node, list):
        return [_rewrite_refs(v) for v in node]
    return node


def _schema_of_param(param: dict[str, Any]) -> dict[str, Any]:
    schema = {k: param[k] for k in _PARAM_SCHEMA_KEYS if k in param}
    if schema.get("type") == "file":
        schema = {"type": "string", "format": "binary"}
    return schema


def _convert_param(param: Any) -> Any:
    if not isinstance(param, dict) or "$ref" in param:
        return param  # a reference, or something the reader of 3.0 parameters reports
    out: dict[str, Any] = {k: param[k] for k in ("name", "in", "description", "required", "deprecated") if k in param}
    out.update({k: v for k, v in param.items() if k.startswith("x-")})
    out["schema"] = _schema_of_param(param)
    fmt = param.get("collectionFormat")
    if fmt in _COLLECTION_STYLE and param.get("type") == "array":
        out["style"], out["explode"] = _COLLECTION_STYLE[fmt]
    return out


def _convert_response(response: Any, produces: list[str]) -> Any:
    if not isinstance(response, dict) or "$ref" in response:
        return response
    out = {k: v for k, v in response.items() if k not in ("schema", "examples")}
    out.setdefault("description", "")
    if "schema" in response:
        out["content"] = {media: {"schema": response["schema"]} for media in produces}
    return out


def convert(spec: dict[str, Any]) -> dict[str, Any]:
    """Return an OpenAPI 3.0.3 document equivalent to the Swagger 2.0 ``spec``."""
    spec = _rewrite_refs(spec)
    consumes_default = _strings(spec.get("consumes")) or ["application/json"]
    produces_default = _strings(spec.get("produces")) or ["application/json"]
    out: dict[str, Any] = {k: v for k, v in spec.items() if k.startswith("x-") or k in ("info", "tags", "security", "externalDocs")}
    out["openapi"] = "3.0.3"
    host = spec.get("host")
    if host:
        scheme = (_strings(spec.get("schemes")) or ["https"])[0]
        out["servers"] = [{"url": f"{scheme}://{host}{spec.get('basePath', '')}"}]
    elif spec.get("basePath"):
        out["servers"] = [{"url": spec["basePath"]}]
    components: dict[str, Any] = {}
    if "definitions" in spec:
        components["schemas"] = spec["definitions"]
    # Body and form parameters become (part of) a request body in 3.0: each use of one by $ref is inlined.
    body_params = {}
    if "parameters" in spec:
        components["parameters"] = {}
        for name, param in _dict(spec["parameters"]).items():
            if isinstance(param, dict) and param.get("in") in ("body", "formData"):
                body_params[name] = param
            else:
                components["parameters"][name] = _convert_param(param)
    if "responses" in spec:
        components["responses"] = {n: _convert_response(r, produces_default) for n, r in _dict(spec["responses"]).items()}
    if "securityDefinitions" in spec:
        components["securitySchemes"] = {n: _convert_security(s) for n, s in _dict(spec["securityDefinitions"]).items()}
    if components:
        out["components"] = components
    paths: dict[str, Any] = {}
    for path, item in _dict(spec.get("paths")).items():
        if not isinstance(item, dict):
            paths[path] = item
            continue
        shared = [_inlined(p, body_params) for p in _list(item.get("parameters"))]
        new_item: dict[str, Any] = {k: v for k, v in item.items() if k not in _METHODS and k != "parameters"}
        if shared:
            new_item["parameters"] = [_convert_param(p) for p in shared if not isinstance(p, dict) or p.get("in") not in ("body", "formData")]
        for method in _METHODS:
            if isinstance(item.get(method), dict):
                new_item[method] = _convert_operation(item[method], shared, body_params, consumes_default, produces_default)
        paths[path] = new_item
    out["paths"] = paths
    return out


def _convert_operation(op: dict[str, Any], shared: list[Any], body_params: dict[str, Any],
                       consumes_default: list[str], produces_default: list[str]) -> dict[str, Any]:
    consumes = _strings(op.get("consumes")) or consumes_default
    produces = _strings(op.get("produces")) or produces_default
    out = {k: v for k, v in op.items() if k not in ("parameters", "responses", "consumes", "produces", "schemes")}
    params, form = [], []
    for param in [*shared, *(_inlined(p, body_params) for p in _list(op.get("parameters")))]:
        if not isinstance(param, dict):
            params.append(param)
        elif param.get("in") == "body":
            out["requestBody"] = {
                "required": bool(param.get("required")),
                "content": {media: {"schema": param.get("schema", {})} for media in consumes},
                **({"description": param["description"]} if "description" in param else {}),
            }
        elif param.get("in") == "formData":
            form.append(param)
        else:
            params.append(_convert_param(param))
    if form:
        media = "multipart/form-data" if any(p.get("type") == "file" for p in form) or "multipart/form-data" in consumes else "application/x-www-form-urlencoded"
        schema = {"type": "object", "properties": {str(p.get("name")): _schema_of_param(p) for p in form}}
        required = [str(p.get("name")) for p in form if p.get("required")]
        if required:
            schema["required"] = required
        # Swagger 2.0 joins an array's items with commas unless its collectionFormat says otherwise ("multi": one
        # field per item); in 3.0 that is the property's encoding.
        encoding = {str(p.get("name")): dict(zip(("style", "explode"), _COLLECTION_STYLE.get(p.get("collectionFormat", "csv"),
                                                                                          ("form", False)), strict=True))
                    for p in form if p.get("type") == "array"}
        out["requestBody"] = {"required": bool(required),
                              "content": {media: {"schema": schema, **({"encoding": encoding} if encoding else {})}}}
    if params:
        out["parameters"] = params
    out["responses"] = {str(code): _convert_response(r, produces) for code, r in _dict(op.get("responses")).items()}
    return out


def _dict(value: Any) -> dict[str, Any]:
    """``value`` when it is an object: the 3.0 reader reports whatever else a spec puts there."""
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _strings(value: Any) -> list[str]:
    return [v for v in _list(value) if isinstance(v, str)]


def _inlined(param: Any, body_params: dict[str, Any]) -> Any:
    """A parameter, or the body or form parameter its ``$ref`` names."""
    ref = param.get("$ref") if isinstance(param, dict) else None
    if isinstance(ref, str) and ref.startswith("#/components/parameters/"):
        return body_params.get(ref.rsplit("/", 1)[-1], param)
    return param


def _convert_security(scheme: Any) -> Any:
    if not isinstance(scheme, dict):
        return scheme
    if scheme.get("type") == "basic":
        return {"type": "http", "scheme": "basic"}
    if scheme.get("type") == "oauth2":
        flow = {"implicit": "implicit", "password": "password", "application": "clientCredentials",
                "accessCode": "authorizationCode"}.get(str(scheme.get("flow", "")), "clientCredentials")
        body = {k: scheme[k] for k in ("authorizationUrl", "tokenUrl") if k in scheme}
        return {"type": "oauth2", "flows": {flow: {**body, "scopes": _dict(scheme.get("scopes"))}}}
    return scheme
