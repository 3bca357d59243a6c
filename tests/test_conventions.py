"""conventions: one vocabulary, profiles as data (built-in and the user's), chosen per document."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transcript_kit.api import parse
from transcript_kit.cli import main
from transcript_kit.conventions.catalog import Conventions, builtin
from transcript_kit.conventions.vocabulary import VOCABULARY, expand, words_alternation
from transcript_kit.errors import ConventionError, ParseError
from transcript_kit.labels import parse_label, repair_ocr_confusions
from transcript_kit.parse import parse_text
from transcript_kit.rules import _LITERAL

REPO = Path(__file__).resolve().parents[1]

# A convention no built-in profile knows: the speaker between chevrons at the start of a line.
CHEVRON_PROFILE = """
name = "chevron_log"
description = "A club's minutes: '>> ALICE << text'."

[[evidence]]
pattern = '(?m)^>> [A-Z]+ <<'
weight = 3

[[shapes]]
name = "chevrons"
reason = "a name between chevrons"
pattern = '>>[ \\t]*(?P<label>[A-Z][A-Za-z]+)[ \\t]*<<'
delimiter = ""
"""
CHEVRON_DOC = (
    "Minutes of the garden club\n\n"
    ">> ALICE << The hedges are done.\n\n"
    ">> BORIS << And the roses?\n\n"
    ">> ALICE << Next week, if it stays dry.\n"
)


def test_the_label_grammar_takes_its_words_from_the_vocabulary() -> None:
    grammar = (REPO / "grammar" / "label.lark").read_text(encoding="utf-8")
    assert "@titles@" in grammar and "secretary" not in grammar.lower().split("//")[0]
    titles = re.compile(f"(?i:{expand('@titles@')})")
    assert titles.fullmatch("secretary") and titles.fullmatch("Secretary  General") and not titles.fullmatch("secret")
    assert parse_label("Some hon. members") is not None
    assert parse_label("Some hon. members").role == "members"  # type: ignore[union-attr]


def test_word_lists_live_once_in_the_vocabulary() -> None:
    assert VOCABULARY.contains("never_speakers", "Insert")
    assert VOCABULARY.months["sept"] == 9
    source = (REPO / "src" / "transcript_kit" / "lexicon.py").read_text(encoding="utf-8")
    assert "subscribe to" not in source  # boilerplate phrases come from vocabulary.toml


def test_the_small_joining_words_of_titles_and_headings_are_one_vocabulary_list() -> None:
    # A rubric, a centred title, a sub-debate heading's tail, a parliament's heading rule and a label's affiliation
    # all read "of", "and", "the" ... between capitalised words: from [label.words] joining, not each its own copy.
    places = [
        REPO / "src" / "transcript_kit" / "parse.py",
        REPO / "src" / "transcript_kit" / "candidates.py",
        REPO / "src" / "transcript_kit" / "conventions" / "profiles" / "parliament.toml",
        REPO / "grammar" / "label.lark",
    ]
    for place in places:
        assert "|of|and|" not in place.read_text(encoding="utf-8").replace("and|of", "|of|and|"), place
    assert "without" in VOCABULARY.words_of("joining")
    assert parse_label("Mr BLOGGS, Minister for Roads and Rail") is not None
    rubric = "Questions without Notice"  # a heading whose joining word only the parliament rule listed before
    document = parse_text(f"Mr BLOGGS (Eastfield) (14:02): I rise.\n\n{rubric}\n\nMr SMITH (Westfield): Yes.\n")
    assert [t.text for t in document.turns] == ["I rise.", "Yes."]


def test_honorifics_in_patterns_come_from_the_vocabulary_in_the_case_the_pattern_needs() -> None:
    # "Mr|Mrs|Ms" was written out by hand in nine patterns (period labels, examiner lines, a presiding officer named
    # in the text, the evidence of four families); each now names the vocabulary's address forms.
    sources = [*(REPO / "src" / "transcript_kit").rglob("*.py"), *(REPO / "src" / "transcript_kit").rglob("*.toml")]
    written_out = re.compile(r"\b(?:Mrs?|MRS?|Ms|MS)\||\|(?:Mrs?|MRS?|Ms|MS)\b")
    for source in sources:
        assert written_out.search(source.read_text(encoding="utf-8")) is None, source
    # The honorifics list takes the address forms and styles by name, so each word is written once.
    assert {"mr", "miss", "dr", "sir", "madam"} <= set(VOCABULARY.words_of("honorifics"))
    assert not any(word.startswith("@") for word in VOCABULARY.words_of("honorifics"))
    title, upper = (re.compile(expand(f"@address_forms:{case}@")) for case in ("title", "upper"))
    assert title.fullmatch("Mrs") and title.fullmatch("Miss") and not title.fullmatch("miss")
    assert upper.fullmatch("MR") and not upper.fullmatch("Mr")
    # Lower-case "miss" inside a speech stays prose; "Mr." and "MRS." open period-style turns.
    document = parse_text(
        "  Mr. SMITH. I yield, miss. That is all.\n\n  Mrs. JONES. I thank the gentleman.\n"
    )
    assert [t.text for t in document.turns] == ["I yield, miss. That is all.", "I thank the gentleman."]


def test_each_document_gets_the_profile_its_evidence_shows() -> None:
    record = (
        "[Congressional Record Volume 151, Number 99 (Wednesday, July 20, 2005)]\n\n  Mr. FRIST. Thanks.\n"
    )
    assert parse_text(record).convention == "congressional_record"
    un = "The meeting was called to order at 10.05 a.m.\n\nThe President (spoke in French): I welcome you.\n"
    assert parse_text(un).convention == "un_record"
    assert parse_text("Hello there.\n").convention == "base"


def test_a_forced_convention_overrides_the_evidence() -> None:
    forced = Conventions.load(forced="script")
    assert parse_text("MS. PSAKI: Hi.\n", conventions=forced).convention == "script"
    with pytest.raises(ConventionError, match="unknown convention"):
        Conventions.load(forced="klingon")


def test_a_profile_from_a_toml_file_parses_a_convention_no_built_in_handles(tmp_path: Path) -> None:
    assert [t.label for t in parse_text(CHEVRON_DOC).turns if t.label] == []
    profile = tmp_path / "chevron.toml"
    profile.write_text(CHEVRON_PROFILE, encoding="utf-8")
    document = parse_text(CHEVRON_DOC, conventions=Conventions.load([profile]))
    assert document.convention == "chevron_log"
    assert [(t.label, t.text) for t in document.turns] == [
        ("ALICE", "The hedges are done."),
        ("BORIS", "And the roses?"),
        ("ALICE", "Next week, if it stays dry."),
    ]


def test_the_command_line_takes_a_profile_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "chevron.toml"
    profile.write_text(CHEVRON_PROFILE, encoding="utf-8")
    doc = tmp_path / "minutes.txt"
    doc.write_text(CHEVRON_DOC, encoding="utf-8")
    assert main(["parse", str(doc), "--conventions", str(profile), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "convention: chevron_log" in out and "shape chevrons" in out


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('name = "x"\ncolour = "red"\n', "unknown key 'colour'"),
        ('name = "x"\n[[rules]]\nname = "r"\nkind = "STAGE"\npattern = "(unclosed"\n', "bad pattern"),
        ('name = "x"\n[[rules]]\nname = "r"\nkind = "STAGE"\npattern = "a*"\n', "matches the empty string"),
        ('name = "x"\n[[shapes]]\nname = "s"\npattern = "[A-Z]+:"\n', "has no (?P<label>"),
        ('name = "x"\nparent = "nope"\n', "unknown parent profile 'nope'"),
        ('name = "x"\n[[rules]]\nname = "r"\nkind = "SPEECH"\npattern = "x"\n', "kind 'SPEECH'"),
        (
            'name = "x"\n[[shapes]]\nname = "s"\npattern = "(?P<label>[A-Z]+):"\ntriggers = ["x?"]\n',
            "matches the empty string",
        ),
        (
            'name = "x"\n[[shapes]]\nname = "s"\npattern = "(?P<label>[A-Z]+):"\ntriggers = ["(?P<c>:)"]\n',
            "a trigger may not name groups",
        ),
        ('name = "x"\ndirections_are_speech = "no"\n', "'directions_are_speech' must be true or false"),
        ('name = "x"\n[[shapes]]\nname = "s"\npattern = "(?P<label>@clock:upper@)"\n', "is a shape, not a word list"),
        ('name = "x"\n[[shapes]]\nname = "s"\npattern = "(?P<label>@address_forms:lower@)"\n', "no case 'lower'"),
    ],
)
def test_a_bad_profile_is_an_error_naming_the_file_and_the_entry(
    tmp_path: Path, text: str, message: str
) -> None:
    profile = tmp_path / "bad.toml"
    profile.write_text(text, encoding="utf-8")
    with pytest.raises(ConventionError) as error:
        Conventions.load([profile])
    assert str(profile) in str(error.value) and message in str(error.value)


def test_a_family_overrides_its_parents_tables_by_name() -> None:
    profiles = builtin()
    assert {s.name for s in profiles["base"].shapes} == {s.name for s in profiles["script"].shapes}
    assert not next(s for s in profiles["base"].shapes if s.name == "cue_alone").active
    assert next(s for s in profiles["script"].shapes if s.name == "cue_alone").active
    assert [r.name for r in profiles["un_record"].rules][:3] == [
        "meeting_rose",
        "meeting_note",
        "agenda_note",
    ]


def test_the_base_profile_infers_a_label_shape_nobody_listed() -> None:
    # Two-letter radio-drama cues and a play's cues alone on their line, with no family evidence at all.
    cues = "".join(
        f"{who}\n{line}\n\n" for who, line in [("JO", "Is it on?"), ("MK", "It is."), ("JO", "Then go.")] * 2
    )
    document = parse_text(cues)
    assert document.convention == "base"
    assert [t.label for t in document.turns] == ["JO", "MK", "JO"] * 2
    assert any("inferred from the document" in note for note in document.convention_notes)


def test_sub_debate_headings_and_drafting_lines_are_not_speakers() -> None:
    text = (
        "Mr BLOGGS (Eastfield—Deputy Prime Minister, Minister for Roads, Rail and Regional Affairs and Leader of "
        "the Country Party) (14:12): I move the amendment.\n\n"
        "Insert: after clause 4, the words that follow.\n\n"
        "Eastfield Electorate: Bridges\n\n"
        "The SPEAKER: Order! The member for Westfield.\n\n"
        "Mr SMITH (Westfield) (14:15): Thank you.\n\n"
        "Some hon. members: Hear, hear!\n"
    )
    labels = [t.label for t in parse_text(text).turns if t.label]
    assert labels[0].startswith("Mr BLOGGS (Eastfield")
    assert "Insert" not in labels and "Eastfield Electorate" not in labels
    assert labels[1:] == ["The SPEAKER", "Mr SMITH (Westfield) (14:15)", "Some hon. members"]


def test_text_before_the_first_label_and_refused_lookalikes_are_warnings() -> None:
    text = "He began without a label.\n\nMS. PSAKI: Hi.\n\nMR. NOT: x\n\nMS. PSAKI: Bye.\n"
    warnings = parse_text(text).warnings
    assert any("before the first label" in w and ":1:1" in w for w in warnings)


def _labels(text: str) -> list[str | None]:
    return [t.label for t in parse_text(text).turns if t.kind.value == "turn"]


def test_a_word_split_by_pdf_extraction_is_joined_when_the_vocabulary_knows_it() -> None:
    text = "Th e SPEAKER: Order!\n\nD r SMITH (Eastfield) (13:42): Thank you.\n\nTh e SPEAKER: The member.\n"
    assert _labels(text) == ["The SPEAKER", "Dr SMITH (Eastfield) (13:42)", "The SPEAKER"]


def test_a_label_ocr_misread_is_printed_as_it_is_and_names_the_speaker_it_meant() -> None:
    # An OCR'd hearing: a digit or a small l inside a word of capitals ("DRISC0LL", "SMlTH"), "Tlie" for "The".
    text = (
        "The CHAIRMAN. The subcommittee will come to order. Senator Driscoll?\n\n"
        "Senator DRISCOLL. Thank you, Mr. Chairman.\n\n"
        "Mr. SMITH. Thank you, Senator.\n\n"
        "Senator DRISC0LL. How many applications are waiting?\n\n"
        "Mr. SMlTH. About 640.\n\n"
        "The CHA1RMAN. Thank you.\n"
    )
    document = parse(text.encode(), doc_id="ocr")
    turns = [t for t in document.turns if t.kind.value == "turn"]
    assert [t.label for t in turns] == [
        "The CHAIRMAN", "Senator DRISCOLL", "Mr. SMITH", "Senator DRISC0LL", "Mr. SMlTH", "The CHA1RMAN"
    ]
    ids = [t.speaker.id if t.speaker else None for t in turns]
    assert ids[1] == ids[3] and ids[2] == ids[4] and ids[0] == ids[5]
    assert len({ids[0], ids[1], ids[2]}) == 3


def test_a_code_with_a_digit_and_a_name_with_al_stay_as_printed() -> None:
    assert repair_ocr_confusions("P1A") == "P1A"
    assert repair_ocr_confusions("SPEAKER 1") == "SPEAKER 1"
    assert repair_ocr_confusions("Mr. Allen") == "Mr. Allen"
    assert repair_ocr_confusions("Tlie CHA1RMAN") == "The CHAIRMAN"


def test_a_surnames_first_capital_ocr_read_as_a_digit_is_the_letter() -> None:
    # blind29's OCR'd hearing: "Senator 0KERLUND." was no label (the grammar reads no digit), its question the
    # chairman's words. A leading digit is a letter only before four capitals: "1ST LIEUTENANT" stays.
    assert repair_ocr_confusions("Senator 0KERLUND") == "Senator OKERLUND"
    assert repair_ocr_confusions("Mr. 5MITH") == "Mr. SMITH"
    assert repair_ocr_confusions("1ST LIEUTENANT") == "1ST LIEUTENANT"
    text = (
        "The CHAIRMAN. Senator Okerlund.\n\n"
        "Senator 0KERLUND. Mr. Secretary, I have had a good deal of mail on this bill.\n\n"
        "Mr. TRASK. I am sure you have, Senator.\n\n"
        "Senator OKERLUND. Not all of it favorable.\n"
    )
    document = parse(text.encode(), doc_id="ocr")
    turns = [t for t in document.turns if t.kind.value == "turn"]
    assert [t.label for t in turns] == ["The CHAIRMAN", "Senator 0KERLUND", "Mr. TRASK", "Senator OKERLUND"]
    assert turns[1].speaker is not None and turns[3].speaker is not None
    assert turns[1].speaker.id == turns[3].speaker.id


def test_a_plays_hanging_cues_open_turns_inside_an_indented_block() -> None:
    text = (
        "ACT I. SCENE I.\n\n  Cor. Brother, you come early;\n    The morning sleeps.\n  Fer. Then, my lord,\n"
        "    I ask your pardon.\n  Cor. What news?\n  Fer. The Duke is here.\n  Corv. Three thousand!\n"
    )
    assert _labels(text) == ["Cor", "Fer", "Cor", "Fer", "Corv"]


def test_a_screenplays_flush_action_lines_are_no_ones_speech() -> None:
    scene = (
        "INT. KITCHEN - NIGHT\n\n"
        "                    MARIA\n          Is that the ferry?\n\n"
        "Maria freezes. She sets the kettle down.\n\n"
        "                    TOMAS\n          It is our call sign.\n\n"
        "He puts the sandwich down.\n\n"
        "                    MARIA\n          Then go.\n\n"
        "                    TOMAS\n          Going.\n"
    )
    document = parse_text(scene)
    spoken = " ".join(t.text for t in document.turns if t.kind.value == "turn")
    assert "freezes" not in spoken and "sandwich" not in spoken
    assert [t.label for t in document.turns if t.kind.value == "turn"] == ["MARIA", "TOMAS", "MARIA", "TOMAS"]


def test_a_logs_time_lines_stand_apart_and_a_one_off_code_in_its_style_opens_a_turn() -> None:
    log = (
        "Times are ground elapsed time in hours, minutes and seconds, as the tapes give them.\n"
        "00:00:02\nCC: Liftoff, Kestrel. The clock is running and everything here looks good to us.\n"
        "P: Roger, clock is running. Feels smooth, a little noisy. Roll program has started.\n"
        "00:00:31\nCC: Copy roll program. You are looking good from down here, Kestrel, all green.\n"
        "P: Roger. A little vibration now, nothing to worry about, and the cabin is quiet.\n"
        "00:02:14\nFD: Tell him the cabin pressure looks good too, and that we have the data.\n"
        "CC: Kestrel, Tidewater. Flight confirms cabin pressure holding at five point five.\n"
        "P: Roger. Five point five on my gauge as well, and the horizon is a lovely thing to see.\n"
    )
    document = parse_text(log)
    assert [t.label for t in document.turns if t.kind.value == "turn"] == [
        "CC",
        "P",
        "CC",
        "P",
        "FD",
        "CC",
        "P",
    ]
    assert all("00:0" not in t.text for t in document.turns)


def test_a_hearings_prepared_statement_is_inserted_material_not_speech() -> None:
    text = (
        "HEARING before the SUBCOMMITTEE ON RURAL HEALTH\n\n"
        "    Senator Dunmore. I ask that my full statement be placed in the record.\n"
        "    Senator Whitfield. Without objection.\n"
        "    [The prepared statement of Senator Dunmore follows:]\n\n"
        "    Madam Chair, I thank you for calling this hearing today.\n\n"
        "    Senator Whitfield. Dr. Okwu, you may begin.\n"
    )
    document = parse_text(text)
    kinds = [(t.kind.value, t.label) for t in document.turns]
    assert ("insert", None) in kinds
    assert all("calling this hearing" not in t.text for t in document.turns if t.kind.value == "turn")


def test_a_title_over_a_plays_cues_and_a_list_with_dot_leaders_are_not_speakers() -> None:
    play = "THE LANTERN KEEPER\nA play in one act\n\n" + "".join(
        f"{who}\n{line}\n\n" for who, line in [("HELENA", "Three ships."), ("TOBIAS", "They never stop.")] * 3
    )
    assert "THE LANTERN KEEPER" not in _labels(play)
    record = "President: Mr. Delacroix . . . . . . . . (France)\n\nThe President: I welcome you all.\n"
    assert _labels(record) == ["The President"]


def test_each_line_of_a_timed_export_is_an_utterance_even_when_the_lines_look_wrapped() -> None:
    text = (
        "[00:00:05] Maria de la Cruz: Welcome back to the show.\n"
        "[00:00:09] Ben Okafor: Thanks for having me.\n"
        "[00:00:12] Maria de la Cruz: Let us start with the floods.\n"
        "[00:00:20] Ben Okafor: It was the worst week of my life.\n"
    )
    turns = parse_text(text).turns
    assert [(t.label, t.start_ms) for t in turns] == [
        ("Maria de la Cruz", 5000),
        ("Ben Okafor", 9000),
        ("Maria de la Cruz", 12000),
        ("Ben Okafor", 20000),
    ]


def test_caption_chevrons_and_list_dashes_before_a_label() -> None:
    captions = (
        ">> ANCHOR: Good evening.\n>> REPORTER: Thanks, Tom.\n>> ANCHOR: The damage?\n>> REPORTER: Severe.\n"
    )
    assert _labels(captions) == ["ANCHOR", "REPORTER", "ANCHOR", "REPORTER"]
    chat = "- Alice: Are we ready?\n- Bob: Almost.\n- Alice: Then go.\n- Bob: Going.\n"
    assert _labels(chat) == ["Alice", "Bob", "Alice", "Bob"]


def _user_profile(tmp_path: Path, name: str, toml: str) -> Conventions:
    """The built-in profiles plus a user's profile file, forced for every document."""
    profile = tmp_path / f"{name}.toml"
    profile.write_text(toml, encoding="utf-8")
    return Conventions.load([profile], forced=name)


def test_the_rooms_reactions_are_one_vocabulary_list_for_every_family() -> None:
    # A committee cuts "[Laughter]" from a speech, a parliament sets "Laughter." apart as a stage record: both read
    # [lines] room_notes, so a word one family knew (parliament's "Cheers", committee's "Crosstalk") both know.
    profiles = builtin()
    committee = next(n for n in profiles["committee"].inline_notes if n.name == "reaction_note")
    interjection = next(r for r in profiles["parliament"].rules if r.name == "interjection")
    for pattern in (committee.pattern, interjection.pattern):
        assert expand("@room_notes@") in pattern  # the list itself, not a copy of its words
        words = re.compile(f"(?i:{expand('@room_notes@')})")
        assert words.fullmatch("Cheers") and words.fullmatch("crosstalk") and words.fullmatch("laughter")
    assert "crosstalk" in VOCABULARY.words_of("room_notes")


def test_whether_a_direction_inside_a_speech_is_its_words_is_the_profiles_own_key(tmp_path: Path) -> None:
    # Said by directions_are_speech, not by whether the profile cuts inline notes: a user's profile may cut notes
    # and still read "(Laughter.)" between two paragraphs as printed, or keep directions apart without notes.
    text = "JANE: One thing.\n\n(Laughter.)\n\nJANE: Another.\n\nMore of it.\n\n(Pause.)\n\nAnd the end.\n"
    as_speech = _user_profile(tmp_path, "as_speech", 'name = "as_speech"\nparent = "base"\n')
    apart = _user_profile(
        tmp_path, "apart", 'name = "apart"\nparent = "base"\ndirections_are_speech = false\n'
    )
    spoken = parse_text(text, conventions=as_speech).turns[-1]
    noted = parse_text(text, conventions=apart).turns[-1]
    assert spoken.text == "Another.\n\nMore of it.\n\n(Pause.)\n\nAnd the end." and spoken.notes == ()
    assert noted.text == "Another.\n\nMore of it.\n\nAnd the end." and noted.notes == ("(Pause.)",)
    assert builtin()["script"].directions_are_speech is False and builtin()["briefing"].directions_are_speech


def test_the_document_grammar_reports_an_impossible_sequence(tmp_path: Path) -> None:
    # A user's profile that prints a dateline inside a turn: header lines stand only before the first label.
    conventions = _user_profile(
        tmp_path,
        "odd",
        'name = "odd"\n[[rules]]\nname = "late_dateline"\nkind = "DATELINE"\nscope = "body"\n'
        "pattern = '\\d{1,2}/\\d{1,2}/\\d{4}'\n",
    )
    with pytest.raises(ParseError, match=r"document structure: .*:3:1: '06/13/2021'"):
        parse_text(
            "MS. PSAKI: Hi.\n\n06/13/2021\n\nMS. PSAKI: Bye.\n",
            conventions=conventions,
        )


TRIGGERED_PROFILE = """
name = "pipe_log"
parent = "base"

[[shapes]]
name = "piped"
reason = "a speaker code before a pipe"
pattern = '[ \\t]*(?P<label>[A-Z]{2,3})[ \\t]*\\|[ \\t]+'
delimiter = "|"
triggers = ['\\|']
"""

LOG_WITH_SEPARATORS = (
    "Channel four radio log, recorded at the station on the fourteenth of May\n\n"
    # Hard-wrapped lines with no blank line between, so one paragraph; its lines end in U+2028 (a line
    # separator, no newline): only the shape's trigger finds the labels inside the paragraph.
    "CC | Radio check on channel four, how do you read me, over.\u2028"
    "EV | Loud and clear on four, we read you five by five.\u2028"
    "CC | Copy that, stand by for the next weather report.\u2028"
    "EV | Standing by on channel four for the weather report.\u2028"
    "CC | Winds from the west at twelve knots, gusting twenty.\u2028"
    "EV | Copy winds west at twelve gusting twenty, thank you.\n"
)


def test_a_shapes_triggers_find_its_labels_inside_paragraphs_whatever_the_line_ends(tmp_path: Path) -> None:
    conventions = _user_profile(tmp_path, "pipe_log", TRIGGERED_PROFILE)
    doc = parse_text(LOG_WITH_SEPARATORS, conventions=conventions)
    assert [(t.label, t.text) for t in doc.turns] == [
        ("CC", "Radio check on channel four, how do you read me, over."),
        ("EV", "Loud and clear on four, we read you five by five."),
        ("CC", "Copy that, stand by for the next weather report."),
        ("EV", "Standing by on channel four for the weather report."),
        ("CC", "Winds from the west at twelve knots, gusting twenty."),
        ("EV", "Copy winds west at twelve gusting twenty, thank you."),
    ]


def test_a_rule_with_triggers_is_matched_only_where_one_is_found(tmp_path: Path) -> None:
    # The rule's pattern would take any paragraph that holds "@@"; its trigger "##" narrows it to paragraphs that
    # also hold "##": a trigger gates the rule, it never widens it.
    conventions = _user_profile(
        tmp_path,
        "gated",
        'name = "gated"\nparent = "base"\n\n[[rules]]\nname = "marked"\nkind = "STAGE"\n'
        "pattern = '.*@@.*'\ntriggers = ['##']\n",
    )
    doc = parse_text(
        "ALICE: First words here.\n\nThese @@ stay speech.\n\nBORIS: Mine too.\n\nThese ## and @@ are set apart.\n",
        conventions=conventions,
    )
    assert [(t.kind.value, t.label, t.text) for t in doc.turns] == [
        ("turn", "ALICE", "First words here.\n\nThese @@ stay speech."),
        ("turn", "BORIS", "Mine too."),
        ("stage", None, "These ## and @@ are set apart."),
    ]


def test_explain_names_the_rule_that_set_each_paragraph_aside(capsys: pytest.CaptureFixture[str]) -> None:
    record = Path(__file__).parent.parent / "corpus" / "conventions" / "raw" / "un-security-council.txt"
    assert main(["parse", str(record), "--explain"]) == 0
    out = capsys.readouterr().out
    leaders = [line for line in out.splitlines() if "set aside as heading" in line and "Delacroix" in line]
    assert leaders and "un_record profile, rule dot_leaders: a list with dot leaders" in leaders[0]
    assert "rule agenda_note" in out and "set aside as rule (a horizontal rule)" in out


def test_a_label_whose_bracket_holds_a_bracket_opens_its_turn() -> None:
    # A Canadian Hansard office in brackets inside the seat's bracket, each label alone on its line.
    text = (
        "Mr. Eric Lowther (Calgary Centre, Ref.):\n"
        "Mr. Speaker, my question is for the Secretary of State.\n"
        "Hon. Jim Peterson (Secretary of State (International Financial Institutions), Lib.):\n"
        "Mr. Speaker, the member knows the answer.\n"
        "Mr. Eric Lowther (Calgary Centre, Ref.):\n"
        "Then let him give it.\n"
    )
    doc = parse_text(text)
    assert [(t.label, t.text) for t in doc.turns] == [
        (
            "Mr. Eric Lowther (Calgary Centre, Ref.)",
            "Mr. Speaker, my question is for the Secretary of State.",
        ),
        (
            "Hon. Jim Peterson (Secretary of State (International Financial Institutions), Lib.)",
            "Mr. Speaker, the member knows the answer.",
        ),
        ("Mr. Eric Lowther (Calgary Centre, Ref.)", "Then let him give it."),
    ]


def test_labels_of_untriggered_shapes_inside_paragraphs_are_found_whatever_the_line_ends() -> None:
    # A deposition's "Q." and "A." marks (shapes without triggers) one a line inside hard-wrapped paragraphs whose
    # lines end in U+2028: the newline scanner cannot see them, so such text is looked at line by line.
    lines = [
        "Q.  Where were you on the evening of the fourteenth of May, sir?",
        "A.  I was at home with my family, the whole of that evening.",
        "Q.  Did anyone else see you at home during that same evening?",
        "A.  My neighbour came by at about nine to return a ladder.",
        "Q.  And how long did your neighbour stay at the house with you?",
        "A.  Ten minutes at the most, and then he went back home.",
    ]
    doc = parse_text(
        "Deposition of Mr. Arne Vik, taken at the offices of counsel\n\n" + "\u2028".join(lines) + "\n"
    )
    assert [t.label for t in doc.turns] == ["Q", "A", "Q", "A", "Q", "A"]


def test_a_one_word_line_in_text_printed_one_sentence_a_line_is_speech_not_a_rubric() -> None:
    sentences = [f"This is sentence number {n} of the debate on the roads budget." for n in range(1, 21)]
    text = "\n".join(
        [
            "Mr. LUND: I will be brief.",
            *sentences[:10],
            "Certainly",
            *sentences[10:],
            "Budget Estimates for Roads",
        ]
    )
    doc = parse_text(text + "\n")
    (turn,) = [t for t in doc.turns if t.label == "Mr. LUND"]
    assert "Certainly" in turn.text.split("\n\n")
    assert "Budget Estimates for Roads" not in turn.text  # a rubric of several words still stands apart


def test_city_council_minutes_read_local_offices_as_offices_not_names() -> None:
    # A convention no corpus folder has: a city council's minutes, offices of local government before the name.
    text = (Path(__file__).parent / "data" / "council-minutes.txt").read_text(encoding="utf-8")
    doc = parse_text(text)
    assert [t.label for t in doc.turns if t.label][:3] == [
        "MAYOR PRO TEM LEE",
        "CITY CLERK DUNN",
        "COUNCILMEMBER GARCIA",
    ]
    assert doc.turns[-1].kind.value == "stage"  # "(Motion by Garcia, second by Okafor, carried 5-0.)"
    for label, office, family in [
        ("MAYOR PRO TEM LEE", "MAYOR PRO TEM", "LEE"),
        ("CITY CLERK DUNN", "CITY CLERK", "DUNN"),
        ("PUBLIC WORKS DIRECTOR ABARA", "PUBLIC WORKS DIRECTOR", "ABARA"),
    ]:
        parsed = parse_label(label)
        assert (
            parsed is not None and parsed.titles == (office,) and parsed.family == family and not parsed.given
        )


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="abc ś", min_size=1, max_size=6), min_size=1, max_size=12),
    st.text(alphabet="abcABC śŚ", max_size=10),
)
def test_a_word_lists_trie_matches_what_its_longest_first_alternation_matches(words: list[str], text: str) -> None:
    # words_alternation writes a lower-case list as a trie (speed: a flat list of hundreds of titles is tried
    # branch by branch); it must match just what the flat, longest-first alternation matches, in either case.
    words = [w for w in words if w.strip() == w and "  " not in w] or ["a"]
    flat = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=lambda w: (-len(w), w)))
    for flags in ("", "(?i)"):
        trie_match = re.match(f"{flags}(?:{words_alternation(words)})", text)
        flat_match = re.match(f"{flags}(?:{flat})", text)
        assert (trie_match and trie_match.group()) == (flat_match and flat_match.group())


def test_every_built_in_rules_trigger_is_a_literal() -> None:
    # A trigger that is a pattern ("INT." where "INT\." was meant) makes every paragraph of every document searched
    # with one regex instead of tested for substrings (rules.py: the literals' fast path is all or nothing).
    patterns = {
        (profile.name, rule.name, trigger)
        for profile in builtin().values()
        for rule in profile.rules
        for trigger in rule.triggers
        if not _LITERAL.fullmatch(trigger)
    }
    assert patterns == set()
