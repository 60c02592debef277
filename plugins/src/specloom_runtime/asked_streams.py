"""Operations that stream only when asked by a property of their body (``{"stream": true}``).

A generated method whose body has a boolean ``stream`` property (the codegen rule is in
``specloom.asked_streams``) takes it as a keyword too, and calls the streamed variant of its
operation when the body it sends asks for a stream. A query switch (``follow=true``) needs
nothing from here: the method compares its own argument.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

import attrs

from .unset import UNSET, Unset

B = TypeVar("B")


def ask_in_body(body: B, value: bool | Unset, wire_name: str, attribute: str) -> tuple[B, bool]:
    """The body to send, with ``wire_name`` set to ``value`` unless that is ``UNSET``, and whether it asks to stream.

    ``body`` is the generated model (whose field is ``attribute``) or a mapping of wire names;
    the caller's object is never changed (a copy carries the value). It asks when the
    property is ``True``; absent, ``UNSET``, ``None`` or false, it does not.
    """
    sent: Any = body
    if not isinstance(value, Unset):
        if isinstance(sent, Mapping):
            sent = {**sent, wire_name: value}
        elif attrs.has(type(sent)):
            sent = attrs.evolve(sent, **{attribute: value})
        elif sent is UNSET:
            sent = {wire_name: value}
    if isinstance(sent, Mapping):
        asked = sent.get(wire_name) is True
    else:
        asked = getattr(sent, attribute, None) is True
    return cast(B, sent), asked
