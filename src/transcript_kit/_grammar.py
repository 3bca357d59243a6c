"""Locate and build the Lark grammars shipped with the package."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

# Installed wheels carry the grammars as transcript_kit/grammar/; a source checkout keeps them at the top level.
_CHECKOUT_GRAMMAR_DIR = Path(__file__).resolve().parents[2] / "grammar"
GRAMMARS = ("label.lark", "transcript.lark")  # every grammar the parser builds


def grammar_text(name: str) -> str:
    """The text of ``grammar/<name>``, from the installed package or, in a source checkout, the repo."""
    packaged = resources.files("transcript_kit").joinpath("grammar").joinpath(name)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    return (_CHECKOUT_GRAMMAR_DIR / name).read_text(encoding="utf-8")
