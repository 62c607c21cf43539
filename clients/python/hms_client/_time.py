"""Wire timestamps and durations as datetime values."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any


def timestamp(message: Any, field: str) -> datetime | None:
    """The field as an aware UTC datetime, or None when the server left it unset."""
    if not message.HasField(field):
        return None
    value: datetime = getattr(message, field).ToDatetime(tzinfo=timezone.utc)
    return value


def milliseconds(value: int) -> timedelta:
    return timedelta(milliseconds=value)
