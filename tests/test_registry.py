"""The registry: the starter data loads, lookups honour dates, and a bad file says where and what is wrong."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest

from transcript_kit.errors import RegistryError
from transcript_kit.keys import fold
from transcript_kit.registry import NameKind, Registry

D = datetime.date


def minimal() -> dict[str, Any]:
    return {
        "persons": [{"id": "ann-example", "name": "Ann Example", "gender": "female"}],
        "posts": [
            {"id": "mayor", "label": "Mayor of Example", "titles": ["Mayor"], "generic": ["the mayor"]}
        ],
        "tenures": [{"person": "ann-example", "post": "mayor", "start": "2020-01-01", "end": "2024-01-01"}],
    }


def write(tmp_path: Path, data: dict[str, Any], name: str = "people.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_fold_ignores_case_accents_periods_and_dash_kind() -> None:
    assert fold("U.S.") == fold("US") == "us"
    assert fold("Šarec") == fold("S\u030carec") == "sarec"
    assert fold("Thomas\u2010Greenfield") == fold("THOMAS-GREENFIELD")
    assert fold("  Mr.   Price ") == "mr price"


def test_default_registry_loads_and_covers_the_sample_corpus() -> None:
    registry = Registry.default()
    for name in (
        "Antony J. Blinken",
        "Edi Rama",
        "Ditmir Bushati",
        "Jens Stoltenberg",
        "Marjan Šarec",
        "Niko Peleshi",
        "Aleksandar Vučić",
        "Ramush Haradinaj",
        "Linda Thomas-Greenfield",
    ):
        assert len(registry.by_name(name)) == 1, name


def test_default_registry_has_every_us_president_and_secretary_of_state_since_2017() -> None:
    registry = Registry.default()
    day = D(2017, 1, 20)
    while day < D(2025, 6, 1):
        assert registry.holders("us-president", day), day
        assert registry.holders("us-secretary-of-state", day), day
        day += datetime.timedelta(days=9)


def test_names_keep_their_spelling_but_match_folded() -> None:
    registry = Registry.default()
    (person,) = registry.by_name("MARJAN SAREC")
    assert person.name == "Marjan Šarec"
    assert registry.by_name("Antony Blinken")[0].id == "antony-j-blinken"  # middle initial optional


def test_other_scripts_resolve_through_aliases() -> None:
    (person,) = Registry.default().by_name("Александар Вучић")
    assert person.id == "aleksandar-vucic"
    assert any(o.kind is NameKind.TRANSLITERATION for o in person.other_names)


def test_two_word_family_names_match_with_or_without_hyphen() -> None:
    registry = Registry.default()
    assert [p.id for p in registry.by_family("Thomas Greenfield")] == ["linda-thomas-greenfield"]
    assert [p.id for p in registry.by_family("THOMAS-GREENFIELD")] == ["linda-thomas-greenfield"]


def test_both_holders_are_possible_on_a_handover_day() -> None:
    registry = Registry.default()
    assert {t.person for t in registry.holders("us-president", D(2021, 1, 20))} == {
        "donald-j-trump",
        "joseph-r-biden-jr",
    }
    assert {t.person for t in registry.holders("us-president", D(2021, 1, 21))} == {"joseph-r-biden-jr"}


def test_acting_holders_are_marked() -> None:
    (tenure,) = Registry.default().holders("us-secretary-of-state", D(2018, 4, 10))
    assert tenure.person == "john-j-sullivan" and tenure.acting


def test_partial_dates_cover_their_whole_period() -> None:
    registry = Registry.from_dict(
        {
            **minimal(),
            "tenures": [{"person": "ann-example", "post": "mayor", "start": "2015-03", "end": "2016"}],
        }
    )
    (tenure,) = registry.tenures_of("ann-example")
    assert tenure.start == D(2015, 3, 1) and tenure.end == D(2016, 12, 31)


def test_source_domains_and_publishers_give_jurisdiction_and_employer() -> None:
    registry = Registry.default()
    info = registry.source_info("https://www.state.gov/secretary-blinken-remarks/")
    assert info.jurisdiction == "US" and info.organisation == "US Department of State"
    assert registry.source_info("https://www.whitehouse.gov/briefing-room/").organisation == "The White House"
    assert registry.source_info("Hansard (House of Commons)").jurisdiction == "UK"
    assert registry.source_info("https://example.org/").jurisdiction is None


def test_jurisdiction_words_fold_to_one_code() -> None:
    registry = Registry.default()
    assert {registry.jurisdiction(w) for w in ("US", "U.S.", "United States", "usa")} == {"US"}


def test_roles_are_looked_up_by_label_and_numbered_roles_share_a_key() -> None:
    registry = Registry.default()
    assert registry.role("QUESTION").key == "question"  # type: ignore[union-attr]
    assert registry.role("An honourable member").key == "honourable-member"  # type: ignore[union-attr]
    assert registry.role("SENIOR ADMINISTRATION OFFICIAL 2").key == "senior-administration-official"  # type: ignore[union-attr]
    assert registry.role("SECRETARY BLINKEN") is None


def test_load_reads_json_and_toml(tmp_path: Path) -> None:
    assert Registry.load(write(tmp_path, minimal())).by_name("Ann Example")
    toml = tmp_path / "people.toml"
    toml.write_text(
        '[[persons]]\nid = "ann-example"\nname = "Ann Example"\n'
        '[[posts]]\nid = "mayor"\nlabel = "Mayor"\ntitles = ["Mayor"]\n'
        '[[tenures]]\nperson = "ann-example"\npost = "mayor"\nstart = 2020-01-01\n',
        encoding="utf-8",
    )
    (tenure,) = Registry.load(toml).tenures_of("ann-example")
    assert tenure.start == D(2020, 1, 1)


def test_merged_puts_the_users_entries_on_top() -> None:
    user = Registry.from_dict({"persons": [{"id": "ned-price", "name": "Edward Price", "gender": "male"}]})
    merged = Registry.default().merged(user)
    assert merged.person("ned-price").name == "Edward Price"  # type: ignore[union-attr]
    assert merged.by_name("Edward Price")[0].id == "ned-price"
    assert merged.holders("us-state-department-spokesperson", D(2022, 1, 1))[0].person == "ned-price"


def test_a_user_file_may_add_tenures_for_the_base_registrys_posts(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        {
            "persons": [{"id": "vedant-patel", "name": "Vedant Patel", "gender": "male"}],
            "tenures": [
                {
                    "person": "vedant-patel",
                    "post": "us-state-department-spokesperson",
                    "start": "2023-03",
                    "end": "2023-05",
                    "acting": True,
                }
            ],
        },
    )
    with pytest.raises(RegistryError, match="unknown post"):
        Registry.load(path)
    merged = Registry.load(path, base=Registry.default())
    assert {t.person for t in merged.holders("us-state-department-spokesperson", D(2023, 4, 1))} >= {
        "vedant-patel"
    }


def test_skeleton_keys_starting_with_underscore_are_ignored() -> None:
    registry = Registry.from_dict(
        {
            **minimal(),
            "_about": "x",
            "persons": [
                {"id": "ann-example", "name": "Ann Example", "_labels": ["MS. EXAMPLE"], "note": "why"}
            ],
        }
    )
    assert registry.person("ann-example") is not None


BAD = [
    (
        "end before start",
        {"tenures": [{"person": "ann-example", "post": "mayor", "start": "2020-01-01", "end": "2019-01-01"}]},
        "tenures[0]",
        "before start",
    ),
    (
        "tenure for unknown person",
        {"tenures": [{"person": "bob", "post": "mayor"}]},
        "tenures[0]",
        "unknown person 'bob'",
    ),
    (
        "tenure for unknown post",
        {"tenures": [{"person": "ann-example", "post": "king"}]},
        "tenures[0]",
        "unknown post 'king'",
    ),
    (
        "duplicate id",
        {
            "persons": [
                {"id": "ann-example", "name": "Ann Example"},
                {"id": "ann-example", "name": "Ann Other"},
            ]
        },
        "persons[1]",
        "duplicate id",
    ),
    (
        "unknown field",
        {"persons": [{"id": "ann-example", "name": "Ann Example", "birth": "1970"}]},
        "persons[0]",
        "unknown field 'birth'",
    ),
    ("missing field", {"persons": [{"id": "ann-example"}]}, "persons[0]", "missing field 'name'"),
    (
        "wrong field type",
        {"posts": [{"id": "mayor", "label": "Mayor", "titles": "Mayor"}]},
        "posts[0]",
        "list of non-empty strings",
    ),
    (
        "bad enum value",
        {"persons": [{"id": "ann-example", "name": "Ann Example", "gender": "f"}]},
        "persons[0]",
        "'gender'",
    ),
    (
        "bad name kind",
        {
            "persons": [
                {
                    "id": "ann-example",
                    "name": "Ann Example",
                    "other_names": [{"name": "Annie", "kind": "pet"}],
                }
            ]
        },
        "persons[0] ('ann-example').other_names[0]",
        "'kind'",
    ),
    (
        "bad date",
        {"tenures": [{"person": "ann-example", "post": "mayor", "start": "last year"}]},
        "tenures[0]",
        "ISO date",
    ),
    (
        "acting not a boolean",
        {"tenures": [{"person": "ann-example", "post": "mayor", "acting": "yes"}]},
        "tenures[0]",
        "'acting'",
    ),
    (
        "override to unknown person",
        {"overrides": [{"doc_id": "d", "label": "MR X", "person": "nobody"}]},
        "overrides[0]",
        "unknown person 'nobody'",
    ),
    (
        "override with no decision",
        {"overrides": [{"doc_id": "d", "label": "MR X"}]},
        "overrides[0]",
        "exactly one",
    ),
    ("section not a list", {"persons": {"id": "x"}}, "persons", "expected a list"),
]


@pytest.mark.parametrize(("case", "change", "entry", "problem"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_registry_names_the_file_the_entry_and_the_problem(
    tmp_path: Path, case: str, change: dict[str, Any], entry: str, problem: str
) -> None:
    path = write(tmp_path, {**minimal(), **change})
    with pytest.raises(RegistryError) as caught:
        Registry.load(path)
    message = str(caught.value)
    assert str(path) in message and entry in message and problem in message, message


def test_invalid_json_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{persons: [", encoding="utf-8")
    with pytest.raises(RegistryError, match=r"broken\.json: not valid JSON"):
        Registry.load(path)


def test_a_missing_file_is_a_registry_error(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match=r"nope\.json"):
        Registry.load(tmp_path / "nope.json")


def test_registry_error_is_also_a_value_error() -> None:
    with pytest.raises(ValueError):
        Registry.from_dict([], origin="x.json")


# -- robustness: every field type-checked, errors short, deep or large input handled ------------------------


def test_deeply_nested_toml_is_a_registry_error_not_a_recursion_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text("persons = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    with pytest.raises(RegistryError, match=r"deep\.toml: "):
        Registry.load(path)


def test_deeply_nested_json_is_a_registry_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"persons": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    with pytest.raises(RegistryError, match=r"deep\.json: not valid JSON"):
        Registry.load(path)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("other_names", 5, r"persons\[0\] \('ann-example'\): field 'other_names' must be a list, got 5"),
        (
            "other_names",
            ["Ann"],
            r"persons\[0\] \('ann-example'\)\.other_names\[0\]: expected an object, got 'Ann'",
        ),
        (
            "identifiers",
            {"wikidata": 7},
            r"persons\[0\] \('ann-example'\)\.identifiers\.wikidata: expected a non-empty string",
        ),
        ("known_from", "soon", r"persons\[0\] \('ann-example'\): field 'known_from' must be an ISO date"),
        (
            "name",
            ["Ann"],
            r"persons\[0\] \('ann-example'\): field 'name' must be a non-empty string, got list of 1",
        ),
    ],
)
def test_a_wrong_type_in_any_person_field_names_the_file_and_entry(
    tmp_path: Path, field: str, value: Any, message: str
) -> None:
    data = minimal()
    data["persons"][0][field] = value
    with pytest.raises(RegistryError, match=r"people\.json: " + message):
        Registry.load(write(tmp_path, data))


def test_wrong_types_in_posts_tenures_roles_and_sources_are_registry_errors(tmp_path: Path) -> None:
    cases: list[tuple[str, Any, str]] = [
        ("posts", {"single_holder": "yes"}, "field 'single_holder' must be true or false"),
        ("posts", {"titles": [3]}, r"posts\[0\] \('mayor'\)\.titles\[0\]: expected a non-empty string"),
        ("tenures", {"party": 1}, "field 'party' must be a non-empty string"),
        ("tenures", {"acting": "no"}, "field 'acting' must be true or false"),
    ]
    for section, change, message in cases:
        data = minimal()
        data[section][0].update(change)
        with pytest.raises(RegistryError, match=message):
            Registry.load(write(tmp_path, data))
    data = minimal()
    data["sources"] = {"example.org": {"registries": "us-congress"}}
    with pytest.raises(RegistryError, match=r"sources\.example\.org\.registries: expected a list"):
        Registry.load(write(tmp_path, data))


def test_error_messages_are_capped_however_long_the_bad_value(tmp_path: Path) -> None:
    data = minimal()
    data["persons"][0]["gender"] = "x" * 100_000
    data["persons"].append({"id": "y" * 100_000, "name": 5})
    with pytest.raises(RegistryError) as caught:
        Registry.load(write(tmp_path, data))
    assert len(str(caught.value)) < 300 + len(str(tmp_path))


def test_twenty_thousand_people_sharing_one_name_all_load_and_are_found() -> None:
    persons = [{"id": f"john-smith-{n}", "name": "John Smith"} for n in range(20_000)]
    registry = Registry.from_dict({"persons": persons})
    assert len(registry.by_name("John Smith")) == 20_000
    assert len(registry.by_family("Smith")) == 20_000


def test_overlapping_tenures_of_a_single_holder_post_are_reported_with_both_entries(tmp_path: Path) -> None:
    data = minimal()
    data["posts"][0]["single_holder"] = True
    data["persons"].append({"id": "bob-example", "name": "Bob Example"})
    data["tenures"].append({"person": "bob-example", "post": "mayor", "start": "2023-06-01"})
    with pytest.raises(
        RegistryError, match=r"tenures\[0\] \('ann-example'.*tenures\[1\] \('bob-example'.*one holder"
    ):
        Registry.load(write(tmp_path, data))
    data["tenures"][1]["start"] = "2024-01-01"  # a handover day is no overlap
    assert len(Registry.load(write(tmp_path, data)).holders("mayor", D(2024, 1, 1))) == 2


def test_an_override_pointing_to_a_missing_person_is_reported_with_the_entry(tmp_path: Path) -> None:
    data = minimal()
    data["overrides"] = [{"label": "THE MAYOR", "person": "nobody"}]
    with pytest.raises(RegistryError, match=r"overrides\[0\] \('THE MAYOR'\): unknown person 'nobody'"):
        Registry.load(write(tmp_path, data))


def test_people_two_registries_share_by_wikidata_or_bioguide_id_are_merged_not_doubled() -> None:
    base = Registry.from_dict(
        {
            "persons": [
                {
                    "id": "joseph-r-biden-jr",
                    "name": "Joseph R. Biden Jr.",
                    "identifiers": {"wikidata": "Q6279"},
                }
            ],
            "posts": [{"id": "pres", "label": "President", "titles": ["President"]}],
            "tenures": [
                {"person": "joseph-r-biden-jr", "post": "pres", "start": "2021-01-20", "end": "2025-01-20"}
            ],
        }
    )
    other = Registry.from_dict(
        {
            "persons": [
                {
                    "id": "joe-biden",
                    "name": "Joe Biden",
                    "identifiers": {"bioguide": "B000444", "wikidata": "Q6279"},
                }
            ],
            "posts": [{"id": "sen", "label": "Senator", "titles": ["Senator"]}],
            "tenures": [{"person": "joe-biden", "post": "sen", "start": "1973-01-03", "end": "2009-01-15"}],
        }
    )
    merged = base.merged(other)
    assert [p.id for p in merged.persons] == ["joseph-r-biden-jr"]
    person = merged.person("joseph-r-biden-jr")
    assert person is not None and dict(person.identifiers) == {"bioguide": "B000444", "wikidata": "Q6279"}
    assert {t.post for t in merged.tenures_of("joseph-r-biden-jr")} == {"pres", "sen"}
    assert len(merged.by_name("Joe Biden")) == len(merged.by_name("Joseph R. Biden Jr.")) == 1


def test_starter_registry_has_heads_of_government_and_presiding_officers_with_a_source_per_tenure() -> None:
    registry = Registry.default()
    day = D(2003, 3, 19)
    expected = {
        "uk-prime-minister": "tony-blair",
        "uk-speaker-commons": "michael-martin",
        "au-prime-minister": "john-howard",
        "ca-prime-minister": "jean-chretien",
        "ca-speaker-commons": "peter-milliken",
        "nz-prime-minister": "helen-clark",
        "ie-taoiseach": "bertie-ahern",
        "un-secretary-general": "kofi-annan",
        "us-president-pro-tempore-of-the-senate": "ted-stevens",
    }
    for post, person in expected.items():
        assert [t.person for t in registry.holders(post, day)] == [person], post
        post_entry = registry.post(post)
        assert post_entry is not None and post_entry.single_holder, post
    cited = [t for t in registry.tenures if t.post in expected]
    assert cited and all(t.source and t.source.startswith("Wikipedia: ") for t in cited)
