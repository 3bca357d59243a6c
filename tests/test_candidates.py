"""candidates: each label candidate is accepted or refused for the whole document, with a reason."""

from __future__ import annotations

from transcript_kit.candidates import find_candidate
from transcript_kit.parse import parse_text


def _reasons(text: str) -> dict[str, tuple[bool, str]]:
    return {d.text: (d.accepted, d.reason) for d in parse_text(text).decisions}


def test_a_title_makes_a_label_on_its_own() -> None:
    accepted, reason = _reasons("SECRETARY BLINKEN: Thank you.\n")["SECRETARY BLINKEN"]
    assert accepted and reason.endswith("colon: a title")


def test_a_headline_with_a_colon_is_refused_by_the_label_grammar() -> None:
    accepted, reason = _reasons(
        "EU reacts to threats to prosecutors: Perpetrators should be held accountable\n"
    )["EU reacts to threats to prosecutors"]
    assert not accepted and "label grammar" in reason


def test_a_lone_title_case_name_is_refused_in_a_document_of_upper_case_labels() -> None:
    reasons = _reasons("MS. PSAKI:  Hi.\n\nQ    Hello.\n\nMS. PSAKI:  So.\n\nLook: the numbers are clear.\n")
    assert reasons["MS. PSAKI"][0]
    assert not reasons.get("Look", (False, ""))[0]


def test_a_time_of_day_is_not_a_label_candidate() -> None:
    text = "11:40 A.M. EST"
    assert find_candidate(text, 0, len(text), True) is None


def test_a_bare_questioner_mark_wins_over_a_later_colon() -> None:
    text = "Q    Hey, Jen, on testing: what is the plan?"
    candidate = find_candidate(text, 0, len(text), True)
    assert candidate is not None and candidate.label == "Q"
