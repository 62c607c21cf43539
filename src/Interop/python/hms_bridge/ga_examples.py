"""Hand-built search programs, in the JSON format SearchProgram writes, for tests and benchmarks.

Programs normally come from the .NET core; these let the Python side be exercised on its own.
"""

import json


def searched(name, index, low=-100.0, high=100.0, sort="real"):
    """A searched variable's table entry."""
    return {"name": name, "sort": sort, "role": "searched", "index": index, "witness": False,
            "low": low, "high": high, "low_open": False, "high_open": False,
            "low_given": False, "high_given": False}


def defined(name, index, definition, sort="real"):
    """A defined variable's table entry (computed from ``definition``, a program tree)."""
    return {"name": name, "sort": sort, "role": "defined", "index": index, "witness": False,
            "definition": definition}


def bound(name, index):
    """A Bool quantifier's variable."""
    return {"name": name, "sort": "bool", "role": "bound", "index": index, "witness": False}


def divisor(formula, operand, path=(), rule="zero", text="a divisor"):
    """A possibly-undefined operation as a target; ``path`` holds (condition, holds) pairs."""
    return {"formula": formula, "rule": rule, "operand": operand,
            "path": [{"condition": c, "holds": h} for c, h in path], "text": text}


def program(variables, assumptions, statement, divisors=(), tolerance=1e-9):
    """A whole program as JSON text."""
    return json.dumps({
        "version": 1, "supported": True, "reason": None, "theorem": "example", "tolerance": tolerance,
        "columns": sum(1 for v in variables if v["role"] == "searched"),
        "variables": list(variables), "assumptions": list(assumptions), "statement": statement,
        "divisors": list(divisors),
    })


def var(index):
    return ["var", index]


def const(value):
    return ["const", float(value)]


def false_square_claim():
    """x > 0 ⊢ x*x > x: false for 0 < x <= 1."""
    return program([searched("x", 0, 0.0, 100.0)],
                   [["gt", var(0), const(0)]],
                   ["gt", ["mul", var(0), var(0)], var(0)])


def true_square_claim():
    """⊢ x*x >= 0: true, so no individual may reach fitness 0."""
    return program([searched("x", 0)], [], ["ge", ["mul", var(0), var(0)], const(0)])


def gordon_growth():
    """d1 > 0, r > 0, g >= 0 ⊢ d1 / (r - g) > 0: false (r < g), and undefined at r = g."""
    difference = ["sub", var(1), var(2)]
    return program(
        [searched("d1", 0, 0.0, 100.0), searched("r", 1, 0.0, 100.0), searched("g", 2, 0.0, 100.0)],
        [["gt", var(0), const(0)], ["gt", var(1), const(0)], ["ge", var(2), const(0)]],
        ["gt", ["div", var(0), difference], const(0)],
        [divisor(3, difference, text="d1 / (r - g) in statement: (r - g) ≠ 0")])


def cobb_douglas_share():
    """0 < alpha < 1, p > 0, m > 0, x = alpha*m/p ⊢ p*x = alpha*m: true (x is defined, not searched)."""
    share = ["div", ["mul", var(0), var(2)], var(1)]
    return program(
        [searched("alpha", 0, 0.0, 1.0), searched("p", 1, 0.0, 100.0), searched("m", 2, 0.0, 100.0),
         defined("x", 3, share)],
        [["and", ["lt", const(0), var(0)], ["lt", var(0), const(1)]],
         ["and", ["gt", var(1), const(0)], ["gt", var(2), const(0)]],
         ["eq", var(3), share]],
        ["eq", ["mul", var(1), var(3)], ["mul", var(0), var(2)]],
        [divisor(2, var(1), text="alpha*m/p in assumption 3: p ≠ 0")])


def matching_pennies_pure():
    """⊢ exists r, c in Bool: both players best-respond: false, and there are no searched variables."""
    r, c = var(0), var(1)
    row = ["ite", ["iff", r, c], const(1), const(-1)]
    row_deviates = ["ite", ["iff", ["not", r], c], const(1), const(-1)]
    column = ["ite", ["iff", r, c], const(-1), const(1)]
    column_deviates = ["ite", ["iff", r, ["not", c]], const(-1), const(1)]
    body = ["and", ["ge", row, row_deviates], ["ge", column, column_deviates]]
    return program([bound("r", 0), bound("c", 1)], [], ["exists", [0], ["exists", [1], body]])


def polynomial_six():
    """A 6-variable polynomial claim for benchmarks: a..f in [-10, 10] ⊢ a*b*c + d*e*f + a^2*d - b*e^3 + c*f <= 12000.

    False only near a corner of the box (a = 10, b = -10, c = -10, d = 10, e = 10, f = 10 gives 12900):
    the search has to climb to it.
    """
    names = "abcdef"
    variables = [searched(n, i, -10.0, 10.0) for i, n in enumerate(names)]
    a, b, c, d, e, f = (var(i) for i in range(6))
    polynomial = ["add", ["add", ["add", ["add", ["mul", ["mul", a, b], c], ["mul", ["mul", d, e], f]],
                                  ["mul", ["pow", a, 2.0], d]],
                          ["neg", ["mul", b, ["pow", e, 3.0]]]],
                  ["mul", c, f]]
    bounds = [["and", ["le", const(-10), var(i)], ["le", var(i), const(10)]] for i in range(6)]
    return program(variables, bounds, ["le", polynomial, const(12000)])
