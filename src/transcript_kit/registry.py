"""A Popolo-like registry of people, posts and dated tenures, plus non-person roles and overrides.

File shape (JSON, or TOML with the same keys)::

    {"persons":  [{"id", "name", "family_name"?, "gender"?, "identifiers"?: {"wikidata": "Q..."},
                   "other_names"?: [{"name", "kind", "start"?, "end"?}], "known_from"?, "born"?, "source"?}],
     "posts":    [{"id", "label", "titles": [...], "generic"?: ["the secretary"],
                   "jurisdiction"?, "organisation"?, "area"?, "single_holder"?}],
     "tenures":  [{"person", "post", "start"?, "end"?, "acting"?, "area"?, "district"?, "party"?, "source"?}],
     "roles":    [{"key", "name", "labels": [...], "organisation"?}],
     "overrides": [{"doc_id"?, "label", "person"? | "not_person"?}],
     "jurisdictions": {"US": ["United States", "U.S.", ...]},
     "organisations": {"United States Senate": "United States Congress"},   (part of)
     "sources":  {"state.gov": {"jurisdiction": "US", "organisation": "US Department of State",
                                "registries"?: ["us-congress"]}}}

``known_from`` says the registry knows a person's tenures only from that day on (an upstream file that keeps a
member's last term only): before it their offices are unknown, not absent, so a date filter does not rule them
out. ``single_holder`` posts (a prime minister, a speaker) have one holder at a time: tenures that overlap by more
than a handover day are an error. ``source`` cites where a fact comes from. ``sources.*.registries`` names
packaged registries (``transcript_kit/data/<name>.json.gz``) that documents from that source need: they are loaded
on demand, so ordinary runs do not pay for them.

Dates are ISO and may be partial ("2015", "2015-03"): a partial start means the first day of that period,
a partial end the last. Tenures are half-open in time, ``[start, end)``, but a date-only query covers a whole
day, so on a handover day (the successor's start equals the predecessor's end) both holders are possible: that
is deliberate, it is how "THE PRESIDENT" on 2021-01-20 comes out ambiguous. Keys starting with "_" and "note"
are ignored.
"""

from __future__ import annotations

import calendar
import datetime
import enum
import functools
import gzip
import importlib.resources
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import attrs
import orjson

from transcript_kit.conventions.vocabulary import VOCABULARY
from transcript_kit.errors import RegistryError
from transcript_kit.keys import fold, source_host

Date = datetime.date
T = TypeVar("T")
K = TypeVar("K")

# Generational suffixes are not family names: "Donald B. Verrilli Jr." is a Verrilli.
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


class NameKind(str, enum.Enum):
    """Why a person has another name."""

    ALIAS = "alias"
    NICKNAME = "nickname"
    MISSPELLING = "misspelling"
    TRANSLITERATION = "transliteration"
    FORMER_NAME = "former_name"


class Gender(str, enum.Enum):
    MALE = "male"
    FEMALE = "female"
    OTHER = "other"


@attrs.frozen(slots=True)
class OtherName:
    name: str
    kind: NameKind
    start: Date | None = None
    end: Date | None = None


@attrs.frozen(slots=True)
class Person:
    id: str
    name: str
    family_name: str
    gender: Gender | None = None
    other_names: tuple[OtherName, ...] = ()
    identifiers: tuple[tuple[str, str], ...] = ()  # (scheme, value), e.g. ("wikidata", "Q6279")
    known_from: Date | None = None  # tenures before this day are unknown to the registry, not absent
    born: Date | None = None  # bounds when someone can have held an office the registry does not date
    source: str | None = None


@attrs.frozen(slots=True)
class Post:
    id: str
    label: str  # display title: "US Secretary of State"
    titles: tuple[str, ...]  # how labels write the office next to a name: "Secretary of State", "Secretary"
    generic: tuple[str, ...] = ()  # the office alone, standing for its holder: "the secretary"
    jurisdiction: str | None = None
    organisation: str | None = None
    area: str | None = None
    single_holder: bool = False  # one holder at a time (a prime minister), unlike a seat among many


@attrs.frozen(slots=True)
class Tenure:
    person: str
    post: str
    start: Date | None = None
    end: Date | None = None  # the day it ended (the successor's first day on a handover)
    acting: bool = False
    area: str | None = None  # constituency or state, when the post has many seats
    district: str | None = None  # a numbered seat within the area (a US House district)
    party: str | None = None
    source: str | None = None

    def active_on(self, day: Date) -> bool:
        """Could the person hold the post at some moment of ``day``? Both holders can on a handover day."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@attrs.frozen(slots=True)
class Role:
    """A speaker that is not a person: "QUESTION", "MODERATOR", "An honourable member"."""

    key: str
    name: str
    labels: tuple[str, ...]
    organisation: str | None = None  # the chamber a presiding role belongs to: a document using it sits there


@attrs.frozen(slots=True)
class Override:
    """A user's decision for one label, in one document or (doc_id None) everywhere."""

    label: str
    doc_id: str | None = None
    person: str | None = None  # this label is this person
    not_person: str | None = None  # this label is not this person


@attrs.frozen(slots=True)
class SourceInfo:
    jurisdiction: str | None = None
    organisation: str | None = None
    registries: tuple[str, ...] = ()  # packaged registries this source's documents need


@attrs.frozen(slots=True)
class _Index:
    """Lookup tables built once per registry; every key is a :func:`fold` key."""

    persons: dict[str, Person]
    posts: dict[str, Post]
    names: dict[str, tuple[tuple[str, OtherName | None], ...]]  # name → (person id, the other name used)
    families: dict[str, tuple[str, ...]]
    titles: dict[str, tuple[str, ...]]  # title → post ids
    generics: dict[str, tuple[str, ...]]
    tenures_by_person: dict[str, tuple[Tenure, ...]]
    tenures_by_post: dict[str, tuple[Tenure, ...]]
    roles: dict[str, Role]
    jurisdictions: dict[str, str]
    overrides: dict[tuple[str | None, str], tuple[Override, ...]]


def name_keys(name: str) -> tuple[str, ...]:
    """Keys a full name is found by: as written, and first + last ("Antony J. Blinken" → "antony blinken")."""
    words = [w for w in fold(name).split() if w not in _SUFFIXES]
    keys = [" ".join(words)]
    if len(words) > 2:
        keys.append(f"{words[0]} {words[-1]}")
    return tuple(dict.fromkeys(keys))


def family_key(family: str) -> str:
    """ "Thomas-Greenfield", "THOMAS GREENFIELD" and "Thomas Greenfield" share a key."""
    return fold(family).replace("-", " ")


def title_key(title: str) -> str:
    """An office as compared: folded, without "the", its initials spelt out ("PM" is "prime minister")."""
    key = fold(title)
    key = key[4:] if key.startswith("the ") else key
    return VOCABULARY.office_abbreviations.get(key, key)


def _family_of(name: str) -> str:
    words = [w for w in name.split() if fold(w) not in _SUFFIXES]
    return words[-1].rstrip(",") if words else name


def _group(pairs: Iterable[tuple[K, T]]) -> dict[K, tuple[T, ...]]:
    """Values by key, each once, in first-seen order. A dict per key keeps it linear: 20k people sharing one
    name cost 20k inserts, not 20k² comparisons."""
    grouped: dict[K, dict[T, None]] = defaultdict(dict)
    for key, value in pairs:
        grouped[key][value] = None
    return {key: tuple(values) for key, values in grouped.items()}


def _build_index(registry: Registry) -> _Index:
    names = _group(
        (key, (p.id, other))
        for p in registry.persons
        for name, other in ((p.name, None), *((o.name, o) for o in p.other_names))
        for key in name_keys(name)
    )
    families = _group(
        (family_key(name), p.id)
        for p in registry.persons
        for name in (p.family_name, *(_family_of(o.name) for o in p.other_names if len(o.name.split()) > 1))
    )
    return _Index(
        persons={p.id: p for p in registry.persons},
        posts={p.id: p for p in registry.posts},
        names=names,
        families=families,
        titles=_group((title_key(t), p.id) for p in registry.posts for t in (*p.titles, *p.generic)),
        generics=_group((title_key(g), p.id) for p in registry.posts for g in p.generic),
        tenures_by_person=_group((t.person, t) for t in registry.tenures),
        tenures_by_post=_group((t.post, t) for t in registry.tenures),
        roles={fold(label): role for role in registry.roles for label in (*role.labels, role.name)},
        jurisdictions={fold(a): code for code, aliases in registry.jurisdictions for a in (code, *aliases)},
        overrides=_group(((o.doc_id, fold(o.label)), o) for o in registry.overrides),
    )


@attrs.frozen(slots=True)
class Registry:
    """People, posts, tenures, roles and overrides, validated, with folded-key indexes for the normalizer."""

    persons: tuple[Person, ...] = ()
    posts: tuple[Post, ...] = ()
    tenures: tuple[Tenure, ...] = ()
    roles: tuple[Role, ...] = ()
    overrides: tuple[Override, ...] = ()
    jurisdictions: tuple[tuple[str, tuple[str, ...]], ...] = ()
    sources: tuple[tuple[str, SourceInfo], ...] = ()
    organisations: tuple[tuple[str, str], ...] = ()  # (organisation, the one it is part of)
    origin: str = attrs.field(default="<registry>", eq=False)
    _index: _Index = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # Files are validated by the loader; a registry built in code is trusted.
        object.__setattr__(self, "_index", _build_index(self))

    # -- loading ---------------------------------------------------------------------------------------------

    @classmethod
    def load(cls, path: str | Path, *, base: Registry | None = None) -> Registry:
        """Read and validate a registry file (.json or .toml).

        With ``base`` the file may refer to base's people and posts; the result is base with the file on top.
        """
        path = Path(path)
        try:
            raw = path.read_bytes()
        except OSError as error:
            raise RegistryError(f"{path}: cannot read registry: {error.strerror or error}") from error
        return cls.from_bytes(raw, origin=str(path), toml=path.suffix.lower() == ".toml", base=base)

    @classmethod
    def from_bytes(
        cls, raw: bytes, *, origin: str, toml: bool = False, base: Registry | None = None
    ) -> Registry:
        try:
            if toml:
                if sys.version_info >= (3, 11):
                    import tomllib
                else:  # the same parser, from PyPI: a dependency on Python 3.10 only
                    import tomli as tomllib

                data: Any = tomllib.loads(raw.decode("utf-8"))
            else:
                data = orjson.loads(raw)  # refuses nesting deeper than 1024 itself
        except (ValueError, UnicodeDecodeError) as error:
            raise RegistryError(
                f"{origin}: not valid {'TOML' if toml else 'JSON'}: {_cap(str(error))}"
            ) from error
        except RecursionError:  # tomllib recurses per nesting level; a registry is never deep
            raise RegistryError(f"{origin}: not a registry: values nested too deeply") from None
        return cls.from_dict(data, origin=origin, base=base)

    @classmethod
    def from_dict(cls, data: Any, *, origin: str = "<registry>", base: Registry | None = None) -> Registry:
        """Validate decoded JSON/TOML; references may point into ``base``, which the result is merged onto."""
        registry = _Reader(origin).registry(data)
        _check_references(registry, base)
        _check_single_holders(registry, base)
        return registry if base is None else base.merged(registry)

    @classmethod
    def default(cls) -> Registry:
        """The starter registry shipped with the package."""
        return _default()

    @classmethod
    def packaged(cls, name: str) -> Registry:
        """A registry shipped with the package as ``transcript_kit/data/<name>.json.gz`` (e.g. "us-congress")."""
        return _packaged(name)

    def merged(self, other: Registry) -> Registry:
        """``other`` on top of this registry: its entries replace ours with the same id (or role key).

        A person of ``other`` who shares a bioguide or Wikidata id with one of ours under another id is the same
        person: merged into ours (our id kept, names, identifiers and tenures united), never doubled.
        """
        ours = {p.id: p for p in self.persons}
        same = _same_people(self.persons, other.persons)  # their id → our id
        persons = dict(ours)
        for person in other.persons:
            target = same.get(person.id)
            persons[target or person.id] = _united(ours[target], person) if target else person
        posts = {p.id: p for p in (*self.posts, *other.posts)}
        roles = {r.key: r for r in (*self.roles, *other.roles)}
        theirs = tuple(
            attrs.evolve(t, person=same[t.person]) if t.person in same else t for t in other.tenures
        )
        # A user who redefines a person's tenures means those, not ours plus theirs; a person merged by a shared
        # identifier keeps both sides' tenures (two sources of one career).
        redefined = {t.person for t in other.tenures if t.person not in same}
        tenures = (*(t for t in self.tenures if t.person not in redefined), *theirs)
        overrides = (
            attrs.evolve(
                o,
                person=same.get(o.person or "", o.person),
                not_person=same.get(o.not_person or "", o.not_person),
            )
            for o in other.overrides
        )
        return Registry(
            persons=tuple(persons.values()),
            posts=tuple(posts.values()),
            tenures=tuple(dict.fromkeys(tenures)),
            roles=tuple(roles.values()),
            overrides=tuple(dict.fromkeys((*self.overrides, *overrides))),
            jurisdictions=tuple({**dict(self.jurisdictions), **dict(other.jurisdictions)}.items()),
            sources=tuple({**dict(self.sources), **dict(other.sources)}.items()),
            organisations=tuple({**dict(self.organisations), **dict(other.organisations)}.items()),
            origin=f"{self.origin} + {other.origin}",
        )

    # -- lookups ---------------------------------------------------------------------------------------------

    def person(self, person_id: str) -> Person | None:
        return self._index.persons.get(person_id)

    def post(self, post_id: str) -> Post | None:
        return self._index.posts.get(post_id)

    def by_name(self, name: str, on: Date | None = None) -> tuple[Person, ...]:
        """People whose name or other name is ``name`` (a dated other name counts only in its period)."""
        found: dict[str, Person] = {}
        for key in name_keys(name):
            for person_id, other in self._index.names.get(key, ()):
                if other is None or on is None or _within(on, other.start, other.end):
                    found[person_id] = self._index.persons[person_id]
            if found:  # the name as written wins over its first + last form
                break
        return tuple(found.values())

    def by_family(self, family: str) -> tuple[Person, ...]:
        return tuple(self._index.persons[i] for i in self._index.families.get(family_key(family), ()))

    def posts_titled(self, title: str, *, generic: bool = False) -> tuple[Post, ...]:
        """Posts a title names; ``generic`` for the office standing alone ("THE SECRETARY")."""
        table = self._index.generics if generic else self._index.titles
        return tuple(self._index.posts[i] for i in table.get(title_key(title), ()))

    def is_title(self, word: str) -> bool:
        return title_key(word) in self._index.titles

    def tenures_of(self, person_id: str) -> tuple[Tenure, ...]:
        return self._index.tenures_by_person.get(person_id, ())

    def holders(self, post_id: str, on: Date | None) -> tuple[Tenure, ...]:
        """Tenures of a post active on a day (all of them when the day is unknown)."""
        tenures = self._index.tenures_by_post.get(post_id, ())
        return tenures if on is None else tuple(t for t in tenures if t.active_on(on))

    def role(self, label: str) -> Role | None:
        """The non-person role a label names ("SENIOR ADMINISTRATION OFFICIAL 2": the numbered role)."""
        key = fold(label)
        return self._index.roles.get(key) or self._index.roles.get(re.sub(r"\s*\d+$", "", key))

    def jurisdiction(self, text: str | None) -> str | None:
        """The jurisdiction code a word or phrase names ("U.S." → "US"), or None."""
        return self._index.jurisdictions.get(fold(text)) if text else None

    def source_info(self, source: str | None) -> SourceInfo:
        """What a source URL's domain (or a publisher) says about a document's jurisdiction and employer."""
        if not source:
            return SourceInfo()
        host = source_host(source)
        for name, info in self.sources:  # few entries: a scan is cheaper than building a suffix tree
            if host is not None:  # a domain matches itself and its subdomains
                if host == name.lower() or host.endswith("." + name.lower()):
                    return info
            elif fold(name) in fold(source):  # a publisher named in a longer string
                return info
        return SourceInfo()

    def within(self, organisation: str | None, wanted: str) -> bool:
        """Is ``organisation`` ``wanted`` or part of it (the Senate is part of Congress)?"""
        parents = dict(self.organisations)
        seen: set[str] = set()
        while organisation is not None and organisation not in seen:
            if organisation == wanted:
                return True
            seen.add(organisation)
            organisation = parents.get(organisation)
        return False

    def overrides_for(self, doc_id: str, label: str) -> tuple[Override, ...]:
        key = fold(label)
        return (*self._index.overrides.get((doc_id, key), ()), *self._index.overrides.get((None, key), ()))


@functools.lru_cache(maxsize=1)
def _default() -> Registry:
    resource = importlib.resources.files("transcript_kit.data").joinpath("registry.json")
    return Registry.from_bytes(resource.read_bytes(), origin="transcript_kit/data/registry.json")


@functools.lru_cache(maxsize=8)
def _packaged(name: str) -> Registry:
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name):
        raise RegistryError(f"no packaged registry named {name!r}")
    resource = importlib.resources.files("transcript_kit.data").joinpath(f"{name}.json.gz")
    try:
        raw = gzip.decompress(resource.read_bytes())
    except (OSError, EOFError) as error:
        raise RegistryError(
            f"transcript_kit/data/{name}.json.gz: cannot read packaged registry: {error}"
        ) from error
    return Registry.from_bytes(raw, origin=f"transcript_kit/data/{name}.json.gz")


# Identifier schemes that name one person everywhere: two entries sharing one are the same person.
PERSON_SCHEMES = ("bioguide", "wikidata")


def _same_people(ours: Iterable[Person], theirs: Iterable[Person]) -> dict[str, str]:
    """Their person id → our person id, for people with another id who share a bioguide or Wikidata id."""
    index = {(k, v): p.id for p in ours for k, v in p.identifiers if k in PERSON_SCHEMES}
    same: dict[str, str] = {}
    for person in theirs:
        for key in person.identifiers:
            target = index.get(key)
            if target is not None and target != person.id:
                same[person.id] = target
                break
    return same


def _united(ours: Person, theirs: Person) -> Person:
    """One person from two entries: their fields on top, our id, every name and identifier of both."""
    names = {fold(o.name): o for o in (*ours.other_names, *theirs.other_names)}
    for name in (ours.name, theirs.name):
        if fold(name) not in names and fold(name) != fold(theirs.name):
            names[fold(name)] = OtherName(name, NameKind.ALIAS)
    starts = [d for d in (ours.known_from, theirs.known_from) if d is not None]
    return attrs.evolve(
        theirs,
        id=ours.id,
        gender=theirs.gender or ours.gender,
        born=theirs.born or ours.born,
        other_names=tuple(names.values()),
        identifiers=tuple(sorted({**dict(ours.identifiers), **dict(theirs.identifiers)}.items())),
        # An entry without the bound is not known to be complete (a starter entry lists only some offices): the
        # union is unknown before the latest bound either side gives.
        known_from=max(starts) if starts else None,
    )


def _within(day: Date, start: Date | None, end: Date | None) -> bool:
    return (start is None or start <= day) and (end is None or day <= end)


@functools.lru_cache(maxsize=65536)  # a large registry repeats few dates (every member's term starts alike)
def parse_date(text: str, *, end: bool = False) -> Date:
    """An ISO date, possibly partial; a partial end date means the last day of its period."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if match is None:
        raise ValueError(f"not an ISO date: {text!r}")
    year, month, day = int(match[1]), match[2], match[3]
    if day is not None:
        return Date(year, int(month or 1), int(day))
    if month is not None:
        last = calendar.monthrange(year, int(month))[1] if end else 1
        return Date(year, int(month), last)
    return Date(year, 12, 31) if end else Date(year, 1, 1)


_MAX_SHOWN = 80


def _cap(text: str) -> str:
    """Text shortened for an error message: a bad value may be megabytes long."""
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 3] + "..."


def _show(value: Any) -> str:
    """A value as an error message shows it: its repr, capped; a container only by its type and size."""
    if isinstance(value, (dict, list, tuple)):
        return f"{type(value).__name__} of {len(value)}"
    return _cap(repr(value))


class _Reader:
    """Turns decoded JSON/TOML into registry entries, naming the file and the entry in every error.

    Every field is type-checked before use, so a wrong type is a RegistryError, never a TypeError.
    """

    def __init__(self, origin: str) -> None:
        self.origin = origin

    def fail(self, entry: str, problem: str) -> RegistryError:
        return RegistryError(f"{self.origin}: {_cap(entry)}: {problem}")

    def registry(self, data: Any) -> Registry:
        if not isinstance(data, dict):
            raise self.fail("top level", f"expected an object, got {_show(data)}")
        self.keys(
            "top level",
            data,
            set(),
            {
                "persons",
                "posts",
                "tenures",
                "roles",
                "overrides",
                "jurisdictions",
                "sources",
                "organisations",
            },
        )
        return Registry(
            persons=self.each(data, "persons", self.person),
            posts=self.each(data, "posts", self.post),
            tenures=self.each(data, "tenures", self.tenure),
            roles=self.each(data, "roles", self.role),
            overrides=self.each(data, "overrides", self.override),
            jurisdictions=tuple(
                (code, self.strings(f"jurisdictions.{_cap(code)}", aliases))
                for code, aliases in self.mapping("jurisdictions", data.get("jurisdictions", {})).items()
            ),
            sources=tuple(
                (name, self.source(f"sources.{_cap(name)}", info))
                for name, info in self.mapping("sources", data.get("sources", {})).items()
            ),
            organisations=tuple(
                (
                    name,
                    self.text(f"organisations.{_cap(name)}", {"part_of": parent}, "part_of", required=True)
                    or "",
                )
                for name, parent in self.mapping("organisations", data.get("organisations", {})).items()
            ),
            origin=self.origin,
        )

    def each(
        self, data: dict[str, Any], section: str, read: Callable[[str, dict[str, Any]], T]
    ) -> tuple[T, ...]:
        items = data.get(section, [])
        if not isinstance(items, list):
            raise self.fail(section, f"expected a list, got {_show(items)}")
        out: list[T] = []
        seen: dict[str, int] = {}
        for number, item in enumerate(items):
            entry = f"{section}[{number}]"
            if not isinstance(item, dict):
                raise self.fail(entry, f"expected an object, got {_show(item)}")
            ident = item.get("id") or item.get("key")
            if isinstance(ident, str):
                entry += f" ({_cap(repr(ident))})"
                if ident in seen:
                    raise self.fail(entry, f"duplicate id (first at {section}[{seen[ident]}])")
                seen[ident] = number
            out.append(read(entry, item))
        return tuple(out)

    def keys(self, entry: str, item: dict[str, Any], required: set[str], optional: set[str]) -> None:
        if required <= item.keys() and item.keys() <= required | optional:
            return  # the common case, checked in one step
        missing = sorted(required - item.keys())
        if missing:
            raise self.fail(entry, f"missing field {missing[0]!r}")
        unknown = sorted(
            k for k in item.keys() - required - optional if not k.startswith("_") and k != "note"
        )
        if unknown:
            raise self.fail(entry, f"unknown field {_cap(repr(unknown[0]))}")

    def text(self, entry: str, item: dict[str, Any], key: str, *, required: bool = False) -> str | None:
        value = item.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(entry, f"field {key!r} must be a non-empty string, got {_show(value)}")
        return value.strip()

    def strings(self, entry: str, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise self.fail(entry, f"expected a list of non-empty strings, got {_show(value)}")
        for number, v in enumerate(value):
            if not isinstance(v, str) or not v.strip():
                raise self.fail(f"{entry}[{number}]", f"expected a non-empty string, got {_show(v)}")
        return tuple(v.strip() for v in value)

    def items(self, entry: str, item: dict[str, Any], key: str) -> list[Any]:
        value = item.get(key, [])
        if not isinstance(value, list):
            raise self.fail(entry, f"field {key!r} must be a list, got {_show(value)}")
        return value

    def flag(self, entry: str, item: dict[str, Any], key: str) -> bool:
        value = item.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(entry, f"field {key!r} must be true or false, got {_show(value)}")
        return value

    def date(self, entry: str, item: dict[str, Any], key: str) -> Date | None:
        value = item.get(key)
        if isinstance(value, datetime.date):  # TOML has native dates
            value = value.isoformat()
        try:
            return None if value is None else parse_date(value)
        except (TypeError, ValueError):
            raise self.fail(
                entry, f"field {key!r} must be an ISO date (YYYY[-MM[-DD]]), got {_show(value)}"
            ) from None

    def mapping(self, entry: str, value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(entry, f"expected an object, got {_show(value)}")
        return value

    def dates(self, entry: str, item: dict[str, Any]) -> tuple[Date | None, Date | None]:
        bounds: list[Date | None] = []
        for key in ("start", "end"):
            value = item.get(key)
            if value is not None and isinstance(value, datetime.date):  # TOML has native dates
                value = value.isoformat()
            try:
                bounds.append(None if value is None else parse_date(value, end=key == "end"))
            except (TypeError, ValueError):  # TypeError: not a string, or unhashable for the cache
                raise self.fail(
                    entry, f"field {key!r} must be an ISO date (YYYY[-MM[-DD]]), got {_show(value)}"
                ) from None
        start, end = bounds
        if start is not None and end is not None and end < start:
            raise self.fail(entry, f"end {end} is before start {start}")
        return start, end

    def enum(self, entry: str, kind: type[enum.Enum], value: Any, key: str) -> Any:
        try:
            return kind(value)
        except ValueError:
            choices = ", ".join(m.value for m in kind)
            raise self.fail(entry, f"field {key!r} is {_show(value)}; expected one of {choices}") from None

    def person(self, entry: str, item: dict[str, Any]) -> Person:
        self.keys(
            entry,
            item,
            {"id", "name"},
            {"family_name", "gender", "other_names", "identifiers", "known_from", "born", "source"},
        )
        name = self.text(entry, item, "name", required=True)
        assert name is not None
        others = []
        for number, other in enumerate(self.items(entry, item, "other_names")):
            where = f"{entry}.other_names[{number}]"
            if not isinstance(other, dict):
                raise self.fail(where, f"expected an object, got {_show(other)}")
            self.keys(where, other, {"name"}, {"kind", "start", "end"})
            start, end = self.dates(where, other)
            kind = self.enum(where, NameKind, other.get("kind", "alias"), "kind")
            others.append(OtherName(self.text(where, other, "name", required=True) or "", kind, start, end))
        identifiers = self.mapping(f"{entry}.identifiers", item.get("identifiers", {}))
        for scheme, value in identifiers.items():
            if not isinstance(value, str) or not value:
                raise self.fail(
                    f"{entry}.identifiers.{scheme}", f"expected a non-empty string, got {_show(value)}"
                )
        gender = item.get("gender")
        return Person(
            id=self.text(entry, item, "id", required=True) or "",
            name=name,
            family_name=self.text(entry, item, "family_name") or _family_of(name),
            gender=None if gender is None else self.enum(entry, Gender, gender, "gender"),
            other_names=tuple(others),
            identifiers=tuple(sorted(identifiers.items())),
            known_from=self.date(entry, item, "known_from"),
            born=self.date(entry, item, "born"),
            source=self.text(entry, item, "source"),
        )

    def post(self, entry: str, item: dict[str, Any]) -> Post:
        self.keys(
            entry,
            item,
            {"id", "label", "titles"},
            {"generic", "jurisdiction", "organisation", "area", "single_holder"},
        )
        return Post(
            id=self.text(entry, item, "id", required=True) or "",
            label=self.text(entry, item, "label", required=True) or "",
            titles=self.strings(f"{entry}.titles", item["titles"]),
            generic=self.strings(f"{entry}.generic", item.get("generic", [])),
            jurisdiction=self.text(entry, item, "jurisdiction"),
            organisation=self.text(entry, item, "organisation"),
            area=self.text(entry, item, "area"),
            single_holder=self.flag(entry, item, "single_holder"),
        )

    def tenure(self, entry: str, item: dict[str, Any]) -> Tenure:
        self.keys(
            entry, item, {"person", "post"}, {"start", "end", "acting", "area", "district", "party", "source"}
        )
        entry = f"{entry} ({_show(item.get('person'))} as {_show(item.get('post'))})"
        acting = self.flag(entry, item, "acting")
        start, end = self.dates(entry, item)
        return Tenure(
            person=self.text(entry, item, "person", required=True) or "",
            post=self.text(entry, item, "post", required=True) or "",
            start=start,
            end=end,
            acting=acting,
            area=self.text(entry, item, "area"),
            district=self.text(entry, item, "district"),
            party=self.text(entry, item, "party"),
            source=self.text(entry, item, "source"),
        )

    def role(self, entry: str, item: dict[str, Any]) -> Role:
        self.keys(entry, item, {"key", "name"}, {"labels", "organisation"})
        return Role(
            key=self.text(entry, item, "key", required=True) or "",
            name=self.text(entry, item, "name", required=True) or "",
            labels=self.strings(f"{entry}.labels", item.get("labels", [])),
            organisation=self.text(entry, item, "organisation"),
        )

    def override(self, entry: str, item: dict[str, Any]) -> Override:
        self.keys(entry, item, {"label"}, {"doc_id", "person", "not_person"})
        override = Override(
            label=self.text(entry, item, "label", required=True) or "",
            doc_id=self.text(entry, item, "doc_id"),
            person=self.text(entry, item, "person"),
            not_person=self.text(entry, item, "not_person"),
        )
        if (override.person is None) == (override.not_person is None):
            raise self.fail(entry, "give exactly one of 'person' and 'not_person'")
        return override

    def source(self, entry: str, info: Any) -> SourceInfo:
        info = self.mapping(entry, info)
        self.keys(entry, info, set(), {"jurisdiction", "organisation", "registries"})
        return SourceInfo(
            self.text(entry, info, "jurisdiction"),
            self.text(entry, info, "organisation"),
            self.strings(f"{entry}.registries", info.get("registries", [])),
        )


def _check_references(registry: Registry, base: Registry | None) -> None:
    """Tenures and overrides must name people and posts this file (or the base it extends) defines."""
    persons = {p.id for p in (*registry.persons, *(base.persons if base else ()))}
    posts = {p.id for p in (*registry.posts, *(base.posts if base else ()))}
    problems: Mapping[str, Callable[[Any], str | None]] = {
        "tenures": lambda t: (
            f"unknown person {t.person!r}"
            if t.person not in persons
            else f"unknown post {t.post!r}"
            if t.post not in posts
            else None
        ),
        "overrides": lambda o: next(
            (f"unknown person {p!r}" for p in (o.person, o.not_person) if p is not None and p not in persons),
            None,
        ),
    }
    for section, problem_of in problems.items():
        for number, item in enumerate(getattr(registry, section)):
            problem = problem_of(item)
            if problem is not None:
                who = f" ({item.person!r} as {item.post!r})" if section == "tenures" else f" ({item.label!r})"
                raise RegistryError(f"{registry.origin}: {section}[{number}]{who}: {problem}")


def _check_single_holders(registry: Registry, base: Registry | None) -> None:
    """A post with one holder at a time must not have two tenures overlapping by more than a handover day."""
    posts = {p.id: p for p in (*(base.posts if base else ()), *registry.posts)}
    numbered = {t: n for n, t in enumerate(registry.tenures)}
    by_post: dict[tuple[str, str | None], list[Tenure]] = defaultdict(list)
    for t in registry.tenures:
        post = posts.get(t.post)
        if post is not None and post.single_holder:
            by_post[t.post, t.area].append(t)
    for tenures in by_post.values():
        # Sorted by start, a tenure overlaps an earlier one exactly when it starts before the latest end so far.
        ordered = sorted(tenures, key=lambda t: t.start or Date.min)
        latest: Tenure | None = None
        for t in ordered:
            if latest is not None and (latest.end is None or (t.start or Date.min) < latest.end):
                first, second = numbered[latest], numbered[t]
                raise RegistryError(
                    f"{registry.origin}: tenures[{first}] ({latest.person!r} as {latest.post!r}, {latest.start} to "
                    f"{latest.end or 'open'}) and tenures[{second}] ({t.person!r}, from {t.start}) overlap, but "
                    f"{t.post!r} has one holder at a time"
                )
            if latest is None or (latest.end is not None and (t.end is None or t.end > latest.end)):
                latest = t
