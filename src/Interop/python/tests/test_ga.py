"""ga: the vectorised genetic search, its buffers, reproducibility and what it finds."""

import json
import math
import unittest

import numpy as np

from hms_bridge import ga
from hms_bridge import ga_examples as ex
from hms_bridge import ga_program


def buffers(text, size=64, rows=8):
    compiled = ga_program.load_program(text)
    population = np.zeros((size, compiled["columns"]))
    output = np.zeros((rows, compiled["value_count"] + 3))
    return population, output


def run(text, seed=7, size=64, slices=20, slice_generations=10, options=None):
    """Runs in slices as the .NET runner does; returns the last summary and the buffers."""
    population, output = buffers(text, size)
    generation = 0
    summary = None
    for _ in range(slices):
        summary = ga.evolve(text, population, output, seed=seed, start_generation=generation,
                            generations=slice_generations, options=options)
        generation = summary["generation"]
        if summary["found"]:
            break
    return summary, population, output


class FindingTests(unittest.TestCase):
    def test_it_finds_a_violation_of_a_simple_false_claim(self):
        summary, _, output = run(ex.false_square_claim())
        self.assertTrue(summary["found"])
        x = output[0, 0]
        self.assertEqual(0.0, output[0, 1])  # fitness
        self.assertTrue(0 < x <= 1, x)

    def test_it_finds_a_zero_divisor_where_the_statement_only_fails_elsewhere(self):
        # Only the divisor target: "d1 / (r - g) * (r - g) = d1" fails nowhere else.
        text = json.loads(ex.gordon_growth())
        difference = ["sub", ["var", 1], ["var", 2]]
        text["statement"] = ["eq", ["mul", ["div", ["var", 0], difference], difference], ["var", 0]]
        summary, _, output = run(json.dumps(text))
        self.assertTrue(summary["found"])
        self.assertEqual(1, summary["best_target"])
        self.assertEqual(output[0, 1], output[0, 2])  # r = g exactly
        self.assertEqual(1.0, output[0, 5])  # target column: divisor 0

    def test_it_climbs_to_a_corner_counterexample(self):
        summary, _, output = run(ex.polynomial_six(), size=128, slices=50)
        self.assertTrue(summary["found"], summary)

    def test_a_true_claim_is_never_reported_found(self):
        summary, _, output = run(ex.true_square_claim(), slices=5)
        self.assertFalse(summary["found"])
        self.assertGreater(output[0, 1], 0.0)

    def test_a_program_without_searched_variables_is_decided_at_once(self):
        summary, population, output = run(ex.matching_pennies_pure())
        self.assertTrue(summary["found"])
        self.assertEqual((64, 0), population.shape)
        self.assertEqual(1, summary["rows"])  # all individuals are the same (empty) one


class BufferTests(unittest.TestCase):
    def test_the_population_is_updated_in_place_and_kept_in_the_box(self):
        text = ex.cobb_douglas_share()
        population, output = buffers(text, size=32)
        before = population.__array_interface__["data"][0]
        ga.evolve(text, population, output, seed=1, generations=5)
        self.assertEqual(before, population.__array_interface__["data"][0])
        self.assertTrue(np.all(population[:, 0] >= 0.0) and np.all(population[:, 0] <= 1.0))
        self.assertTrue(np.all(population[:, 1:] >= 0.0) and np.all(population[:, 1:] <= 100.0))

    def test_output_rows_are_distinct_sorted_and_carry_defined_values(self):
        text = ex.cobb_douglas_share()
        population, output = buffers(text, size=32, rows=6)
        summary = ga.evolve(text, population, output, seed=1, generations=3)
        rows = summary["rows"]
        self.assertEqual(6, rows)
        fitness = output[:rows, 4]
        self.assertTrue(np.all(np.diff(fitness) >= 0))
        self.assertEqual(rows, len({tuple(r) for r in output[:rows, :4]}))
        alpha, p, m, x = output[0, :4]
        self.assertAlmostEqual(alpha * m / p, x)

    def test_unused_output_rows_have_nan_fitness(self):
        text = ex.matching_pennies_pure()
        population, output = buffers(text, size=4, rows=3)
        ga.evolve(text, population, output, generations=1)
        self.assertTrue(math.isnan(output[1, 0]) and math.isnan(output[2, 0]))

    def test_wrong_shapes_are_refused(self):
        text = ex.false_square_claim()
        with self.assertRaisesRegex(ValueError, "population"):
            ga.evolve(text, np.zeros((8, 2)), np.zeros((2, 4)))
        with self.assertRaisesRegex(ValueError, "output"):
            ga.evolve(text, np.zeros((8, 1)), np.zeros((2, 2)))
        with self.assertRaisesRegex(ValueError, "population"):
            ga.evolve(text, np.zeros((8, 1), dtype=np.float32), np.zeros((2, 4)))

    def test_unknown_options_are_refused(self):
        population, output = buffers(ex.false_square_claim())
        with self.assertRaisesRegex(ValueError, "unknown option"):
            ga.evolve(ex.false_square_claim(), population, output, options={"mutation": 1})


class ReproducibilityTests(unittest.TestCase):
    def test_the_same_seed_and_slicing_give_the_same_run(self):
        text = ex.polynomial_six()
        options = {"stop_at": -1.0}
        first = run(text, seed=3, slices=3, options=options)
        second = run(text, seed=3, slices=3, options=options)
        np.testing.assert_array_equal(first[1], second[1])
        np.testing.assert_array_equal(first[2], second[2])
        self.assertEqual(first[0]["best_fitness"], second[0]["best_fitness"])

    def test_another_seed_gives_another_run(self):
        text = ex.polynomial_six()
        options = {"stop_at": -1.0}
        first = run(text, seed=3, slices=2, options=options)
        second = run(text, seed=4, slices=2, options=options)
        self.assertFalse(np.array_equal(first[1], second[1]))

    def test_options_may_come_as_json_text(self):
        text = ex.polynomial_six()
        population, output = buffers(text)
        summary = json.loads(ga.evolve_json(text, population, output, generations=4, options='{"stop_at": -1}'))
        self.assertEqual(4, summary["generations"])
        self.assertEqual(5 * 64, summary["evaluations"])


class BudgetTests(unittest.TestCase):
    def test_a_time_budget_stops_the_slice(self):
        text = ex.polynomial_six()
        population, output = buffers(text, size=64)
        summary = ga.evolve(text, population, output, generations=10_000_000, time_budget=0.05,
                            options={"stop_at": -1.0})
        self.assertLess(summary["generations"], 10_000_000)
        self.assertLess(summary["elapsed"], 2.0)

    def test_zero_generations_only_evaluates(self):
        text = ex.false_square_claim()
        population, output = buffers(text)
        summary = ga.evolve(text, population, output, generations=0)
        self.assertEqual(0, summary["generations"])
        self.assertEqual(64, summary["evaluations"])


if __name__ == "__main__":
    unittest.main()
