"""Small HTML tables for notebooks. Every text is escaped: statements and descriptions are user input."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape


def table(rows: Iterable[tuple[str, str]]) -> str:
    """A two-column table: a header cell and a value per row."""
    body = "".join(f"<tr><th style=\"text-align:left\">{escape(k)}</th><td style=\"text-align:left\">{escape(v)}</td></tr>" for k, v in rows)
    return f"<table>{body}</table>"


def grid(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    head = "".join(f"<th style=\"text-align:left\">{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td style=\"text-align:left\">{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
