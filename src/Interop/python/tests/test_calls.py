"""calls: JSON dispatch for grain calls and exception descriptions."""

import ctypes
import json
import unittest

import numpy as np

from hms_bridge import calls, views


class CallJsonTests(unittest.TestCase):
    def test_arrays_go_first_and_arguments_by_name(self):
        raw = (ctypes.c_double * 4)(1.0, 2.0, 3.0, 4.0)
        array = views.as_array(ctypes.addressof(raw), 32, "float64")
        self.assertEqual(10.0, json.loads(calls.call_json("numpy", "sum", [array], "{}")))
        self.assertEqual(15.0, json.loads(calls.call_json("numpy", "sum", [array], '{"initial": 5.0}')))

    def test_numpy_scalars_become_plain_json(self):
        raw = (ctypes.c_int64 * 3)(5, 9, 2)
        array = views.as_array(ctypes.addressof(raw), 24, "int64")
        self.assertEqual("1", calls.call_json("numpy", "argmax", [array], "{}"))

    def test_an_array_result_is_refused(self):
        with self.assertRaisesRegex(TypeError, "output buffer"):
            calls.call_json("numpy", "zeros", [], '{"shape": 3}')

    def test_an_unknown_function_is_an_attribute_error(self):
        with self.assertRaises(AttributeError):
            calls.call_json("hms_bridge.calls", "no_such_function", [], "{}")


class DescribeTests(unittest.TestCase):
    def test_a_builtin_type_is_named_alone_with_message_and_traceback(self):
        try:
            int("x")
        except ValueError as error:
            name, message, text = calls.describe(error)
        self.assertEqual("ValueError", name)
        self.assertIn("invalid literal", message)
        self.assertIn("Traceback (most recent call last)", text)
        self.assertIn('int("x")', text)

    def test_other_types_are_qualified(self):
        name, _, _ = calls.describe(np.linalg.LinAlgError("singular"))
        self.assertEqual("numpy.linalg.LinAlgError", name)


if __name__ == "__main__":
    unittest.main()
