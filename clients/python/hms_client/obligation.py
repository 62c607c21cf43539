"""One proof obligation of a theorem."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from ._time import milliseconds
from .status import ObligationKind, ObligationStatus, from_wire


@dataclass(frozen=True)
class Obligation:
    id: str
    kind: ObligationKind
    description: str
    status: ObligationStatus
    strategy: str
    elapsed: timedelta
    reason: str
    """Why it is UNKNOWN or ERROR; empty otherwise."""

    @classmethod
    def from_wire(cls, message: Any) -> Obligation:
        return cls(
            id=message.id,
            kind=from_wire(ObligationKind, message.kind),
            description=message.description,
            status=from_wire(ObligationStatus, message.status),
            strategy=message.strategy,
            elapsed=milliseconds(message.elapsed_ms),
            reason=message.reason,
        )

    def __repr__(self) -> str:
        by = f" by {self.strategy}" if self.strategy else ""
        why = f" ({self.reason})" if self.reason else ""
        return f"Obligation({self.id!r} {self.status.value}{by}{why}: {self.description!r})"
