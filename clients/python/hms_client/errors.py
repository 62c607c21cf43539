"""Failed calls as exceptions. Verdicts are never errors: DISPROVED or UNKNOWN come back as a Verdict."""

from __future__ import annotations

import grpc


class ProverError(Exception):
    """A call the server could not serve as asked; `code` is the gRPC status, `message` the server's words."""

    def __init__(self, message: str, code: grpc.StatusCode | None = None, theorem_id: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.theorem_id = theorem_id


class InvalidTheorem(ProverError, ValueError):
    """INVALID_ARGUMENT: the theorem (or request) was refused, with the parser's message (line:column)."""


class NotFound(ProverError, LookupError):
    """NOT_FOUND: no theorem has this id."""


class AlreadyExists(ProverError):
    """ALREADY_EXISTS: another document is stored under this id; submit with replace=True to overwrite it."""


class ResourceExhausted(ProverError):
    """RESOURCE_EXHAUSTED: too many proofs followed at once, or the solver queue is full; retry later."""


class ProverUnavailable(ProverError, ConnectionError):
    """UNAVAILABLE: no server answers at the address, or it is shutting down."""


class DeadlineExceeded(ProverError, TimeoutError):
    """DEADLINE_EXCEEDED: the call's timeout passed. For prove() the server cancelled the proof with it."""


class Cancelled(ProverError):
    """CANCELLED: the call was cancelled (for prove(), the proof with it)."""


_BY_CODE: dict[grpc.StatusCode, type[ProverError]] = {
    grpc.StatusCode.INVALID_ARGUMENT: InvalidTheorem,
    grpc.StatusCode.NOT_FOUND: NotFound,
    grpc.StatusCode.ALREADY_EXISTS: AlreadyExists,
    grpc.StatusCode.RESOURCE_EXHAUSTED: ResourceExhausted,
    grpc.StatusCode.UNAVAILABLE: ProverUnavailable,
    grpc.StatusCode.DEADLINE_EXCEEDED: DeadlineExceeded,
    grpc.StatusCode.CANCELLED: Cancelled,
}


def from_rpc_error(error: grpc.RpcError, theorem_id: str | None = None) -> ProverError:
    """The exception for a failed call; unknown codes become a plain ProverError that keeps the code."""
    code = error.code() if isinstance(error, grpc.Call) else None
    details = error.details() if isinstance(error, grpc.Call) else None
    message = details or (code.name if code is not None else str(error))
    return _BY_CODE.get(code, ProverError)(message, code, theorem_id) if code is not None else ProverError(message, None, theorem_id)
