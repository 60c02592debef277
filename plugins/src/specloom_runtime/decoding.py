"""Reading answers leniently and lazily: what does not match the spec is kept as received.

A generated model read from JSON (``from_dict``) keeps the received object and decodes a
field on first access, with the field's :class:`Codec`. A value that does not fit its
type (a missing required key, ``null`` where the spec does not allow it, a wrong JSON
type, an unknown enum value, a malformed date-time or uuid, one bad item of a list) is
kept as it came instead of failing the whole answer, so a 2xx answer always reaches the
caller and ``to_dict()`` gives back exactly what was received.

:func:`decode_issues` lists every mismatch with its JSON path; a call logs them once at
WARNING when its answer first shows one; ``strict_responses=True`` (client or
``RequestOptions``) raises :class:`~specloom_runtime.errors.ResponseDecodeError` with
the whole list before anything is decoded.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Mapping
from functools import partial
from types import MemberDescriptorType
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Self, TypeVar, cast

import attrs
import httpx

from .codec import fitting_model
from .enums import is_known
from .errors import ResponseDecodeError, request_id_of
from .unset import UNSET
from .wiretext import read_date, read_datetime, read_uuid

T = TypeVar("T")
M = TypeVar("M", bound="ReceivedModel")
log = logging.getLogger("specloom")


@attrs.frozen
class Issue:
    """One place where an answer does not match the spec: its JSON path, what is wrong, the value received."""

    path: str
    problem: str
    received: Any = attrs.field(repr=False)

    def __str__(self) -> str:
        return f"{self.path or '$'}: {self.problem}"


class Reading:
    """One answer being read: the first mismatch met while decoding logs every issue of it, once."""

    __slots__ = ("body", "codec", "warned", "what")

    def __init__(self, what: str, body: Any, codec: Codec[Any]) -> None:
        self.what = what
        self.body = body
        self.codec = codec
        self.warned = False

    def mismatch(self) -> None:
        if self.warned:
            return
        self.warned = True
        issues = self.codec.issues(self.body)
        log.warning("%s: the answer does not match the spec; kept as received:\n  %s",
                    self.what, "\n  ".join(map(str, issues)))


class Codec(Generic[T]):
    """How values of one schema are read: ``decode`` leniently, ``check`` lists what does not fit."""

    #: The exact types of the JSON values ``decode`` returns as they are, with nothing to report (a string
    #: for a string schema); empty when a value needs converting or a closer look (dates, enums, models).
    kept: tuple[type, ...] = ()

    def decode(self, value: Any, reading: Reading | None) -> T:
        """The value as its Python type; as received (and reported to ``reading``) when it does not fit."""
        raise NotImplementedError

    def check(self, value: Any, path: str, out: list[Issue]) -> None:
        """Append to ``out`` every place where ``value`` (JSON) does not fit."""
        raise NotImplementedError

    def issues(self, value: Any, path: str = "") -> list[Issue]:
        out: list[Issue] = []
        self.check(value, path, out)
        return out

    def reader(self, what: str) -> Callable[[Any], T]:
        """A function reading one parsed answer after another leniently, as :func:`read_leniently` does:
        the items of a stream (``what`` names the answer in warnings)."""
        return partial(read_leniently, codec=self, what=what)


def _report(reading: Reading | None) -> None:
    if reading is not None:
        reading.mismatch()


class _Json(Codec[Any]):
    """A JSON value kept as it is: a string, integer, number, boolean or anything."""

    def __init__(self, name: str, fits: Callable[[Any], bool], kept: tuple[type, ...]) -> None:
        self.name = name
        self.fits = fits
        self.kept = kept

    def decode(self, value: Any, reading: Reading | None) -> Any:
        if not self.fits(value):
            _report(reading)
        return value

    def check(self, value: Any, path: str, out: list[Issue]) -> None:
        if not self.fits(value):
            out.append(Issue(path, f"expected {self.name}, got {_json_type(value)}", value))


class _Text(Codec[Any]):
    """A string format read into a Python value that remembers its text (see wiretext)."""

    def __init__(self, name: str, read: Callable[[str], Any]) -> None:
        self.name = name
        self.read = read

    def decode(self, value: Any, reading: Reading | None) -> Any:
        if isinstance(value, str):
            try:
                return self.read(value)
            except ValueError:
                pass
        _report(reading)
        return value

    def check(self, value: Any, path: str, out: list[Issue]) -> None:
        try:
            self.read(value)
        except (ValueError, TypeError):
            out.append(Issue(path, f"expected {self.name}, got {_shown(value)}", value))


def _is_integer(value: Any) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or (isinstance(value, float) and value.is_integer())


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


ANY: Codec[Any] = _Json("anything", lambda value: True, (str, int, float, bool, type(None), list, dict))
STRING: Codec[Any] = _Json("a string", lambda value: isinstance(value, str), (str,))
INTEGER: Codec[Any] = _Json("an integer", _is_integer, (int,))  # (1.0 fits too, but is looked at: not kept)
NUMBER: Codec[Any] = _Json("a number", _is_number, (int, float))
BOOLEAN: Codec[Any] = _Json("a boolean", lambda value: isinstance(value, bool), (bool,))
DATE_TIME: Codec[Any] = _Text("an RFC 3339 date-time", read_datetime)
DATE: Codec[Any] = _Text("an RFC 3339 full-date", read_date)
UUID_TEXT: Codec[Any] = _Text("a UUID", read_uuid)


class _Enum(Codec[Any]):
    def __init__(self, cls: type[enum.Enum]) -> None:
        self.cls = cls
        self.base = str if issubclass(cls, str) else int

    def _fits(self, value: Any) -> bool:
        return isinstance(value, self.base) and not isinstance(value, bool)

    def decode(self, value: Any, reading: Reading | None) -> Any:
        if not self._fits(value):
            _report(reading)
            return value
        member = self.cls(value)  # an unknown value becomes a pseudo-member (see enums)
        if not is_known(member):
            _report(reading)
        return member

    def check(self, value: Any, path: str, out: list[Issue]) -> None:
        if not self._fits(value):
            out.append(Issue(path, f"expected one of the values of {self.cls.__name__}, got {_json_type(value)}", value))
        elif not is_known(self.cls(value)):
            out.append(Issue(path, f"{value!r} is not a value of {self.cls.__name__} in this release", value))


class _Model(Codec[M]):
    def __init__(self, cls: type[M]) -> None:
        self.cls = cls

    def decode(self, value: Any, reading: Reading | None) -> M:
        if isinstance(value, dict):
            return _holding(self.cls, value, reading)
        _report(reading)
        return value  # type: ignore[no-any-return]  # kept as received: not the type the spec promised

    def reader(self, what: str) -> Callable[[Any], M]:
        cls = self.cls

        def read(body: Any) -> M:  # an object, as a stream's items nearly always are, at the cost of one call
            if type(body) is dict:
                return _holding(cls, body, Reading(what, body, self))
            return read_leniently(body, self, what)

        return read

    def check(self, value: Any, path: str, out: list[Issue]) -> None:
        if not isinstance(value, dict):
            out.append(Issue(path, f"expected an object ({self.cls.__name__}), got {_json_type(value)}", value))
            return
        fields = self.cls.codecs()
        names = self.cls.__wire_names__
        for attribute, codec in fields.items():
            if attribute == "additional_properties":
                for key, item in value.items():
                    if key not in self.cls.__known_keys__:
                        codec.check(item, _join(path, key), out)
                continue
            wire = names[attribute]
            if wire in value:
                codec.check(value[wire], _join(path, wire), out)
            elif wire in self.cls.__required_keys__:
                out.append(Issue(_join(path, wire), "required, missing", UNSET))


class _List(Codec[list[Any]]):
    def __init__(self, item: Codec[Any]) -> None:
        self.item = item

    def decode(self, value: Any, reading: Reading | None) -> list[Any]:
        if isinstance(value, list):
            return [self.item.decode(x, reading) for x in value]
        _report(reading)
        return value  # type: ignore[no-any-return]  # kept as received

    def check(self, value: Any, path: str, out: list[Issue]) -> None:
        if not isinstance(value, list):
            out.append(Issue(path, f"expected an array, got {_json_type(value)}", value))
            return
        for i, x in enumerate(value):
            self.item.check(x, f"{path}[{i}]", out)


class _Map(Codec[dict[str, Any]]):
    def __init__(self, values: Codec[Any]) -> None:
        self.values = values

    def decode(self, value: Any, reading: Reading | None) -> dict[str, Any]:
        if isinstance(value, dict):
            return {k: self.values.decode(x, reading) for k, x in value.items()}
        _report(reading)
        return value  # type: ignore[no-any-return]  # kept as received

    def check(self, value: Any, path: str, out: list[Issue]) -> None:
        if not isinstance(value, dict):
            out.append(Issue(path, f"expected an object, got {_json_type(value)}", value))
            return
        for k, x in value.items():
            self.values.check(x, _join(path, k), out)


class _Nullable(Codec[Any]):
    def __init__(self, inner: Codec[Any]) -> None:
        self.inner = inner
        self.kept = (*inner.kept, type(None)) if inner.kept else ()

    def decode(self, value: Any, reading: Reading | None) -> Any:
        return None if value is None else self.inner.decode(value, reading)

    def check(self, value: Any, path: str, out: list[Issue]) -> None:
        if value is not None:
            self.inner.check(value, path, out)


class _Union(Codec[Any]):
    """oneOf/anyOf: an object goes to the model whose required keys it has and which knows most of its keys;
    any other value to the first member it fits."""

    def __init__(self, members: tuple[Codec[Any], ...]) -> None:
        self.members = members

    def _member(self, value: Any) -> Codec[Any] | None:
        if isinstance(value, dict):
            model = fitting_model(value, (m.cls for m in self.members if isinstance(m, _Model)))
            if model is not None:
                return next(m for m in self.members if isinstance(m, _Model) and m.cls is model)
        return next((m for m in self.members if not m.issues(value)), None)

    def decode(self, value: Any, reading: Reading | None) -> Any:
        member = self._member(value)
        if member is None:
            _report(reading)
            return value
        return member.decode(value, reading)

    def check(self, value: Any, path: str, out: list[Issue]) -> None:
        if not any(not m.issues(value) for m in self.members):
            out.append(Issue(path, f"fits none of the {len(self.members)} alternatives the spec allows", value))


def model_of(cls: type[M]) -> Codec[M]:
    return _Model(cls)


def enum_of(cls: type[enum.Enum]) -> Codec[Any]:
    return _Enum(cls)


def list_of(item: Codec[Any]) -> Codec[list[Any]]:
    return _List(item)


def map_of(values: Codec[Any]) -> Codec[dict[str, Any]]:
    return _Map(values)


def nullable(inner: Codec[Any]) -> Codec[Any]:
    return _Nullable(inner)


def union_of(*members: Codec[Any]) -> Codec[Any]:
    return _Union(members)


#: What a generated model's ``codecs()`` returns: each attribute's codec (``additional_properties`` included).
Codecs = Mapping[str, Codec[Any]]
_CODECS: dict[type, Codecs] = {}
#: Per model, the fields set as soon as an instance is read (see _holding): (wire name, the field slot's
#: setter, the types whose received value is the field's value).
_Eager = tuple[tuple[str, Callable[[Any, Any], None], tuple[type, ...]], ...]
_EAGER: dict[type, _Eager] = {}
#: What ``dict.get`` answers for a key not received: no field keeps its type.
_ABSENT: Any = object()


class ReceivedModel:
    """Base of generated models: an instance read by ``from_dict`` keeps the received object.

    Each field is decoded on its first access (``__getattr__`` runs only for a field slot not
    yet set), so reading a large answer costs little until it is used, and a field or a
    nested model never touched is never converted. An instance built by keyword has every
    field set and never reaches ``__getattr__``.
    """

    # (the received object, its Reading): set only on an instance read from JSON. One slot, so reading
    # an item of a stream costs one store; an instance built by keyword (or copied) never sets it.
    __slots__ = ("_received",)
    if TYPE_CHECKING:  # the slot, for type checkers only: get_type_hints(model) lists just its fields
        _received: tuple[dict[str, Any], Reading | None]
    __wire_names__: ClassVar[dict[str, str]]
    __required_keys__: ClassVar[frozenset[str]]
    __known_keys__: ClassVar[frozenset[str]]

    @staticmethod
    def field_codecs() -> Codecs:
        """Each attribute's codec; generated models override it (it imports the models it names)."""
        raise NotImplementedError

    @classmethod
    def codecs(cls) -> Codecs:
        table = _CODECS.get(cls)
        if table is None:
            table = _CODECS[cls] = cls.field_codecs()
        return table

    @classmethod
    def received(cls, src: Mapping[str, Any], reading: Reading | None = None) -> Self:
        """An instance holding a copy of ``src`` as received; fields are decoded when first read."""
        # Refused now: on first read it would fail far from the cause. (A dict is checked first: the
        # Mapping check goes through the ABC machinery.)
        if type(src) is not dict and not isinstance(src, Mapping):
            raise TypeError(f"{cls.__name__}.from_dict takes a JSON object (a mapping), not {type(src).__name__}")
        # A copy: the caller's mapping may change after from_dict, and fields are read later.
        return _holding(cls, dict(src), reading)

    if not TYPE_CHECKING:  # to type checkers a model has exactly the fields it declares

        def __getattr__(self, name: str) -> Any:
            # Runs only for a slot not set: a field of a model not read yet, or a name the model lacks.
            # One field at a time: a stream's item or a large answer is often read for a field or two,
            # and a field assigned before it was read is never overwritten by the received value.
            cls = type(self)
            codec = None if name.startswith("_") else (_CODECS.get(cls) or cls.codecs()).get(name)
            try:
                received, reading = _RECEIVED.__get__(self)
            except AttributeError:
                codec = None  # built by keyword, or a copy: every field is set, so the name is not one
            if codec is None:
                raise AttributeError(f"{cls.__name__!r} object has no attribute {name!r}") from None
            if name == "additional_properties":
                known = cls.__known_keys__
                value = {k: codec.decode(v, reading) for k, v in received.items() if k not in known}
            else:
                wire = cls.__wire_names__[name]
                if wire in received:
                    value = codec.decode(received[wire], reading)
                else:
                    value = UNSET  # absent, as received
                    if wire in cls.__required_keys__:
                        _report(reading)
                if codec.kept:
                    _read_at_once(cls, name, wire, codec.kept)
            object.__setattr__(self, name, value)
            return value


#: The slot holding what an instance was read from (its descriptor, used directly: cheaper than setattr).
_RECEIVED: Any = ReceivedModel.__dict__["_received"]


def _holding(cls: type[M], src: dict[str, Any], reading: Reading | None) -> M:
    """An instance of ``cls`` holding ``src`` itself: JSON the runtime parsed, which nobody else changes.

    The fields of ``cls`` that callers have read before and whose received value needs no decoding
    (a string for a string) are set at once: a slot read costs a tenth of a first read through
    ``__getattr__``, which counts for the items of a stream, read by the thousand for a field or
    two. Only fields read before, since setting a field costs about as much as a first read saves:
    a wide model read for one field would pay for all the others.
    """
    instance = _new(cls)
    _RECEIVED.__set__(instance, (src, reading))
    for wire, store, kept in _EAGER.get(cls, ()):
        if type(value := src.get(wire, _ABSENT)) in kept:
            store(instance, value)
    return instance


_new = object.__new__  # what a model's own __new__ is (attrs defines none): called directly, once per model read


def _read_at_once(cls: type, name: str, wire: str, kept: tuple[type, ...]) -> None:
    """Have :func:`_holding` set field ``name`` of ``cls`` (sent as ``wire``) when its value is of a kept type."""
    eager = _EAGER.get(cls, ())
    slot = getattr(cls, name, None)
    if type(slot) is MemberDescriptorType and all(known != wire for known, _, _ in eager):
        # A new tuple, swapped in whole: a thread reading an instance meanwhile sees the old one or this one.
        _EAGER[cls] = (*eager, (wire, slot.__set__, kept))


class ReceivedList(list[Any]):
    """A list answer as read, keeping what was received: an item kept as received (a string where
    the spec says object) is no model, so only the answer itself can tell ``decode_issues`` of it."""

    __slots__ = ("codec", "received")

    def __init__(self, items: list[Any], received: Any, codec: Codec[Any]) -> None:
        super().__init__(items)
        self.received = received
        self.codec = codec


class ReceivedDict(dict[str, Any]):
    """A map answer as read, keeping what was received (see :class:`ReceivedList`)."""

    __slots__ = ("codec", "received")

    def __init__(self, items: dict[str, Any], received: Any, codec: Codec[Any]) -> None:
        super().__init__(items)
        self.received = received
        self.codec = codec


def decode_issues(result: Any) -> list[Issue]:
    """Every place where an answer read by a generated client does not match the spec, with its JSON path.

    ``result`` is what a call returned (a model, or a list or dict of models), or any model
    read by ``from_dict``. Paths start at the model (``items[1].createdAt``); an empty list
    means the answer matched. Models built by keyword have nothing received: no issues.
    """
    out: list[Issue] = []
    _collect(result, "", out)
    return out


def _collect(value: Any, path: str, out: list[Issue]) -> None:
    if isinstance(value, ReceivedModel):
        received = getattr(value, "_received", None)
        if received is not None:
            model_of(type(value)).check(received[0], path, out)
    elif isinstance(value, (ReceivedList, ReceivedDict)):
        value.codec.check(value.received, path, out)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _collect(item, f"{path}[{i}]", out)
    elif isinstance(value, dict):
        for key, item in value.items():
            _collect(item, _join(path, str(key)), out)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _shown(value: Any) -> str:
    return repr(value) if isinstance(value, str) else _json_type(value)


def read_json(response: httpx.Response, strict: bool, codec: Codec[T]) -> T:
    """A JSON answer read with ``codec``: leniently, or in strict mode refused when anything does not fit.

    An empty body reads as ``null``. The error of strict mode lists every mismatch and keeps the body.
    """
    body = response.json() if response.content else None
    return decode_value(body, strict, codec, response)


def decode_value(body: Any, strict: bool, codec: Codec[T], response: httpx.Response, what: str = "") -> T:
    """``body`` (parsed JSON, of ``response``: a whole answer or one item of a stream) read with ``codec``.

    ``what`` names the answer in reports (default: method, path and status), made once by a stream.
    """
    what = what or f"{response.request.method} {response.request.url.path} -> {response.status_code}"
    if strict:
        issues = codec.issues(body)
        if issues:
            raise ResponseDecodeError(
                f"{what}: the answer does not match the spec:\n  " + "\n  ".join(map(str, issues)),
                response=response, request_id=request_id_of(response), issues=issues, body=body,
            )
    return read_leniently(body, codec, what)


def read_leniently(body: Any, codec: Codec[T], what: str) -> T:
    """``body`` read with ``codec``, keeping what does not fit (``what`` names the answer in the warning)."""
    result: Any = codec.decode(body, Reading(what, body, codec))
    if type(result) is list:
        result = ReceivedList(result, body, codec)  # still the list T says
    elif type(result) is dict:
        result = ReceivedDict(result, body, codec)
    return cast(T, result)
