"""Spec text becomes docstrings that are safe, and wrapped to the line length like hand-written ones."""

from __future__ import annotations

import ast

from specloom.render import LINE_LENGTH, docstring

LONG_PROSE = (
    "To make this request, your API credential must have the following "
    "[role](https://docs.adyen.com/development-resources/api-credentials#api-permissions): "
    + "and then a few more words " * 8
)


def _body(text: str, indent: int) -> str:
    source = f"def f():\n{' ' * indent}{docstring(text, indent)}\n"
    value = ast.get_docstring(ast.parse(source).body[0])  # type: ignore[arg-type]
    assert value is not None
    return value


def test_long_prose_is_wrapped_and_keeps_every_word() -> None:
    text = f"{LONG_PROSE}\n\n* a bullet that goes on {'and on ' * 20}until it ends\n"
    rendered = docstring(text, 8)
    rows = rendered.split("\n")
    assert len(rows[0]) + 8 <= LINE_LENGTH
    assert all(len(row) <= LINE_LENGTH for row in rows[1:]), rendered
    assert _body(text, 8).split() == text.split()
    bullet = next(i for i, row in enumerate(rows) if "* a bullet" in row)
    assert rows[bullet + 1].startswith(" " * 10 + "on"), "a bullet's continuation lines up under its text"


def test_code_blocks_tables_and_long_words_are_kept_as_written() -> None:
    code = "    " + "x = 1; " * 30
    table = "| " + " | ".join(["column"] * 25) + " |"
    url = "https://example.com/" + "a" * 150
    text = f"Intro.\n\n```\n{code}\n```\n\n{table}\n\n{url}"
    body = _body(text, 4)
    for kept in (code.rstrip(), table, url):
        assert kept in body.split("\n") or kept.strip() in [line.strip() for line in body.split("\n")]


def test_a_short_text_stays_one_line() -> None:
    assert docstring("Short.", 4) == '"""Short."""'
