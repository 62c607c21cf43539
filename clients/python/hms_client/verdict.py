"""A theorem as the server reports it: the document and what the prover made of it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from . import _html
from ._time import milliseconds, timestamp
from .obligation import Obligation
from .status import Complexity, Status, from_wire
from .values import Value, format_value, parse_value


@dataclass(frozen=True, repr=False)
class Verdict:
    """What prove(), get() and list() return. Until `status.finished` the proof is still going on.

    `counterexample` maps each variable to its value (see hms_client.values.Value) and is empty unless the
    theorem was DISPROVED with a model or a search found numeric evidence; `counterexample_validation` says
    how it was confirmed ("exact", "interval", "solver" or "none", as the proto's CounterexampleValidation) and
    `counterexample_validated` is True exactly for "exact" and "interval" (checked without trusting a solver);
    a value the server flags as approximate is a float, every exact one a Fraction. `assumptions_used` is set for PROVED.
    """

    id: str
    status: Status
    counterexample: dict[str, Value]
    counterexample_validated: bool
    explanation: str
    obligations: tuple[Obligation, ...]
    warnings: tuple[str, ...]
    assumptions_used: tuple[str, ...]
    elapsed: timedelta
    error: str
    strategy: str
    solver_versions: tuple[str, ...]
    statement: str
    assumptions: tuple[str, ...]
    variables: dict[str, str]
    name: str
    domain: str
    complexity: Complexity
    created_at: datetime | None
    completed_at: datetime | None
    counterexample_validation: str = "none"

    @property
    def proved(self) -> bool:
        return self.status is Status.PROVED

    @property
    def disproved(self) -> bool:
        return self.status is Status.DISPROVED

    @property
    def finished(self) -> bool:
        return self.status.finished

    @classmethod
    def from_wire(cls, theorem: Any) -> Verdict:
        proof = theorem.proof if theorem.HasField("proof") else None
        counterexample = theorem.counterexample if theorem.HasField("counterexample") else None
        return cls(
            id=theorem.id,
            status=from_wire(Status, theorem.status),
            counterexample={name: parse_value(counterexample.assignment[name], name in counterexample.approximate)
                            for name in sorted(counterexample.assignment)}
            if counterexample is not None else {},
            counterexample_validated=counterexample.validated if counterexample is not None else False,
            counterexample_validation=_validation_name(counterexample.validation) if counterexample is not None else "none",
            explanation=counterexample.explanation if counterexample is not None else "",
            obligations=tuple(Obligation.from_wire(o) for o in theorem.obligations),
            warnings=tuple(theorem.warnings),
            assumptions_used=tuple(proof.assumptions_used) if proof is not None else (),
            elapsed=milliseconds(theorem.elapsed_ms),
            error=theorem.error,
            strategy=proof.strategy if proof is not None else "",
            solver_versions=tuple(proof.solver_versions) if proof is not None else (),
            statement=theorem.statement,
            assumptions=tuple(theorem.assumptions),
            variables=dict(sorted(theorem.variables.items())),
            name=theorem.name,
            domain=theorem.domain,
            complexity=from_wire(Complexity, theorem.complexity),
            created_at=timestamp(theorem, "created_at"),
            completed_at=timestamp(theorem, "completed_at"),
        )

    def __repr__(self) -> str:
        parts = [f"id={self.id!r}", f"status={self.status.value}"]
        if self.counterexample:
            values = ", ".join(f"{name}={format_value(v)}" for name, v in self.counterexample.items())
            parts.append(f"counterexample={{{values}}}" + ("" if self.counterexample_validated else " (not validated)"))
        if self.assumptions_used:
            parts.append(f"assumptions_used={list(self.assumptions_used)!r}")
        if self.warnings:
            parts.append(f"warnings={list(self.warnings)!r}")
        if self.error:
            parts.append(f"error={self.error!r}")
        decided = sum(1 for o in self.obligations if o.status.value in ("PROVED", "DISPROVED"))
        parts.append(f"obligations={decided}/{len(self.obligations)} decided")
        parts.append(f"elapsed={self.elapsed.total_seconds():.3f}s")
        return f"Verdict({', '.join(parts)})"

    def _repr_html_(self) -> str:
        rows: list[tuple[str, str]] = [("theorem", self.id), ("status", self.status.value), ("statement", self.statement)]
        rows += [("assumption", a) for a in self.assumptions]
        if self.counterexample:
            note = "" if self.counterexample_validated else " (not validated)"
            rows.append(("counterexample" + note, ", ".join(f"{n} = {format_value(v)}" for n, v in self.counterexample.items())))
        if self.assumptions_used:
            rows.append(("assumptions used", "; ".join(self.assumptions_used)))
        rows += [("warning", w) for w in self.warnings]
        if self.error:
            rows.append(("error", self.error))
        rows.append(("elapsed", f"{self.elapsed.total_seconds():.3f} s"))
        obligations = [
            (o.id, o.kind.value, o.status.value, o.strategy, f"{o.elapsed.total_seconds() * 1000:.0f} ms", o.reason or o.description)
            for o in self.obligations
        ]
        return _html.table(rows) + (_html.grid(("obligation", "kind", "status", "by", "time", "what"), obligations) if obligations else "")


def _validation_name(value: int) -> str:
    """COUNTEREXAMPLE_VALIDATION_EXACT (1) -> "exact"; UNSPECIFIED (an older server) -> "none"."""
    return {1: "exact", 2: "solver", 3: "interval", 4: "none"}.get(value, "none")
