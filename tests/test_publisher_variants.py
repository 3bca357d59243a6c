"""The same transcripts printed the ways other publishers print them (bench/variants.py), scored against the same
gold: each case here lost most of its words before the layout or the label vote learnt that way of printing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scoring import document_f1, variants

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

# (variant, folder, document): F1 before the fix -> the floor now.
CASES = {
    # A hard-wrapped briefing without blank lines: every label opens a line inside one long paragraph (0.0).
    ("no_blank_lines", "whitehouse-briefings", "2023-02-20-remarks-by-president-biden-and-president-zelenskyy-of-ukraine-in-join"): 0.99,
    # ... and a heading printed over the first label with no blank line between, where the record's inserted
    # material is told from its speech by indentation: the label went with the heading into the insert (0.50);
    # "... printed in the Record, as follows:" ended no paragraph, so the material joined the speech (0.42).
    ("no_blank_lines", "conventions", "senate-hearing-inserts"): 0.96,
    ("no_blank_lines", "congressional-record", "CREC-2005-07-20-pt1-PgS8560"): 0.99,
    ("no_blank_lines", "congressional-record", "CREC-1997-01-28-pt1-PgS715"): 0.97,
    # Double spacing: a blank line after every wrapped line ("President Biden: I'm very happy ..." opened a
    # paragraph and took Zelenskyy's words, 0.55), and names alone on their line three blank lines above
    # their words (earnings calls 0.0, a podcast 0.78).
    ("double_spaced", "whitehouse-briefings", "2023-02-20-remarks-by-president-biden-and-president-zelenskyy-of-ukraine-in-join"): 0.99,
    ("double_spaced", "conventions", "earnings-call-fool-style"): 0.98,
    ("double_spaced", "conventions", "earnings-call-streetevents"): 0.98,
    ("double_spaced", "conventions", "podcast-markdown"): 0.98,
    ("double_spaced", "conventions", "screenplay"): 0.98,
    # A PDF's running head and footer on every page were read as the speaker's words (0.98).
    ("running_heads", "whitehouse-briefings", "2021-07-16-press-briefing-by-press-secretary-jen-psaki-july-16-2021"): 0.999,
    # Hard-wrapped: a court transcript's word index outweighed its numbered lines (0.0); tagged speeches made
    # tag lines rarer than a fifth (0.0).
    ("hard_wrap", "scotus-argument-pdftotext", "11-398_HHS-v-Florida_2012-03-26"): 0.99,
    ("hard_wrap", "europarl-tagged", "ep-00-09-06-ch6-9"): 0.99,
    # ... a long office and name wrapped before the colon opened no turn: its words went to the speaker before.
    ("hard_wrap", "conventions", "government-meeting-office-of-country"): 0.99,
    # ... and a news report's quotations ran over line breaks, so none was attributed (0.0 and 0.30).
    ("hard_wrap", "seeds", "004_6f220142dd4ec749"): 0.99,
    ("hard_wrap", "conventions", "news-prose-quotes"): 0.98,
}


@pytest.mark.parametrize(("variant", "folder", "name"), sorted(CASES))
def test_a_publisher_variant_keeps_its_speakers(variant: str, folder: str, name: str, tmp_path: Path) -> None:
    f1 = document_f1(CORPUS / folder, name, tmp_path, variants.VARIANTS[variant])
    assert f1 >= CASES[variant, folder, name], f"{variant} {folder}/{name}: F1 {f1:.4f}"
