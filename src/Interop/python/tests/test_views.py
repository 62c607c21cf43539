"""views: zero-copy arrays over native memory, and detection of views kept past a call."""

import ctypes
import unittest
from unittest import mock

import numpy as np

from hms_bridge import views


class NativeMemory:
    """A ctypes buffer standing in for a shared buffer: known address, memory that outlives the views."""

    def __init__(self, nbytes):
        self.raw = (ctypes.c_char * nbytes)()
        self.address = ctypes.addressof(self.raw)
        self.nbytes = nbytes


class AsArrayTests(unittest.TestCase):
    def test_the_array_is_the_memory_itself(self):
        memory = NativeMemory(64)
        array = views.as_array(memory.address, memory.nbytes, "float64")
        self.assertEqual(memory.address, array.__array_interface__["data"][0])
        array[3] = 2.5
        self.assertEqual(2.5, ctypes.c_double.from_address(memory.address + 24).value)
        ctypes.c_double.from_address(memory.address).value = -1.0
        self.assertEqual(-1.0, array[0])

    def test_shape_defaults_to_what_fits_and_can_be_given(self):
        memory = NativeMemory(96)
        self.assertEqual((12,), views.as_array(memory.address, 96, "int64").shape)
        self.assertEqual((3, 4), views.as_array(memory.address, 96, np.float64, (3, 4)).shape)

    def test_a_shape_larger_than_the_buffer_is_refused(self):
        memory = NativeMemory(64)
        with self.assertRaises(TypeError):
            views.as_array(memory.address, 64, "float64", (3, 4))

    def test_bytes_that_are_no_whole_number_of_elements_are_refused(self):
        memory = NativeMemory(12)
        with self.assertRaisesRegex(ValueError, "whole number"):
            views.as_array(memory.address, 12, "float64")

    def test_missing_numpy_is_named_with_its_debian_package(self):
        memory = NativeMemory(64)
        with mock.patch.object(views, "numpy", None):
            with self.assertRaisesRegex(views.NumPyMissingError, "python3-numpy"):
                views.as_array(memory.address, 64, "float64")


class ExpiredViewTests(unittest.TestCase):
    def test_every_use_of_an_expired_view_raises(self):
        expired = views.EXPIRED
        for use in (lambda: expired.shape, lambda: expired[0], lambda: len(expired), lambda: np.asarray(expired),
                    lambda: expired.__setitem__(0, 1.0), lambda: list(expired)):
            with self.assertRaises(views.ViewExpiredError):
                use()

    def test_it_still_prints(self):
        self.assertEqual("<expired view of a shared buffer>", repr(views.EXPIRED))


kept = []


class CloseViewsTests(unittest.TestCase):
    def setUp(self):
        self.memory = NativeMemory(256)
        kept.clear()
        views.close_views()

    def tearDown(self):
        kept.clear()
        views.close_views()

    def open(self, shape=(4, 8)):
        return views.open_view(self.memory.address, self.memory.nbytes, "float64", shape)

    def test_views_used_only_inside_the_call_are_not_kept(self):
        array = self.open()
        total = float((array[1:] * 2).T.sum())
        memoryview(array).tobytes()
        del array
        self.assertEqual(0.0, total)
        self.assertIsNone(views.close_views())

    def test_nothing_opened_closes_to_none(self):
        self.assertIsNone(views.close_views())

    def test_a_kept_array_is_detected(self):
        kept.append(self.open())
        self.assertEqual((0,), views.close_views())

    def test_a_kept_slice_is_detected(self):
        kept.append(self.open()[1:, ::2])
        self.assertEqual((0,), views.close_views())

    def test_a_kept_memoryview_is_detected(self):
        kept.append(memoryview(self.open()))
        self.assertEqual((0,), views.close_views())

    def test_a_kept_owner_is_detected(self):
        kept.append(self.open().base)
        self.assertEqual((0,), views.close_views())

    def test_only_the_kept_one_of_several_is_named(self):
        self.open()
        kept.append(self.open().reshape(-1))
        self.open()
        self.assertEqual((1,), views.close_views())

    def test_a_garbage_cycle_is_not_taken_for_a_kept_view(self):
        class Node:
            pass

        node = Node()
        node.me = node
        node.array = self.open()
        del node
        self.assertIsNone(views.close_views())

    def test_a_copy_is_not_a_view(self):
        kept.append(self.open().copy())
        self.assertIsNone(views.close_views())


if __name__ == "__main__":
    unittest.main()
