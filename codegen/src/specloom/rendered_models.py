"""Model modules rendered earlier in this process, for the next release of a family to reuse.

Three in four model modules of a Run:ai release are byte for byte those of the release before,
and rendering models is most of what rendering a package costs. A model module is a function of
the model, of the models its rendering looks up (``PythonTypes.model``: the names, kinds and
aliases of the types it refers to, the fields a validator follows), of the package name and of
the templates. So each render records the models it looked up, and its text is reused only
when the model and every one of those are equal (the IR's named tuples compare by value) under
the same package name and template environment.
"""

from __future__ import annotations

from collections.abc import Mapping

from .ir import Model

#: What a model's module was rendered under: the template environment and the package name.
Scope = tuple[object, str]
#: Per (scope, model key): the model, the models its rendering looked up (``None``: not there), the text.
_Rendered = tuple[Model, tuple[tuple[str, Model | None], ...], str]
_RENDERED: dict[tuple[Scope, str], _Rendered] = {}


def get(scope: Scope, model: Model, models: Mapping[str, Model]) -> str | None:
    """The module text rendered before for ``model``, if nothing it depends on has changed since."""
    found = _RENDERED.get((scope, model.key))
    if found is None:
        return None
    before, looked_up, text = found
    if before != model or any(models.get(key) != then for key, then in looked_up):
        return None
    return text


def put(scope: Scope, model: Model, models: Mapping[str, Model], looked_up: set[str], text: str) -> None:
    """Keep ``text``, rendered for ``model`` after looking up ``looked_up``, for the next release (one per key)."""
    _RENDERED[(scope, model.key)] = (model, tuple((key, models.get(key)) for key in sorted(looked_up)), text)


def clear() -> None:
    """Forget every module rendered so far (tests compare rendering with and without reuse)."""
    _RENDERED.clear()
