"""Zero-copy NumPy views of shared buffers, and the rule that none outlives the call it was made for.

The .NET side hands a buffer to Python as (address, length, dtype, shape): the array's memory *is* the buffer, so
writes on either side are seen by the other. After the call the buffer may be reused for other data, so a view that
Python kept would silently read and write someone else's numbers. ``close_views`` finds such views: every derived view
(slice, reshape, transpose, memoryview) refers back to the array handed out, so a reference count above what the
bridge itself holds means something kept one.
"""

import ctypes
import gc
import sys

try:
    import numpy
except ImportError as error:  # the bridge still serves calls that need no NumPy; those that do get a clear error
    numpy = None
    _numpy_error = error
else:
    _numpy_error = None


class NumPyMissingError(ImportError):
    """NumPy is not importable by this interpreter."""


class ViewExpiredError(RuntimeError):
    """A view of a shared buffer was used after the call it was made for had returned."""


class _ExpiredView:
    """What a .NET reference to a view turns into when its call returns: every use raises ViewExpiredError.

    The .NET side swaps it in rather than freeing the reference, so a stale reference fails clearly instead of
    reading memory that another lease now owns (or crashing on a freed object).
    """

    __slots__ = ()

    def __getattribute__(self, name):
        raise ViewExpiredError(f"a NumPy view of a shared buffer was used after its call returned (attribute {name!r})")

    def _expired(self, *args, **kwargs):
        raise ViewExpiredError("a NumPy view of a shared buffer was used after its call returned")

    __getitem__ = __setitem__ = __len__ = __iter__ = __array__ = __call__ = _expired

    def __repr__(self):
        return "<expired view of a shared buffer>"


EXPIRED = _ExpiredView()


# Arrays handed out during the current call, in the order the .NET side knows them.
_open = []

# dtype objects by what the caller named them ("float64", "<i4", np.float32...): parsing a name costs more than a lookup.
_dtypes = {}


def require_numpy():
    """Returns the numpy module, or raises NumPyMissingError saying how to get it."""
    if numpy is None:
        raise NumPyMissingError(
            f"NumPy is not importable from {sys.executable} (sys.path {sys.path}); "
            f"install Debian's python3-numpy: {_numpy_error}"
        )
    return numpy


def as_array(address, nbytes, dtype, shape=None):
    """An ndarray over ``nbytes`` of native memory at ``address``, without copying.

    ``shape`` defaults to as many elements as fit. The array's base is a ctypes array at the same address (not a
    PyBuffer with formats, which pythonnet mishandles).
    """
    np = require_numpy()
    dtype = _dtypes.get(dtype) or _dtypes.setdefault(dtype, np.dtype(dtype))
    if shape is None:
        if nbytes % dtype.itemsize:
            raise ValueError(f"{nbytes} bytes are not a whole number of {dtype} elements")
        shape = nbytes // dtype.itemsize
    owner = (ctypes.c_char * nbytes).from_address(address)
    return np.ndarray(shape, dtype, owner)


def open_view(address, nbytes, dtype, shape=None):
    """``as_array``, remembered until ``close_views`` at the end of the current call."""
    array = as_array(address, nbytes, dtype, shape)
    _open.append(array)
    return array


def close_views():
    """Forgets the views of the current call.

    Returns None when none is referenced any more (the usual case), else a tuple of the positions (in opening order)
    of the views something still references.
    """
    if not _open:
        return None
    try:
        kept = _kept_positions()
        if kept:
            # Garbage cycles (a traceback's frames, say) hold references nobody can use: collect them before judging.
            gc.collect()
            kept = _kept_positions()
    finally:
        # Whatever happens, the next call starts with no views, or positions would name the wrong buffers.
        _open.clear()
    return tuple(kept) if kept else None


def _kept_positions():
    kept = []
    for position in range(len(_open)):
        array = _open[position]
        # The array is referenced by _open, by `array` and by getrefcount's argument; its ctypes owner by the array's
        # base and the argument. Anything more is a view (or the owner) kept by someone else.
        if sys.getrefcount(array) > 3 or sys.getrefcount(array.base) > 2:
            kept.append(position)
    return kept
