"""The client of the TheoremProver gRPC service."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from types import TracebackType
from typing import Any

import grpc

from ._wire import method_path, pb
from .errors import from_rpc_error
from .handle import Handle
from .progress import Progress
from .status import Format, Status, from_wire, to_wire
from .verdict import Verdict

Theorem = str | Handle
"""A theorem's id, or the handle submit() returned."""

# The server accepts requests up to 16 MiB (Hms:Frontend:MaxReceiveMessageBytes); a page of theorems with
# large statements can exceed gRPC's default 4 MiB reply limit, so replies may be as large.
_MESSAGE_LIMIT = 64 * 1024 * 1024
_HEALTH_CHECK = "/grpc.health.v1.Health/Check"
# HealthCheckResponse{status: SERVING}: field 1, varint 1. Debian ships no grpc_health module, and this
# one message is all the client reads of the health service.
_SERVING = b"\x08\x01"


class Prover:
    """A connection to `hms serve`: Prover("127.0.0.1:5000"), also as `with Prover(...) as prover:`.

    `call_timeout` (seconds) is the deadline of the short calls (submit, get, list pages, cancel); prove()
    and watch() wait as long as their own `timeout` says (None: until the verdict). Failed calls raise the
    exceptions of hms_client.errors. There is no prove_many(): the service has no batch RPC yet; submit
    each theorem, then wait() for each.
    """

    def __init__(self, target: str = "127.0.0.1:5000", *, call_timeout: float | None = 30.0,
                 channel: grpc.Channel | None = None) -> None:
        self.target = target
        self.call_timeout = call_timeout
        self._owns_channel = channel is None
        self._channel = channel if channel is not None else _open(target)
        self._submit = self._unary("SubmitTheorem", pb.SubmitTheoremRequest, pb.TheoremHandle)
        self._prove = self._unary("ProveTheorem", pb.ProveTheoremRequest, pb.ProveTheoremResponse)
        self._get = self._unary("GetTheorem", pb.GetTheoremRequest, pb.Theorem)
        self._list = self._unary("ListTheorems", pb.ListTheoremsRequest, pb.ListTheoremsResponse)
        self._cancel = self._unary("CancelTheorem", pb.CancelTheoremRequest, pb.TheoremHandle)
        self._report = self._unary("GetPerformanceReport", pb.GetPerformanceReportRequest, pb.PerformanceReport)
        self._watch = self._channel.unary_stream(
            method_path("WatchTheorem"),
            request_serializer=pb.WatchTheoremRequest.SerializeToString,
            response_deserializer=pb.ProveTheoremProgress.FromString,
        )
        self._health = self._channel.unary_unary(_HEALTH_CHECK, request_serializer=lambda _: b"", response_deserializer=bytes)

    def prove(self, statement: str, assumptions: Sequence[str] = (), variables: Mapping[str, str] | None = None, *,
              timeout: float | None = None, strategy: str | Sequence[str] | None = None, solver_timeout: int = 0,
              genetic: bool = False, id: str | None = None, name: str = "", domain: str = "",
              format: Format | str = Format.INFIX, metadata: Mapping[str, str] | None = None) -> Verdict:
        """Submits the theorem and waits for its verdict.

        `variables` maps names to "Real", "Int" or "Bool" (undeclared names are Real). `timeout` is the
        call's gRPC deadline in seconds: when it passes, the server cancels the proof and DeadlineExceeded
        is raised (its theorem_id says which theorem). `solver_timeout` is each solver goal's limit in seconds
        (0: the server's default), `strategy` one or more of z3, cvc5, portfolio, genetic. Without `id` a new
        random one is used, so every call is a new theorem; with an id, the same content again returns the
        stored verdict and other content is AlreadyExists.
        """
        theorem = _theorem(statement, assumptions, variables, id, name, domain, format, metadata)
        request = pb.ProveTheoremRequest(theorem=theorem, strategies=_strategies(strategy),
                                         timeout_seconds=solver_timeout, use_genetic_optimization=genetic)
        reply = self._call(self._prove, request, timeout, theorem.id)
        return Verdict.from_wire(reply.theorem)

    def submit(self, statement: str, assumptions: Sequence[str] = (), variables: Mapping[str, str] | None = None, *,
               strategy: str | Sequence[str] | None = None, solver_timeout: int = 0, genetic: bool = False,
               priority: int = 0, id: str | None = None, name: str = "", domain: str = "",
               format: Format | str = Format.INFIX, metadata: Mapping[str, str] | None = None,
               replace: bool = False) -> Handle:
        """Stores the theorem and starts its proof without waiting; follow it with watch() or wait().

        Options as for prove(). `replace` overwrites a different document stored under the same id.
        """
        theorem = _theorem(statement, assumptions, variables, id, name, domain, format, metadata)
        options = pb.ProveOptions(strategies=_strategies(strategy), timeout_seconds=solver_timeout,
                                  use_genetic_optimization=genetic, priority=priority)
        reply = self._call(self._submit, pb.SubmitTheoremRequest(theorem=theorem, options=options, replace=replace),
                           self.call_timeout, theorem.id)
        return Handle(reply.id, from_wire(Status, reply.status))

    def watch(self, theorem: Theorem, after_sequence: int = 0, *, timeout: float | None = None) -> Iterator[Progress]:
        """The theorem's progress events numbered above `after_sequence`, then live ones, ending with COMPLETED.

        Nothing is sent before the first next(); an unknown id raises NotFound there. Closing the iterator
        early (break, or leaving a `with closing(...)`) ends the call; the proof goes on.
        """
        theorem_id = str(theorem)
        # Called here, inside the generator, so that the call starts at the first next() and not before.
        call = self._watch(pb.WatchTheoremRequest(id=theorem_id, after_sequence=after_sequence), timeout=timeout)
        yield from _follow(call, theorem_id)

    def wait(self, theorem: Theorem, *, timeout: float | None = None) -> Verdict:
        """Waits until the theorem is finished (following its progress, no polling), then returns it."""
        for event in self.watch(theorem, timeout=timeout):
            if event.completed:
                break
        return self.get(theorem)

    def get(self, theorem: Theorem, *, fields: Sequence[str] | None = None) -> Verdict:
        """The theorem now; with `fields` (Theorem field names, e.g. ["status", "counterexample"]) only those are filled."""
        theorem_id = str(theorem)
        request = pb.GetTheoremRequest(id=theorem_id)
        if fields:
            request.read_mask.paths.extend(fields)
        return Verdict.from_wire(self._call(self._get, request, self.call_timeout, theorem_id))

    def list(self, *, domain: str | None = None, status: Status | str | None = None,
             page_size: int = 0) -> Iterator[Verdict]:
        """Every theorem in id order (optionally of one domain and status), fetching pages of `page_size` (0: the server's 50) as needed."""
        request = pb.ListTheoremsRequest(page_size=page_size, domain=domain or "",
                                         status=to_wire(Status(status) if status is not None else Status.UNSPECIFIED))
        while True:
            page = self._call(self._list, request, self.call_timeout, None)
            for theorem in page.theorems:
                yield Verdict.from_wire(theorem)
            if not page.next_page_token:
                return
            request.page_token = page.next_page_token

    def cancel(self, theorem: Theorem) -> Handle:
        """Stops a running proof (the theorem ends CANCELLED); a finished theorem keeps its verdict."""
        theorem_id = str(theorem)
        reply = self._call(self._cancel, pb.CancelTheoremRequest(id=theorem_id), self.call_timeout, theorem_id)
        return Handle(reply.id, from_wire(Status, reply.status))

    def performance_report(self, window_seconds: int = 0) -> Any:
        """
        The server's GetPerformanceReport (the protobuf message): latency per stage, throughput, solver slots,
        cache hit rate and the bottleneck over the last `window_seconds` (0: the server's whole window).
        """
        return self._call(self._report, pb.GetPerformanceReportRequest(window_seconds=window_seconds), self.call_timeout, None)

    def healthy(self, timeout: float = 5.0) -> bool:
        """True when the server answers the standard gRPC health check with SERVING within `timeout` seconds."""
        try:
            return bool(self._health(b"", timeout=timeout) == _SERVING)
        except grpc.RpcError:
            return False

    def close(self) -> None:
        """Closes the channel (one passed in by the caller stays open)."""
        if self._owns_channel:
            self._channel.close()

    def __enter__(self) -> Prover:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Prover({self.target!r})"

    def _unary(self, name: str, request: Any, reply: Any) -> Callable[..., Any]:
        method: Callable[..., Any] = self._channel.unary_unary(method_path(name), request_serializer=request.SerializeToString,
                                         response_deserializer=reply.FromString)
        return method

    @staticmethod
    def _call(method: Callable[..., Any], request: Any, timeout: float | None, theorem_id: str | None) -> Any:
        try:
            return method(request, timeout=timeout)
        except grpc.RpcError as e:
            raise from_rpc_error(e, theorem_id) from None


def _open(target: str) -> grpc.Channel:
    """An h2c channel for "host:port" or "http://host:port", TLS for "https://host:port"."""
    options = [("grpc.max_receive_message_length", _MESSAGE_LIMIT)]
    if target.startswith("https://"):
        return grpc.secure_channel(target.removeprefix("https://").rstrip("/"), grpc.ssl_channel_credentials(), options)
    return grpc.insecure_channel(target.removeprefix("http://").rstrip("/"), options)


def _follow(call: Any, theorem_id: str) -> Iterator[Progress]:
    try:
        for event in call:
            yield Progress.from_wire(event)
    except grpc.RpcError as e:
        raise from_rpc_error(e, theorem_id) from None
    finally:
        call.cancel()  # no-op once the stream has ended; ends it when the caller stops early


def _strategies(strategy: str | Sequence[str] | None) -> list[str]:
    if strategy is None:
        return []
    return [strategy] if isinstance(strategy, str) else list(strategy)


def _theorem(statement: str, assumptions: Sequence[str], variables: Mapping[str, str] | None, id: str | None,
             name: str, domain: str, format: Format | str, metadata: Mapping[str, str] | None) -> Any:
    if isinstance(assumptions, str):
        raise TypeError("assumptions is a list of formulas, not one string")
    return pb.Theorem(
        id=id if id is not None else f"py-{uuid.uuid4().hex}",
        statement=statement,
        assumptions=list(assumptions),
        variables=dict(variables or {}),
        name=name,
        domain=domain,
        format=to_wire(Format(str(format).upper())),
        metadata=dict(metadata or {}),
    )
