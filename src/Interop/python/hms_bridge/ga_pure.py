"""The genetic search of ga / ga_program in pure Python (no NumPy), one individual at a time.

It exists to be measured against: the benchmark runs the same algorithm (same distances, same operators,
same settings) here and vectorised, in the same process, and compares fitness evaluations per second.
Distances match ga_program's exactly (tests compare them); random draws differ (random.Random, not NumPy's
generator), so the two searches take different paths.
"""

import functools
import json
import math
import random
import time

from . import ga

#: As in ga_program.
PENALTY = 1e30
VIOLATION_STEP = 1.0

_NAN = float("nan")
_INF = float("inf")


def load_program(program_json):
    """Parses and compiles a program into scalar closures (cached by text)."""
    return _load_cached(program_json)


@functools.lru_cache(maxsize=32)
def _load_cached(program_json):
    return compile_program(json.loads(program_json))


def compile_program(program):
    """Compiles a parsed program; raises ValueError as ga_program.compile_program does."""
    if not program.get("supported", False):
        raise ValueError("the theorem cannot be searched: %s" % program.get("reason"))
    tol = float(program.get("tolerance", 1e-9))
    variables = program["variables"]
    searched = [v for v in variables if v["role"] == "searched"]
    defined = [v for v in variables if v["role"] == "defined"]
    divisors = []
    for target in program.get("divisors", []):
        path = [_dist(item["condition"], bool(item["holds"]), tol, VIOLATION_STEP) for item in target["path"]]
        divisors.append((int(target["formula"]), path, _violation(target["rule"], target["operand"], tol)))
    return {
        "columns": len(searched),
        "value_count": len(searched) + len(defined),
        "variable_count": len(variables),
        "low": [float(v["low"]) for v in searched],
        "high": [float(v["high"]) for v in searched],
        "kind": [v["sort"] for v in searched],
        "definitions": [(v["index"], _term(v["definition"])) for v in defined],
        "assumptions": [_dist(a, True, tol, VIOLATION_STEP) for a in program["assumptions"]],
        "statement_false": _dist(program["statement"], False, tol, VIOLATION_STEP),
        "statement_true": _dist(program["statement"], True, tol, 0.0),
        "divisors": divisors,
    }


def evaluate_one(compiled, individual):
    """(fitness, margin, target, values) of one individual (a list of floats), as ga_program.evaluate per row."""
    env = [0.0] * compiled["variable_count"]
    for j, x in enumerate(individual):
        kind = compiled["kind"][j]
        env[j] = (1.0 if x >= 0.5 else 0.0) if kind == "bool" else (float(round(x)) if kind == "int" else x)
    for index, term in compiled["definitions"]:
        env[index] = term(env)
    prefix = [0.0]
    for assumption in compiled["assumptions"]:
        prefix.append(prefix[-1] + assumption(env))
    costs = [prefix[-1] + compiled["statement_false"](env)]
    margins = [compiled["statement_true"](env)]
    for formula, path, violation in compiled["divisors"]:
        cost = prefix[formula]
        for condition in path:
            cost += condition(env)
        amount = violation(env)
        costs.append(cost + _violated(amount, VIOLATION_STEP))
        margins.append(amount)
    best = 0
    clean = [min(c, PENALTY) if math.isfinite(c) else PENALTY for c in costs]
    for k in range(1, len(clean)):
        if clean[k] < clean[best]:
            best = k
    return clean[best], margins[best], best, env[:compiled["value_count"]]


def evaluate(compiled, population):
    """Fitness of every individual of a list of lists."""
    return [evaluate_one(compiled, individual)[0] for individual in population]


def evolve(program_json, population, seed=0, generations=20, time_budget=None, options=None):
    """The search of ga.evolve on a list of lists (modified in place; filled at random when empty rows).

    Returns a summary like ga.evolve's: generations, evaluations, best_fitness, found, elapsed.
    """
    started = time.perf_counter()
    compiled = load_program(program_json)
    settings = ga._settings(options)
    rng = random.Random(seed)
    size = len(population)
    for i in range(size):
        if len(population[i]) != compiled["columns"]:
            population[i] = _sample(compiled, rng)
    fitness = evaluate(compiled, population)
    evaluations = size
    ran = 0
    while ran < generations and min(fitness, default=PENALTY) > settings["stop_at"]:
        if time_budget is not None and time.perf_counter() - started >= time_budget:
            break
        population[:] = _next_generation(compiled, population, fitness, rng, settings)
        fitness = evaluate(compiled, population)
        evaluations += size
        ran += 1
    best = min(fitness, default=PENALTY)
    return {
        "generations": ran,
        "evaluations": evaluations,
        "best_fitness": best,
        "found": best <= settings["stop_at"],
        "elapsed": time.perf_counter() - started,
    }


def _next_generation(compiled, population, fitness, rng, settings):
    size = len(population)
    elites = max(1, int(round(settings["elite_fraction"] * size))) if size > 1 else size
    immigrants = int(settings["immigrant_fraction"] * size)
    order = sorted(range(size), key=lambda i: fitness[i])
    new = [list(population[i]) for i in order[:elites]]
    for _ in range(size - elites - immigrants):
        first = population[_tournament(fitness, settings["tournament"], rng)]
        second = population[_tournament(fitness, settings["tournament"], rng)]
        new.append(_mutate(compiled, _crossover(first, second, rng, settings), rng, settings))
    for _ in range(immigrants):
        new.append(_sample(compiled, rng))
    return [_repair(compiled, individual) for individual in new]


def _tournament(fitness, size, rng):
    picks = [rng.randrange(len(fitness)) for _ in range(max(1, size))]
    return min(picks, key=lambda i: fitness[i])


def _crossover(first, second, rng, settings):
    if rng.random() >= settings["crossover_rate"]:
        return list(first)
    if rng.random() < 0.5:
        alpha = settings["blend_alpha"]
        return [a + rng.uniform(-alpha, 1 + alpha) * (b - a) for a, b in zip(first, second)]
    return [a if rng.random() < 0.5 else b for a, b in zip(first, second)]


def _mutate(compiled, child, rng, settings):
    edges = []
    total = 0.0
    for key in ("large_mutation_rate", "round_rate", "copy_rate", "multiplicative_rate"):
        total += settings[key]
        edges.append(total)
    result = list(child)
    for j, x in enumerate(child):
        if rng.random() >= settings["mutation_rate"]:
            continue
        kind = rng.random()
        low, high = compiled["low"][j], compiled["high"][j]
        if kind < edges[0]:
            result[j] = _sample_gene(low, high, rng)
        elif kind < edges[1]:
            decimals = 10.0 ** rng.randrange(3)
            result[j] = round(x * decimals) / decimals
        elif kind < edges[2]:
            result[j] = child[rng.randrange(len(child))]
        elif kind < edges[3]:
            result[j] = x * math.exp(rng.gauss(0.0, 1.0) * 10.0 ** rng.uniform(-12, 0))
        else:
            result[j] = x + max(high - low, 1e-12) * 10.0 ** rng.uniform(-12, -0.5) * rng.gauss(0.0, 1.0)
    return result


def _repair(compiled, individual):
    repaired = []
    for j, x in enumerate(individual):
        x = 0.0 if math.isnan(x) else min(max(x, compiled["low"][j]), compiled["high"][j])
        if compiled["kind"][j] != "real":
            x = float(round(x))
        repaired.append(x)
    return repaired


def _sample(compiled, rng):
    return _repair(compiled, [_sample_gene(lo, hi, rng) for lo, hi in zip(compiled["low"], compiled["high"])])


def _sample_gene(low, high, rng):
    """One gene as ga.initial_population draws it: uniform, log-uniform magnitude, integer or special."""
    choice = rng.random()
    if choice < 0.4:
        return rng.uniform(low, high)
    if choice < 0.8:
        positive, negative = max(high, 0.0), max(-low, 0.0)
        sign = 1.0 if rng.random() < positive / max(positive + negative, 1e-300) else -1.0
        top = positive if sign > 0 else negative
        bottom = max(low, 0.0) if sign > 0 else max(-high, 0.0)
        bottom = max(bottom, min(1e-3, top / 10))
        top = max(top, bottom)
        if bottom <= 0:
            return 0.0
        return sign * math.exp(math.log(bottom) + rng.random() * (math.log(top) - math.log(bottom)))
    if choice < 0.95:
        return float(round(rng.uniform(low, high)))
    return rng.choice([0.0, 1.0, -1.0, low, high])


def _violation(rule, operand, tol):
    term = _term(operand)
    if rule == "zero":
        return lambda env: abs(term(env))
    if rule == "negative":
        return lambda env: _positive_part(term(env) + tol * _scale(term(env)))
    if rule == "nonpositive":
        return lambda env: _positive_part(term(env))
    raise ValueError("unknown definedness rule %r" % rule)


def _term(node):
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
        return lambda env: abs(f(env))
    if op in ("min", "max"):
        args = [_term(a) for a in node[1:]]
        pick = min if op == "min" else max
        return lambda env: _nan_aware(pick, [a(env) for a in args])
    if op == "sqrt":
        f = _term(node[1])
        return lambda env: _sqrt(f(env))
    if op == "exp":
        f = _term(node[1])
        return lambda env: _exp(f(env))
    if op == "log":
        f = _term(node[1])
        return lambda env: _log(f(env))
    if op == "ite":
        c, a, b = _truth(node[1]), _term(node[2]), _term(node[3])
        return lambda env: a(env) if c(env) else b(env)
    raise ValueError("unknown numeric operation %r" % op)


def _truth(node):
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
        return lambda env: not f(env)
    if op in ("and", "or", "implies", "iff"):
        a, b = _truth(node[1]), _truth(node[2])
        if op == "and":
            return lambda env: a(env) and b(env)
        if op == "or":
            return lambda env: a(env) or b(env)
        if op == "implies":
            return lambda env: (not a(env)) or b(env)
        return lambda env: a(env) == b(env)
    if op == "ite":
        c, a, b = _truth(node[1]), _truth(node[2]), _truth(node[3])
        return lambda env: a(env) if c(env) else b(env)
    if op in ("forall", "exists"):
        slots, body = node[1], _truth(node[2])
        combine = all if op == "forall" else any
        return lambda env: combine(_enumerate(env, slots, body))
    raise ValueError("unknown formula operation %r" % op)


def _dist(node, want, tol, step):
    op = node[0]
    if op in ("true", "false"):
        value = 0.0 if (op == "true") == want else 1.0
        return lambda env: value
    if op == "var":
        index = node[1]
        hit, miss = (0.0, 1.0) if want else (1.0, 0.0)
        return lambda env: hit if env[index] > 0.5 else miss
    if op in _COMPARE:
        return _compare_distance(op if want else _NEGATED[op], _term(node[1]), _term(node[2]), tol, step)
    if op == "not":
        return _dist(node[1], not want, tol, step)
    if op in ("and", "or"):
        a, b = _dist(node[1], want, tol, step), _dist(node[2], want, tol, step)
        if (op == "and") == want:
            return lambda env: a(env) + b(env)
        return lambda env: _fmin(a(env), b(env))
    if op == "implies":
        if want:
            a, b = _dist(node[1], False, tol, step), _dist(node[2], True, tol, step)
            return lambda env: _fmin(a(env), b(env))
        a, b = _dist(node[1], True, tol, step), _dist(node[2], False, tol, step)
        return lambda env: a(env) + b(env)
    if op == "iff":
        at, af = _dist(node[1], True, tol, step), _dist(node[1], False, tol, step)
        bt, bf = _dist(node[2], True, tol, step), _dist(node[2], False, tol, step)
        if want:
            return lambda env: _fmin(at(env) + bt(env), af(env) + bf(env))
        return lambda env: _fmin(at(env) + bf(env), af(env) + bt(env))
    if op == "ite":
        ct, cf = _dist(node[1], True, tol, step), _dist(node[1], False, tol, step)
        a, b = _dist(node[2], want, tol, step), _dist(node[3], want, tol, step)
        return lambda env: _fmin(ct(env) + a(env), cf(env) + b(env))
    if op in ("forall", "exists"):
        slots, body = node[1], _dist(node[2], want, tol, step)
        if (op == "forall") == want:
            return lambda env: sum(_enumerate(env, slots, body))
        return lambda env: functools.reduce(_fmin, _enumerate(env, slots, body))
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
    if math.isnan(amount):
        return _NAN
    return amount + step if amount > 0 else amount


def _strict(a, b, tol):
    return _positive_part(a - b + tol * _scale(a, b))


def _loose(a, b, tol):
    return _positive_part(a - b - tol * _scale(a, b))


def _equal(a, b, tol):
    return _positive_part(abs(a - b) - tol * _scale(a, b))


def _unequal(a, b, tol):
    gap = abs(a - b)
    if math.isnan(gap):
        return _NAN
    return 0.0 if gap > tol * _scale(a, b) else 1.0


def _scale(*values):
    # np.maximum propagates NaN; so must this, for the same distances.
    scale = 1.0
    for v in values:
        if math.isnan(v):
            return _NAN
        scale = max(scale, abs(v))
    return scale


def _positive_part(x):
    if math.isnan(x):
        return _NAN
    return x if x > 0.0 else 0.0


def _fmin(a, b):
    """np.fmin: the smaller, ignoring a NaN unless both are NaN."""
    if math.isnan(a):
        return b
    if math.isnan(b):
        return a
    return a if a <= b else b


def _nan_aware(pick, values):
    if any(math.isnan(v) for v in values):
        return _NAN
    return pick(values)


def _divide(a, b):
    if b == 0:
        return _NAN
    return a / b


def _power(x, exponent):
    if (x == 0 and exponent < 0) or (exponent != int(exponent) and x < 0):
        return _NAN
    try:
        return math.pow(x, exponent)
    except OverflowError:
        if exponent == int(exponent) and int(exponent) % 2 == 1 and x < 0:
            return -_INF
        return _INF


def _sqrt(x):
    if math.isnan(x) or x < 0:
        return _NAN
    return math.sqrt(x)


def _exp(x):
    try:
        return math.exp(x)
    except OverflowError:
        return _INF


def _log(x):
    if math.isnan(x) or x <= 0:
        return _NAN
    return math.log(x)


def _enumerate(env, slots, body):
    results = []
    for bits in range(1 << len(slots)):
        for i, slot in enumerate(slots):
            env[slot] = 1.0 if (bits >> i) & 1 else 0.0
        results.append(body(env))
    return results


def _lt(a, b):
    return a < b


def _le(a, b):
    return a <= b


def _gt(a, b):
    return a > b


def _ge(a, b):
    return a >= b


def _eq(a, b):
    return a == b


def _ne(a, b):
    return a != b


_COMPARE = {"lt": _lt, "le": _le, "gt": _gt, "ge": _ge, "eq": _eq, "ne": _ne}

_NEGATED = {"lt": "ge", "le": "gt", "gt": "le", "ge": "lt", "eq": "ne", "ne": "eq"}
