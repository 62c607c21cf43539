"""segments: another process's view of a segment file, and the rule that it must not outlive the work."""

import os
import tempfile
import unittest

import numpy as np

from hms_bridge import segments


class SegmentsTests(unittest.TestCase):
    def setUp(self):
        # Same kind of file as the pool's: sparse, mapped shared, in tmpfs when there is one.
        directory = "/dev/shm" if os.path.isdir("/dev/shm") else None
        handle, self.path = tempfile.mkstemp(prefix="hms-test-segments-", dir=directory)
        os.ftruncate(handle, 3 * 4096)
        os.close(handle)

    def tearDown(self):
        os.unlink(self.path)

    def read(self, offset, count):
        with open(self.path, "rb") as file:
            file.seek(offset)
            return np.frombuffer(file.read(8 * count), dtype=np.float64)

    def test_writes_land_in_the_file_at_the_offset(self):
        offset = 4096 + 64  # past a page boundary and not on one: mmap offsets need page multiples
        result = segments.apply(lambda array: array.__setitem__(slice(None), [1.0, 2.0, 3.0]) or array.sum(),
                                self.path, offset, 24, "float64")
        self.assertEqual(6.0, result)
        np.testing.assert_array_equal([1.0, 2.0, 3.0], self.read(offset, 3))

    def test_shape_is_applied(self):
        shape = segments.apply(lambda array: array.shape, self.path, 128, 96, "float64", (3, 4))
        self.assertEqual((3, 4), shape)

    def test_a_kept_view_is_an_error(self):
        kept = []
        with self.assertRaises(segments.ViewKeptError):
            segments.apply(lambda array: kept.append(array[1:]), self.path, 0, 64, "float64")
        # The mapping stayed open, so the kept view still reads valid memory.
        self.assertEqual(7, kept[0].size)

    def test_an_error_in_the_work_propagates(self):
        def fail(array):
            raise ValueError("bad population")

        with self.assertRaisesRegex(ValueError, "bad population"):
            segments.apply(fail, self.path, 0, 64, "float64")


if __name__ == "__main__":
    unittest.main()
