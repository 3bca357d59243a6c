"""The output folder as one unit: a run is staged beside the folder and swapped in with one rename.

Layout, for ``--out OUT``: a hidden sibling ``.OUT.transcript-kit/`` (the *run area*, on the same file system as
OUT so that renames stay renames) holds the lock, the staging folder of the run in progress and, by default, the
cache of per-document results. A run writes every file into ``staging-PID/`` and, when all of them are complete,
exchanges that folder with OUT in one ``renameat2(RENAME_EXCHANGE)`` call (Linux), so OUT is at every instant
either the whole previous run or the whole new one, and ``OUT/turns.parquet`` keeps its path for readers such as
DuckDB. Where the exchange is not available, OUT is renamed aside and the staging folder renamed into place: a
moment without OUT, never a mix; a run killed in that moment is undone by the next one.

An interrupted run (an exception, Ctrl-C, SIGTERM) removes its staging folder; one that was killed outright
leaves it behind, and the next run removes it under the lock. The old folder's files that the new run does not
write are gone with the old folder; a folder holding files that no transcript-kit manifest lists is refused
unless ``force`` is given, and then those files are carried into the new folder (hard links where possible).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import orjson

from transcript_kit.errors import InputError, OutputError, TranscriptKitError

MANIFEST = "manifest.json"
AREA_SUFFIX = ".transcript-kit"
# Entries of an output folder that earlier versions of transcript-kit left behind: ours to remove.
_OUR_LEFTOVERS = (".work-",)


def run_area(out: Path) -> Path:
    """The hidden sibling folder holding the lock, staging folders and the default cache of ``out``."""
    return out.parent / f".{out.name}{AREA_SUFFIX}"


def output_path(out: Path) -> Path:
    """``out`` as an absolute path with symbolic links resolved: the folder that is really swapped."""
    real = Path(os.path.realpath(out))
    if real.parent == real:
        raise InputError(f"{out}: cannot write the output into the root folder; name a folder under it")
    return real


def make_folder(path: Path) -> None:
    """Create ``path`` with the permissions the user's umask gives (``mkdtemp`` would make it private)."""
    path.mkdir(mode=0o777)


def _listed_files(out: Path) -> set[str] | None:
    """The files the folder's manifest says a transcript-kit run wrote, or None without a readable manifest."""
    try:
        manifest = orjson.loads((out / MANIFEST).read_bytes())
        files = manifest["files"] if manifest.get("tool") == "transcript-kit" else None
    except (OSError, orjson.JSONDecodeError, TypeError, KeyError, AttributeError):
        return None
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        return None
    return {*files, MANIFEST}


def foreign_entries(out: Path) -> list[str]:
    """Entries of an existing output folder that no transcript-kit run wrote (sorted)."""
    if not out.is_dir():
        return []
    ours = _listed_files(out) or set()
    return sorted(
        entry.name
        for entry in out.iterdir()
        if entry.name not in ours and not entry.name.startswith(_OUR_LEFTOVERS)
    )


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one atomic step (Linux ``renameat2`` with ``RENAME_EXCHANGE``); False if unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EPERM):
        return False
    raise OSError(code, os.strerror(code), str(first))


def _carry(names: list[str], old: Path, new: Path) -> None:
    """Bring the user's own entries of the old folder into the new one: hard links, else copies."""

    def link(source: str, target: str) -> None:
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)

    for name in names:
        source, target = old / name, new / name
        if target.exists() or target.is_symlink():  # a file of the new run by the same name wins
            continue
        if source.is_dir() and not source.is_symlink():
            shutil.copytree(source, target, symlinks=True, copy_function=link)
        elif source.is_symlink():
            os.symlink(os.readlink(source), target)
        else:
            link(str(source), str(target))


class _Lock:
    """An exclusive lock on the run area, so two runs never write one output folder at the same time."""

    def __init__(self, area: Path, out: Path) -> None:
        self._handle: IO[bytes] = (area / "lock").open("ab")
        try:
            import fcntl
        except ImportError:  # Windows: no advisory locks here; one run at a time is then the user's care
            return
        try:
            fcntl.flock(self._handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self._handle.close()
            raise InputError(
                f"{out}: another transcript-kit run is writing this folder; try again when it ends"
            ) from None

    def release(self) -> None:
        self._handle.close()  # closing the file releases the lock


def _remove_leftovers(area: Path, out: Path) -> None:
    """Undo what killed runs left: restore an output folder that was renamed aside, remove staging folders."""
    aside = sorted(area.glob("old-*"), key=lambda p: p.stat().st_mtime)
    if aside and not out.exists():
        os.rename(aside.pop(), out)
    for leftover in (*aside, *area.glob("staging-*")):
        shutil.rmtree(leftover, ignore_errors=True)


def _prepare(out: Path) -> Path:
    """Check ``out`` can be an output folder and create its run area; errors are one line naming the path."""
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: exists and is not a folder; choose another --out")
    area = run_area(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        area.mkdir(exist_ok=True)
    except FileExistsError:
        raise InputError(f"{out}: cannot create the output folder: a file is in the way") from None
    except OSError as error:
        raise InputError(f"{out}: cannot create the output folder: {error.strerror or error}") from None
    if not os.access(out.parent, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise InputError(f"{out}: output folder is not writable")
    return area


def check_output(out: Path, *, force: bool = False) -> None:
    """Refuse an output folder that cannot be written, or that holds files no transcript-kit run wrote."""
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: exists and is not a folder; choose another --out")
    foreign = [] if force else foreign_entries(out)
    if foreign:
        shown = ", ".join(foreign[:5]) + (", …" if len(foreign) > 5 else "")
        raise InputError(
            f"{out}: holds files transcript-kit did not write ({shown}); "
            "choose an empty or new folder, or pass --force to keep them beside the new output"
        )


def _write_failure(error: OSError, out: Path, staging: Path) -> str:
    """One line for an output that could not be written: the file the system named (a staged file by the name
    it would have had in ``out``), else the output folder, and why. A ``write`` that fails for a full disk names
    no file, so the folder it was written into is the place."""
    shown = str(out)
    if isinstance(error.filename, (str, bytes, os.PathLike)):
        named = Path(os.fsdecode(error.filename))
        shown = str(out / named.relative_to(staging)) if named.is_relative_to(staging) else str(named)
    why = error.strerror or str(error)
    return f"{shown}: cannot write the output: {why}; the previous output is kept"


@contextlib.contextmanager
def staged_output(out: Path, *, force: bool = False) -> Iterator[Path]:
    """Yield an empty staging folder; on a clean exit it replaces ``out`` in one step, otherwise it is removed.

    ``out`` must come from :func:`output_path`. The caller writes every file of the run, the manifest last.
    """
    check_output(out, force=force)
    area = _prepare(out)
    lock = _Lock(area, out)
    try:
        _remove_leftovers(area, out)
        check_output(out, force=force)  # again under the lock: another run may have finished meanwhile
        staging = area / f"staging-{os.getpid()}"
        make_folder(staging)
        try:
            yield staging
            _carry(foreign_entries(out) if force else [], out, staging)
            if not out.exists():
                os.rename(staging, out)
            elif not _exchange(staging, out):
                aside = area / f"old-{os.getpid()}"
                os.rename(out, aside)
                os.rename(staging, out)
                shutil.rmtree(aside, ignore_errors=True)
        except OSError as error:
            if isinstance(error, TranscriptKitError):
                raise
            raise OutputError(_write_failure(error, out, staging)) from None
        finally:
            # After an exchange the staging path holds the previous run; after a failure, the partial one.
            shutil.rmtree(staging, ignore_errors=True)
    finally:
        lock.release()
