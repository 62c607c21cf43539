"""Measurements for the genetic search benchmark: fitness evaluations per second of the same algorithm,
vectorised (ga) and in pure Python (ga_pure), on the same program and population size.

The .NET benchmark measures the vectorised search through the bridge itself and calls ``pure_rate`` in the
same run for the comparison; ``numpy_rate`` is the in-process figure without the bridge.
"""

import json

import numpy as np

from . import ga
from . import ga_program
from . import ga_pure

#: Never stop early: a benchmark measures a fixed amount of work.
_NO_STOP = json.dumps({"stop_at": -1.0})


def pure_rate(program_json, population_size=256, generations=20, seed=0):
    """Evaluations per second of ga_pure.evolve (one initial evaluation plus one per generation)."""
    population = [[] for _ in range(population_size)]
    summary = ga_pure.evolve(program_json, population, seed=seed, generations=generations, options=_NO_STOP)
    return _rate(summary)


def numpy_rate(program_json, population_size=256, generations=200, seed=0):
    """Evaluations per second of ga.evolve in this process, on private arrays."""
    compiled = ga_program.load_program(program_json)
    population = np.zeros((population_size, compiled["columns"]))
    output = np.zeros((16, compiled["value_count"] + 3))
    summary = ga.evolve(program_json, population, output, seed=seed, generations=generations, options=_NO_STOP)
    return _rate(summary)


def _rate(summary):
    return summary["evaluations"] / max(summary["elapsed"], 1e-9)
