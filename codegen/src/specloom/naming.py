"""Spec names -> Python identifiers, and collision-free allocation from spec identity.

Every name is derived from the element's own spec identity, never from its
position in the document: a clash is settled by ranking the contenders on
(is the spec name already in canonical form?, identity key), so an element
keeps its Python name in every release that has it and the same contenders.
"""

from __future__ import annotations

import functools
import hashlib
import keyword
import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
_WORDS = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+")
_SOFT_KEYWORDS = {"match", "case", "type", "_"}
# Names a generated model class relies on, so a property may not take them: its
# methods, and the names its class body reads after the properties are defined.
# "self" too: attrs builds an __init__ whose first parameter has that name.
RESERVED_ATTRIBUTES = frozenset({"additional_properties", "to_dict", "from_dict", "field", "dict", "self"})


MAX_LENGTH = 64


def _fit(parts: list[str], sep: str, text: str) -> str:
    """Join ``parts``, keeping names (and so module file names) short and still readable.

    A long name keeps its first words (up to a third of the room) and as many of its last
    words as fit: the first say what it belongs to, the last what it is
    (``enterprise_configuration_…_is_auto_delete_enabled``). Only a single word too long to
    fit is cut, with a stable hash of the whole text.
    """
    name = sep.join(parts)
    if len(name) <= MAX_LENGTH:
        return name
    head = [parts[0]]
    while len(head) < len(parts) - 1 and len(sep.join([*head, parts[len(head)]])) <= MAX_LENGTH // 3:
        head.append(parts[len(head)])
    tail: list[str] = []
    room = MAX_LENGTH - len(sep.join(head)) - len(sep)
    for part in reversed(parts[len(head):]):
        if len(part) + len(sep) > room:
            break
        tail.insert(0, part)
        room -= len(part) + len(sep)
    if tail:
        return sep.join([*head, *tail])
    digest = hashlib.sha256(text.encode()).hexdigest()[:8]
    return f"{name[: MAX_LENGTH - 9].rstrip('_')}_{digest}"


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def words(text: str) -> list[str]:
    """Split any spec name into words: camelCase, snake_case, kebab-case, spaces, symbols."""
    return _WORDS.findall(_ascii(text))


@functools.cache
def snake(text: str, *, fallback: str = "value") -> str:
    """``getProjects``/``department-id``/``gpu-memory`` -> ``get_projects``/``department_id``/``gpu_memory``."""
    parts = [w.lower() for w in words(text)] or [fallback]
    if parts[0][0].isdigit():
        parts[0] = "n" + parts[0]
    name = _fit(parts, "_", text)
    if keyword.iskeyword(name) or name in _SOFT_KEYWORDS:
        name += "_"
    return name


@functools.cache
def pascal(text: str, *, fallback: str = "Model") -> str:
    """``department``/``PortRules-2``/``404NotFound`` -> ``Department``/``PortRules2``/``N404NotFound``."""
    if re.fullmatch(r"[A-Z][A-Za-z0-9]*", text) and not keyword.iskeyword(text) and len(text) <= MAX_LENGTH:
        return text
    parts = [w[:1].upper() + w[1:] for w in words(text)] or [fallback]
    if parts[0][0].isdigit():
        parts[0] = "N" + parts[0]
    name = _fit(parts, "", text)
    if keyword.iskeyword(name):
        name += "_"
    return name


@functools.cache
def constant(text: str, *, fallback: str = "EMPTY") -> str:
    """An enum member name: ``In Progress`` -> ``IN_PROGRESS``, ``""`` -> ``EMPTY``."""
    parts = [w.upper() for w in words(text)] or [fallback]
    if parts[0][0].isdigit():
        parts[0] = "V" + parts[0]
    return _fit(parts, "_", text)


def allocate(
    candidates: Iterable[tuple[K, str, tuple[object, ...]]],
    *,
    taken: Iterable[str] = (),
    fold: Callable[[str], str] = str.lower,
    keep: Mapping[K, str] | None = None,
) -> dict[K, str]:
    """Give each ``(key, desired, rank)`` a unique name.

    Contenders for one name are ordered by ``rank`` (which must come from the
    spec identity); the first gets the desired name, the next ``_2``, ``_3``...
    ``fold`` decides what counts as equal; the default treats names that differ
    only in case as equal, because module files live on case-insensitive disks.
    ``keep`` gives names an earlier release chose (see :mod:`specloom.ledger`):
    those keys keep them, and only the others are ranked for what is left.
    """
    used = {fold(name) for name in taken}
    result: dict[K, str] = {}
    pending = []
    for key, desired, rank in candidates:
        kept = keep.get(key) if keep else None
        if kept is not None and fold(kept) not in used:
            used.add(fold(kept))
            result[key] = kept
        else:
            pending.append((key, desired, rank))
    candidates = pending
    wanted = {fold(desired) for _, desired, _ in candidates}
    if len(wanted) == len(candidates) and not wanted & used:
        return {**result, **{key: desired for key, desired, _ in candidates}}
    by_name: dict[str, list[tuple[tuple[object, ...], K, str]]] = {}
    for key, desired, rank in candidates:
        by_name.setdefault(fold(desired), []).append((rank, key, desired))
    # Uncontested and first-ranked names first, so suffixes never steal a desired name.
    ordered = sorted(by_name.items())
    for folded, group in ordered:
        group.sort(key=lambda item: (_rank_key(item[0]), repr(item[1])))
        rank, key, desired = group[0]
        if folded not in used:
            used.add(folded)
            result[key] = desired
    for _, group in ordered:
        for rank, key, desired in group:
            if key in result:
                continue
            n = 2
            while fold(f"{desired}_{n}") in used:
                n += 1
            name = f"{desired}_{n}"
            used.add(fold(name))
            result[key] = name
    return result


def _rank_key(rank: tuple[object, ...]) -> tuple[str, ...]:
    return tuple(repr(part) for part in rank)


def is_identifier(name: str) -> bool:
    return name.isidentifier() and name.isascii() and not keyword.iskeyword(name)
