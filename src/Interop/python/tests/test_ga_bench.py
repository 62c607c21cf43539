"""ga_bench: both rates are measured on the same program, and vectorising pays at benchmark sizes."""

import unittest

from hms_bridge import ga_bench
from hms_bridge import ga_examples as ex


class RateTests(unittest.TestCase):
    def test_both_rates_are_positive_and_numpy_is_faster_on_a_large_population(self):
        program = ex.polynomial_six()
        pure = ga_bench.pure_rate(program, population_size=512, generations=2)
        vectorised = ga_bench.numpy_rate(program, population_size=512, generations=20)
        self.assertGreater(pure, 0)
        self.assertGreater(vectorised, pure)


if __name__ == "__main__":
    unittest.main()
