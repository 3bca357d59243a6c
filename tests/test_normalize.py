"""The normalizer: one person, one id; roles are not people; unsure means no id, and candidates."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transcript_kit.labels import parse_label
from transcript_kit.model import DocumentEvidence, LabelUse, Mention, Resolution, Speaker
from transcript_kit.normalize import Normalizer, SpeakerMap, registry_skeleton, speakers_report
from transcript_kit.registry import Registry

STATE = "https://www.state.gov/briefings/x/"
WH = "https://www.whitehouse.gov/briefing-room/x/"
HANSARD = "Hansard (House of Commons)"
CONGRESS = "Congressional Record"
BYLINE = (Mention("Antony J. Blinken", "Secretary of State", 0, "byline"),)
SAREC_PROSE = (
    Mention("Niko Peleshi", "Albanian Defense Minister", 0, "intro"),
    Mention("Marjan Šarec", None, 90, "prose"),
)


def document(
    doc_id: str,
    labels: list[str],
    *,
    date: str | None = None,
    source: str | None = None,
    mentions: tuple[Mention, ...] = (),
    jurisdiction: str | None = None,
) -> DocumentEvidence:
    return DocumentEvidence(
        doc_id=doc_id,
        date=date,
        source=source,
        jurisdiction=jurisdiction,
        title=None,
        byline=None,
        mentions=mentions,
        labels=tuple(LabelUse(label, parse_label(label), 1) for label in labels),
    )


@pytest.fixture(scope="module")
def normalizer() -> Normalizer:
    return Normalizer()


def resolve_one(normalizer: Normalizer, label: str, **context: Any) -> Speaker:
    return normalizer.resolve([document("doc", [label], **context)])["doc", label]


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# (label, context, expected): expected is (person or role id, resolution), ("ambiguous", {candidates}) or
# ("unresolved", None). Unresolved and ambiguous labels keep a document-scoped id.
CASES: list[tuple[str, dict[str, Any], tuple[str, Any]]] = [
    # Secretaries of State by label, by generic title and by date
    ("SECRETARY BLINKEN", {"date": "2021-06-13", "source": STATE}, ("antony-j-blinken", Resolution.REGISTRY)),
    ("THE SECRETARY", {"date": "2021-06-13", "source": STATE}, ("antony-j-blinken", Resolution.REGISTRY)),
    ("THE SECRETARY", {"date": "2019-05-01", "source": STATE}, ("michael-r-pompeo", Resolution.REGISTRY)),
    ("THE SECRETARY", {"date": "2017-06-01", "source": STATE}, ("rex-w-tillerson", Resolution.REGISTRY)),
    ("THE SECRETARY", {"date": "2018-04-10", "source": STATE}, ("john-j-sullivan", Resolution.REGISTRY)),
    ("THE SECRETARY", {"date": "2025-03-01", "source": STATE}, ("marco-rubio", Resolution.REGISTRY)),
    ("THE SECRETARY", {"source": STATE}, ("ambiguous", {"antony-j-blinken", "michael-r-pompeo"})),
    ("SECRETARY POMPEO", {"date": "2019-05-01"}, ("michael-r-pompeo", Resolution.REGISTRY)),
    # U.S./US variants of a full label
    ("US Secretary of State Antony Blinken", {}, ("antony-j-blinken", Resolution.REGISTRY)),
    ("U.S. Secretary of State Antony Blinken", {}, ("antony-j-blinken", Resolution.REGISTRY)),
    ("United States Secretary of State Antony Blinken", {}, ("antony-j-blinken", Resolution.REGISTRY)),
    # a byline binds later labels, with no date needed
    ("SECRETARY BLINKEN", {"mentions": BYLINE}, ("antony-j-blinken", Resolution.DOCUMENT)),
    ("THE SECRETARY", {"mentions": BYLINE}, ("antony-j-blinken", Resolution.DOCUMENT)),
    # THE PRESIDENT by date, and on the 2021 handover day
    ("THE PRESIDENT", {"date": "2018-03-01", "source": WH}, ("donald-j-trump", Resolution.REGISTRY)),
    ("THE PRESIDENT", {"date": "2022-01-11", "source": WH}, ("joseph-r-biden-jr", Resolution.REGISTRY)),
    ("THE PRESIDENT", {"date": "2025-03-09", "source": WH}, ("donald-j-trump", Resolution.REGISTRY)),
    (
        "THE PRESIDENT",
        {"date": "2021-01-20", "source": WH},
        ("ambiguous", {"donald-j-trump", "joseph-r-biden-jr"}),
    ),
    ("THE PRESIDENT", {"date": "2022-01-11"}, ("ambiguous", {"joseph-r-biden-jr", "aleksandar-vucic"})),
    (
        "THE PRESIDENT",
        {"date": "2022-01-11", "jurisdiction": "Serbia"},
        ("aleksandar-vucic", Resolution.REGISTRY),
    ),
    ("THE VICE PRESIDENT", {"date": "2022-01-11", "source": WH}, ("kamala-d-harris", Resolution.REGISTRY)),
    ("PRESIDENT TRUMP", {"date": "2025-03-09", "source": WH}, ("donald-j-trump", Resolution.REGISTRY)),
    # Unicode: NFD input, accents missing, another script
    (nfd("Minister Šarec"), {"mentions": SAREC_PROSE}, ("marjan-sarec", Resolution.DOCUMENT)),
    (nfd("Minister Šarec"), {"date": "2023-05-01"}, ("marjan-sarec", Resolution.REGISTRY)),
    ("Prime Minister Šarec", {"date": "2019-05-01"}, ("marjan-sarec", Resolution.REGISTRY)),
    ("President Vučić", {"date": "2021-07-16"}, ("aleksandar-vucic", Resolution.REGISTRY)),
    ("PRESIDENT VUCIC", {"date": "2021-07-16"}, ("aleksandar-vucic", Resolution.REGISTRY)),
    ("Александар Вучић", {}, ("aleksandar-vucic", Resolution.REGISTRY)),
    # the same person at two employers, and two people called Price
    ("MS. PSAKI", {"date": "2021-07-16", "source": WH}, ("jen-psaki", Resolution.REGISTRY)),
    ("MS. PSAKI", {"date": "2014-03-01", "source": STATE}, ("jen-psaki", Resolution.REGISTRY)),
    ("MR PRICE", {"date": "2022-03-01", "source": STATE}, ("ned-price", Resolution.REGISTRY)),
    ("Mr Price", {"date": "2005-07-20", "source": HANSARD}, ("unresolved", None)),
    ("Mr Price", {"source": HANSARD}, ("unresolved", None)),
    # a family name of two words, hyphen or not
    (
        "AMBASSADOR THOMAS-GREENFIELD",
        {"date": "2022-03-01"},
        ("linda-thomas-greenfield", Resolution.REGISTRY),
    ),
    (
        "AMBASSADOR THOMAS GREENFIELD",
        {"date": "2022-03-01"},
        ("linda-thomas-greenfield", Resolution.REGISTRY),
    ),
    (
        "Ambassador Thomas\u2010Greenfield",
        {"date": "2022-03-01"},
        ("linda-thomas-greenfield", Resolution.REGISTRY),
    ),
    # roles are not people
    ("QUESTION", {}, ("role:question", Resolution.LABEL)),
    ("Q", {"source": WH}, ("role:question", Resolution.LABEL)),
    ("MODERATOR", {}, ("role:moderator", Resolution.LABEL)),
    ("OPERATOR", {}, ("role:operator", Resolution.LABEL)),
    ("AUDIENCE MEMBER", {}, ("role:audience-member", Resolution.LABEL)),
    # numbered placeholders are different people of one role: each keeps a document-scoped id
    ("SENIOR ADMINISTRATION OFFICIAL 1", {}, ("doc:doc#senior-administration-official-1", Resolution.LABEL)),
    ("Speaker 2", {}, ("doc:doc#speaker-2", Resolution.LABEL)),
    ("An honourable member", {"source": HANSARD}, ("role:honourable-member", Resolution.LABEL)),
    ("New Speaker", {}, ("role:unidentified", Resolution.LABEL)),
    # same surname, same period: honorifics and qualifiers narrow, and what is left stays ambiguous
    ("Mr SMITH", {"date": "2016-06-01", "source": HANSARD}, ("ambiguous", {"owen-smith", "henry-smith"})),
    ("Ms SMITH", {"date": "2016-06-01", "source": HANSARD}, ("ambiguous", {"chloe-smith", "angela-smith"})),
    ("Owen Smith", {"date": "2016-06-01", "source": HANSARD}, ("owen-smith", Resolution.REGISTRY)),
    (
        "Mr. SMITH of New Jersey",
        {"date": "2005-07-20", "source": CONGRESS},
        ("christopher-h-smith", Resolution.REGISTRY),
    ),
    (
        "Mr. SMITH of Washington",
        {"date": "2005-07-20", "source": CONGRESS},
        ("adam-smith-us", Resolution.REGISTRY),
    ),
    ("Mr. McCONNELL", {"date": "2005-07-20", "source": CONGRESS}, ("mitch-mcconnell", Resolution.REGISTRY)),
    (
        "The PRESIDING OFFICER (Mr. Kyl)",
        {"date": "2005-07-20", "source": CONGRESS},
        ("jon-kyl", Resolution.DOCUMENT),
    ),
    (
        "Mr ALBANESE (Grayndler\u2014Prime Minister) (14:00)",
        {"date": "2023-02-07"},
        ("anthony-albanese", Resolution.REGISTRY),
    ),
    # the court
    ("CHIEF JUSTICE ROBERTS", {"date": "2012-03-26"}, ("john-g-roberts-jr", Resolution.REGISTRY)),
    ("JUSTICE SCALIA", {"date": "2012-03-26"}, ("antonin-scalia", Resolution.REGISTRY)),
    ("JUSTICE GINSBURG", {"date": "2012-03-26"}, ("ruth-bader-ginsburg", Resolution.REGISTRY)),
    ("GENERAL VERRILLI", {"date": "2012-03-26"}, ("donald-b-verrilli-jr", Resolution.REGISTRY)),
    # the sample corpus and other officials
    ("PRIME MINISTER RAMA", {"date": "2021-06-13", "source": STATE}, ("edi-rama", Resolution.REGISTRY)),
    ("Prime Minister Edi Rama", {}, ("edi-rama", Resolution.REGISTRY)),
    ("Secretary-General Jens Stoltenberg", {}, ("jens-stoltenberg", Resolution.REGISTRY)),
    ("MS. JEAN-PIERRE", {"date": "2023-07-17", "source": WH}, ("karine-jean-pierre", Resolution.REGISTRY)),
    ("ADMIRAL KIRBY", {"date": "2023-07-17", "source": WH}, ("john-kirby", Resolution.REGISTRY)),
    # fuzzy only among people in office that day
    ("MS. PSAKY", {"date": "2021-07-16", "source": WH}, ("jen-psaki", Resolution.FUZZY)),
    ("MS. PSAKY", {"date": "2010-07-16", "source": WH}, ("unresolved", None)),
    # nobody we know
    ("Mr. Nobody", {"date": "2021-07-16"}, ("unresolved", None)),
]


@pytest.mark.parametrize(
    ("label", "context", "expected"), CASES, ids=[f"{c[0]}|{sorted(c[1].items())}"[:80] for c in CASES]
)
def test_label_in_context_resolves_as_expected(
    normalizer: Normalizer, label: str, context: dict[str, Any], expected: tuple[str, Any]
) -> None:
    speaker = resolve_one(normalizer, label, **context)
    kind, detail = expected
    if kind == "ambiguous":
        assert speaker.id == "doc:doc#" + speaker.id.split("#", 1)[1]  # type: ignore[union-attr]
        assert speaker.resolution is Resolution.NONE
        assert detail <= set(speaker.candidates), speaker
    elif kind == "unresolved":
        assert speaker.id is not None and speaker.id.startswith("doc:doc#"), speaker
        assert speaker.resolution is Resolution.NONE and not speaker.candidates, speaker
    else:
        assert (speaker.id, speaker.resolution) == (kind, detail), speaker
        assert speaker.confidence > 0.5


def test_the_table_has_at_least_forty_cases() -> None:
    assert len(CASES) >= 40


def test_names_are_kept_as_written_and_nfc(normalizer: Normalizer) -> None:
    speaker = resolve_one(normalizer, nfd("Minister Šarec"), date="2023-05-01")
    assert speaker.name == "Marjan Šarec" == unicodedata.normalize("NFC", speaker.name or "")
    assert (
        resolve_one(normalizer, "AMBASSADOR THOMAS GREENFIELD", date="2022-03-01").name
        == "Linda Thomas-Greenfield"
    )


def test_the_role_is_the_office_held_that_day(normalizer: Normalizer) -> None:
    assert (
        resolve_one(normalizer, "MS. PSAKI", date="2021-07-16", source=WH).role
        == "White House Press Secretary"
    )
    assert (
        resolve_one(normalizer, "MS. PSAKI", date="2014-03-01", source=STATE).role
        == "State Department Spokesperson"
    )


def test_ambiguity_is_reported_as_a_warning(normalizer: Normalizer) -> None:
    speakers = normalizer.resolve([document("d", ["THE PRESIDENT"], date="2021-01-20", source=WH)])
    assert any("THE PRESIDENT" in w and "donald-j-trump" in w for w in speakers.warnings)


def test_unresolved_labels_get_document_scoped_ids_not_one_global_unknown(normalizer: Normalizer) -> None:
    speakers = normalizer.resolve([document("a", ["Mr. Nobody"]), document("b", ["Mr. Nobody"])])
    assert speakers["a", "Mr. Nobody"].id != speakers["b", "Mr. Nobody"].id


def test_a_title_and_surname_label_joins_a_full_name_seen_elsewhere_in_the_corpus() -> None:
    bare = Normalizer(Registry(), use_default_registry=False)  # no registry: only the corpus can tell
    speakers = bare.resolve(
        [
            document("brussels", ["SECRETARY BLINKEN"], source=STATE),
            document("tirana", ["US Secretary of State Antony Blinken"], source="https://example.al/"),
        ]
    )
    short, full = (
        speakers["brussels", "SECRETARY BLINKEN"],
        speakers["tirana", "US Secretary of State Antony Blinken"],
    )
    assert short.id == full.id == "antony-blinken"
    assert short.name == full.name == "Antony Blinken"
    assert short.resolution is Resolution.CORPUS


def test_the_same_label_in_the_same_source_is_resolved_from_another_document() -> None:
    bare = Normalizer(Registry(), use_default_registry=False)
    speakers = bare.resolve(
        [
            document(
                "one",
                ["MS. SMITHERS"],
                source=STATE,
                mentions=(Mention("Jane Smithers", "Spokesperson", 0, "byline"),),
            ),
            document("two", ["MS. SMITHERS"], source=STATE),
        ]
    )
    assert speakers["one", "MS. SMITHERS"].id == speakers["two", "MS. SMITHERS"].id == "jane-smithers"
    assert speakers["one", "MS. SMITHERS"].resolution is Resolution.DOCUMENT
    assert speakers["two", "MS. SMITHERS"].resolution is Resolution.CORPUS


def test_unregistered_people_get_the_fullest_name_seen_whatever_the_order() -> None:
    bare = Normalizer(Registry(), use_default_registry=False)
    docs = [document("a", ["Jane Smithers"]), document("b", ["Jane Q. Smithers"])]
    for ordering in (docs, docs[::-1]):
        speakers = bare.resolve(ordering)
        assert speakers["a", "Jane Smithers"].id == speakers["b", "Jane Q. Smithers"].id == "jane-q-smithers"


def test_an_override_decides_and_a_not_this_person_override_excludes() -> None:
    registry = Registry.from_dict(
        {
            "overrides": [
                {"doc_id": "d", "label": "THE PRESIDENT", "person": "joseph-r-biden-jr"},
                {"label": "MR PRICE", "not_person": "ned-price"},
            ]
        },
        base=Registry.default(),
    )
    normalizer = Normalizer(registry, use_default_registry=False)
    speakers = normalizer.resolve(
        [document("d", ["THE PRESIDENT", "MR PRICE"], date="2021-01-20", source=WH)]
    )
    assert (speakers["d", "THE PRESIDENT"].id, speakers["d", "THE PRESIDENT"].resolution) == (
        "joseph-r-biden-jr",
        Resolution.OVERRIDE,
    )
    assert speakers["d", "MR PRICE"].id != "ned-price"


def test_without_the_default_registry_officials_stay_unresolved() -> None:
    speaker = resolve_one(
        Normalizer(use_default_registry=False), "THE SECRETARY", date="2021-06-13", source=STATE
    )
    assert speaker.resolution is Resolution.NONE


def test_speaker_rows_sum_turns_and_documents(normalizer: Normalizer) -> None:
    docs = [
        DocumentEvidence(
            "a",
            "2021-07-16",
            WH,
            None,
            None,
            None,
            (),
            (LabelUse("MS. PSAKI", parse_label("MS. PSAKI"), 30), LabelUse("Q", parse_label("Q"), 29)),
        ),
        DocumentEvidence(
            "b",
            "2022-01-11",
            WH,
            None,
            None,
            None,
            (),
            (LabelUse("MS. PSAKI", parse_label("MS. PSAKI"), 12),),
        ),
    ]
    rows = {row["speaker_id"]: row for row in normalizer.resolve(docs).speaker_rows()}
    assert rows["jen-psaki"]["n_turns"] == 42 and rows["jen-psaki"]["n_documents"] == 2
    assert rows["jen-psaki"]["labels"] == ["MS. PSAKI"] and rows["jen-psaki"]["resolution"] == "registry"
    assert rows["role:question"]["n_turns"] == 29


def test_report_lists_unresolved_and_ambiguous_labels_most_frequent_first(normalizer: Normalizer) -> None:
    docs = [
        DocumentEvidence(
            "a",
            "2016-06-01",
            HANSARD,
            None,
            None,
            None,
            (),
            (
                LabelUse("Mr Rare", parse_label("Mr Rare"), 1),
                LabelUse("Mr Often", parse_label("Mr Often"), 9),
                LabelUse("Mr SMITH", parse_label("Mr SMITH"), 4),
            ),
        )
    ]
    report = speakers_report(normalizer.resolve(docs))
    assert report.index("'Mr Often'") < report.index("'Mr Rare'")
    assert "Ambiguous" in report and "owen-smith" in report


def test_registry_skeleton_loads_as_a_registry(normalizer: Normalizer) -> None:
    speakers = normalizer.resolve(
        [document("a", ["Mr. Nobody", "Mr SMITH"], date="2016-06-01", source=HANSARD)]
    )
    skeleton = registry_skeleton(speakers)
    assert [p["name"] for p in skeleton["persons"]] == ["Nobody"]
    assert skeleton["_ambiguous"][0]["label"] == "Mr SMITH"
    assert Registry.from_dict(skeleton).person("nobody") is not None


# -- properties ----------------------------------------------------------------------------------------------

LABELS = [
    "SECRETARY BLINKEN",
    "THE SECRETARY",
    "THE PRESIDENT",
    "MS. PSAKI",
    "Q",
    "Mr SMITH",
    "MR PRICE",
    "US Secretary of State Antony Blinken",
    "Jane Smithers",
    "MS. SMITHERS",
    "Mr. Nobody",
    "MS. PSAKY",
]
DATES = [None, "2014-03-01", "2019-05-01", "2021-01-20", "2021-06-13", "2016-06-01"]
SOURCES = [None, STATE, WH, HANSARD]

documents_strategy = st.lists(
    st.builds(
        lambda labels, date, source, byline: (labels, date, source, byline),
        st.lists(st.sampled_from(LABELS), min_size=1, max_size=4, unique=True),
        st.sampled_from(DATES),
        st.sampled_from(SOURCES),
        st.booleans(),
    ),
    min_size=1,
    max_size=6,
)


def _corpus(specs: list[tuple[list[str], str | None, str | None, bool]]) -> list[DocumentEvidence]:
    return [
        document(f"doc{i}", labels, date=date, source=source, mentions=BYLINE if byline else ())
        for i, (labels, date, source, byline) in enumerate(specs)
    ]


def _as_dict(speakers: SpeakerMap) -> dict[tuple[str, str], Speaker]:
    return dict(speakers.items())


@settings(max_examples=60, deadline=None)
@given(documents_strategy)
def test_resolving_twice_gives_the_same_answer(
    specs: list[tuple[list[str], str | None, str | None, bool]],
) -> None:
    normalizer = Normalizer()
    corpus = _corpus(specs)
    assert _as_dict(normalizer.resolve(corpus)) == _as_dict(normalizer.resolve(corpus))


@settings(max_examples=60, deadline=None)
@given(documents_strategy, st.randoms(use_true_random=False))
def test_the_result_never_depends_on_the_order_of_documents(
    specs: list[tuple[list[str], str | None, str | None, bool]], random: Any
) -> None:
    normalizer = Normalizer()
    corpus = _corpus(specs)
    shuffled = list(corpus)
    random.shuffle(shuffled)
    shuffled = [attrs_evolve_labels_reversed(d) for d in shuffled]
    assert _as_dict(normalizer.resolve(corpus)) == _as_dict(normalizer.resolve(shuffled))
    assert list(normalizer.resolve(corpus).speaker_rows()) == list(
        normalizer.resolve(shuffled).speaker_rows()
    )


def attrs_evolve_labels_reversed(doc: DocumentEvidence) -> DocumentEvidence:
    import attrs

    return attrs.evolve(doc, labels=doc.labels[::-1], mentions=doc.mentions[::-1])


def test_a_headline_title_and_surname_binds_the_generic_label(normalizer: Normalizer) -> None:
    doc = DocumentEvidence(
        "town-hall",
        "2021-02-17",
        "https://bidenwhitehouse.archives.gov/briefing-room/x/",
        None,
        "Remarks by President Biden in a CNN Town Hall",
        None,
        (),
        (LabelUse("THE PRESIDENT", parse_label("THE PRESIDENT"), 80),),
    )
    speaker = normalizer.resolve([doc])["town-hall", "THE PRESIDENT"]
    assert (speaker.id, speaker.resolution) == ("joseph-r-biden-jr", Resolution.DOCUMENT)


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("ROBERT A. LONG", "Robert A. Long"),
        ("DONALD B. VERRILLI, JR.", "Donald B. Verrilli, Jr."),
        ("PATRICK O'BRIEN", "Patrick O'Brien"),
        ("MITCH MCCONNELL", "Mitch McConnell"),
        ("MACK WEST", "Mack West"),
        ("JOHN SMITH III", "John Smith III"),
        ("Linda Thomas-Greenfield", "Linda Thomas-Greenfield"),
    ],
)
def test_names_printed_in_capitals_are_shown_in_display_case(written: str, shown: str) -> None:
    from transcript_kit.normalize import display_case

    assert display_case(written) == shown
