"""What every format's sink offers, and how a stream of rows is drained into one."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import TracebackType
from typing import Any, Protocol


class Sink(Protocol):
    """Rows of one table to one file: ``add`` them inside ``with``; the file appears only on a clean exit."""

    count: int

    def add(self, row: Mapping[str, Any]) -> None: ...

    def __enter__(self) -> Sink: ...

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> bool | None: ...


def drain(sink: Sink, rows: Iterable[Mapping[str, Any]]) -> int:
    """Write every row into ``sink`` and close it; return the number of rows."""
    with sink:
        for row in rows:
            sink.add(row)
    return sink.count
