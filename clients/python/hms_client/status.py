"""The proto's enums as Python enums, without their wire prefixes (THEOREM_STATUS_PROVED is Status.PROVED)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, TypeVar

from ._wire import pb


class Status(StrEnum):
    """A theorem's status; PENDING and RUNNING are not verdicts yet."""

    UNSPECIFIED = "UNSPECIFIED"
    PENDING = "PENDING"
    RUNNING = "RUNNING"
    PROVED = "PROVED"
    DISPROVED = "DISPROVED"
    UNKNOWN = "UNKNOWN"
    ERROR = "ERROR"
    CANCELLED = "CANCELLED"

    @property
    def finished(self) -> bool:
        return self not in (Status.UNSPECIFIED, Status.PENDING, Status.RUNNING)


class ObligationStatus(StrEnum):
    UNSPECIFIED = "UNSPECIFIED"
    PENDING = "PENDING"
    RUNNING = "RUNNING"
    PROVED = "PROVED"
    DISPROVED = "DISPROVED"
    UNKNOWN = "UNKNOWN"
    ERROR = "ERROR"
    CANCELLED = "CANCELLED"


class ObligationKind(StrEnum):
    """CLAIM: a part of the statement; WELL_DEFINEDNESS: a partial operation's condition; CONSISTENCY: the assumptions'."""

    UNSPECIFIED = "UNSPECIFIED"
    CLAIM = "CLAIM"
    WELL_DEFINEDNESS = "WELL_DEFINEDNESS"
    CONSISTENCY = "CONSISTENCY"


class ProgressKind(StrEnum):
    UNSPECIFIED = "UNSPECIFIED"
    SUBMITTED = "SUBMITTED"
    DECOMPOSED = "DECOMPOSED"
    OBLIGATION_STARTED = "OBLIGATION_STARTED"
    OBLIGATION_FINISHED = "OBLIGATION_FINISHED"
    COMPLETED = "COMPLETED"
    SEARCH_PROGRESS = "SEARCH_PROGRESS"


class Complexity(StrEnum):
    UNSPECIFIED = "UNSPECIFIED"
    SIMPLE = "SIMPLE"
    MODERATE = "MODERATE"
    COMPLEX = "COMPLEX"
    VERY_COMPLEX = "VERY_COMPLEX"


class Format(StrEnum):
    """The statement's language; UNSPECIFIED is read as INFIX."""

    UNSPECIFIED = "UNSPECIFIED"
    INFIX = "INFIX"
    SMTLIB2 = "SMTLIB2"
    LEAN4 = "LEAN4"


E = TypeVar("E", bound=StrEnum)

_WIRE: dict[type[StrEnum], Any] = {
    Status: pb.TheoremStatus,
    ObligationStatus: pb.ObligationStatus,
    ObligationKind: pb.ObligationKind,
    ProgressKind: pb.ProgressKind,
    Complexity: pb.TheoremComplexity,
    Format: pb.TheoremFormat,
}
_PREFIX: dict[type[StrEnum], str] = {
    Status: "THEOREM_STATUS_",
    ObligationStatus: "OBLIGATION_STATUS_",
    ObligationKind: "OBLIGATION_KIND_",
    ProgressKind: "PROGRESS_KIND_",
    Complexity: "THEOREM_COMPLEXITY_",
    Format: "THEOREM_FORMAT_",
}


def from_wire(kind: type[E], number: int) -> E:
    """The enum member for a wire number; a number this client does not know yet (a newer server) is UNSPECIFIED."""
    try:
        name = _WIRE[kind].Name(number)
    except ValueError:
        return kind("UNSPECIFIED")
    member = name.removeprefix(_PREFIX[kind])
    return kind(member) if member in kind.__members__ else kind("UNSPECIFIED")


def to_wire(member: StrEnum) -> str:
    """The wire enum's name (THEOREM_STATUS_PROVED), which the generated messages take as a value too."""
    name = _PREFIX[type(member)] + member.value
    _WIRE[type(member)].Value(name)  # ValueError for a member the proto does not have
    return name
