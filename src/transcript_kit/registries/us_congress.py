"""Import the congress-legislators project's upstream files into the registry format.

The project (github.com/unitedstates/congress-legislators, public domain / CC0) publishes every member of
Congress since 1789 with ids (bioguide, Wikidata, ICPSR, GovTrack, ...), every term (chamber, state, district,
party, dates) and leadership roles. This reads its own file formats, whichever of them a folder holds:

- ``legislators-current.yaml``, ``legislators-historical.yaml`` and ``legislators-departed-since-*.yaml``: people
  with every term;
- ``legislators-historical.csv``: one row per member with the **last** term only and no dates. A member known
  only from it left Congress before the newest YAML's coverage starts, so their offices before that day are
  unknown rather than absent (``known_from``), and their one term is undated;
- ``executive.yaml``: presidents and vice presidents.

A person found in several files (same bioguide id) is one person: the fullest record wins. Every record is
checked; a malformed one is an error naming the file and the record, raised before anything is written.
"""

from __future__ import annotations

import csv
import datetime
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

from transcript_kit.errors import RegistryError
from transcript_kit.keys import fold

Date = datetime.date

SOURCE = "congress-legislators (github.com/unitedstates/congress-legislators, CC0)"

# The posts the import fills; the ids match the starter registry's, so the two registries share them.
POSTS: tuple[dict[str, Any], ...] = (
    {
        "id": "us-senator",
        "label": "US Senator",
        "titles": ["Senator", "Sen."],
        "jurisdiction": "US",
        "organisation": "United States Senate",
    },
    {
        "id": "us-representative",
        "label": "US Representative",
        "titles": [
            "Representative",
            "Rep.",
            "Congressman",
            "Congresswoman",
            "Delegate",
            "Resident Commissioner",
        ],
        "jurisdiction": "US",
        "organisation": "United States House of Representatives",
    },
    {
        "id": "us-president",
        "label": "President of the United States",
        "titles": ["President"],
        "generic": ["the president"],
        "jurisdiction": "US",
        "organisation": "The White House",
        "single_holder": True,
    },
    {
        "id": "us-vice-president",
        "label": "Vice President of the United States",
        "titles": ["Vice President"],
        "generic": ["the vice president"],
        "jurisdiction": "US",
        "organisation": "The White House",
        "single_holder": True,
    },
)
_TERM_POSTS = {
    "sen": "us-senator",
    "rep": "us-representative",
    "prez": "us-president",
    "viceprez": "us-vice-president",
}
_CHAMBERS = {"senate": "United States Senate", "house": "United States House of Representatives"}
_GENDERS = {"M": "male", "F": "female"}
_SCHEMES = ("bioguide", "wikidata", "icpsr", "icpsr_prez", "govtrack", "lis", "thomas")
_STATE = re.compile(r"[A-Z]{2}")


class _Record:
    """Error context for one upstream record: ``file: record N (bioguide X)``."""

    def __init__(self, path: Path, number: int, raw: Any) -> None:
        self.where = f"{path.name}: record {number}"
        if isinstance(raw, dict):
            ids = raw.get("id") if isinstance(raw.get("id"), dict) else raw
            bioguide = ids.get("bioguide") or ids.get("bioguide_id") if isinstance(ids, dict) else None
            if isinstance(bioguide, str):
                self.where += f" (bioguide {bioguide[:12]})"

    def fail(self, problem: str) -> RegistryError:
        return RegistryError(f"{self.where}: {problem}")

    def mapping(self, value: Any, what: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(f"{what} must be a mapping, got {type(value).__name__}")
        return value

    def text(self, data: dict[str, Any], key: str, what: str, *, required: bool = False) -> str | None:
        value = data.get(key)
        if value is None or value == "":
            if required:
                raise self.fail(f"{what} is missing")
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)  # ids and districts are numbers in YAML
        if not isinstance(value, str):
            raise self.fail(f"{what} must be text, got {type(value).__name__}")
        return value.strip() or None

    def date(self, data: dict[str, Any], key: str, what: str, *, required: bool = False) -> str | None:
        value = data.get(key)
        if isinstance(value, datetime.date):  # an unquoted YAML date
            value = value.isoformat()
        text = self.text({key: value}, key, what, required=required)
        if text is not None:
            try:
                Date.fromisoformat(text)
            except ValueError:
                raise self.fail(f"{what} is not an ISO date: {text[:40]!r}") from None
        return text


def _load_yaml(path: Path) -> list[Any]:
    try:
        data = yaml.load(path.read_bytes(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except OSError as error:
        raise RegistryError(f"{path}: cannot read: {error.strerror or error}") from error
    except yaml.YAMLError as error:
        raise RegistryError(f"{path.name}: not valid YAML: {str(error)[:200]}") from error
    if not isinstance(data, list):
        raise RegistryError(f"{path.name}: expected a list of people, got {type(data).__name__}")
    return data


def _names(first: str, middle: str | None, last: str, suffix: str | None, nickname: str | None) -> list[str]:
    """The ways a member's name is written, fullest first."""
    tail = f"{last}, {suffix}" if suffix else last
    names = [f"{first} {middle} {tail}" if middle else f"{first} {tail}", f"{first} {last}"]
    if nickname:
        names.append(f"{nickname} {last}")
    return list(dict.fromkeys(names))


def _person_id(name: str, bioguide: str) -> str:
    # The bioguide id in the id keeps it unique and stable: many members share a name.
    slug = re.sub(r"[^\w]+", "-", fold(name)).strip("-_")
    return f"{slug}-{bioguide.lower()}"


class _People:
    """People by bioguide id, with their terms; later files add to, never double, a person."""

    def __init__(self) -> None:
        self.persons: dict[str, dict[str, Any]] = {}
        self.tenures: dict[str, list[dict[str, Any]]] = {}
        self.complete: set[str] = set()  # bioguide ids whose every term is known

    def add(
        self, person: dict[str, Any], tenures: list[dict[str, Any]], *, complete: bool, bioguide: str
    ) -> None:
        if bioguide in self.complete and not complete:
            return  # the CSV's last term adds nothing to a record with every term
        known = self.persons.get(bioguide)
        if known is not None and complete and bioguide in self.complete:
            # Two full records of one person (a legislator who became president): one person, every office.
            known["identifiers"].update(person["identifiers"])
            names = {fold(n["name"]) for n in known["other_names"]} | {fold(known["name"])}
            known["other_names"] += [n for n in person["other_names"] if fold(n["name"]) not in names]
            self.tenures[bioguide] += [{**t, "person": known["id"]} for t in tenures]
            return
        if known is not None:  # a full record replaces the CSV's partial one
            person["identifiers"] = {**known["identifiers"], **person["identifiers"]}
        self.persons[bioguide] = person
        self.tenures[bioguide] = tenures
        if complete:
            self.complete.add(bioguide)


def _yaml_person(record: _Record, raw: Any, path: Path) -> tuple[str, dict[str, Any], list[dict[str, Any]]]:
    data = record.mapping(raw, "the record")
    ids = record.mapping(data.get("id"), "'id'")
    name = record.mapping(data.get("name"), "'name'")
    bio = record.mapping(data.get("bio", {}), "'bio'")
    # Presidents who never sat in Congress have no bioguide id: their GovTrack id names them instead.
    govtrack = record.text(ids, "govtrack", "id.govtrack")
    bioguide = record.text(ids, "bioguide", "id.bioguide", required=govtrack is None) or f"GT{govtrack}"
    first = record.text(name, "first", "name.first", required=True)
    last = record.text(name, "last", "name.last", required=True)
    assert bioguide is not None and first is not None and last is not None
    written = _names(
        first,
        record.text(name, "middle", "name.middle"),
        last,
        record.text(name, "suffix", "name.suffix"),
        record.text(name, "nickname", "name.nickname"),
    )
    # Without an official name, the name used in office: the nickname if any ("Mitch McConnell"), else first + last.
    full = record.text(name, "official_full", "name.official_full") or (
        written[-1] if name.get("nickname") else f"{first} {last}"
    )
    person_id = _person_id(full, bioguide)
    identifiers = {s: v for s in _SCHEMES if (v := record.text(ids, s, f"id.{s}")) is not None}
    terms = data.get("terms")
    if not isinstance(terms, list) or not terms:
        raise record.fail("'terms' must be a non-empty list")
    tenures = [_term(record, number, term, person_id) for number, term in enumerate(terms)]
    roles = data.get("leadership_roles", [])
    if not isinstance(roles, list):
        raise record.fail("'leadership_roles' must be a list")
    tenures += [_leadership(record, number, role, person_id) for number, role in enumerate(roles)]
    person = _person_entry(
        person_id, full, last, written, identifiers, record.text(bio, "gender", "bio.gender")
    )
    if (born := record.date(bio, "birthday", "bio.birthday")) is not None:
        person["born"] = born
    return bioguide, person, tenures


def _person_entry(
    person_id: str, full: str, last: str, written: list[str], identifiers: dict[str, str], gender: str | None
) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": person_id,
        "name": full,
        "family_name": last,
        "other_names": [{"name": n, "kind": "alias"} for n in written if fold(n) != fold(full)],
        "identifiers": identifiers,
    }
    if gender in _GENDERS:
        entry["gender"] = _GENDERS[gender]
    return entry


def _term(record: _Record, number: int, raw: Any, person_id: str) -> dict[str, Any]:
    what = f"terms[{number}]"
    term = record.mapping(raw, what)
    kind = record.text(term, "type", f"{what}.type", required=True)
    if kind not in _TERM_POSTS:
        raise record.fail(f"{what}.type is {kind!r}; expected one of {', '.join(_TERM_POSTS)}")
    tenure: dict[str, Any] = {
        "person": person_id,
        "post": _TERM_POSTS[kind],
        "start": record.date(term, "start", f"{what}.start", required=True),
        "end": record.date(term, "end", f"{what}.end", required=True),
    }
    if tenure["end"] < tenure["start"]:
        raise record.fail(f"{what} ends ({tenure['end']}) before it starts ({tenure['start']})")
    if kind in ("sen", "rep"):
        state = record.text(term, "state", f"{what}.state", required=True)
        if state is None or not _STATE.fullmatch(state):
            raise record.fail(f"{what}.state must be a two-letter code, got {state!r}")
        tenure["area"] = state
        district = record.text(term, "district", f"{what}.district")
        if kind == "rep" and district is not None:
            tenure["district"] = district
    party = record.text(term, "party", f"{what}.party")
    if party is not None:
        tenure["party"] = party
    return tenure


def _leadership(record: _Record, number: int, raw: Any, person_id: str) -> dict[str, Any]:
    what = f"leadership_roles[{number}]"
    role = record.mapping(raw, what)
    title = record.text(role, "title", f"{what}.title", required=True)
    chamber = record.text(role, "chamber", f"{what}.chamber", required=True)
    if chamber not in _CHAMBERS:
        raise record.fail(f"{what}.chamber is {chamber!r}; expected senate or house")
    assert title is not None
    tenure = {
        "person": person_id,
        "post": _leadership_post_id(title, chamber),
        "start": record.date(role, "start", f"{what}.start", required=True),
        "_title": (title, chamber),  # for the post; dropped before the registry is written
    }
    end = record.date(role, "end", f"{what}.end")
    if end is not None:
        tenure["end"] = end
    return tenure


def _leadership_post_id(title: str, chamber: str) -> str:
    return "us-" + re.sub(
        r"[^\w]+", "-", fold(f"{chamber} {title}" if chamber not in fold(title) else title)
    ).strip("-")


def _leadership_posts(tenures: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One post per leadership title and chamber ("Senate Majority Leader"); one holder at a time."""
    titles = {t["post"]: t.pop("_title") for t in tenures if "_title" in t}
    posts = []
    for post_id, (title, chamber) in sorted(titles.items()):
        short = re.sub(r"^(?:Senate|House)\s+", "", title)
        posts.append(
            {
                "id": post_id,
                "label": title,
                "titles": sorted({title, short}),
                "jurisdiction": "US",
                "organisation": _CHAMBERS[chamber],
            }
        )
    return posts


_CSV_COLUMNS = ("last_name", "first_name", "type", "state", "bioguide_id")


def _csv_people(path: Path) -> Iterator[tuple[str, dict[str, Any], list[dict[str, Any]]]]:
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as error:
        raise RegistryError(f"{path}: cannot read: {error.strerror or error}") from error
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in _CSV_COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise RegistryError(f"{path.name}: not a legislators CSV: no column {missing[0]!r}")
        for number, row in enumerate(reader, 1):
            record = _Record(path, number, row)
            if None in row:  # more cells than the header has columns
                raise record.fail("more cells than columns")
            bioguide = record.text(row, "bioguide_id", "bioguide_id", required=True)
            first = record.text(row, "first_name", "first_name", required=True)
            last = record.text(row, "last_name", "last_name", required=True)
            kind = record.text(row, "type", "type", required=True)
            state = record.text(row, "state", "state", required=True)
            assert bioguide is not None and first is not None and last is not None
            if kind not in ("sen", "rep"):
                raise record.fail(f"type is {kind!r}; expected sen or rep")
            if state is None or not _STATE.fullmatch(state):
                raise record.fail(f"state must be a two-letter code, got {state!r}")
            born = record.date(row, "birthday", "birthday")
            written = _names(
                first,
                record.text(row, "middle_name", "middle_name"),
                last,
                record.text(row, "suffix", "suffix"),
                record.text(row, "nickname", "nickname"),
            )
            full = record.text(row, "full_name", "full_name") or written[0]
            person_id = _person_id(full, bioguide)
            identifiers = {
                scheme: value
                for scheme, column in (
                    ("bioguide", "bioguide_id"),
                    ("icpsr", "icpsr_id"),
                    ("govtrack", "govtrack_id"),
                )
                if (value := record.text(row, column, column)) is not None
            }
            tenure: dict[str, Any] = {"person": person_id, "post": _TERM_POSTS[kind], "area": state}
            if kind == "rep" and (district := record.text(row, "district", "district")) is not None:
                tenure["district"] = district
            if (party := record.text(row, "party", "party")) is not None:
                tenure["party"] = party
            person = _person_entry(
                person_id, full, last, written, identifiers, record.text(row, "gender", "gender")
            )
            if born is not None:
                person["born"] = born
            yield bioguide, person, [tenure]


def import_us_congress(folder: Path) -> dict[str, Any]:
    """A registry (as a JSON-ready dict) from the congress-legislators files in ``folder``."""
    folder = Path(folder)
    if not folder.is_dir():
        raise RegistryError(f"{folder}: not a folder")
    yaml_files = sorted(folder.glob("legislators-*.yaml")) + sorted(folder.glob("executive.yaml"))
    csv_file = folder / "legislators-historical.csv"
    if not yaml_files and not csv_file.is_file():
        raise RegistryError(
            f"{folder}: no congress-legislators files (legislators-*.yaml, legislators-historical.csv)"
        )
    people = _People()
    # "legislators-departed-since-2012.yaml" holds everyone who left from 2012 on, with every term.
    since = [
        int(m[1])
        for p in yaml_files
        if (m := re.fullmatch(r"legislators-departed-since-(\d{4})\.yaml", p.name))
    ]
    full_history = (folder / "legislators-historical.yaml").is_file()
    for path in yaml_files:
        for number, raw in enumerate(_load_yaml(path), 1):
            record = _Record(path, number, raw)
            bioguide, person, tenures = _yaml_person(record, raw, path)
            people.add(person, tenures, complete=True, bioguide=bioguide)
    if csv_file.is_file():
        # Members known only from the CSV left before the YAML files' coverage begins: before that day their
        # terms are unknown (the CSV keeps the last one, undated), after it they held no seat.
        coverage = f"{min(since)}-01-01" if since else None
        if coverage is None and not full_history:
            # Without the departed file: CSV-only members left before the newest term began.
            coverage = max(
                (t["start"] for ts in people.tenures.values() for t in ts if t.get("start")), default=None
            )
        for bioguide, person, tenures in _csv_people(csv_file):
            if coverage is not None:
                person["known_from"] = coverage
            people.add(person, tenures, complete=False, bioguide=bioguide)
    tenures = [t for ts in people.tenures.values() for t in ts]
    posts = [*POSTS, *_leadership_posts(tenures)]
    for t in tenures:
        t["source"] = SOURCE
    return {
        "_about": f"US Congress members, presidents and vice presidents, imported from {SOURCE}.",
        "persons": sorted(people.persons.values(), key=lambda p: p["id"]),
        "posts": posts,
        "organisations": {chamber: "United States Congress" for chamber in _CHAMBERS.values()},
        "tenures": sorted(tenures, key=lambda t: (t["person"], t.get("start") or "", t["post"])),
    }
