"""Finding the inputs under a folder, and accounting for every entry that looks like one.

A file that cannot be read (a FIFO, a socket, a dangling or looping symbolic link, a folder that cannot be listed,
a link leading outside the input folder) is a *problem*, reported as an error row, never a silent skip. A folder's
own documentation is skipped only by its exact name (README, SOURCE, LICENSE, … with any suffix), and every
skipped file is listed with its reason.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import attrs

from transcript_kit.formats import SUFFIX_FORMATS

TRANSCRIPT_SUFFIXES = frozenset(SUFFIX_FORMATS)
# A folder's own documentation, by the name before its first dot: "README.md", "LICENSE", "SOURCES.txt" are
# skipped; "licensed_speech.txt" and "sources_of_power.txt" are transcripts.
FOLDER_DOCUMENTATION = ("readme", "source", "sources", "license", "licence", "copying", "changelog", "notice")
SKIP_RULES = {
    "folder_documentation": [f"{name} (any case, any suffix)" for name in FOLDER_DOCUMENTATION],
    "test_expectation": ["*.expected.*"],
    "hidden": [".*"],
}
_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


@attrs.frozen(slots=True)
class Found:
    """What is under one input: transcript files (sorted), problems and skipped files as (path, reason)."""

    files: tuple[Path, ...]
    problems: tuple[tuple[str, str], ...]
    skipped: tuple[tuple[str, str], ...]


def skip_reason(name: str) -> str | None:
    """Why a transcript-named file is not read, or None."""
    lower = name.lower()
    if lower.startswith("."):
        return "hidden file"
    if ".expected." in lower:
        return "expected output of a test"
    if lower.split(".", 1)[0] in FOLDER_DOCUMENTATION:
        return "folder documentation"
    return None


def is_transcript_name(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in TRANSCRIPT_SUFFIXES


def not_regular(path: str) -> str | None:
    """What a path is when it is not a regular file that can be read ("a FIFO", …), or None."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        return f"cannot be read: {error.strerror or error}"
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in _KINDS if test(mode)), "not a regular file")


def walk(root: Path, *, follow_symlinks: bool = False) -> Found:
    """Every transcript under ``root``, recursively. Symbolic links are followed while they stay inside ``root``
    (anywhere with ``follow_symlinks``); a folder reached twice (a link loop) is read once."""
    inside = Path(os.path.realpath(root))
    files: list[Path] = []
    links: list[Path] = []  # links to files: read only when their target is not read under its own name
    problems: list[tuple[str, str]] = []
    skipped: list[tuple[str, str]] = []
    visited: set[Path] = {inside}
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as error:
            problems.append((str(folder), f"cannot list this folder: {error.strerror or error}"))
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith("."):
                continue  # hidden files and folders (.git, a run area): not inputs
            transcript = is_transcript_name(entry.name)
            if entry.is_symlink():
                try:
                    target = Path(os.path.realpath(entry.path, strict=True))
                except OSError as error:  # ENOENT: dangling; ELOOP: a link that leads back to itself
                    problems.append(
                        (str(path), f"symbolic link cannot be followed: {error.strerror or error}")
                    )
                    continue
                is_folder = target.is_dir()
                if not (follow_symlinks or target == inside or inside in target.parents):
                    if is_folder or transcript:
                        problems.append(
                            (
                                str(path),
                                f"symbolic link to {target}, outside the input folder {root}: not followed "
                                "(pass --follow-symlinks to follow it)",
                            )
                        )
                    continue
            else:
                is_folder = entry.is_dir(follow_symlinks=False)
                target = path
            if is_folder:
                real = Path(os.path.realpath(target))
                if real not in visited:
                    visited.add(real)
                    folders.append(path)
                continue
            if not transcript:
                continue
            reason = skip_reason(entry.name)
            if reason is not None:
                skipped.append((str(path), reason))
                continue
            kind = not_regular(entry.path)
            if kind is not None:
                problems.append((str(path), f"{kind}, not a file that can be read"))
                continue
            (links if entry.is_symlink() else files).append(path)
    read = {Path(os.path.realpath(path)) for path in files}
    files += [link for link in links if Path(os.path.realpath(link)) not in read]
    return Found(tuple(sorted(files)), tuple(problems), tuple(sorted(skipped)))
