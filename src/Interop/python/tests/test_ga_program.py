"""ga_program: distances, definitions, divisor targets and enumeration on hand-built programs."""

import json
import unittest

import numpy as np

from hms_bridge import ga_examples as ex
from hms_bridge import ga_program


def compiled(text):
    return ga_program.load_program(text)


def fitness_of(text, rows):
    fitness, margin, target, values = ga_program.evaluate(compiled(text), np.array(rows, dtype=np.float64))
    return fitness, margin, target, values


def one_variable(statement, assumptions=(), low=-100.0, high=100.0):
    return ex.program([ex.searched("x", 0, low, high)], list(assumptions), statement)


class DistanceTests(unittest.TestCase):
    def test_a_false_statement_has_fitness_zero_and_a_true_one_does_not(self):
        fitness, margin, _, _ = fitness_of(ex.false_square_claim(), [[0.5], [2.0]])
        self.assertEqual(0.0, fitness[0])
        self.assertGreater(fitness[1], 0.0)
        # The margin says how far the statement is from holding at x = 0.5: x*x - x = -0.25.
        self.assertAlmostEqual(0.25, margin[0], places=6)

    def test_comparisons_measure_how_far_they_are_from_the_wanted_truth(self):
        # Statement x < 3: a counterexample needs x >= 3, so the fitness is 3 - x below it (plus the step of
        # a violated comparison).
        fitness, _, _, _ = fitness_of(one_variable(["lt", ex.var(0), ex.const(3)]), [[1.0], [3.0], [4.0]])
        self.assertAlmostEqual(ga_program.VIOLATION_STEP + 2.0, fitness[0], places=6)
        self.assertEqual(0.0, fitness[1])
        self.assertEqual(0.0, fitness[2])

    def test_strict_comparisons_want_a_relative_margin(self):
        # Statement x <= 3: a counterexample needs x > 3, not x = 3.
        fitness, _, _, _ = fitness_of(one_variable(["le", ex.var(0), ex.const(3)]), [[3.0], [3.1]])
        self.assertGreater(fitness[0], 0.0)
        self.assertEqual(0.0, fitness[1])

    def test_equality_counts_values_within_the_tolerance_as_equal(self):
        statement = ["ne", ex.var(0), ex.const(1)]
        fitness, _, _, _ = fitness_of(one_variable(statement), [[1.0], [1.0 + 1e-12], [1.5]])
        self.assertEqual([0.0, 0.0], list(fitness[:2]))
        self.assertGreater(fitness[2], 0.0)

    def test_and_adds_or_takes_the_smaller_and_not_is_pushed_inward(self):
        # Statement not (x > 1 and x < 2) is false inside (1, 2): at x = 0 one conjunct is 1 away.
        statement = ["not", ["and", ["gt", ex.var(0), ex.const(1)], ["lt", ex.var(0), ex.const(2)]]]
        fitness, _, _, _ = fitness_of(one_variable(statement), [[0.0], [1.5], [5.0]])
        self.assertAlmostEqual(ga_program.VIOLATION_STEP + 1.0, fitness[0], places=6)
        self.assertEqual(0.0, fitness[1])
        self.assertAlmostEqual(ga_program.VIOLATION_STEP + 3.0, fitness[2], places=6)

    def test_violating_more_comparisons_costs_more_steps(self):
        both = ["and", ["gt", ex.var(0), ex.const(0)], ["gt", ex.var(0), ex.const(0.5)]]
        fitness, _, _, _ = fitness_of(one_variable(["not", both]), [[0.25], [-0.25]])
        # A counterexample needs x > 0 and x > 0.5: at 0.25 one comparison fails, at -0.25 both do.
        self.assertAlmostEqual(ga_program.VIOLATION_STEP + 0.25, fitness[0], places=6)
        self.assertAlmostEqual(2 * ga_program.VIOLATION_STEP + 0.25 + 0.75, fitness[1], places=6)

    def test_implication_is_refuted_where_its_premise_holds_and_conclusion_fails(self):
        statement = ["implies", ["gt", ex.var(0), ex.const(0)], ["gt", ex.var(0), ex.const(10)]]
        fitness, _, _, _ = fitness_of(one_variable(statement), [[-1.0], [5.0], [11.0]])
        self.assertGreater(fitness[0], 0.0)
        self.assertEqual(0.0, fitness[1])
        self.assertGreater(fitness[2], 0.0)

    def test_iff_and_if_then_else(self):
        # Statement (x > 0 <-> x > 1): false for 0 < x <= 1.
        statement = ["iff", ["gt", ex.var(0), ex.const(0)], ["gt", ex.var(0), ex.const(1)]]
        fitness, _, _, _ = fitness_of(one_variable(statement), [[0.5], [2.0], [-1.0]])
        self.assertEqual(0.0, fitness[0])
        self.assertGreater(fitness[1], 0.0)
        self.assertGreater(fitness[2], 0.0)
        # Statement (if x > 0 then x else -x) = abs(x): always true.
        ite = ["ite", ["gt", ex.var(0), ex.const(0)], ex.var(0), ["neg", ex.var(0)]]
        fitness, _, _, _ = fitness_of(one_variable(["eq", ite, ["abs", ex.var(0)]]), [[-3.0], [0.0], [7.0]])
        self.assertTrue(np.all(fitness > 0.0))

    def test_assumptions_must_hold_too(self):
        text = one_variable(["lt", ex.var(0), ex.const(0)], [["ge", ex.var(0), ex.const(5)]])
        fitness, _, _, _ = fitness_of(text, [[1.0], [6.0]])
        self.assertAlmostEqual(ga_program.VIOLATION_STEP + 4.0, fitness[0], places=6)
        self.assertEqual(0.0, fitness[1])

    def test_min_max_powers_and_transcendental_functions(self):
        x = ex.var(0)
        term = ["add", ["min", x, ex.const(2)], ["max", x, ex.const(-1)]]
        term = ["add", term, ["pow", x, 2.0]]
        term = ["add", term, ["sqrt", ["abs", x]]]
        term = ["add", term, ["log", ["exp", x]]]
        # The statement says the term differs from its value at x = 4, so x = 4 refutes it.
        value = min(4, 2) + max(4, -1) + 16 + 2 + 4
        fitness, _, _, _ = fitness_of(one_variable(["ne", term, ex.const(value)]), [[4.0], [3.0]])
        self.assertEqual(0.0, fitness[0])
        self.assertGreater(fitness[1], 0.0)


class UndefinedTests(unittest.TestCase):
    def test_division_by_zero_is_a_penalty_unless_an_or_avoids_it(self):
        x = ex.var(0)
        divided = ["gt", ["div", ex.const(1), x], ex.const(0)]
        fitness, _, _, _ = fitness_of(one_variable(["not", divided]), [[0.0]])
        self.assertEqual(ga_program.PENALTY, fitness[0])
        # not (x = 0 or 1/x > 0): false at x = 0 although 1/x is undefined there.
        guarded = ["not", ["or", ["eq", x, ex.const(0)], divided]]
        fitness, _, _, _ = fitness_of(one_variable(guarded), [[0.0]])
        self.assertEqual(0.0, fitness[0])

    def test_negative_powers_of_zero_fractional_powers_of_negatives_and_logs_are_undefined(self):
        x = ex.var(0)
        cases = ((["pow", x, -1.0], 0.0), (["pow", ["sub", x, ex.const(1)], 0.5], 0.0), (["log", x], 0.0))
        for term, at in cases:
            fitness, _, _, _ = fitness_of(one_variable(["ne", term, ex.const(-1)]), [[at]])
            self.assertEqual(ga_program.PENALTY, fitness[0], term)

    def test_a_divisor_target_reaches_zero_at_a_zero_divisor(self):
        text = ex.gordon_growth()
        fitness, margin, target, _ = fitness_of(text, [[5.0, 0.25, 0.25], [5.0, 0.5, 0.25]])
        self.assertEqual(0.0, fitness[0])
        self.assertEqual(1, target[0])
        self.assertEqual(0.0, margin[0])
        # r > g: the statement holds, and r - g = 0.25 is how far the divisor is from 0 (plus the step: only
        # an exact zero counts).
        self.assertAlmostEqual(ga_program.VIOLATION_STEP + 0.25, fitness[1], places=6)
        self.assertAlmostEqual(0.25, margin[1], places=6)

    def test_a_divisor_target_counts_only_the_assumptions_before_it_and_its_path(self):
        x, y = ex.var(0), ex.var(1)
        text = ex.program(
            [ex.searched("x", 0), ex.searched("y", 1)],
            [["gt", x, ex.const(0)], ["gt", ["div", ex.const(1), y], ex.const(0)]],
            ["true"],
            [ex.divisor(1, y, path=[(["gt", x, ex.const(5)], True)])])
        fitness, _, target, _ = fitness_of(text, [[6.0, 0.0], [1.0, 0.0]])
        self.assertEqual(0.0, fitness[0])
        self.assertEqual(1, target[0])
        self.assertAlmostEqual(ga_program.VIOLATION_STEP + 4.0, fitness[1], places=6)


class VariableTests(unittest.TestCase):
    def test_defined_variables_are_computed_not_searched(self):
        c = compiled(ex.cobb_douglas_share())
        self.assertEqual(3, c["columns"])
        self.assertEqual(4, c["value_count"])
        fitness, _, _, values = ga_program.evaluate(c, np.array([[0.5, 2.0, 10.0]]))
        self.assertAlmostEqual(2.5, values[0, 3])
        self.assertGreater(fitness[0], 0.0)  # a true theorem: p*x = alpha*m holds

    def test_int_columns_are_rounded_and_bool_columns_read_as_truth_values(self):
        text = ex.program([ex.searched("n", 0, 0, 10, sort="int"), ex.searched("b", 1, 0, 1, sort="bool")],
                          [], ["and", ["ne", ex.var(0), ex.const(3)], ex.var(1)])
        fitness, _, _, values = fitness_of(text, [[3.4, 0.2], [2.6, 0.7], [5.0, 0.9]])
        self.assertEqual([3.0, 0.0], list(values[0]))
        self.assertEqual([3.0, 1.0], list(values[1]))
        self.assertEqual(0.0, fitness[0])
        self.assertEqual(0.0, fitness[1])
        self.assertGreater(fitness[2], 0.0)

    def test_bool_quantifiers_are_enumerated(self):
        fitness, _, _, values = fitness_of(ex.matching_pennies_pure(), np.zeros((3, 0)))
        self.assertEqual([0.0, 0.0, 0.0], list(fitness))
        self.assertEqual((3, 0), values.shape)
        # exists b: b — true, so the negation cannot be reached; forall b: b — false.
        exists = ex.program([ex.bound("b", 0)], [], ["exists", [0], ex.var(0)])
        forall = ex.program([ex.bound("b", 0)], [], ["forall", [0], ex.var(0)])
        self.assertGreater(fitness_of(exists, np.zeros((1, 0)))[0][0], 0.0)
        self.assertEqual(0.0, fitness_of(forall, np.zeros((1, 0)))[0][0])


class LoadingTests(unittest.TestCase):
    def test_unsupported_programs_and_other_versions_are_refused(self):
        with self.assertRaisesRegex(ValueError, "cannot be searched: quantifier"):
            ga_program.load_program(json.dumps({"version": 1, "supported": False, "reason": "quantifier"}))
        program = json.loads(ex.false_square_claim())
        program["version"] = 99
        with self.assertRaisesRegex(ValueError, "version"):
            ga_program.compile_program(program)

    def test_unknown_operations_are_refused_not_evaluated(self):
        program = json.loads(one_variable(["gt", ["__import__", "os"], ex.const(0)]))
        with self.assertRaisesRegex(ValueError, "unknown"):
            ga_program.compile_program(program)

    def test_the_same_text_is_compiled_once(self):
        text = ex.false_square_claim()
        self.assertIs(ga_program.load_program(text), ga_program.load_program(text))


if __name__ == "__main__":
    unittest.main()
