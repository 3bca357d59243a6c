"""Registry importers: congress-legislators files and Popolo JSON into the registry format, and the packaged
US Congress registry built from the upstream files."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import orjson
import pytest

from transcript_kit.cli import main
from transcript_kit.errors import RegistryError
from transcript_kit.registries import import_registry
from transcript_kit.registry import Registry

D = datetime.date
UPSTREAM = Path(__file__).parent / "data" / "us-congress"


def us_congress(folder: Path = UPSTREAM) -> Registry:
    return Registry.from_dict(import_registry("us-congress", folder), origin="test")


def test_members_get_their_ids_every_term_with_state_district_and_party_and_leadership_roles() -> None:
    registry = us_congress()
    (mcconnell,) = registry.by_name("Mitch McConnell")
    assert dict(mcconnell.identifiers) == {
        "bioguide": "M000355",
        "govtrack": "300072",
        "icpsr": "14921",
        "wikidata": "Q355522",
    }
    terms = registry.tenures_of(mcconnell.id)
    assert [(t.post, t.area, t.party, t.start) for t in terms if t.post == "us-senator"] == [
        ("us-senator", "KY", "Republican", D(1985, 1, 3)),
        ("us-senator", "KY", "Republican", D(2003, 1, 7)),
    ]
    leader = [t for t in terms if t.post not in ("us-senator",)]
    assert [(t.post, t.start) for t in leader] == [("us-senate-minority-leader", D(2007, 1, 4))]
    post = registry.post("us-senate-minority-leader")
    assert (
        post is not None and post.organisation == "United States Senate" and "Minority Leader" in post.titles
    )
    (thompson,) = registry.by_name("Bennie Thompson")
    assert [(t.area, t.district) for t in registry.tenures_of(thompson.id)] == [("MS", "2")]


def test_a_member_in_the_yaml_and_the_csv_is_one_person_with_the_yaml_terms() -> None:
    registry = us_congress()
    kyls = registry.by_family("Kyl")
    assert len(kyls) == 1
    assert [t.start for t in registry.tenures_of(kyls[0].id)] == [D(2001, 1, 3)]
    assert kyls[0].known_from is None  # every term is known


def test_a_member_known_only_from_the_csv_has_an_undated_last_term_and_unknown_earlier_offices() -> None:
    registry = us_congress()
    (warner,) = registry.by_family("Warner")
    (term,) = registry.tenures_of(warner.id)
    assert (term.post, term.area, term.start, term.end) == ("us-senator", "VA", None, None)
    assert warner.known_from == D(2012, 1, 1)  # the departed-since-2012 file has everyone who left later


def test_a_president_without_a_bioguide_id_is_imported_by_govtrack_id() -> None:
    registry = us_congress()
    (trump,) = registry.by_name("Donald Trump")
    assert dict(trump.identifiers)["govtrack"] == "412733"
    assert registry.tenures_of(trump.id)[0].post == "us-president"


def test_the_starter_registry_and_the_import_share_people_by_wikidata_or_bioguide_id() -> None:
    merged = Registry.default().merged(us_congress())
    assert len(merged.by_name("Mitch McConnell")) == 1
    assert len(merged.by_name("Donald Trump")) == 1
    assert len(merged.by_name("Jon Kyl")) == 1


@pytest.mark.parametrize(
    ("file", "broken", "message"),
    [
        (
            "legislators-current.yaml",
            ("state: KY", "state: Kentucky"),
            r"legislators-current\.yaml: record 1 \(bioguide M000355\): terms\[0\]\.state must be a two-letter code",
        ),
        (
            "legislators-current.yaml",
            ("start: '1985-01-03'", "start: 'soon'"),
            r"record 1 \(bioguide M000355\): terms\[0\]\.start is not an ISO date",
        ),
        (
            "legislators-current.yaml",
            ("type: rep", "type: mayor"),
            r"record 2 \(bioguide T000193\): terms\[0\]\.type is 'mayor'",
        ),
        (
            "legislators-current.yaml",
            ("  terms:\n  - type: rep", "  terms: 5\n  xterms:\n  - type: rep"),
            r"record 2 .*'terms' must be a non-empty list",
        ),
        (
            "legislators-historical.csv",
            (",sen,VA,", ",sen,,"),
            r"legislators-historical\.csv: record 1 \(bioguide W000154\): state is missing",
        ),
        (
            "executive.yaml",
            ("- id:\n    govtrack: 412733\n    wikidata: Q22686\n", "- id: 5\n"),
            r"executive\.yaml: record 1: 'id' must be a mapping",
        ),
    ],
)
def test_a_malformed_upstream_record_names_the_file_and_record_and_nothing_is_written(
    tmp_path: Path, file: str, broken: tuple[str, str], message: str
) -> None:
    folder = tmp_path / "upstream"
    shutil.copytree(UPSTREAM, folder)
    text = (folder / file).read_text()
    assert broken[0] in text
    (folder / file).write_text(text.replace(broken[0], broken[1], 1))
    out = tmp_path / "registry.json"
    with pytest.raises(RegistryError, match=message):
        import_registry("us-congress", folder)
    assert main(["registry", "import", "us-congress", str(folder), "--out", str(out)]) == 2
    assert not out.exists()


def test_the_import_command_writes_a_registry_that_convert_can_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "us.json.gz"
    assert main(["registry", "import", "us-congress", str(UPSTREAM), "--out", str(out)]) == 0
    assert "5 people" in capsys.readouterr().out
    import gzip

    registry = Registry.from_bytes(gzip.decompress(out.read_bytes()), origin=str(out))
    assert len(registry.persons) == 5


POPOLO = {
    "persons": [
        {
            "id": "uk.org.publicwhip/person/10001",
            "name": "Tony Blair",
            "other_names": [{"name": "Anthony Charles Lynton Blair"}],
            "identifiers": [{"scheme": "wikidata", "identifier": "Q9545"}],
        },
        {"id": "uk.org.publicwhip/person/10777", "name": "Iain Duncan Smith", "family_name": "Duncan Smith"},
    ],
    "organizations": [
        {"id": "house-of-commons", "name": "House of Commons"},
        {"id": "con", "name": "Conservative"},
    ],
    "memberships": [
        {
            "person_id": "uk.org.publicwhip/person/10777",
            "organization_id": "house-of-commons",
            "role": "Member",
            "start_date": "1997-05-01",
            "area": {"name": "Chingford and Woodford Green"},
            "on_behalf_of_id": "con",
        },
        {
            "person_id": "uk.org.publicwhip/person/10001",
            "organization_id": "house-of-commons",
            "role": "Member",
            "start_date": "1983-06-09",
            "end_date": "2007-06-27",
        },
    ],
}


def test_popolo_persons_and_memberships_become_people_and_tenures(tmp_path: Path) -> None:
    path = tmp_path / "people.json"
    path.write_bytes(orjson.dumps(POPOLO))
    registry = Registry.from_dict(import_registry("popolo", path))
    (ids,) = registry.by_family("Duncan Smith")
    (tenure,) = registry.tenures_of(ids.id)
    assert (tenure.area, tenure.party, tenure.start) == (
        "Chingford and Woodford Green",
        "Conservative",
        D(1997, 5, 1),
    )
    assert len(registry.by_name("Anthony Charles Lynton Blair")) == 1
    # Blair shares his Wikidata id with the starter registry's entry: one person after merging
    merged = Registry.default().merged(registry)
    assert len(merged.by_name("Tony Blair")) == 1


def test_a_popolo_membership_of_an_unknown_person_names_the_record(tmp_path: Path) -> None:
    data = {**POPOLO, "memberships": [{"person_id": "nobody", "organization_id": "house-of-commons"}]}
    path = tmp_path / "people.json"
    path.write_bytes(orjson.dumps(data))
    with pytest.raises(
        RegistryError, match=r"people\.json: memberships\[0\]: person_id 'nobody' is not among"
    ):
        import_registry("popolo", path)


def test_the_packaged_us_congress_registry_has_every_member_with_ids() -> None:
    registry = Registry.packaged("us-congress")
    assert len(registry.persons) > 12_000
    (mcconnell,) = registry.by_name("Mitch McConnell")
    assert dict(mcconnell.identifiers)["bioguide"] == "M000355"
    assert any(t.post == "us-senator" and t.area == "KY" for t in registry.tenures_of(mcconnell.id))
