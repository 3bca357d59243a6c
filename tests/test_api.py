"""The library API: a small, sorted public surface; the README quickstart works as written."""

from __future__ import annotations

import re

import pytest

import transcript_kit as tk

from .conftest import REPO


def test_all_is_sorted_and_every_name_exists() -> None:
    assert tk.__all__ == sorted(tk.__all__)
    for name in tk.__all__:
        assert hasattr(tk, name), name


def test_parse_text_returns_turns_with_resolved_speakers() -> None:
    document = tk.parse("MS. PSAKI:  Hi, everyone.\n\nQ    Hello.\n\nMS. PSAKI:  Happy Friday.\n")
    assert [(t.label, t.text) for t in document.turns] == [
        ("MS. PSAKI", "Hi, everyone."),
        ("Q", "Hello."),
        ("MS. PSAKI", "Happy Friday."),
    ]
    question = document.turns[1].speaker
    assert question is not None and question.id == "role:question"


def test_errors_share_one_base_and_their_builtin() -> None:
    assert issubclass(tk.DecodeError, tk.TranscriptKitError) and issubclass(tk.DecodeError, ValueError)
    assert issubclass(tk.InputError, OSError)
    with pytest.raises(tk.InputError, match=r"missing\.txt"):
        tk.parse_file(REPO / "missing.txt")


def test_the_readme_quickstart_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    library = readme.split("## Library", 1)[1]
    code = re.search(r"```python\n(.*?)```", library, re.S)
    assert code is not None
    monkeypatch.chdir(REPO)
    exec(compile(code.group(1), "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "SECRETARY BLINKEN ->" in out
    assert "2021-06-13 Brussels, Belgium Antony J. Blinken, Secretary of State" in out
