"""The Python side of the HMS bridge.

The .NET bridge embeds this interpreter on one dedicated thread and calls into these modules:

- ``views``: zero-copy NumPy views of shared buffers, and the check that no view outlives its call.
- ``segments``: the same for another process, which maps a shared segment file by its path.
- ``calls``: entry points called by name (JSON dispatch for grain calls, exception descriptions).
"""

__all__ = ["calls", "segments", "views"]
