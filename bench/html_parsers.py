"""Compare HTML parsers for transcript extraction: speed, broken markup, and whether text keeps its source offset.

    PYTHONPATH=src python bench/html_parsers.py [--repeat N]

Each parser extracts the visible text of (a) a 1 MB page (the corpus's Harbour Board page, its speech repeated)
and (b) a page of broken markup (unclosed <p> and <li>, misnested <b><p>, stray end tags, unquoted attributes, a
script holding "</p>"). Printed: milliseconds per MB, whether every spoken sentence of (b) came out in order with
no script text, whether the API tells where a text node starts in the source (the turns table's offsets need it),
and the licence. Parsers that are not installed are skipped; none of them but the standard library's is a
dependency of transcript-kit.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PAGE = REPO / "corpus" / "multilingual" / "raw" / "harbour-board-briefing.html"
BROKEN = """<html><body><div class=story>
<p>Ada Lind: The first answer.
<p>Ben Ortiz: <b>The second <p>answer</b> goes on.</div></span>
<ul><li>Ada Lind: third<li>Ben Ortiz: fourth</ul>
<script>var x = "</p><p>Ada Lind: not speech";</script>
<p>Ada Lind: fifth &amp; last</p></body>"""
SENTENCES = ("first answer", "second answer goes on", "third", "fourth", "fifth & last")


def _stdlib(source: str) -> str:
    parts: list[str] = []

    class Text(HTMLParser):
        skipping = 0

        def handle_starttag(self, tag: str, attrs: object) -> None:
            self.skipping += tag in ("script", "style")

        def handle_endtag(self, tag: str) -> None:
            self.skipping -= tag in ("script", "style") and self.skipping > 0

        def handle_data(self, data: str) -> None:
            if not self.skipping:
                parts.append(data)  # self.getpos() is the (line, column) where this text starts

    parser = Text()
    parser.feed(source)
    parser.close()
    return " ".join(parts)


def _candidates() -> dict[str, tuple[Callable[[str], str], str, str]]:
    from transcript_kit.formats.html import extract_page

    found: dict[str, tuple[Callable[[str], str], str, str]] = {
        "html.parser (stdlib)": (_stdlib, "yes: getpos() per tag, text run and reference", "PSF"),
        "transcript-kit": (
            lambda source: extract_page(source).text,
            "yes: html.parser plus furniture, paragraphs, offset map",
            "PSF",
        ),
    }
    try:
        import lxml.html

        def with_lxml(source: str) -> str:
            root = lxml.html.fromstring(source)
            for bad in root.xpath("//script|//style"):
                bad.drop_tree()
            return str(root.text_content())

        found["lxml.html"] = (with_lxml, "no: sourceline per element only", "BSD-3-Clause")
    except ImportError:
        pass
    try:
        from selectolax.lexbor import LexborHTMLParser

        def with_selectolax(source: str) -> str:
            tree = LexborHTMLParser(source)
            tree.strip_tags(["script", "style"])
            return tree.body.text(separator=" ") if tree.body else ""

        found["selectolax (lexbor)"] = (with_selectolax, "no", "MIT")
    except ImportError:
        pass
    try:
        import html5lib

        def with_html5lib(source: str) -> str:
            root = html5lib.parse(source, namespaceHTMLElements=False)
            for parent in root.iter():
                for child in list(parent):
                    if child.tag in ("script", "style"):
                        parent.remove(child)
            return " ".join(root.itertext())

        found["html5lib"] = (with_html5lib, "no", "MIT")
    except ImportError:
        pass
    try:
        import trafilatura

        def with_trafilatura(source: str) -> str:
            return trafilatura.extract(source, favor_recall=True) or ""

        found["trafilatura"] = (with_trafilatura, "no (main-content extraction, rewrites text)", "Apache-2.0")
    except ImportError:
        pass
    return found


def _in_order(text: str) -> bool:
    flat = " ".join(text.split())
    position = 0
    for sentence in SENTENCES:
        found = flat.find(sentence, position)
        if found == -1:
            return False
        position = found + len(sentence)
    return "not speech" not in flat


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    page = PAGE.read_text(encoding="utf-8")
    speech = re.search(r"<h1>.*?</article>", page, re.S)
    assert speech is not None
    big = page.replace(speech.group(), speech.group() * max(1, 1_000_000 // len(page)))
    megabytes = len(big.encode()) / 1e6
    print(f"{'parser':<22} {'ms/MB':>8} {'broken markup':>14}  source offsets of text / licence")
    for name, (extract, offsets, licence) in _candidates().items():
        best = float("inf")
        for _ in range(args.repeat):
            began = time.perf_counter()
            extract(big)
            best = min(best, time.perf_counter() - began)
        robust = "all in order" if _in_order(extract(BROKEN)) else "lost or mixed"
        print(f"{name:<22} {best * 1000 / megabytes:>8.0f} {robust:>14}  {offsets} / {licence}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
