"""Counterexample values as Python values: exact numbers as Fraction, booleans as bool."""

from __future__ import annotations

from fractions import Fraction
from typing import TypeAlias

Value: TypeAlias = Fraction | bool | str
"""Fraction for every number the server gives exactly (integers, p/q, decimals; Fraction(3) == 3), bool for
true/false, and the server's text unchanged for anything else, such as "≈1.4142" for an irrational value
a solver reported: an approximation is never turned into a number that looks exact."""


def parse_value(text: str) -> Value:
    if text == "true":
        return True
    if text == "false":
        return False
    try:
        return Fraction(text)
    except (ValueError, ZeroDivisionError):
        return text


def format_value(value: Value) -> str:
    """The value as the prover's language writes it: 1/2, -3, true."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
