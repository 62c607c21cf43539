"""What submit() and cancel() return: the theorem's id and its status at that moment."""

from __future__ import annotations

from dataclasses import dataclass

from .status import Status


@dataclass(frozen=True)
class Handle:
    id: str
    status: Status

    def __str__(self) -> str:
        return self.id
