"""Genetic counterexample search over a search program (see ga_program), vectorised with NumPy.

The population lives in an array the caller owns (a view of shared memory, shape [population, columns],
float64), so it survives between calls: the .NET runner calls ``evolve`` for a slice of generations at a
time, reports progress and checks for cancellation in between. Each call seeds its generator from
(seed, start_generation), so a run is reproducible for a given seed and slicing, without state kept here.

One generation: elitism (the best individuals pass unchanged), tournament selection, crossover (blend or
gene-wise uniform, which keeps exact values such as integers intact), mutation (Gaussian steps at random
scales from the box width down to 1e-12 of it, multiplicative steps, fresh values, rounding to few decimals,
copying another gene of the same individual so that equalities such as r = g are reachable), clipping to
the search box, and a few fresh immigrants against premature convergence.
"""

import json
import time

import numpy as np

from . import ga_program

#: Settings of one run; any of them can be overridden by the caller's options.
DEFAULTS = {
    "elite_fraction": 0.05,
    "tournament": 3,
    "crossover_rate": 0.9,
    "blend_alpha": 0.3,
    "mutation_rate": 0.25,
    "large_mutation_rate": 0.1,
    "round_rate": 0.1,
    "copy_rate": 0.1,
    "multiplicative_rate": 0.2,
    "immigrant_fraction": 0.05,
    "stop_at": 0.0,
}


def evolve(program_json, population, output, seed=0, start_generation=0, generations=20,
           time_budget=None, options=None):
    """Runs up to ``generations`` generations of the search on ``population`` (modified in place).

    program_json: the SearchProgram JSON. population: float64 array [size, columns], filled with random
    individuals when start_generation is 0. output: float64 array [rows, value_count + 3], receives the best
    distinct individuals, best first: searched then defined values, fitness, margin, target (unused rows get
    NaN fitness). time_budget: seconds, or None. options: dict or JSON text overriding DEFAULTS.
    Stops early once the best fitness is at most options["stop_at"] (0: a candidate counterexample).
    Returns a summary dict: generation (next start_generation), generations (run now), evaluations,
    best_fitness, best_target, found, rows (written to output), elapsed (seconds).
    """
    started = time.perf_counter()
    compiled = ga_program.load_program(program_json)
    settings = _settings(options)
    _check_shapes(compiled, population, output)
    rng = np.random.default_rng([int(seed), int(start_generation)])
    evaluations = 0
    if start_generation == 0:
        population[...] = initial_population(compiled, population.shape[0], rng)
    fitness, margin, target, values = ga_program.evaluate(compiled, population)
    evaluations += population.shape[0]
    ran = 0
    while ran < generations and fitness.min() > settings["stop_at"]:
        if time_budget is not None and time.perf_counter() - started >= time_budget:
            break
        population[...] = next_generation(compiled, population, fitness, rng, settings)
        fitness, margin, target, values = ga_program.evaluate(compiled, population)
        evaluations += population.shape[0]
        ran += 1
    rows = write_best(output, fitness, margin, target, values)
    best = int(np.argmin(fitness)) if fitness.size else 0
    best_fitness = float(fitness[best]) if fitness.size else ga_program.PENALTY
    return {
        "generation": int(start_generation) + ran,
        "generations": ran,
        "evaluations": evaluations,
        "best_fitness": best_fitness,
        "best_target": int(target[best]) if fitness.size else 0,
        "found": bool(best_fitness <= settings["stop_at"]),
        "rows": rows,
        "elapsed": time.perf_counter() - started,
    }


def evolve_json(program_json, population, output, seed=0, start_generation=0, generations=20,
                time_budget=None, options=None):
    """``evolve`` with its summary as JSON text, the easiest thing to carry across the bridge."""
    return json.dumps(evolve(program_json, population, output, seed, start_generation, generations,
                             time_budget, options))


def initial_population(compiled, size, rng):
    """``size`` random individuals in the search box.

    Per gene: uniform in the box, or log-uniform magnitude (economic quantities span orders of magnitude,
    and small values matter), or a small integer, or a special value (0, 1, -1, a bound), then clipped.
    """
    low, high = compiled["low"], compiled["high"]
    columns = compiled["columns"]
    uniform = low + (high - low) * rng.random((size, columns))
    magnitude = _log_uniform(low, high, size, rng)
    integers = np.round(uniform)
    specials = np.stack([np.zeros(columns), np.ones(columns), -np.ones(columns), low, high])
    special = specials[rng.integers(0, len(specials), (size, columns)), np.arange(columns)]
    choice = rng.random((size, columns))
    population = np.where(choice < 0.4, uniform,
                          np.where(choice < 0.8, magnitude,
                                   np.where(choice < 0.95, integers, special)))
    return _repair(compiled, population)


def next_generation(compiled, population, fitness, rng, settings):
    """The next population: elites, then children of tournament winners, then immigrants."""
    size, columns = population.shape
    elites = max(1, int(round(settings["elite_fraction"] * size))) if size > 1 else size
    immigrants = int(settings["immigrant_fraction"] * size)
    children = size - elites - immigrants
    order = np.argsort(fitness, kind="stable")
    new = np.empty_like(population)
    new[:elites] = population[order[:elites]]
    if children > 0:
        first = population[_tournament(fitness, children, settings["tournament"], rng)]
        second = population[_tournament(fitness, children, settings["tournament"], rng)]
        offspring = _crossover(first, second, rng, settings)
        new[elites:elites + children] = _mutate(compiled, offspring, rng, settings)
    if immigrants > 0:
        new[size - immigrants:] = initial_population(compiled, immigrants, rng)
    return _repair(compiled, new)


def write_best(output, fitness, margin, target, values):
    """Writes the best distinct individuals into ``output``, best first; returns how many rows were written."""
    output[...] = np.nan
    if fitness.size == 0 or output.shape[0] == 0:
        return 0
    order = np.argsort(fitness, kind="stable")
    width = values.shape[1]
    rows = 0
    last = None
    for index in order:
        row = values[index]
        if last is not None and np.array_equal(row, last, equal_nan=True):
            continue
        output[rows, :width] = row
        output[rows, width] = fitness[index]
        output[rows, width + 1] = margin[index]
        output[rows, width + 2] = target[index]
        last = row
        rows += 1
        if rows == output.shape[0]:
            break
    return rows


def _settings(options):
    settings = dict(DEFAULTS)
    if isinstance(options, str):
        options = json.loads(options) if options else {}
    for key, value in (options or {}).items():
        if key not in DEFAULTS:
            raise ValueError("unknown option %r" % key)
        settings[key] = type(DEFAULTS[key])(value)
    return settings


def _check_shapes(compiled, population, output):
    if population.ndim != 2 or population.shape[1] != compiled["columns"] or population.dtype != np.float64:
        raise ValueError("population must be float64 [size, %d], got %s %s"
                         % (compiled["columns"], population.dtype, population.shape))
    if output.ndim != 2 or output.shape[1] != compiled["value_count"] + 3 or output.dtype != np.float64:
        raise ValueError("output must be float64 [rows, %d], got %s %s"
                         % (compiled["value_count"] + 3, output.dtype, output.shape))


def _tournament(fitness, count, size, rng):
    """Indices of ``count`` tournament winners (the fittest of ``size`` random picks each)."""
    picks = rng.integers(0, fitness.shape[0], (count, max(1, size)))
    return picks[np.arange(count), np.argmin(fitness[picks], axis=1)]


def _crossover(first, second, rng, settings):
    count, columns = first.shape
    alpha = settings["blend_alpha"]
    weights = rng.uniform(-alpha, 1 + alpha, (count, columns))
    blend = first + weights * (second - first)
    uniform = np.where(rng.random((count, columns)) < 0.5, first, second)
    kind = rng.random((count, 1))
    crossed = np.where(kind < 0.5, blend, uniform)
    keep = rng.random((count, 1)) >= settings["crossover_rate"]
    return np.where(keep, first, crossed)


def _mutate(compiled, children, rng, settings):
    count, columns = children.shape
    if columns == 0:
        return children
    low, high = compiled["low"], compiled["high"]
    width = np.maximum(high - low, 1e-12)
    mutated = rng.random((count, columns)) < settings["mutation_rate"]
    kind = rng.random((count, columns))
    edges = np.cumsum([settings["large_mutation_rate"], settings["round_rate"],
                       settings["copy_rate"], settings["multiplicative_rate"]])
    # Steps at every scale: coarse ones explore, fine ones close the last gap of an equality.
    step = width * 10.0 ** rng.uniform(-12, -0.5, (count, columns)) * rng.standard_normal((count, columns))
    additive = children + step
    fresh = initial_population(compiled, count, rng)
    decimals = 10.0 ** rng.integers(0, 3, (count, columns))
    rounded = np.round(children * decimals) / decimals
    copied = children[np.arange(count)[:, None], rng.integers(0, columns, (count, columns))]
    factor = np.exp(rng.standard_normal((count, columns)) * 10.0 ** rng.uniform(-12, 0, (count, columns)))
    multiplied = children * factor
    result = np.where(kind < edges[0], fresh,
                      np.where(kind < edges[1], rounded,
                               np.where(kind < edges[2], copied,
                                        np.where(kind < edges[3], multiplied, additive))))
    return np.where(mutated, result, children)


def _repair(compiled, population):
    """Clips to the box and makes Int genes integers and Bool genes 0 or 1."""
    population = np.clip(population, compiled["low"], compiled["high"])
    discrete = compiled["is_int"] | compiled["is_bool"]
    if discrete.any():
        population[:, discrete] = np.rint(population[:, discrete])
    return np.nan_to_num(population, nan=0.0)


def _log_uniform(low, high, size, rng):
    """Values whose magnitude is log-uniform inside the box (sign chosen where the box allows both)."""
    columns = low.shape[0]
    positive_top = np.maximum(high, 0.0)
    negative_top = np.maximum(-low, 0.0)
    sign = np.where(rng.random((size, columns)) < positive_top / np.maximum(positive_top + negative_top, 1e-300),
                    1.0, -1.0)
    top = np.where(sign > 0, positive_top, negative_top)
    bottom = np.where(sign > 0, np.maximum(low, 0.0), np.maximum(-high, 0.0))
    bottom = np.maximum(bottom, np.minimum(1e-3, top / 10))
    top = np.maximum(top, bottom)
    exponent = rng.uniform(0.0, 1.0, (size, columns))
    with np.errstate(all="ignore"):
        value = np.exp(np.log(bottom) + exponent * (np.log(top) - np.log(bottom)))
    return sign * np.nan_to_num(value, nan=0.0)
