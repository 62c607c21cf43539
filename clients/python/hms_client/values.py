"""Counterexample values as Python values: exact numbers as Fraction, booleans as bool."""

from __future__ import annotations

from fractions import Fraction
from typing import TypeAlias

Value: TypeAlias = Fraction | bool | float | str
"""Fraction for every number the server gives exactly (integers, p/q, decimals; Fraction(3) == 3), bool for
true/false, float for a value the server flags as approximate (an irrational number a solver reported, or
the genetic search's floating point): an approximation is never turned into a number that looks exact.
Anything else stays the server's text."""


def parse_value(text: str, approximate: bool = False) -> Value:
    if text == "true":
        return True
    if text == "false":
        return False
    if approximate:
        try:
            return float(text)
        except ValueError:
            return text
    try:
        return Fraction(text)
    except (ValueError, ZeroDivisionError):
        return text


def format_value(value: Value) -> str:
    """The value as the prover's language writes it: 1/2, -3, true."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"≈{value:.10g}"
    return str(value)
