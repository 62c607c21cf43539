"""Shared segments seen from another process (a Python worker the .NET side started).

A worker gets a buffer's segment path, offset and length (``SharedBuffer.SegmentPath``/``Offset``/``Length``), maps
that part of the file and works on it in place; the .NET side sees the result without a copy. ``apply`` enforces
the same rule as in the embedded interpreter: the view must not outlive the work.
"""

import mmap
import sys

from .views import require_numpy


class ViewKeptError(RuntimeError):
    """The work kept a view of the segment after it returned; the mapping is left open so that view stays valid."""


def apply(work, path, offset, nbytes, dtype, shape=None):
    """Maps ``nbytes`` at ``offset`` of the segment file ``path``, calls ``work(array)`` and returns its result.

    Raises ViewKeptError when the work kept a reference to the array (or a view of it) past its return.
    """
    np = require_numpy()
    dtype = np.dtype(dtype)
    if shape is None:
        if nbytes % dtype.itemsize:
            raise ValueError(f"{nbytes} bytes are not a whole number of {dtype} elements")
        shape = nbytes // dtype.itemsize
    # mmap offsets must be page multiples; buffers are only 64-byte aligned.
    start = offset - offset % mmap.ALLOCATIONGRANULARITY
    with open(path, "r+b") as file:
        mapping = mmap.mmap(file.fileno(), nbytes + offset - start, offset=start)
    array = np.ndarray(shape, dtype, mapping, offset - start)
    try:
        result = work(array)
    except BaseException:
        del array
        # Closing under a live view would leave it pointing at unmapped memory, and the exception's frames may still
        # hold one: close only when the mapping is referenced by `mapping` and the argument alone.
        if sys.getrefcount(mapping) <= 2:
            mapping.close()
        raise
    # `array` and getrefcount's argument; the mapping: `mapping`, the array's base and the argument.
    kept = sys.getrefcount(array) > 2 or sys.getrefcount(mapping) > 3
    del array
    if kept:
        raise ViewKeptError(f"work kept a view of {path}@{offset} past its return")
    mapping.close()
    return result

