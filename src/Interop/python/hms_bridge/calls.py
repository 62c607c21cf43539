"""Entry points the .NET bridge calls by name."""

import importlib
import json
import traceback

from . import views


def call_json(module, function, arrays, arguments_json):
    """Calls ``module.function(*arrays, **arguments)`` and returns its result as JSON.

    This is how a grain's call (which crosses a grain boundary as data) reaches Python: arrays are views of shared
    buffers, plain arguments come as a JSON object. Results that are arrays belong in an output buffer passed among
    ``arrays``, not in the return value.
    """
    target = getattr(importlib.import_module(module), function)
    result = target(*arrays, **json.loads(arguments_json))
    return json.dumps(result, default=_plain)


def _plain(value):
    np = views.numpy
    if np is not None and isinstance(value, np.generic):
        return value.item()
    if np is not None and isinstance(value, np.ndarray):
        raise TypeError("an array result goes into an output buffer passed as an argument, not into the return value")
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def describe(error):
    """(type name, message, formatted traceback) of an exception, for the .NET exception that reports it."""
    kind = type(error)
    name = kind.__qualname__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__qualname__}"
    return name, str(error), "".join(traceback.format_exception(error))
