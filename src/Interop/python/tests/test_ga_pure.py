"""ga_pure: the pure-Python twin computes the same fitness as the vectorised evaluator and also searches."""

import json
import unittest

import numpy as np

from hms_bridge import ga_examples as ex
from hms_bridge import ga_program
from hms_bridge import ga_pure

PROGRAMS = {
    "false_square": ex.false_square_claim(),
    "gordon": ex.gordon_growth(),
    "cobb_douglas": ex.cobb_douglas_share(),
    "pennies": ex.matching_pennies_pure(),
    "polynomial": ex.polynomial_six(),
}


def mixed_program():
    """Every operation at least once, with undefined points, so both evaluators meet NaN."""
    x, y = ex.var(0), ex.var(1)
    term = ["add", ["div", x, y], ["pow", y, -2.0]]
    term = ["add", term, ["mul", ["sqrt", x], ["log", y]]]
    term = ["add", term, ["min", ["exp", ["neg", ["abs", x]]], ["max", x, y], ["pow", x, 0.5]]]
    term = ["sub", term, ["ite", ["or", ["gt", x, y], ["eq", x, ex.const(0)]], x, y]]
    statement = ["iff", ["le", term, ex.const(3)], ["not", ["implies", ["ge", x, ex.const(1)], ["lt", y, ex.const(2)]]]]
    return ex.program([ex.searched("x", 0, -5, 5), ex.searched("y", 1, -5, 5)],
                      [["ne", y, ex.const(4)]], statement,
                      [ex.divisor(1, y), ex.divisor(1, x, rule="negative"), ex.divisor(1, y, rule="nonpositive")])


class AgreementTests(unittest.TestCase):
    def test_fitness_margin_and_target_agree_with_the_vectorised_evaluator(self):
        rng = np.random.default_rng(11)
        programs = dict(PROGRAMS, mixed=mixed_program())
        for name, text in programs.items():
            vectorised = ga_program.load_program(text)
            scalar = ga_pure.load_program(text)
            columns = vectorised["columns"]
            population = rng.uniform(vectorised["low"], vectorised["high"], (200, columns))
            # Exact zeros and integers, where undefined operations and ties live.
            population[::3] = np.round(population[::3])
            population[::7] = 0.0
            fitness, margin, target, values = ga_program.evaluate(vectorised, population)
            for i, row in enumerate(population):
                f, m, t, v = ga_pure.evaluate_one(scalar, list(row))
                with self.subTest(program=name, row=i):
                    self.assertTrue(np.isclose(fitness[i], f, rtol=1e-9, atol=0), (fitness[i], f))
                    self.assertEqual(target[i], t)
                    self.assertTrue(np.isclose(margin[i], m, rtol=1e-9, atol=0, equal_nan=True), (margin[i], m))
                    np.testing.assert_allclose(values[i], v, rtol=1e-12)


class SearchTests(unittest.TestCase):
    def test_it_finds_a_violation_of_a_simple_false_claim(self):
        population = [[] for _ in range(32)]
        summary = ga_pure.evolve(ex.false_square_claim(), population, seed=5, generations=200)
        self.assertTrue(summary["found"])
        compiled = ga_pure.load_program(ex.false_square_claim())
        best = min(population, key=lambda row: ga_pure.evaluate_one(compiled, row)[0])
        self.assertTrue(0 < best[0] <= 1)

    def test_it_is_reproducible_with_a_seed(self):
        runs = []
        for _ in range(2):
            population = [[] for _ in range(16)]
            ga_pure.evolve(ex.polynomial_six(), population, seed=9, generations=5, options={"stop_at": -1})
            runs.append(population)
        self.assertEqual(runs[0], runs[1])

    def test_it_counts_evaluations_like_the_vectorised_search(self):
        population = [[] for _ in range(10)]
        summary = ga_pure.evolve(ex.polynomial_six(), population, generations=3, options=json.dumps({"stop_at": -1}))
        self.assertEqual(40, summary["evaluations"])
        self.assertEqual(3, summary["generations"])


if __name__ == "__main__":
    unittest.main()
