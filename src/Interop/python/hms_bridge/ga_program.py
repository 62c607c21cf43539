"""Vectorised evaluation of a search program (the JSON written by Hms.Proving.Search.SearchProgram).

The program is a theorem compiled by the core: a variable table, the assumptions, the statement and the
operations that may be undefined, each a tree of JSON arrays such as ["add", ["var", 0], ["const", 1.5]].
Nothing here reads the user's formula text, and nothing is passed to eval().

Every formula is turned into a *distance*: a non-negative number per individual that is 0 exactly when the
formula has the wanted truth value, and grows with how far it is from it:

    d(a < b)  = max(0, a - b + tol*s)      d(a <= b) = max(0, a - b - tol*s)
    d(a = b)  = max(0, |a - b| - tol*s)    d(a != b) = 1 where |a - b| <= tol*s, else 0
    d(A and B) = d(A) + d(B)    d(A or B) = min(d(A), d(B))    not: pushed inward
    d(A -> B) = d(not A or B)   d(A <-> B) = min(d(A) + d(B), d(not A) + d(not B))

with s = max(1, |a|, |b|): strict comparisons want a small relative margin, equalities accept one (the exact
check decides after snapping to rationals). A violated comparison costs VIOLATION_STEP on top, so fitness
below 1 means every comparison holds within the tolerance. An undefined operation (division by 0, sqrt of a
negative) gives NaN, which ``or`` ignores (the other side may make the formula true without evaluating it)
and everything else propagates; the fitness turns NaN into a large penalty.

Fitness of an individual is the smallest over the targets of: the assumptions' distances (true) plus the
statement's distance (false), or, for each possibly-undefined operation, the distances of the assumptions
before it and of its path conditions plus how far its operand is from breaking the rule (|divisor| for a
division, plus the step unless it is exactly broken: a divisor of 1e-9 under the assumption p > 0 is no
near-counterexample).
"""

import functools
import json

import numpy as np

#: Fitness of an individual whose evaluation is undefined or overflows.
PENALTY = 1e30

#: Added to the distance of every violated comparison: an individual that breaks fewer comparisons ranks
#: first, and one that breaks a strict inequality by a hair (p = 0 against p > 0) does not look nearly right.
VIOLATION_STEP = 1.0

#: Format version this module understands (SearchProgram.Version).
VERSION = 1

_CACHE_SIZE = 32


def load_program(program_json):
    """Parses and compiles a program; the same text is compiled once (programs are evaluated many times)."""
    return _load_cached(program_json)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _load_cached(program_json):
    return compile_program(json.loads(program_json))


def compile_program(program):
    """Compiles a parsed program into a dict of arrays and vectorised closures.

    Raises ValueError for a program this module cannot run (wrong version, unsupported theorem).
    """
    if program.get("version") != VERSION:
        raise ValueError("search program version %r, expected %d" % (program.get("version"), VERSION))
    if not program.get("supported", False):
        raise ValueError("the theorem cannot be searched: %s" % program.get("reason"))
    tol = float(program.get("tolerance", 1e-9))
    variables = program["variables"]
    searched = [v for v in variables if v["role"] == "searched"]
    defined = [v for v in variables if v["role"] == "defined"]
    columns = len(searched)
    if [v["index"] for v in searched] != list(range(columns)):
        raise ValueError("searched variables must come first, in column order")
    divisors = []
    for target in program.get("divisors", []):
        path = [_dist(item["condition"], bool(item["holds"]), tol, VIOLATION_STEP) for item in target["path"]]
        divisors.append((int(target["formula"]), path, _violation(target["rule"], target["operand"], tol)))
    return {
        "program": program,
        "columns": columns,
        "value_count": columns + len(defined),
        "variable_count": len(variables),
        "names": [v["name"] for v in variables if v["role"] != "bound"],
        "low": np.array([float(v["low"]) for v in searched], dtype=np.float64),
        "high": np.array([float(v["high"]) for v in searched], dtype=np.float64),
        "is_int": np.array([v["sort"] == "int" for v in searched], dtype=bool),
        "is_bool": np.array([v["sort"] == "bool" for v in searched], dtype=bool),
        "definitions": [(v["index"], _term(v["definition"])) for v in defined],
        "assumptions": [_dist(a, True, tol, VIOLATION_STEP) for a in program["assumptions"]],
        "statement_false": _dist(program["statement"], False, tol, VIOLATION_STEP),
        "statement_true": _dist(program["statement"], True, tol, 0.0),
        "divisors": divisors,
        "tolerance": tol,
    }


def environment(compiled, population):
    """The value of every variable for every individual (a list of arrays indexed by variable slot).

    Int columns are rounded and Bool columns read as value >= 0.5; defined variables are computed in order.
    """
    population = np.asarray(population, dtype=np.float64)
    count = population.shape[0]
    env = [None] * compiled["variable_count"]
    for j in range(compiled["columns"]):
        column = population[:, j]
        if compiled["is_bool"][j]:
            column = (column >= 0.5).astype(np.float64)
        elif compiled["is_int"][j]:
            column = np.rint(column)
        env[j] = column
    with np.errstate(all="ignore"):
        for index, term in compiled["definitions"]:
            env[index] = _full(term(env), count)
    return env


def evaluate(compiled, population):
    """Fitness of each individual (rows of ``population``, one column per searched variable).

    Returns (fitness, margin, target, values): fitness >= 0 (0: a candidate counterexample in floating point);
    margin, for the statement target, how far the statement is from holding (for a divisor target, how far
    the operand is from breaking its rule); target, 0 for the statement and k + 1 for divisor k; values, the
    searched then defined variables, shape [population, value_count].
    """
    population = np.asarray(population, dtype=np.float64)
    count = population.shape[0]
    env = environment(compiled, population)
    with np.errstate(all="ignore"):
        prefix = [np.zeros(count)]
        for assumption in compiled["assumptions"]:
            prefix.append(prefix[-1] + _full(assumption(env), count))
        costs = [prefix[-1] + _full(compiled["statement_false"](env), count)]
        margins = [_full(compiled["statement_true"](env), count)]
        for formula, path, violation in compiled["divisors"]:
            cost = prefix[formula].copy()
            for condition in path:
                cost = cost + _full(condition(env), count)
            amount = _full(violation(env), count)
            costs.append(cost + _violated(amount, VIOLATION_STEP))
            margins.append(amount)
        costs = np.stack(costs)
        costs = np.where(np.isfinite(costs), np.minimum(costs, PENALTY), PENALTY)
        target = np.argmin(costs, axis=0)
        columns = np.arange(count)
        fitness = costs[target, columns]
        margin = np.stack(margins)[target, columns]
    values = np.empty((count, compiled["value_count"]), dtype=np.float64)
    for i in range(compiled["value_count"]):
        values[:, i] = env[i]
    return fitness, margin, target, values


def _violation(rule, operand, tol):
    """Distance of an operand from breaking a definedness rule: 0 for a zero divisor, a negative sqrt argument..."""
    term = _term(operand)
    if rule == "zero":
        return lambda env: np.abs(term(env))
    if rule == "negative":
        return lambda env: _positive_part(term(env) + tol * _scale(term(env)))
    if rule == "nonpositive":
        return lambda env: _positive_part(term(env))
    raise ValueError("unknown definedness rule %r" % rule)


def _full(value, count):
    """A per-individual array from a closure's result, which may be a scalar for constant subtrees."""
    value = np.asarray(value, dtype=np.float64)
    return value if value.shape == (count,) else np.broadcast_to(value, (count,)).copy()


def _scale(*values):
    scale = 1.0
    for v in values:
        scale = np.maximum(scale, np.abs(v))
    return scale


def _positive_part(x):
    """max(0, x) that keeps NaN (np.maximum propagates it)."""
    return np.maximum(0.0, x)


def _term(node):
    """A closure computing a numeric tree; undefined operations give NaN."""
    op = node[0]
    if op == "const":
        value = float(node[1])
        return lambda env: value
    if op == "var":
        index = node[1]
        return lambda env: env[index]
    if op == "neg":
        f = _term(node[1])
        return lambda env: -f(env)
    if op in ("add", "sub", "mul", "div"):
        a, b = _term(node[1]), _term(node[2])
        if op == "add":
            return lambda env: a(env) + b(env)
        if op == "sub":
            return lambda env: a(env) - b(env)
        if op == "mul":
            return lambda env: a(env) * b(env)
        return lambda env: _divide(a(env), b(env))
    if op == "pow":
        base, exponent = _term(node[1]), float(node[2])
        return lambda env: _power(base(env), exponent)
    if op == "abs":
        f = _term(node[1])
        return lambda env: np.abs(f(env))
    if op in ("min", "max"):
        args = [_term(a) for a in node[1:]]
        combine = np.minimum if op == "min" else np.maximum
        return lambda env: functools.reduce(combine, [a(env) for a in args])
    if op == "sqrt":
        f = _term(node[1])
        return lambda env: np.sqrt(f(env))
    if op == "exp":
        f = _term(node[1])
        return lambda env: np.exp(f(env))
    if op == "log":
        f = _term(node[1])
        return lambda env: _log(f(env))
    if op == "ite":
        c, a, b = _truth(node[1]), _term(node[2]), _term(node[3])
        return lambda env: np.where(c(env), a(env), b(env))
    raise ValueError("unknown numeric operation %r" % op)


def _truth(node):
    """A closure computing whether a formula holds (boolean arrays; NaN comparisons are false)."""
    op = node[0]
    if op in ("true", "false"):
        value = op == "true"
        return lambda env: value
    if op == "var":
        index = node[1]
        return lambda env: env[index] > 0.5
    if op in _COMPARE:
        compare, a, b = _COMPARE[op], _term(node[1]), _term(node[2])
        return lambda env: compare(a(env), b(env))
    if op == "not":
        f = _truth(node[1])
        return lambda env: np.logical_not(f(env))
    if op in ("and", "or", "implies", "iff"):
        a, b = _truth(node[1]), _truth(node[2])
        if op == "and":
            return lambda env: np.logical_and(a(env), b(env))
        if op == "or":
            return lambda env: np.logical_or(a(env), b(env))
        if op == "implies":
            return lambda env: np.logical_or(np.logical_not(a(env)), b(env))
        return lambda env: np.equal(a(env), b(env))
    if op == "ite":
        c, a, b = _truth(node[1]), _truth(node[2]), _truth(node[3])
        return lambda env: np.where(c(env), a(env), b(env))
    if op in ("forall", "exists"):
        slots, body = node[1], _truth(node[2])
        combine = np.logical_and if op == "forall" else np.logical_or
        return lambda env: functools.reduce(combine, _enumerate(env, slots, body))
    raise ValueError("unknown formula operation %r" % op)


def _dist(node, want, tol, step):
    """A closure computing the distance of a formula from being ``want`` (True or False)."""
    op = node[0]
    if op in ("true", "false"):
        value = 0.0 if (op == "true") == want else 1.0
        return lambda env: value
    if op == "var":
        index = node[1]
        if want:
            return lambda env: np.where(env[index] > 0.5, 0.0, 1.0)
        return lambda env: np.where(env[index] > 0.5, 1.0, 0.0)
    if op in _COMPARE:
        return _compare_distance(op if want else _NEGATED[op], _term(node[1]), _term(node[2]), tol, step)
    if op == "not":
        return _dist(node[1], not want, tol, step)
    if op in ("and", "or"):
        conjunctive = (op == "and") == want
        a, b = _dist(node[1], want, tol, step), _dist(node[2], want, tol, step)
        if conjunctive:
            return lambda env: a(env) + b(env)
        return lambda env: np.fmin(a(env), b(env))
    if op == "implies":
        if want:
            a, b = _dist(node[1], False, tol, step), _dist(node[2], True, tol, step)
            return lambda env: np.fmin(a(env), b(env))
        a, b = _dist(node[1], True, tol, step), _dist(node[2], False, tol, step)
        return lambda env: a(env) + b(env)
    if op == "iff":
        at, af = _dist(node[1], True, tol, step), _dist(node[1], False, tol, step)
        bt, bf = _dist(node[2], True, tol, step), _dist(node[2], False, tol, step)
        if want:
            return lambda env: np.fmin(at(env) + bt(env), af(env) + bf(env))
        return lambda env: np.fmin(at(env) + bf(env), af(env) + bt(env))
    if op == "ite":
        ct, cf = _dist(node[1], True, tol, step), _dist(node[1], False, tol, step)
        a, b = _dist(node[2], want, tol, step), _dist(node[3], want, tol, step)
        return lambda env: np.fmin(ct(env) + a(env), cf(env) + b(env))
    if op in ("forall", "exists"):
        slots, body = node[1], _dist(node[2], want, tol, step)
        # Wanting 'forall' true, or 'exists' false, needs every case; the other two need one.
        every = (op == "forall") == want
        if every:
            return lambda env: functools.reduce(np.add, _enumerate(env, slots, body))
        return lambda env: functools.reduce(np.fmin, _enumerate(env, slots, body))
    raise ValueError("unknown formula operation %r" % op)


def _compare_distance(op, a, b, tol, step):
    if op == "lt":
        return lambda env: _violated(_strict(a(env), b(env), tol), step)
    if op == "gt":
        return lambda env: _violated(_strict(b(env), a(env), tol), step)
    if op == "le":
        return lambda env: _violated(_loose(a(env), b(env), tol), step)
    if op == "ge":
        return lambda env: _violated(_loose(b(env), a(env), tol), step)
    if op == "eq":
        return lambda env: _violated(_equal(a(env), b(env), tol), step)
    return lambda env: _unequal(a(env), b(env), tol)


def _violated(amount, step):
    """A comparison's distance: its amount, plus the step when it is violated at all (NaN stays NaN)."""
    return amount + step * (amount > 0)


def _strict(a, b, tol):
    """d(a < b)."""
    return _positive_part(a - b + tol * _scale(a, b))


def _loose(a, b, tol):
    """d(a <= b)."""
    return _positive_part(a - b - tol * _scale(a, b))


def _equal(a, b, tol):
    """d(a = b)."""
    return _positive_part(np.abs(a - b) - tol * _scale(a, b))


def _unequal(a, b, tol):
    """d(a != b): a step, since no slope leads away from a single point; NaN stays NaN."""
    gap = np.abs(a - b)
    return np.where(np.isnan(gap), np.nan, np.where(gap > tol * _scale(a, b), 0.0, 1.0))


def _divide(a, b):
    """a / b, NaN where b is 0 (undefined, never infinite)."""
    return np.where(b == 0, np.nan, np.divide(a, np.where(b == 0, 1.0, b)))


def _power(x, exponent):
    """x ^ exponent for a constant exponent; NaN where undefined (0 to a negative power, negative base to a fraction)."""
    undefined = (x == 0) & (exponent < 0)
    if exponent != int(exponent):
        undefined = undefined | (x < 0)
    safe = np.where(undefined, 1.0, x)
    return np.where(undefined, np.nan, np.power(safe, exponent))


def _log(x):
    return np.where(x > 0, np.log(np.where(x > 0, x, 1.0)), np.nan)


def _enumerate(env, slots, body):
    """The body's value for every assignment of the Bool slots (2^len(slots) cases)."""
    results = []
    for bits in range(1 << len(slots)):
        for i, slot in enumerate(slots):
            env[slot] = 1.0 if (bits >> i) & 1 else 0.0
        results.append(body(env))
    return results


_COMPARE = {
    "lt": np.less,
    "le": np.less_equal,
    "gt": np.greater,
    "ge": np.greater_equal,
    "eq": np.equal,
    "ne": np.not_equal,
}

_NEGATED = {"lt": "ge", "le": "gt", "gt": "le", "ge": "lt", "eq": "ne", "ne": "eq"}
