"""Document parsing, one transcript convention at a time, on small snippets written the way publishers print them."""

from __future__ import annotations

import datetime

from transcript_kit.conventions.catalog import Conventions
from transcript_kit.model import Document, TurnKind
from transcript_kit.parse import parse_text


def speech(document: Document) -> list[tuple[str | None, str]]:
    return [(t.label, t.text) for t in document.turns if t.kind is TurnKind.TURN]


def kinds(document: Document) -> list[str]:
    return [t.kind.value for t in document.turns]


# --- labels with a colon --------------------------------------------------------------------------------------


def test_upper_case_labels_with_a_colon_open_turns_inline() -> None:
    doc = parse_text(
        "SECRETARY BLINKEN: Well, Mr. Prime Minister, thank you.\n\nPRIME MINISTER RAMA: Thank you.\n"
    )
    assert speech(doc) == [
        ("SECRETARY BLINKEN", "Well, Mr. Prime Minister, thank you."),
        ("PRIME MINISTER RAMA", "Thank you."),
    ]


def test_a_label_followed_by_two_spaces_or_a_non_breaking_space_is_a_label() -> None:
    doc = parse_text("MS. PSAKI:  Hi, everyone.\n\nQ:\u00a0 Thanks, Jen.\n\nMS. PSAKI:\u00a0Sure.\n")
    assert speech(doc) == [("MS. PSAKI", "Hi, everyone."), ("Q", "Thanks, Jen."), ("MS. PSAKI", "Sure.")]


def test_title_case_labels_with_a_full_title_are_labels() -> None:
    doc = parse_text(
        "US Secretary of State Antony Blinken: Mr. Prime Minister, thank you.\n\n"
        "Prime Minister Edi Rama: Thank you very much!\n"
    )
    assert [label for label, _ in speech(doc)] == [
        "US Secretary of State Antony Blinken",
        "Prime Minister Edi Rama",
    ]


def test_a_line_that_merely_ends_in_a_colon_is_not_a_speaker() -> None:
    doc = parse_text(
        "Remarks by Secretary Blinken and Prime Minister Rama following the meeting:\n\n"
        "SECRETARY BLINKEN: Thank you.\n\nPRIME MINISTER RAMA: Thank you.\n"
    )
    assert [label for label, _ in speech(doc)] == ["SECRETARY BLINKEN", "PRIME MINISTER RAMA"]
    assert any(not d.accepted for d in doc.decisions) or len(doc.decisions) == 2


def test_a_label_alone_on_its_line_takes_the_text_below_and_may_repeat_on_consecutive_blocks() -> None:
    doc = parse_text(
        "President Donald J. Trump:\nThank you very much.\n\n"
        "President Donald J. Trump:\nAnd we will keep going.\n\n"
        "Reporter:\nSir, on trade?\n"
    )
    assert speech(doc) == [
        ("President Donald J. Trump", "Thank you very much."),
        ("President Donald J. Trump", "And we will keep going."),
        ("Reporter", "Sir, on trade?"),
    ]


def test_rev_com_labels_carry_their_timestamp_as_the_turn_start() -> None:
    doc = parse_text(
        "Joe Biden: (12:01)\nGood afternoon, folks.\n\nKamala Harris: (12:30)\nThank you, Mr. President.\n"
    )
    assert speech(doc) == [
        ("Joe Biden", "Good afternoon, folks."),
        ("Kamala Harris", "Thank you, Mr. President."),
    ]
    assert [t.start_ms for t in doc.turns] == [721_000, 750_000]


def test_a_podcast_label_with_a_timestamp_line_under_it() -> None:
    doc = parse_text("Travis:\n0:00\nWelcome to the show.\n\nKevin:\n0:15\nThanks for having me.\n")
    assert speech(doc) == [("Travis", "Welcome to the show."), ("Kevin", "Thanks for having me.")]
    assert [t.start_ms for t in doc.turns] == [0, 15_000]


def test_markdown_bold_labels_are_labels_without_their_asterisks() -> None:
    doc = parse_text(
        "**The Prime Minister:** Thank you all for coming.\n\n**Journalist:** Prime Minister, on housing?\n\n"
        "**The Prime Minister:** We have a plan.\n"
    )
    assert speech(doc) == [
        ("The Prime Minister", "Thank you all for coming."),
        ("Journalist", "Prime Minister, on housing?"),
        ("The Prime Minister", "We have a plan."),
    ]


def test_parliamentary_labels_keep_constituency_role_and_time_in_parentheses() -> None:
    doc = parse_text(
        "Mr ALBANESE (Grayndler—Prime Minister) (14:00): I move that the House take note.\n\n"
        "The DEPUTY SPEAKER ( Mr Goodenough ): Order!\n"
    )
    turns = [t for t in doc.turns if t.kind is TurnKind.TURN]
    assert [t.label for t in turns] == [
        "Mr ALBANESE (Grayndler—Prime Minister) (14:00)",
        "The DEPUTY SPEAKER ( Mr Goodenough )",
    ]
    assert turns[0].parsed_label is not None and turns[0].parsed_label.time == "14:00"
    assert turns[1].parsed_label is not None and turns[1].parsed_label.inner is not None


# --- questioners ------------------------------------------------------------------------------------------------


def test_q_and_question_open_questioner_turns_even_when_the_question_holds_a_colon() -> None:
    doc = parse_text(
        "MS. PSAKI:  Go ahead.\n\nQ    Hey, Jen, on testing: states are short.\n\nQUESTION: Another one.\n\n"
        "MS. PSAKI:  Sure.\n"
    )
    assert speech(doc) == [
        ("MS. PSAKI", "Go ahead."),
        ("Q", "Hey, Jen, on testing: states are short."),
        ("QUESTION", "Another one."),
        ("MS. PSAKI", "Sure."),
    ]
    assert doc.turns[1].parsed_label is not None and doc.turns[1].parsed_label.role == "question"


# --- hard wrapping ----------------------------------------------------------------------------------------------

WRAPPED = (
    "MS. PSAKI:  Hi, everyone.  We have a lot to cover today and I want to\n"
    "get started with the schedule for the rest of the week and what the\n"
    "President said earlier.  Let me quote him here, because it is important\n"
    "President Biden: He follows the science, that is the point we make often.\n"
    "\n"
    "Q    Thanks, Jen.  Two questions.  First on the virus and the response\n"
    "to it in the states that are seeing the most cases this week so far.\n"
    "\n"
    "MS. PSAKI:  Sure.  Let me take the first one, and then we can go on to\n"
    "the second one, which is about the states and their response so far.\n"
)


def test_a_hard_wrapped_line_inside_a_paragraph_that_begins_name_colon_is_not_a_label() -> None:
    doc = parse_text(WRAPPED)
    assert [label for label, _ in speech(doc)] == ["MS. PSAKI", "Q", "MS. PSAKI"]
    assert "President Biden: He follows the science" in doc.turns[0].text


def test_a_hard_wrapped_paragraph_is_one_paragraph_of_its_turn() -> None:
    doc = parse_text(WRAPPED)
    assert "\n\n" not in doc.turns[1].text
    assert doc.turns[1].text.endswith("most cases this week so far.")


# --- notes and stage directions ---------------------------------------------------------------------------------


def test_interpreter_notes_are_a_turn_attribute_not_speech() -> None:
    doc = parse_text(
        "PRESIDENT ZELENSKYY:  (As interpreted.)  Thank you very much.\n\nPRESIDENT BIDEN:  Thank you.\n\n"
        "MR. KUMAR: (via interpreter) We agree.\n"
    )
    assert speech(doc) == [
        ("PRESIDENT ZELENSKYY", "Thank you very much."),
        ("PRESIDENT BIDEN", "Thank you."),
        ("MR. KUMAR", "We agree."),
    ]
    assert doc.turns[0].notes == ("(As interpreted.)",)
    assert doc.turns[2].notes == ("(via interpreter)",)


def test_stage_directions_between_turns_are_stage_records() -> None:
    doc = parse_text(
        "MS. PSAKI:  Go ahead.\n\nQ    On Russia?\n\n(CROSSTALK)\n\nMS. PSAKI:  One at a time.\n\n(Laughter.)\n\n"
        "[Interruption.]\n\nQ    Thanks.\n"
    )
    assert kinds(doc) == ["turn", "turn", "stage", "turn", "stage", "stage", "turn"]
    assert [t.text for t in doc.turns if t.kind is TurnKind.STAGE] == [
        "(CROSSTALK)",
        "(Laughter.)",
        "[Interruption.]",
    ]
    assert all(t.label is None for t in doc.turns if t.kind is TurnKind.STAGE)


def test_stage_directions_inside_a_turn_stay_in_its_text() -> None:
    doc = parse_text("THE PRESIDENT:  We did it.\n\n(Applause.)\n\nAnd we will do it again.\n\nQ    Sir?\n")
    assert speech(doc)[0] == ("THE PRESIDENT", "We did it.\n\n(Applause.)\n\nAnd we will do it again.")
    assert kinds(doc) == ["turn", "turn"]


def test_end_marker_ends_the_transcript() -> None:
    doc = parse_text(
        "MS. PSAKI:  Thanks, everyone.\n\nEND  2:20 P.M. EDT\n\nSlides: https://example.com/slides\n"
    )
    assert speech(doc) == [("MS. PSAKI", "Thanks, everyone.")]



def test_the_end_of_a_recorded_session_ends_the_transcript() -> None:
    # Written for blind22's convention (a hospital's grand rounds): "(End of recorded session, 8:59 a.m.)" closes
    # the talk and the CME notice after it is no one's words.
    doc = parse_text(
        "DR. PATEL: Have a good day, everyone.\n\n(End of recorded session, 8:59 a.m.)\n\n"
        "Evaluation: complete the form within 30 days to claim credit.\n"
    )
    assert speech(doc) == [("DR. PATEL", "Have a good day, everyone.")]

# --- the Congressional Record -----------------------------------------------------------------------------------

RECORD = (
    "[Congressional Record Volume 151, Number 99 (Wednesday, July 20, 2005)]\n"
    "[Senate]\n"
    "From the Congressional Record Online through the Government Publishing Office [www.gpo.gov]\n"
    "\n"
    "                         PRIVILEGE OF THE FLOOR\n"
    "\n"
    "  Mr. McCONNELL. Mr. President, I ask unanimous consent that the text of \n"
    "the letter I received today from the Governor be printed in the Record. \n"
    "  The PRESIDING OFFICER (Mr. Kyl). Without objection, it is so ordered.\n"
    "  There being no objection, the material was ordered to be printed in \n"
    "the Record, as follows:\n"
    "\n"
    "                                 July 19, 2005.\n"
    "       Dear Senator McConnell: I write to thank you for the work of \n"
    "     your office on the highway bill, which our State needs badly.\n"
    "       Sincerely yours, and with thanks for the help of your staff,\n"
    "     the Governor of the Commonwealth.\n"
    "  Mr. SMITH of New Jersey. Mr. President, I thank the Senator for the \n"
    "letter, and I suggest the absence of a quorum on this bill today.\n"
    "  The PRESIDING OFFICER. The clerk will call the roll.\n"
    "  The legislative clerk proceeded to call the roll.\n"
    "  Mr. McCONNELL. Mr. President, I ask unanimous consent that the order \n"
    "for the quorum call be rescinded, and that the\n"
    "\n"
    "[[Page S8584]]\n"
    "\n"
    "Senate proceed to the bill that is at the desk at this time today.\n"
    "  The PRESIDING OFFICER. Without objection, it is so ordered.\n"
    "\n"
    "                          ____________________\n"
)


def test_congressional_labels_end_in_a_period() -> None:
    doc = parse_text(RECORD)
    assert [label for label, _ in speech(doc)] == [
        "Mr. McCONNELL",
        "The PRESIDING OFFICER (Mr. Kyl)",
        "Mr. SMITH of New Jersey",
        "The PRESIDING OFFICER",
        "Mr. McCONNELL",
        "The PRESIDING OFFICER",
    ]
    smith = doc.turns[[t.label for t in doc.turns].index("Mr. SMITH of New Jersey")]
    assert smith.parsed_label is not None and smith.parsed_label.qualifiers == ("of New Jersey",)


def test_recorder_notes_are_stage_records_and_printed_material_is_an_insert() -> None:
    doc = parse_text(RECORD)
    stages = [t.text for t in doc.turns if t.kind is TurnKind.STAGE]
    inserts = [t.text for t in doc.turns if t.kind is TurnKind.INSERT]
    assert stages == [
        "There being no objection, the material was ordered to be printed in the Record, as follows:",
        "The legislative clerk proceeded to call the roll.",
    ]
    assert (
        len(inserts) == 1
        and inserts[0].startswith("July 19, 2005.")
        and "Governor of the Commonwealth." in inserts[0]
    )
    assert all("Dear Senator" not in text for _, text in speech(doc))


def test_page_markers_and_rules_never_reach_a_turn_and_the_paragraph_goes_on_across_a_page_break() -> None:
    doc = parse_text(RECORD)
    assert all("[[Page" not in t.text and "____" not in t.text for t in doc.turns)
    last_mcconnell = [text for label, text in speech(doc) if label == "Mr. McCONNELL"][-1]
    assert last_mcconnell.endswith(
        "and that the Senate proceed to the bill that is at the desk at this time today."
    )
    assert {"page_marker", "rule"} <= {s.kind for s in doc.spans}


def test_the_record_masthead_gives_the_date_and_the_gpo_line_is_boilerplate() -> None:
    doc = parse_text(RECORD)
    assert doc.date == datetime.date(2005, 7, 20)
    assert all("Government Publishing Office" not in t.text for t in doc.turns)


def test_a_sponsor_line_is_not_a_speaker() -> None:
    doc = parse_text(
        "      By Mr. DeWINE (for himself and Mr. Rockefeller):\n"
        "  S. 1430. A bill to provide loan forgiveness to social workers who \n"
        "work for child protective agencies; to the Committee on Health.\n"
        "  Mr. DeWINE. Mr. President, I join several of my colleagues today to \n"
        "introduce a bill that helps social workers who work for the State.\n"
        "  Mr. DeWINE. Mr. President, I also want to thank the staff of the \n"
        "committee for their work on this bill during the recess this year.\n"
    )
    assert [label for label, _ in speech(doc)] == ["Mr. DeWINE", "Mr. DeWINE"]
    assert all("A bill to provide" not in text for _, text in speech(doc))


# --- court transcripts from PDF ---------------------------------------------------------------------------------


def test_pdf_line_numbers_and_page_furniture_never_reach_a_turn() -> None:
    body = [
        "             CHIEF JUSTICE ROBERTS:                     We will hear",
        "argument first this morning in Case 11-398, the Department",
        "of Health and Human Services versus Florida.",
        "             MR. LONG:    Mr. Chief Justice, and may it please",
        "the Court:      This case presents the question whether",
        "the Anti-Injunction Act bars this suit.",
        "             JUSTICE SCALIA:         Why is that a question of",
        "jurisdiction at all, Mr. Long?",
    ]
    lines = ["                         Official - Subject to Final Review", ""]
    for page in range(3):
        for n, line in enumerate(body, 1):
            lines += [f"{n:>2}   {line}", ""]
        lines += ["                       Alderson Reporting Company", "", f"\f{page + 3}", ""]
    doc = parse_text("\n".join(lines))
    turns = speech(doc)
    assert [label for label, _ in turns[:3]] == ["CHIEF JUSTICE ROBERTS", "MR. LONG", "JUSTICE SCALIA"]
    assert turns[0][1] == (
        "We will hear argument first this morning in Case 11-398, the Department of Health and Human Services "
        "versus Florida."
    )
    assert all("Alderson" not in text and "Official" not in text for _, text in turns)
    assert {"page_furniture"} <= {s.kind for s in doc.spans}


# --- front matter and headers -----------------------------------------------------------------------------------


def test_front_matter_becomes_document_metadata_and_never_speech() -> None:
    doc = parse_text(
        "---\ndate: '2025-03-09'\ntitle: Press Gaggle by President Trump\n"
        "source_url: https://www.whitehouse.gov/remarks/2025/03/press-gaggle/\n---\n\n"
        "Aboard Air Force One\n\n7:08 P.M. EST\n\nTHE PRESIDENT:  Hello, everybody.\n\nQ    Hi, Mr. President.\n"
    )
    assert (doc.date, doc.title, doc.source) == (
        datetime.date(2025, 3, 9),
        "Press Gaggle by President Trump",
        "https://www.whitehouse.gov/remarks/2025/03/press-gaggle/",
    )
    assert speech(doc) == [("THE PRESIDENT", "Hello, everybody."), ("Q", "Hi, Mr. President.")]
    assert doc.spans[0].kind == "front_matter"


def test_turn_offsets_point_at_the_turn_text_in_the_source() -> None:
    text = "MS. PSAKI:  Hi, everyone.\n\nQ    Thanks, Jen.\n"
    doc = parse_text(text)
    for turn in doc.turns:
        assert " ".join(text[turn.char_start : turn.char_end].split()) == turn.text


def test_question_and_answer_marks_alternate_without_blank_lines() -> None:
    doc = parse_text("Q: How are you?\nA: Fine, thanks.\nQ: And the weather?\nA: Rainy.\n")
    assert [(t.label, t.text) for t in doc.turns] == [
        ("Q", "How are you?"),
        ("A", "Fine, thanks."),
        ("Q", "And the weather?"),
        ("A", "Rainy."),
    ]
    assert [t.parsed_label.role for t in doc.turns if t.parsed_label] == ["question", "answer"] * 2


def test_compact_upper_case_labels_on_consecutive_lines_each_open_a_turn() -> None:
    doc = parse_text("INTERVIEWER: So tell me.\nSMITH: Well, it began in 1990.\nINTERVIEWER: And then?\n")
    assert [t.label for t in doc.turns] == ["INTERVIEWER", "SMITH", "INTERVIEWER"]


# --- nothing silently lost -------------------------------------------------------------------------------


def test_a_section_break_between_turns_does_not_end_the_transcript() -> None:
    doc = parse_text(
        "SECRETARY BLINKEN: One.\n\n* * *\n\nPRIME MINISTER RAMA: Two.\n\nSECRETARY BLINKEN: Three.\n"
    )
    assert [t.text for t in doc.turns if t.kind is TurnKind.TURN] == ["One.", "Two.", "Three."]


def test_a_whereupon_note_between_turns_is_a_stage_record() -> None:
    doc = parse_text(
        "THE COURT: Swear him in.\n\n(Whereupon, the witness was sworn.)\n\nMR. SMITH: Thank you.\n"
    )
    assert [(t.kind, t.label) for t in doc.turns] == [
        (TurnKind.TURN, "THE COURT"),
        (TurnKind.STAGE, None),
        (TurnKind.TURN, "MR. SMITH"),
    ]


def test_a_delivery_note_after_the_first_label_is_a_stage_direction_not_an_error() -> None:
    doc = parse_text("MODERATOR: Our speaker.\n\n(As prepared)\n\nMS. JONES: Thank you all.\n")
    assert [t.label for t in doc.turns if t.kind is TurnKind.TURN] == ["MODERATOR", "MS. JONES"]


def test_shouted_speech_in_capitals_stays_in_the_turn() -> None:
    doc = parse_text("MS. JONES: Hello everyone.\n\nI SAY NO TO WAR\n\nAnd then more words.\n\nQ    Why?\n")
    assert doc.turns[0].text == "Hello everyone.\n\nI SAY NO TO WAR\n\nAnd then more words."


def test_lines_ending_in_a_bare_carriage_return_are_lines() -> None:
    doc = parse_text(
        "SECRETARY BLINKEN: Hello.\rPRIME MINISTER RAMA: Thank you.\rSECRETARY BLINKEN: Again.\r"
    )
    assert [t.label for t in doc.turns] == ["SECRETARY BLINKEN", "PRIME MINISTER RAMA", "SECRETARY BLINKEN"]


def test_prose_without_speakers_says_so_in_a_warning() -> None:
    doc = parse_text("A long paragraph of prose with nobody named as speaking. " * 20)
    assert doc.turns == ()
    assert any("in no turn" in warning for warning in doc.warnings)


def test_a_long_line_ending_in_a_colon_is_explained_as_refused() -> None:
    intro = (
        "Prime Minister Edi Rama held today a very cordial meeting in Brussels. " * 2
        + "following the meeting:"
    )
    doc = parse_text(f"{intro}\n\nSECRETARY BLINKEN: Thank you.\n")
    assert any(not d.accepted and d.text.endswith("following the meeting") for d in doc.decisions)


def test_senate_labels_with_an_abbreviated_title_are_read() -> None:
    doc = parse_text("  Sen. SMITH. Mr. President, I rise.\n  Mr. JONES. I object.\n  Sen. SMITH. Fine.\n")
    assert [t.label for t in doc.turns] == ["Sen. SMITH", "Mr. JONES", "Sen. SMITH"]


def test_rev_style_labels_with_their_time_inside_open_timed_turns() -> None:
    doc = parse_text(
        "Donald Trump (00:05):\nThank you very much.\n\nKristen Welker (00:12):\nFirst question.\n\n"
        "Donald Trump (01:20):\nGo ahead.\n"
    )
    # The time is the turn's start, not part of who speaks: one label per speaker, the time in start_ms.
    assert [(t.label, t.start_ms, t.text) for t in doc.turns] == [
        ("Donald Trump", 5_000, "Thank you very much."),
        ("Kristen Welker", 12_000, "First question."),
        ("Donald Trump", 80_000, "Go ahead."),
    ]


def test_deposition_question_and_answer_marks_with_a_period() -> None:
    doc = parse_text("Q. Please state your name.\nA. John Smith.\nQ. Where do you live?\nA. Ohio.\n")
    assert [(t.label, t.text) for t in doc.turns] == [
        ("Q", "Please state your name."),
        ("A", "John Smith."),
        ("Q", "Where do you live?"),
        ("A", "Ohio."),
    ]


def test_a_remarks_as_delivered_note_makes_the_rest_one_monologue() -> None:
    doc = parse_text("Remarks as delivered\n\nThank you all for coming.\n\nWe have much work to do.\n")
    (speech,) = doc.turns
    assert speech.kind is TurnKind.MONOLOGUE
    assert speech.text == "Thank you all for coming.\n\nWe have much work to do."


def test_a_heading_over_a_label_is_not_read_as_the_start_of_a_wrapped_label() -> None:
    text = (
        "Mr. David Pratt (Nepean-Carleton, Lib.): Mr. Speaker, I rise today.\n\n"
        "MPS VERSUS PAGES HOCKEY GAME\nMr. David Pratt (Nepean-Carleton, Lib.): Mr. Speaker, the game is on.\n\n"
        "Minister for Civil Defence, Emergencies and Disaster Relief Alexander\nKurenkov: The floods are coming.\n"
    )
    assert [t.label for t in parse_text(text).turns] == [
        "Mr. David Pratt (Nepean-Carleton, Lib.)",
        "Mr. David Pratt (Nepean-Carleton, Lib.)",
        "Minister for Civil Defence, Emergencies and Disaster Relief Alexander Kurenkov",
    ]


def test_a_sentence_that_happens_to_end_in_a_colon_opens_no_turn() -> None:
    text = (
        "MODERATOR: Good evening and welcome to the debate.\n\nInstead, President Biden chose a path: to run.\n\n"
        "PRESIDENT BIDEN: I will.\n\nMODERATOR: Thank you.\n\nToday, President Biden established two new "
        "national monuments: one in Arizona and one in Nevada.\n\nPRESIDENT BIDEN: And they are beautiful.\n"
    )
    assert [t.label for t in parse_text(text).turns] == [
        "MODERATOR", "PRESIDENT BIDEN", "MODERATOR", "PRESIDENT BIDEN"
    ]


def test_a_salutation_or_a_clock_before_a_label_makes_no_speaker_of_its_own() -> None:
    text = (
        "Washington, D.C.\n\n2:07 P.M. EDT THE VICE PRESIDENT:  Hello, everybody!\n\nAUDIENCE: (Applause.)\n\n"
        "THE VICE PRESIDENT: Friends: we have work to do.\n\nPRESIDENT VON DER LEYEN: Thank you.\n\n"
        "Mr. President, Dear Joe: Putin is trying to turn back the clock.\n\nTHE VICE PRESIDENT: Thank you.\n"
    )
    labels = [t.label for t in parse_text(text).turns]
    assert labels[0] == "THE VICE PRESIDENT"  # not "P.M. EDT THE VICE PRESIDENT"
    assert "Mr. President, Dear Joe" not in labels and "Friends" not in labels


def test_a_press_call_is_no_earnings_call_and_a_sentence_alone_on_its_line_is_no_name() -> None:
    call = (
        "Press Call on Student Debt\n\nMODERATOR: After the remarks there will be a question-and-answer "
        "session.\n\nQ: I just want to make sure that that is how I should\nunderstand this.\nThanks.\n\n"
        "SENIOR ADMINISTRATION OFFICIAL: It is a mixture.\n\nQ: And the timing?\nThanks.\n\n"
        "SENIOR ADMINISTRATION OFFICIAL: By the fall.\n"
    )
    doc = parse_text(call)
    assert doc.convention != "earnings_call"
    assert "Thanks." not in [t.label for t in doc.turns]
    forced = parse_text(call, conventions=Conventions.load(forced="earnings_call"))
    assert "Thanks." not in [t.label for t in forced.turns]  # a name alone never ends a sentence


def test_a_witness_office_in_the_period_style_opens_turns_beside_the_senators() -> None:
    # "Secretary AUSTIN." printed like "Senator SMITH.": before, the secretary's answers were the senator's words.
    text = (
        "Hearing of the Senate Committee on Armed Services\n\n"
        "Senator SMITH. The committee will come to order. I welcome Secretary Austin.\n\n"
        "Secretary AUSTIN. Thank you, Mr. Chairman.\n\n"
        "Senator REED. Mr. Secretary, on readiness.\n\n"
        "Secretary AUSTIN. We are ready.\n\n"
        "Senator SMITH. Senator Wicker.\n"
    )
    assert [t.label for t in parse_text(text).turns] == [
        "Senator SMITH", "Secretary AUSTIN", "Senator REED", "Secretary AUSTIN", "Senator SMITH"
    ]


def test_a_prepared_speech_is_a_monologue_of_the_one_speaker_its_title_names() -> None:
    # The title alone says who speaks (no label, no delivery note): before, every word was in no turn.
    text = (
        "---\ntitle: Remarks as Prepared for Delivery by First Lady Jill Biden at a Summer Nutrition Event\n---\n"
        "*Detroit, Michigan*\n\nThank you, Diandra. “Eat your greens,” my mother said.\n\nThank you all.\n"
    )
    (speech,) = parse_text(text).turns
    assert (speech.kind, speech.label, speech.text) == (
        TurnKind.MONOLOGUE,
        "First Lady Jill Biden",
        "Thank you, Diandra. “Eat your greens,” my mother said.\n\nThank you all.",
    )
    # A delivery note's monologue takes the title's speaker too.
    noted = parse_text("Remarks by President Biden at the Summit\n\nAs Prepared for Delivery\n\nThank you all.\n")
    assert [(t.kind, t.label) for t in noted.turns] == [(TurnKind.MONOLOGUE, "President Biden")]
    # Two speakers in the title, or none: nobody's monologue, the words are said to be in no turn.
    for title in ("Remarks by President Biden and President Zelenskyy in Kyiv", "Readout of President Biden’s Call"):
        doc = parse_text(f"{title}\n\nThank you all for coming today.\n\nWe have much work to do.\n")
        assert doc.turns == () and "in no turn" in doc.warnings[-1]


def test_a_name_said_once_is_a_label_in_a_document_whose_labels_are_names() -> None:
    doc = parse_text(
        "Lester Holt: Good evening and welcome.\n\nJoe Biden: Thanks, Lester.\n\nLester Holt: Let's begin.\n"
    )
    assert [t.label for t in doc.turns] == ["Lester Holt", "Joe Biden", "Lester Holt"]
    reasons = {d.text: d.reason for d in doc.decisions}
    assert "recurs" in reasons["Lester Holt"] and "style" in reasons["Joe Biden"]
