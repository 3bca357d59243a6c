"""Robustness to how publishers print the same transcript: each gold-annotated document of the corpus, rewritten in
the varieties real copies of it come in (other line ends, no blank lines, hard-wrapped lines, labels on their own
line or in bold, page breaks ...), converted and scored against the same gold.

    PYTHONPATH=src python bench/variants.py                  # every variant, every folder
    PYTHONPATH=src python bench/variants.py --only hard_wrap  # one variant
    PYTHONPATH=src python bench/variants.py --details         # and each document that lost more than 0.01 F1

Every variant keeps the words and who says them, so the gold stays right: a document that scores lower in a
variant than as printed shows a place where the parser depends on a detail of one publisher's layout. Plain text
documents take part (``.txt``/``.md``); subtitle, HTML and XML files have layouts of their own.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

import orjson

from transcript_kit.pipeline import ConvertConfig, convert
from transcript_kit.score import ScoreReport, score_directory

REPO = Path(__file__).resolve().parents[1]
_TEXT_SUFFIXES = {".txt", ".md"}

# A variant rewrites a document given the labels its gold turns are spoken under.
Variant = Callable[[str, frozenset[str]], str]


def _label_lines(text: str, labels: frozenset[str]) -> re.Pattern[str]:
    """Lines that open with one of ``labels`` and a colon (the inline style every variant below can restyle)."""
    choices = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    return re.compile(rf"(?m)^(?P<indent>[ \t]*)(?P<label>{choices}):[ \t]+(?=\S)")


def _restyle(text: str, labels: frozenset[str], render: Callable[[str, str], str]) -> str:
    """Each inline label of ``labels`` printed as ``render(indent, label)`` gives it, its words after that."""
    if not labels:
        return text
    return _label_lines(text, labels).sub(lambda m: render(m["indent"], m["label"]), text)


def crlf(text: str, labels: frozenset[str]) -> str:
    return text.replace("\n", "\r\n")


def no_blank_lines(text: str, labels: frozenset[str]) -> str:
    """Paragraphs one a line, no blank line between them (text copied out of a web page)."""
    return re.sub(r"\n[ \t]*(?:\n[ \t]*)+", "\n", text)


def double_spaced(text: str, labels: frozenset[str]) -> str:
    """Every line break doubled (an export that puts a blank line after each line)."""
    return text.replace("\n", "\n\n")


# Lines up to this long are left as they are: wrapped already (re-wrapping text wrapped at 90 at 72 leaves a
# fragment of a line after every line, which no publisher prints).
_UNWRAPPED = 100
_NOT_WRAPPED = re.compile(r"[ \t]*(?:<|\d+[ \t])")


def hard_wrap(text: str, labels: frozenset[str]) -> str:
    """Long lines hard-wrapped at 72 characters, as plain-text e-mail and older archives print them. (Markup lines and
    a court reporter's numbered lines are left whole: their layout is not a publisher's choice.)"""
    wrapped = []
    for line in text.split("\n"):
        if len(line) <= _UNWRAPPED or _NOT_WRAPPED.match(line):
            wrapped.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip())]
        wrapped.extend(
            textwrap.wrap(line, 72, initial_indent="", subsequent_indent=indent, break_long_words=False)
            or [line]
        )
    return "\n".join(wrapped)


def trailing_blanks(text: str, labels: frozenset[str]) -> str:
    """Blanks left at each line's end (text out of a PDF)."""
    return re.sub(r"(?m)(?<=\S)$", "   ", text)


def label_own_line(text: str, labels: frozenset[str]) -> str:
    """Each inline label on a line of its own, its words below it."""
    return _restyle(text, labels, lambda indent, label: f"{indent}{label}:\n{indent}")


def name_over_words(text: str, labels: frozenset[str]) -> str:
    """Each label alone on its line without its colon, its words below (transcription services' exports)."""
    return _restyle(text, labels, lambda indent, label: f"{indent}{label}\n{indent}")


def bold_labels(text: str, labels: frozenset[str]) -> str:
    """Labels in Markdown bold, the colon inside ("**MR. SMITH:** Thank you")."""
    return _restyle(text, labels, lambda indent, label: f"{indent}**{label}:** ")


def tab_after_label(text: str, labels: frozenset[str]) -> str:
    """A tab between a label and its words (word-processor exports)."""
    return _restyle(text, labels, lambda indent, label: f"{indent}{label}:\t")


def running_heads(text: str, labels: frozenset[str]) -> str:
    """A PDF's page furniture every 40 lines, wherever it falls: a footer line and a running head with the page
    number, each repeated on every page."""
    footer = "Hartwell Reporting Services, Inc.  (555) 010-4477"
    return _paged(text, lambda page: (footer, "", f"Transcript of Proceedings  Page {page}"))


def upper_labels(text: str, labels: frozenset[str]) -> str:
    """Labels in capitals ("LESTER HOLT:"), as transcription services and broadcasters print them."""
    return _restyle(text, labels, lambda indent, label: f"{indent}{label.upper()}: ")


def title_case_labels(text: str, labels: frozenset[str]) -> str:
    """Labels in title case ("Ms. Psaki:" for "MS. PSAKI:"), as a web page restyles them."""
    return _restyle(text, labels, lambda indent, label: f"{indent}{label.title()}: ")


def timestamped_labels(text: str, labels: frozenset[str]) -> str:
    """A recording time before each label ("[00:01:05] MS. PSAKI: ..."), as a transcription service prints it."""
    seconds = iter(range(5, 10**6, 37))

    def stamp(indent: str, label: str) -> str:
        s = next(seconds)
        return f"{indent}[{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}] {label}: "

    return _restyle(text, labels, stamp)


def _paged(text: str, furniture: Callable[[int], tuple[str, ...]]) -> str:
    """``text`` with the lines ``furniture(page)`` gives after every 40th line (a page's end, wherever it falls)."""
    lines = text.split("\n")
    out: list[str] = []
    for number, line in enumerate(lines, 1):
        out.append(line)
        if number % 40 == 0 and number < len(lines):
            out.extend(furniture(number // 40 + 1))
    return "\n".join(out)


def page_breaks(text: str, labels: frozenset[str]) -> str:
    """A form feed and a running page number every 40 lines (PDF text), wherever it falls."""
    return _paged(text, lambda page: (f"\x0c{page}",))


def time_lines(text: str, labels: frozenset[str]) -> str:
    """A recording time on a line of its own before every fourth paragraph (podcast and video exports)."""
    paragraphs = re.split(r"(\n[ \t]*\n)", text)
    seconds = 0
    for i in range(0, len(paragraphs), 8):
        if paragraphs[i].lstrip().startswith("<"):
            continue  # markup, not print
        seconds += 83
        paragraphs[i] = f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}\n{paragraphs[i]}"
    return "".join(paragraphs)


def messy(text: str, labels: frozenset[str]) -> str:
    """Several at once, as a text that went through a PDF and a word processor: long lines wrapped, page heads,
    blanks left at line ends, CRLF."""
    return crlf(trailing_blanks(running_heads(hard_wrap(text, labels), labels), labels), labels)


VARIANTS: dict[str, Variant] = {
    "crlf": crlf,
    "no_blank_lines": no_blank_lines,
    "double_spaced": double_spaced,
    "hard_wrap": hard_wrap,
    "trailing_blanks": trailing_blanks,
    "label_own_line": label_own_line,
    "name_over_words": name_over_words,
    "bold_labels": bold_labels,
    "tab_after_label": tab_after_label,
    "page_breaks": page_breaks,
    "running_heads": running_heads,
    "upper_labels": upper_labels,
    "title_case_labels": title_case_labels,
    "timestamped_labels": timestamped_labels,
    "time_lines": time_lines,
    "messy": messy,
}


def gold_labels(gold: Path) -> frozenset[str]:
    labels = set()
    for line in gold.read_bytes().splitlines():
        if line.strip():
            speaker = orjson.loads(line).get("speaker")
            if isinstance(speaker, str) and speaker:
                labels.add(speaker)
    return frozenset(labels)


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def printed(variant: Variant, text: str, labels: frozenset[str]) -> str:
    """``text`` printed as ``variant`` prints it; YAML front matter (metadata, not print) stays as it is."""
    front = _FRONT_MATTER.match(text)
    head = front.group() if front else ""
    return head + variant(text[len(head) :], labels)


def _score(folder: Path, raws: list[Path], variant: Variant | None) -> ScoreReport:
    with tempfile.TemporaryDirectory() as work:
        source, out = Path(work) / "in", Path(work) / "out"
        source.mkdir()
        for raw in raws:
            text = raw.read_text(encoding="utf-8")
            if variant is not None:
                text = printed(variant, text, gold_labels(folder / "gold" / f"{raw.stem}.jsonl"))
            (source / raw.name).write_bytes(text.encode("utf-8"))
        convert([source], out, ConvertConfig(formats=("jsonl",)))
        with tempfile.TemporaryDirectory() as gold:
            for raw in raws:  # only the gold of the documents that take part
                name = f"{raw.stem}.jsonl"
                (Path(gold) / name).write_bytes((folder / "gold" / name).read_bytes())
            return score_directory(Path(gold), out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=REPO / "corpus")
    parser.add_argument("--only", action="append", choices=sorted(VARIANTS), help="run only this variant")
    parser.add_argument("--details", action="store_true", help="list documents that lost more than 0.01 F1")
    args = parser.parse_args(argv)
    chosen = {name: VARIANTS[name] for name in (args.only or VARIANTS)}
    folders = sorted(p for p in args.corpus.iterdir() if (p / "gold").is_dir())
    header = f"{'folder':<28} {'as printed':>10}" + "".join(f" {name[:15]:>15}" for name in chosen)
    print(header)
    losses: list[str] = []
    worst: dict[str, float] = dict.fromkeys(chosen, 1.0)
    for folder in folders:
        top = folder / "raw" if (folder / "raw").is_dir() else folder
        raws = sorted(
            p for p in top.iterdir()
            if p.suffix in _TEXT_SUFFIXES and (folder / "gold" / f"{p.stem}.jsonl").is_file()
        )
        if not raws:
            continue
        printed = _score(folder, raws, None)
        base = {d.name: d.counts.f1 for d in printed.documents}
        cells = [f"{printed.overall.f1:>10.4f}"]
        for name, variant in chosen.items():
            report = _score(folder, raws, variant)
            worst[name] = min(worst[name], report.overall.f1)
            cells.append(f" {report.overall.f1:>15.4f}")
            for document in report.documents:
                lost = base[document.name] - document.counts.f1
                if lost > 0.01:
                    losses.append(
                        f"  {name:<16} {folder.name}/{document.name}: "
                        f"{base[document.name]:.4f} -> {document.counts.f1:.4f}"
                    )
        print(f"{folder.name:<28}" + "".join(cells), flush=True)
    print("lowest folder F1 per variant: " + ", ".join(f"{n} {f:.4f}" for n, f in worst.items()))
    print(f"documents losing more than 0.01 F1 in a variant: {len(losses)}")
    if args.details:
        print("\n".join(losses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
