"""One step of a proof, as watch() yields them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from ._time import milliseconds, timestamp
from .status import ObligationStatus, ProgressKind, Status, from_wire


@dataclass(frozen=True, repr=False)
class Progress:
    """Events are numbered per theorem from 1 without gaps; the last one of a proof is COMPLETED.

    Fields that do not apply to the kind are None: obligation_count (DECOMPOSED), obligation_id and
    obligation_status (OBLIGATION_STARTED/FINISHED), generation and best_fitness (SEARCH_PROGRESS, where a
    fitness of 0 would refute the theorem).
    """

    theorem_id: str
    sequence: int
    kind: ProgressKind
    timestamp: datetime | None
    theorem_status: Status | None
    """The theorem's status after this step, where the server reports it (always on COMPLETED)."""
    elapsed: timedelta
    description: str
    strategy: str
    obligation_count: int | None
    obligation_id: str | None
    obligation_status: ObligationStatus | None
    generation: int | None
    best_fitness: float | None

    @property
    def completed(self) -> bool:
        return self.kind is ProgressKind.COMPLETED

    @classmethod
    def from_wire(cls, event: Any) -> Progress:
        kind = from_wire(ProgressKind, event.kind)
        obligation_status = from_wire(ObligationStatus, event.obligation_status)
        search = kind is ProgressKind.SEARCH_PROGRESS
        theorem_status = from_wire(Status, event.theorem_status)
        return cls(
            theorem_id=event.theorem_id,
            sequence=event.sequence,
            kind=kind,
            timestamp=timestamp(event, "timestamp"),
            theorem_status=None if theorem_status is Status.UNSPECIFIED else theorem_status,
            elapsed=milliseconds(event.elapsed_ms),
            description=event.description,
            strategy=event.strategy,
            obligation_count=event.obligation_count if kind is ProgressKind.DECOMPOSED else None,
            obligation_id=event.obligation_id or None,
            obligation_status=None if obligation_status is ObligationStatus.UNSPECIFIED else obligation_status,
            generation=event.generation if search else None,
            best_fitness=event.best_fitness if search else None,
        )

    def __repr__(self) -> str:
        parts = [f"#{self.sequence}", self.kind.value]
        if self.obligation_count is not None:
            parts.append(f"{self.obligation_count} obligations")
        if self.obligation_id:
            parts.append(self.obligation_id)
        if self.obligation_status is not None:
            parts.append(self.obligation_status.value)
        if self.strategy:
            parts.append(f"by {self.strategy}")
        if self.generation is not None:
            parts.append(f"generation {self.generation}, best fitness {self.best_fitness:g}")
        if self.theorem_status is not None:
            parts.append(f"theorem {self.theorem_status.value}")
        return f"Progress({' '.join(parts)})"
