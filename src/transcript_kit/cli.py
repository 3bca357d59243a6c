"""The ``transcript-kit`` command line: convert, parse, speakers, score, registry import."""

from __future__ import annotations

import argparse
import signal
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

import orjson

from transcript_kit import __version__
from transcript_kit.errors import TranscriptKitError
from transcript_kit.export import SINKS
from transcript_kit.normalize import Normalizer
from transcript_kit.pipeline import ConvertConfig, collect_speakers, convert, load_registry, terminal_progress

DEFAULT_INPUT = Path("corpus")
DEFAULT_OUT = Path("transcript-kit-out")


def _formats(value: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))
    unknown = [f for f in chosen if f not in SINKS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"choose from {', '.join(sorted(SINKS))} (comma-separated)")
    return chosen


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _add_registry_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--registry",
        action="append",
        default=[],
        metavar="FILE",
        help="a registry of people (JSON or TOML), repeatable",
    )
    parser.add_argument("--no-default-registry", action="store_true", help="do not use the starter registry")


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
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("convert", help="convert files and folders into corpus tables")
    run.add_argument("inputs", nargs="*", type=Path, help=f"files or folders (default: {DEFAULT_INPUT}/)")
    run.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default: {DEFAULT_OUT}/)")
    run.add_argument(
        "--format", type=_formats, default=("jsonl", "parquet"), help="jsonl,parquet (default: both)"
    )
    run.add_argument("--workers", type=_positive, default=1, help="parallel worker processes (default: 1)")
    run.add_argument(
        "--force",
        action="store_true",
        help="replace an output folder that holds files transcript-kit did not write (they are kept)",
    )
    _add_registry_options(run)
    _add_convention_options(run)

    show = commands.add_parser("parse", help="print one document's turns for a person to check")
    show.add_argument("file", type=Path)
    show.add_argument(
        "--explain", action="store_true", help="show every label candidate and why it was decided"
    )
    show.add_argument("--json", action="store_true", help="print turn rows as JSON lines")
    _add_registry_options(show)
    _add_convention_options(show)

    people = commands.add_parser("speakers", help="list the corpus's speakers and what stayed unresolved")
    people.add_argument("inputs", nargs="*", type=Path, help=f"files or folders (default: {DEFAULT_INPUT}/)")
    people.add_argument("--workers", type=_positive, default=1)
    people.add_argument(
        "--skeleton", type=Path, metavar="FILE", help="write a registry skeleton for unresolved labels"
    )
    _add_registry_options(people)
    _add_convention_options(people)

    registry = commands.add_parser("registry", help="build registries of people from public data")
    registry_commands = registry.add_subparsers(dest="registry_command", required=True)
    importer = registry_commands.add_parser(
        "import", help="read congress-legislators files (us-congress DIR) or a Popolo JSON file (popolo FILE)"
    )
    importer.add_argument("kind", choices=("us-congress", "popolo"))
    importer.add_argument("source", type=Path, help="the upstream folder (us-congress) or file (popolo)")
    importer.add_argument(
        "--out", type=Path, required=True, help="registry file to write (JSON; gzip'd if it ends in .gz)"
    )
    score = commands.add_parser("score", help="compare an export with gold turns (word-level speaker F1)")
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
        **more,  # type: ignore[arg-type]
    )


def _convert(args: argparse.Namespace) -> int:
    inputs = args.inputs or [DEFAULT_INPUT]
    config = _config(args, formats=args.format, workers=args.workers)
    summary = convert(inputs, args.out, config, progress=terminal_progress(), force=args.force)
    rate = summary.n_bytes / 1e6 / summary.seconds if summary.seconds else 0.0
    print(
        f"{summary.n_documents} documents, {summary.n_turns} turns, {summary.n_speakers} speakers"
        f" from {summary.n_inputs} inputs in {summary.seconds:.1f}s ({rate:.1f} MB/s) -> {summary.out_dir}/"
    )
    if summary.n_errors:
        print(
            f"{summary.n_errors} inputs could not be converted: see {args.out / 'errors.jsonl'}",
            file=sys.stderr,
        )
        return 1
    return 0


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
            print(f"  @{span.start:<7} set aside as {span.kind}: {shown!r}")
    return 0


def _normalizer(args: argparse.Namespace) -> Normalizer:
    return Normalizer(load_registry(_config(args)), use_default_registry=False)


def _speakers(args: argparse.Namespace) -> int:
    from transcript_kit.normalize import registry_skeleton, speakers_report

    inputs = args.inputs or [DEFAULT_INPUT]
    speaker_map, errors = collect_speakers(inputs, _config(args, workers=args.workers))
    print(speakers_report(speaker_map))
    for error in errors:
        print(f"skipped {error.path}: {error.message}", file=sys.stderr)
    if args.skeleton:
        args.skeleton.write_bytes(orjson.dumps(registry_skeleton(speaker_map), option=orjson.OPT_INDENT_2))
        print(f"registry skeleton written to {args.skeleton}")
    return 0


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
    args = _parser().parse_args(argv)
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
    finally:
        signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
