"""ga_bench: both rates are measured and positive. Which is faster is the benchmark's business
(./hms bench interop), never a unit test's: timings on a shared machine are noise."""

import unittest

from hms_bridge import ga_bench
from hms_bridge import ga_examples as ex


class RateTests(unittest.TestCase):
    def test_both_rates_are_measured(self):
        program = ex.polynomial_six()
        self.assertGreater(ga_bench.pure_rate(program, population_size=64, generations=2), 0)
        self.assertGreater(ga_bench.numpy_rate(program, population_size=64, generations=2), 0)


if __name__ == "__main__":
    unittest.main()
