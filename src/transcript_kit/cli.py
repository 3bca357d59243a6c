"""The ``transcript-kit`` command line: convert, parse, speakers, score, registry import."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import orjson

from transcript_kit import __version__
from transcript_kit.errors import InputError, TranscriptKitError
from transcript_kit.export import FORMATS, SINKS
from transcript_kit.normalize import Normalizer
from transcript_kit.pipeline import ConvertConfig, ConvertSummary, collect_speakers, convert, load_registry

DEFAULT_INPUT = Path("corpus")
DEFAULT_OUT = Path("transcript-kit-out")


def _formats(value: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(part.strip().lower() for part in value.split(",") if part.strip()))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"choose from {', '.join(sorted(FORMATS))} (comma-separated)")
    return chosen


def _workers(value: str) -> int:
    """A number of worker processes; 0 means one per CPU this process may use."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 0:
        raise argparse.ArgumentTypeError("must be 0 (all CPUs) or more")
    if number == 0:
        cpus = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else range(os.cpu_count() or 1)
        return max(1, len(cpus))
    return number


def plural(count: int, noun: str, many: str | None = None) -> str:
    """ "1 document", "2 documents", with thousands separators."""
    return f"{count:,} {noun if count == 1 else many or noun + 's'}"


_STAGE_UNITS = {"parsing": "file", "speakers": "pass", "writing": "turn"}
_STAGE_TITLES = {"parsing": "parsing", "speakers": "resolving speakers", "writing": "writing"}


class _Bars:
    """Progress on a terminal with tqdm: one bar per stage (parsing, speakers, writing), with rate and time left."""

    def __init__(self, enabled: bool) -> None:
        self._enabled = enabled
        self._stage: str | None = None
        self._bar: Any = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self._enabled:
            return
        if stage != self._stage:
            self.close()
            from tqdm import tqdm

            self._stage = stage
            self._bar = tqdm(
                total=total,
                unit=_STAGE_UNITS.get(stage, "item"),
                desc=_STAGE_TITLES.get(stage, stage),
                unit_scale=stage == "writing",
                leave=False,
                dynamic_ncols=True,
                file=sys.stderr,
            )
        self._bar.update(done - self._bar.n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
            self._stage = None


def _bars(args: argparse.Namespace) -> _Bars:
    return _Bars(enabled=not args.quiet and sys.stderr.isatty())


def _add_registry_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--registry",
        action="append",
        default=[],
        metavar="FILE",
        help="a registry of people (JSON or TOML), repeatable",
    )
    parser.add_argument("--no-default-registry", action="store_true", help="do not use the starter registry")


def _add_symlink_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--follow-symlinks",
        action="store_true",
        help="follow symbolic links that lead outside an input folder (by default they are reported, not read)",
    )


def _add_convention_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--convention",
        metavar="NAME",
        help="parse every document with this convention profile (default: chosen per document)",
    )
    parser.add_argument(
        "--conventions",
        action="append",
        default=[],
        metavar="FILE",
        help="add a convention profile from a TOML file (repeatable); see README 'Conventions'",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="transcript-kit", description="Speaker-attributed corpora from transcripts."
    )
    parser.add_argument("--version", action="version", version=f"transcript-kit {__version__}")
    talk = argparse.ArgumentParser(add_help=False)
    loudness = talk.add_mutually_exclusive_group()
    loudness.add_argument(
        "-q", "--quiet", action="store_true", help="print errors only (no progress, no summary)"
    )
    loudness.add_argument(
        "-v", "--verbose", action="store_true", help="print more: each error, reuse, timings"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = commands.add_parser("convert", parents=[talk], help="convert files and folders into corpus tables")
    run.add_argument("inputs", nargs="*", type=Path, help=f"files or folders (default: {DEFAULT_INPUT}/)")
    run.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default: {DEFAULT_OUT}/)")
    run.add_argument(
        "--format",
        type=_formats,
        default=tuple(SINKS),
        help=f"{','.join(FORMATS)}, any case (default: {','.join(SINKS)})",
    )
    run.add_argument(
        "--workers", type=_workers, default=1, help="parallel worker processes; 0 = all CPUs (default: 1)"
    )
    run.add_argument(
        "--cache",
        type=Path,
        metavar="DIR",
        help="keep per-document results in DIR (default: beside the output folder, in .OUT.transcript-kit/)",
    )
    run.add_argument("--no-cache", action="store_true", help="parse every input again; keep no results")
    run.add_argument(
        "--engine",
        choices=("local", "ray"),
        type=str.lower,
        default="local",
        help="where the work runs: local processes, or Ray tasks (pip install 'transcript-kit[ray]')",
    )
    run.add_argument(
        "--ray-address",
        metavar="ADDR",
        help="a running Ray cluster (e.g. ray://head:10001 or auto); default: a local Ray instance",
    )
    run.add_argument(
        "--force",
        action="store_true",
        help="replace an output folder that holds files transcript-kit did not write (they are kept)",
    )
    _add_registry_options(run)
    _add_convention_options(run)
    _add_symlink_option(run)

    show = commands.add_parser(
        "parse", parents=[talk], help="print one document's turns for a person to check"
    )
    show.add_argument("file", type=Path)
    show.add_argument(
        "--explain", action="store_true", help="show every label candidate and why it was decided"
    )
    show.add_argument("--json", action="store_true", help="print turn rows as JSON lines")
    _add_registry_options(show)
    _add_convention_options(show)

    people = commands.add_parser(
        "speakers", parents=[talk], help="list the corpus's speakers and what stayed unresolved"
    )
    people.add_argument("inputs", nargs="*", type=Path, help=f"files or folders (default: {DEFAULT_INPUT}/)")
    people.add_argument("--workers", type=_workers, default=1, help="worker processes; 0 = all CPUs")
    people.add_argument(
        "--skeleton",
        type=Path,
        metavar="FILE",
        help="write a registry skeleton for unresolved labels (.json or .toml, as the name says)",
    )
    _add_registry_options(people)
    _add_convention_options(people)
    _add_symlink_option(people)

    registry = commands.add_parser(
        "registry", parents=[talk], help="build registries of people from public data"
    )
    registry_commands = registry.add_subparsers(dest="registry_command", required=True)
    importer = registry_commands.add_parser(
        "import", help="read congress-legislators files (us-congress DIR) or a Popolo JSON file (popolo FILE)"
    )
    importer.add_argument("kind", choices=("us-congress", "popolo"))
    importer.add_argument("source", type=Path, help="the upstream folder (us-congress) or file (popolo)")
    importer.add_argument(
        "--out", type=Path, required=True, help="registry file to write (JSON; gzip'd if it ends in .gz)"
    )
    score = commands.add_parser(
        "score", parents=[talk], help="compare an export with gold turns (word-level speaker F1)"
    )
    score.add_argument("gold_dir", type=Path)
    score.add_argument("out_dir", type=Path)
    score.add_argument("--json", action="store_true")
    return parser


def _config(args: argparse.Namespace, **more: object) -> ConvertConfig:
    return ConvertConfig(
        registry_paths=tuple(str(p) for p in args.registry),
        use_default_registry=not args.no_default_registry,
        convention=args.convention,
        convention_files=tuple(str(p) for p in args.conventions),
        follow_symlinks=getattr(args, "follow_symlinks", False),
        **more,  # type: ignore[arg-type]
    )


def _convert(args: argparse.Namespace) -> int:
    inputs = args.inputs or [DEFAULT_INPUT]
    if args.ray_address and args.engine != "ray":
        raise InputError("--ray-address names a Ray cluster: use it with --engine ray")
    config = _config(args, formats=args.format, workers=args.workers)
    bars = _bars(args)
    try:
        with contextlib.ExitStack() as stack:
            engine = None
            if args.engine == "ray":
                from transcript_kit.ray_engine import RayEngine

                engine = stack.enter_context(RayEngine(args.ray_address, workers=args.workers))
            summary = convert(
                inputs,
                args.out,
                config,
                progress=bars,
                engine=engine,
                force=args.force,
                cache=args.cache,
                use_cache=not args.no_cache,
            )
    finally:
        bars.close()
    if not args.quiet:
        print(_summary_line(summary))
    if args.verbose:
        print(f"{plural(summary.n_reused, 'document')} reused from the cache, the rest parsed")
        for line in (args.out / "errors.jsonl").read_bytes().splitlines():
            error = orjson.loads(line)
            print(f"  {error['path']}: {error['error']}: {error['message']}", file=sys.stderr)
    if summary.n_errors:
        could = "input could" if summary.n_errors == 1 else "inputs could"
        print(
            f"{summary.n_errors:,} {could} not be converted: see {args.out / 'errors.jsonl'}",
            file=sys.stderr,
        )
        return 1
    return 0


def _summary_line(summary: ConvertSummary) -> str:
    rate = summary.n_bytes / 1e6 / summary.seconds if summary.seconds else 0.0
    warned = f" ({summary.n_warned:,} with warnings)" if summary.n_warned else ""
    return (
        f"{plural(summary.n_documents, 'document')}{warned}, {plural(summary.n_turns, 'turn')}, "
        f"{plural(summary.n_speakers, 'speaker')} from {plural(summary.n_inputs, 'input')} "
        f"in {summary.seconds:.1f}s ({rate:.1f} MB/s) -> {summary.out_dir}/"
    )


def _parse(args: argparse.Namespace) -> int:
    from transcript_kit.api import parse_file
    from transcript_kit.export.rows import turn_row
    from transcript_kit.pipeline import conventions_of

    conventions = conventions_of(_config(args))
    document = parse_file(args.file, normalizer=_normalizer(args), conventions=conventions)
    if args.json:
        for turn in document.turns:
            sys.stdout.buffer.write(
                orjson.dumps(turn_row(document.doc_id, turn), option=orjson.OPT_APPEND_NEWLINE)
            )
        return 0
    facts = [
        f"{k}: {v}"
        for k, v in (
            ("title", document.title),
            ("date", document.date),
            ("time", document.time),
            ("place", document.location),
            ("byline", document.byline),
            ("source", document.source),
            ("encoding", document.encoding),
            ("format", document.format),
            ("convention", document.convention),
        )
        if v
    ]
    print(f"{document.path}\n  " + "\n  ".join(facts))
    for warning in document.warnings:
        print(f"  warning: {warning}")
    print(f"  {len(document.turns)} turns\n")
    for turn in document.turns:
        speaker = turn.speaker
        who = turn.label or "(no label)"
        if speaker is not None and speaker.name:
            who += f"  ->  {speaker.name} [{speaker.id}; {speaker.resolution.value}]"
        elif speaker is not None:
            unsure = f"; candidates: {', '.join(speaker.candidates)}" if speaker.candidates else ""
            who += f"  ->  unresolved [{speaker.id}{unsure}]"
        notes = f"  ({'; '.join(turn.notes)})" if turn.notes else ""
        print(f"[{turn.index}] {turn.kind.value}  {who}{notes}  @{turn.char_start}-{turn.char_end}")
        print(textwrap.indent(textwrap.shorten(turn.text, 400, placeholder=" …") or "(empty)", "    ") + "\n")
    if args.explain:
        print("convention:")
        for note in document.convention_notes:
            print(f"  {note}")
        print("label candidates:")
        for decision in document.decisions:
            verdict = "accepted" if decision.accepted else "rejected"
            print(f"  @{decision.start:<7} {verdict}  {decision.text!r}: {decision.reason}")
        for span in document.spans:
            shown = textwrap.shorten(document.text[span.start : span.end], 70, placeholder=" …")
            why = f" ({span.why})" if span.why else ""
            print(f"  @{span.start:<7} set aside as {span.kind}{why}: {shown!r}")
    return 0


def _normalizer(args: argparse.Namespace) -> Normalizer:
    return Normalizer(load_registry(_config(args)), use_default_registry=False)


def _speakers(args: argparse.Namespace) -> int:
    from transcript_kit.normalize import registry_skeleton, speakers_report

    inputs = args.inputs or [DEFAULT_INPUT]
    skeleton_format = _skeleton_format(args.skeleton) if args.skeleton else None
    bars = _bars(args)
    try:
        speaker_map, errors = collect_speakers(inputs, _config(args, workers=args.workers), progress=bars)
    finally:
        bars.close()
    if not args.quiet:
        print(speakers_report(speaker_map))
    for error in errors:
        print(f"skipped {error.path}: {error.message}", file=sys.stderr)
    if args.skeleton:
        skeleton = registry_skeleton(speaker_map)
        if skeleton_format == "toml":
            import tomli_w

            args.skeleton.write_text(tomli_w.dumps(_without_nulls(skeleton)), encoding="utf-8")
        else:
            args.skeleton.write_bytes(orjson.dumps(skeleton, option=orjson.OPT_INDENT_2))
        if not args.quiet:
            print(f"registry skeleton written to {args.skeleton}")
    return 1 if errors else 0


def _skeleton_format(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in ("json", "toml"):
        raise InputError(f"{path}: a registry skeleton is .json or .toml; name the file with one of them")
    return suffix


def _without_nulls(value: Any) -> Any:
    """TOML has no null: a key without a value is left out (the registry reads a missing key as null)."""
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value if v is not None]
    return value


def _score(args: argparse.Namespace) -> int:
    from transcript_kit.score import format_report, report_to_json, score_directory

    report = score_directory(args.gold_dir, args.out_dir)
    if args.json:
        sys.stdout.buffer.write(report_to_json(report) + b"\n")
    else:
        print(format_report(report))
    return 0


def _registry(args: argparse.Namespace) -> int:
    from transcript_kit.registries import import_registry, write_registry

    data = import_registry(args.kind, args.source)  # every record checked before anything is written
    write_registry(data, args.out)
    print(
        f"{args.out}: {len(data['persons'])} people, {len(data['posts'])} posts, {len(data['tenures'])} tenures"
        f" from {args.source}"
    )
    return 0


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is so that every ``finally`` runs, as for Ctrl-C."""


def _terminate(signum: int, frame: object) -> None:
    raise _Terminated


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:  # no arguments: say what there is to do
        parser.print_help()
        return 0
    handlers = {
        "convert": _convert,
        "parse": _parse,
        "speakers": _speakers,
        "score": _score,
        "registry": _registry,
    }
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        return handlers[args.command](args)
    except TranscriptKitError as error:
        print(f"transcript-kit: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as interruption:
        kept = "; previous output kept" if args.command == "convert" else ""
        print(f"\ntranscript-kit: interrupted{kept}", file=sys.stderr)
        return 128 + (signal.SIGTERM if isinstance(interruption, _Terminated) else signal.SIGINT)
    except BrokenPipeError:  # "transcript-kit speakers | head": the reader left; that is not an error
        sys.stderr.close()
        return 0
    except OSError as error:  # a folder that vanished, a full disk under stdout: one line, no traceback
        print(f"transcript-kit: error: {error}", file=sys.stderr)
        return 2
    finally:
        signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
