"""The generated messages and the service's full name, read from the proto's descriptor."""

from __future__ import annotations

from . import _codegen

_codegen.ensure_generated()

from ._generated import theorem_prover_pb2 as pb  # noqa: E402  (generated just above when missing)

__all__ = ["SERVICE", "has_method", "method_path", "pb"]

SERVICE = pb.DESCRIPTOR.services_by_name["TheoremProver"]


def method_path(name: str) -> str:
    """"/hms.theorem_prover.v1.TheoremProver/Name" for an RPC the proto declares (KeyError otherwise)."""
    return f"/{SERVICE.full_name}/{SERVICE.methods_by_name[name].name}"


def has_method(name: str) -> bool:
    return name in SERVICE.methods_by_name
