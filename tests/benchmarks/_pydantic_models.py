"""pydantic v2 models built from an OpenAPI 3.0 spec's schemas: the anchor of the decoding benchmark.

Each object schema becomes a ``pydantic.create_model`` class with the spec's wire names as aliases,
extra keys allowed (as generated models keep them), date-time/date/uuid as ``datetime``/``date``/
``UUID``, enums as ``Literal`` and nullable as ``| None``: what pydantic checks is what the generated
models decode. A schema reached again while it is being built (recursion) is ``Any`` there.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any, Literal, Optional, Union

import pydantic

_SCALARS: dict[str, Any] = {"integer": int, "number": float, "boolean": bool, "string": str}
_FORMATS: dict[str, Any] = {"date-time": datetime.datetime, "date": datetime.date, "uuid": uuid.UUID}


class PydanticModels:
    """Builds (and caches) one pydantic model per component schema of ``spec``."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.schemas: dict[str, Any] = spec.get("components", {}).get("schemas", {})
        self.built: dict[str, Any] = {}
        self.building: set[str] = set()
        self.inline = 0

    def adapter(self, schema: dict[str, Any]) -> pydantic.TypeAdapter[Any]:
        """A validator of JSON data for ``schema`` (an inline schema or a ``$ref``)."""
        return pydantic.TypeAdapter(self.annotation(schema))

    def annotation(self, schema: Any) -> Any:
        if not isinstance(schema, dict):
            return Any
        nullable = schema.get("nullable") is True
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            bare = self._component(name)
            nullable = nullable or self.schemas.get(name, {}).get("nullable") is True
        else:
            bare = self._bare(schema, None)
        return Optional[bare] if nullable and bare is not Any else bare  # noqa: UP045

    def _component(self, name: str) -> Any:
        if name in self.built:
            return self.built[name]
        if name in self.building:
            return Any
        self.building.add(name)
        try:
            self.built[name] = self._bare(self.schemas[name], name)
        finally:
            self.building.discard(name)
        return self.built[name]

    def _bare(self, schema: dict[str, Any], name: str | None) -> Any:
        for key in ("oneOf", "anyOf", "allOf"):
            members = schema.get(key)
            if isinstance(members, list) and members:
                if len(members) == 1:
                    return self.annotation(members[0])
                if key == "allOf":
                    return dict[str, Any]
                return Union[tuple(self.annotation(m) for m in members)]  # noqa: UP007
        kind = schema.get("type")
        if "enum" in schema and kind in ("string", "integer"):
            return Literal[tuple(v for v in schema["enum"] if v is not None)]
        if kind == "array" or (kind is None and "items" in schema):
            return list[self.annotation(schema.get("items", {}))]  # type: ignore[misc]
        if kind == "object" or (kind is None and ("properties" in schema or "additionalProperties" in schema)):
            properties = schema.get("properties")
            if not isinstance(properties, dict) or not properties:
                extra = schema.get("additionalProperties")
                return dict[str, self.annotation(extra) if isinstance(extra, dict) else Any]  # type: ignore[misc]
            return self._model(schema, properties, name)
        if kind == "string" and schema.get("format") in _FORMATS:
            return _FORMATS[schema["format"]]
        return _SCALARS.get(kind, Any)

    def _model(self, schema: dict[str, Any], properties: dict[str, Any], name: str | None) -> Any:
        if name is None:
            self.inline += 1
            name = f"Inline{self.inline}"
        required = set(schema.get("required", ()))
        fields: dict[str, Any] = {}
        for i, (wire, sub) in enumerate(properties.items()):
            annotation = self.annotation(sub)
            if wire in required:
                fields[f"f{i}"] = (annotation, pydantic.Field(alias=wire))
            else:
                fields[f"f{i}"] = (Optional[annotation], pydantic.Field(default=None, alias=wire))  # noqa: UP045
        config = pydantic.ConfigDict(extra="allow")
        return pydantic.create_model(name.replace(".", "_"), __config__=config, **fields)
