"""What every format's sink offers, and how a stream of rows is drained into one."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from types import TracebackType
from typing import Any, Protocol

from transcript_kit.errors import SchemaError


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


def check_row(table: str, names: Collection[str], row: Mapping[str, Any], number: int) -> None:
    """Refuse a row whose keys are not exactly the table's fields: a misspelt key would otherwise be written as
    a null and the value lost."""
    if len(row) == len(names) and all(name in row for name in names):
        return
    unknown = sorted(set(row) - set(names))
    missing = [name for name in names if name not in row]
    problems = [
        *([f"unknown {', '.join(map(repr, unknown))}"] if unknown else []),
        *([f"missing {', '.join(map(repr, missing))}"] if missing else []),
    ]
    raise SchemaError(f"{table} row {number}: keys do not match the {table} table: {'; '.join(problems)}")
