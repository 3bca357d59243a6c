"""Importers that build registries from public data: congress-legislators (US Congress) and Popolo JSON.

Each importer returns the registry as a JSON-ready dict; :func:`write_registry` checks it loads as a registry
and only then writes it, atomically, so a failed import never leaves a file behind.
"""

from __future__ import annotations

import gzip
import os
import tempfile
from pathlib import Path
from typing import Any

import orjson

from transcript_kit.errors import RegistryError
from transcript_kit.registry import Registry

__all__ = ["IMPORTERS", "import_registry", "write_registry"]


def _us_congress(path: Path) -> dict[str, Any]:
    from transcript_kit.registries.us_congress import import_us_congress

    return import_us_congress(path)


def _popolo(path: Path) -> dict[str, Any]:
    from transcript_kit.registries.popolo import import_popolo

    return import_popolo(path)


IMPORTERS = {"us-congress": _us_congress, "popolo": _popolo}


def import_registry(kind: str, path: Path) -> dict[str, Any]:
    """Read ``path`` with the importer ``kind`` and check the result is a valid registry."""
    try:
        importer = IMPORTERS[kind]
    except KeyError:
        raise RegistryError(f"no importer {kind!r}; choose from {', '.join(IMPORTERS)}") from None
    data = importer(Path(path))
    Registry.from_dict(data, origin=f"{kind} import of {path}")  # raises before anything is written
    return data


def write_registry(data: dict[str, Any], out: Path) -> None:
    """Write a registry as JSON (gzip'd when ``out`` ends in .gz), replacing ``out`` atomically."""
    out = Path(out)
    raw = orjson.dumps(data, option=orjson.OPT_SORT_KEYS)
    if out.suffix == ".gz":
        raw = gzip.compress(raw, compresslevel=9, mtime=0)  # mtime 0: the same input builds the same bytes
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
        with os.fdopen(handle, "wb") as file:
            file.write(raw)
        os.replace(temp, out)
    except OSError as error:
        raise RegistryError(f"{out}: cannot write registry: {error.strerror or error}") from error
