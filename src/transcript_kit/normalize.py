"""Resolve speaker labels to identities: right, or saying it is unsure.

The normalizer sees each distinct (document, label) pair once, with that document's evidence, never each turn.
Evidence is tried strongest first and the step that decided is recorded with a confidence::

    override → role → document (the label's own full name, byline, intro, prose, "office (Name)")
      → registry (name or alias; surname + title + date; generic title + date + jurisdiction)
      → corpus (same label, same source elsewhere; a full name seen anywhere in the corpus) → fuzzy → none

A step that finds several people stops the search: the label gets a document-scoped id and the candidates,
never a guess. People outside the registry get the slug of their fullest name seen anywhere in the corpus, so
ids do not depend on the order of documents.
"""

from __future__ import annotations

import datetime
import difflib
import functools
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from transcript_kit.conventions.vocabulary import VOCABULARY
from transcript_kit.keys import fold, source_host
from transcript_kit.labels import ADDRESSED, parse_speaker, repair_ocr_confusions
from transcript_kit.model import DocumentEvidence, Label, LabelUse, Mention, Resolution, Speaker
from transcript_kit.qualifiers import Qualifier, QualifierKind, of_kind, state_code, type_qualifiers
from transcript_kit.registry import Gender, Person, Registry, Role, Tenure, family_key, name_keys, title_key

Date = datetime.date

# Who a label may be, before ids are final: a registry id, or "~first last" for someone the registry lacks.
Who = str
# Roles that are one person in each document, another in the next: the one who answers, a suspect, a defendant.
_PARTY_ROLES = VOCABULARY.folded("party_roles")
_PARTY_FIELDS = VOCABULARY.folded("party_fields")
_GIVEN_NAME = re.compile(r"[A-Z][a-zß-öø-ÿ'’-]{2,}")
# A full name written as one word: two to four Hangul syllables or Han characters, family name first.
_CASELESS_FULL_NAME = re.compile(r"[\uac00-\ud7a3]{2,4}|[\u4e00-\u9fff]{2,4}")
# A misprinted name: printed this often at most, beside a person printed at least this often, with a name this long.
_TYPO_USES, _TYPO_OTHER_USES = 2, 3
_TYPO_FAMILY_LETTERS, _TYPO_GIVEN_LETTERS = 5, 6
_UNREGISTERED = "~"

# A label's honorific, folded, and the gender it says (vocabulary masculine_styles, feminine_styles).
_GENDER = {
    **dict.fromkeys(VOCABULARY.folded("masculine_styles"), Gender.MALE),
    **dict.fromkeys(VOCABULARY.folded("feminine_styles"), Gender.FEMALE),
}
# How much a document's naming of someone is worth, by where the name stood.
_DOCUMENT_CONFIDENCE = {"label": 0.95, "byline": 0.95, "intro": 0.9, "title": 0.85, "prose": 0.85}
_FUZZY_THRESHOLD, _FUZZY_MARGIN = 0.8, 0.1
_PRESIDING = "presiding-officer"  # the generic presiding role: resolved to the chair's holder when known
_LINK_YEARS = 6  # surname labels of one collection link only across documents this close in time
_MAX_CANDIDATES = 12


_ROMAN = re.compile(r"(?i)(?:ii|iii|iv|vi|vii|viii)\.?")


def _word_case(word: str) -> str:
    if _ROMAN.fullmatch(word):
        return word.upper()
    cased = "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))
    # McCONNELL -> McConnell, O'BRIEN -> O'Brien ("Mac" is left alone: MACK is Mack)
    return re.sub(r"^(Mc|O['’])(\w)", lambda m: m[1] + m[2].upper(), cased)


def display_case(name: str) -> str:
    """A name printed in capitals ("ROBERT A. LONG", as court transcripts list counsel) in display case;
    a name already in mixed case is kept as written."""
    if not name.isupper():
        return name
    return " ".join(_word_case(word) for word in name.split())


_NUMBERED = re.compile(r"\s\d{1,3}\s*$")


def _names_a_person(bracket: str) -> bool:
    """Whether a floor role's brackets name who speaks, as the label grammar reads them: a name, with an honorific
    or without, and where they are from after a comma ("Janet, Holmbridge", "Mo, via text", "Dombrowski", "Mr Frank
    Dorsey"); not a role, an office or a note."""
    person = parse_speaker(bracket.split(",", 1)[0])
    return person is not None and person.family is not None and not (person.role or person.titles or person.notes)


# What an id keeps of a name: its letters and digits, and the vowel signs and other marks of scripts that write
# them apart from their letters ("মাননীয়", "मंत्री": Python's \w has no marks, and a name cut at each of them is
# "ম-নন-য").
_NOT_IN_A_SLUG = re.compile(r"[^\w\u0900-\u0dff\u0e00-\u0eff\u1000-\u109f\u0600-\u06ff\u200c]+")


def slug(text: str) -> str:
    """A stable id fragment: "Antony J. Blinken" → "antony-j-blinken", "Šarec" → "sarec"."""
    return _NOT_IN_A_SLUG.sub("-", fold(text)).strip("-_\u200c") or "x"


def _day(text: str | None) -> Date | None:
    try:
        return Date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _source_key(source: str | None) -> str | None:
    if not source:
        return None
    host = source_host(source)
    return fold(host) if host else fold(source)


@attrs.frozen(slots=True)
class _Named:
    """A full name the document gives, with the title beside it and where it stood."""

    who: Who
    name: str
    family: str
    title: str | None
    source: str
    gender: Gender | None = None  # as the document styles them ("A Sr.ª Presidente (Teresa Calado)")


@attrs.frozen(slots=True)
class _Context:
    doc_id: str
    day: Date | None
    source: str | None
    jurisdiction: str | None
    organisation: str | None
    people: tuple[_Named, ...]
    chamber: str | None = None  # the house the document sits in, when its presiding roles say so
    registries: frozenset[str] = frozenset()  # packaged registries the document's source calls for
    # Offices the document prints with a holder's name in a label ("CHIEF JUSTICE HALVORSEN"), folded: the bare
    # office in it ("THE CHIEF JUSTICE") is that court's, not a registry's holder of the same title.
    titled: frozenset[str] = frozenset()
    # Family names printed with two places or more ("Mr. BAKER of Ohio", "Mr. BAKER of Oregon"): two people, whom
    # the surname alone cannot tell apart.
    placed: frozenset[str] = frozenset()


@attrs.frozen(slots=True)
class _Outcome:
    resolution: Resolution
    who: Who | None = None
    confidence: float = 0.0
    candidates: tuple[Who, ...] = ()
    role_id: str | None = None  # "role:question" for non-person roles
    role: str | None = None


@attrs.frozen(slots=True)
class _Parts:
    """The label read for identity: given names without stray titles, the family key, titles, gender."""

    given: tuple[str, ...]
    family: str | None
    titles: tuple[str, ...]
    jurisdiction: str | None
    gender: Gender | None
    qualifiers: tuple[Qualifier, ...]  # typed: never part of the name

    def typed(self, kind: QualifierKind) -> tuple[str, ...]:
        return of_kind(self.qualifiers, kind)


@attrs.frozen(slots=True)
class SpeakerSummary:
    """One row of the speakers table, plus what the report needs."""

    speaker_id: str
    speaker_name: str | None
    roles: tuple[str, ...]
    labels: tuple[str, ...]
    n_turns: int
    n_documents: int
    resolution: Resolution
    candidates: tuple[str, ...] = ()

    @property
    def ambiguous(self) -> bool:
        return bool(self.candidates) and self.resolution is Resolution.NONE


class SpeakerMap(Mapping[tuple[str, str], Speaker]):
    """(doc_id, label) → Speaker, with per-speaker summaries and the warnings resolution raised."""

    def __init__(
        self,
        speakers: dict[tuple[str, str], Speaker],
        counts: dict[tuple[str, str], int],
        warnings: tuple[tuple[str, str], ...],
        by_turn: dict[tuple[str, int], tuple[str, Speaker]] | None = None,
    ) -> None:
        self._speakers = speakers
        self._counts = counts
        self._warnings = warnings  # (doc_id, message)
        # (doc_id, turn_index) → (label, speaker) for turns the document's binding resolved apart from their label
        self._by_turn = by_turn or {}

    def for_turn(self, doc_id: str, turn_index: int, label: str) -> Speaker | None:
        """The speaker of one turn: its label's, unless the document bound that turn to someone else."""
        bound = self._by_turn.get((doc_id, turn_index))
        return bound[1] if bound is not None else self._speakers.get((doc_id, label))

    def restricted(self, doc_ids: Iterable[str]) -> SpeakerMap:
        """The speakers of these documents only (labels and turn bindings), e.g. for a worker that writes the
        turns of some documents: small to send, and the same answers for them."""
        chosen = set(doc_ids)
        return SpeakerMap(
            {key: value for key, value in self._speakers.items() if key[0] in chosen},
            {key: value for key, value in self._counts.items() if key[0] in chosen},
            tuple(item for item in self._warnings if item[0] in chosen),
            {key: value for key, value in self._by_turn.items() if key[0] in chosen},
        )

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(f"{doc_id}: {message}" for doc_id, message in self._warnings)

    def warnings_of(self, doc_id: str) -> tuple[str, ...]:
        """The warnings resolution raised for one document (for the documents table)."""
        return tuple(message for who, message in self._warnings if who == doc_id)

    def __getitem__(self, key: tuple[str, str]) -> Speaker:
        return self._speakers[key]

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self._speakers)

    def __len__(self) -> int:
        return len(self._speakers)

    def count(self, key: tuple[str, str]) -> int:
        """How many turns the label opens in that document."""
        return self._counts.get(key, 0)

    def summaries(self) -> tuple[SpeakerSummary, ...]:
        """One summary per speaker id, most turns first."""
        groups: dict[str, list[tuple[tuple[str, str], Speaker, int]]] = defaultdict(list)
        moved = Counter((doc_id, label) for (doc_id, _), (label, _) in self._by_turn.items())
        for key, speaker in self._speakers.items():
            n = self._counts.get(key, 0) - moved[key]
            if n > 0:  # a label whose every turn was bound elsewhere, or seen only in text, speaks no turn
                groups[speaker.id or f"doc:{key[0]}#{slug(key[1])}"].append((key, speaker, n))
        for (doc_id, _), (label, speaker) in self._by_turn.items():
            groups[speaker.id or f"doc:{doc_id}#{slug(label)}"].append(((doc_id, label), speaker, 1))
        out = []
        for speaker_id, members in groups.items():
            speakers = [s for _, s, _ in members]
            out.append(
                SpeakerSummary(
                    speaker_id=speaker_id,
                    speaker_name=next((s.name for s in speakers if s.name), None),
                    roles=tuple(sorted({s.role for s in speakers if s.role})),
                    labels=tuple(sorted({label for (_, label), _, _ in members})),
                    n_turns=sum(n for _, _, n in members),
                    n_documents=len({doc for (doc, _), _, _ in members}),
                    resolution=min((s.resolution for s in speakers), key=list(Resolution).index),
                    candidates=tuple(sorted({c for s in speakers for c in s.candidates})),
                )
            )
        return tuple(sorted(out, key=lambda s: (-s.n_turns, s.speaker_id)))

    def speaker_rows(self) -> Iterator[dict[str, Any]]:
        """Rows of the speakers table (export/schema.py SPEAKERS)."""
        for s in self.summaries():
            yield {
                "speaker_id": s.speaker_id,
                "speaker_name": s.speaker_name,
                "roles": list(s.roles),
                "labels": list(s.labels),
                "resolution": s.resolution.value,
                "n_turns": s.n_turns,
                "n_documents": s.n_documents,
                "candidates": list(s.candidates),
            }


class Normalizer:
    """Resolves the distinct labels of a corpus against document evidence, a registry and the corpus."""

    def __init__(self, registry: Registry | None = None, *, use_default_registry: bool = True) -> None:
        base = Registry.default() if use_default_registry else Registry()
        self.registry = (
            base if registry is None else (base.merged(registry) if use_default_registry else registry)
        )
        self._active = functools.lru_cache(maxsize=4096)(self._active_uncached)
        self._packaged: set[str] = set()
        self._foreign: dict[str, str] = {}  # person id → the packaged registry it alone comes from
        self._cast: dict[str, set[object]] = {}  # per resolve(): who speaks in each document
        self._contexts: Mapping[str, _Context] = {}

    # -- the corpus pass -------------------------------------------------------------------------------------

    def _load_packaged(self, documents: Iterable[DocumentEvidence]) -> None:
        """Add the packaged registries the documents' sources call for (the Congressional Record needs every
        member of Congress): loaded on demand, so a run without such documents never pays for them."""
        needed = {
            name for doc in documents for name in self.registry.source_info(doc.source).registries
        } - self._packaged
        for name in sorted(needed):
            before = {p.id for p in self.registry.persons}
            self.registry = _with_packaged(self.registry, name)
            self._packaged.add(name)
            # People only that registry knows are candidates only in the documents that call for it: a member
            # of Congress is nobody's guess for a name in a play or a podcast resolved in the same run.
            self._foreign.update({p.id: name for p in self.registry.persons if p.id not in before})
        if needed:
            self._active = functools.lru_cache(maxsize=4096)(self._active_uncached)

    def resolve(self, evidence: Iterable[DocumentEvidence]) -> SpeakerMap:
        documents = _merge_documents(evidence)  # sorted by doc_id: nothing below depends on input order
        self._load_packaged(documents)
        contexts = {doc.doc_id: self._context(doc) for doc in documents}
        uses = [(doc, use) for doc in documents for use in doc.labels]
        first = {(doc.doc_id, use.label): self._local(contexts[doc.doc_id], use) for doc, use in uses}
        for doc in documents:
            self._mend_misspellings(doc, first)
            _mend_numbered_codes(doc, first)
            _mend_initials(doc, first, contexts[doc.doc_id].people)
        self._cast = self._casts(first)
        self._contexts = contexts
        corpus = _CorpusIndex.build(self, contexts.values(), uses, first)
        final: dict[tuple[str, str], _Outcome] = {}
        for doc, use in uses:
            key = (doc.doc_id, use.label)
            outcome = first[key]
            undecided = (
                outcome.resolution is Resolution.NONE and not outcome.candidates and outcome.role_id is None
            )
            final[key] = self._corpus_step(contexts[doc.doc_id], use, corpus) if undecided else outcome
        self._link_across(documents, contexts, final)
        return self._speaker_map(documents, final, corpus)

    def _mend_misspellings(self, doc: DocumentEvidence, outcomes: dict[tuple[str, str], _Outcome]) -> None:
        """A label printed once or twice whose name is one letter off a person the document's labels print at
        least three times ("HOLLWAY" beside "HOLLOWAY", "Harish Pilai" beside "Harish Pillai") is that person: a
        typo, not a second speaker. Only a long name counts (a surname of five letters or more, a given name of
        six: "Mark" and "Mary" are two people), only an unregistered one, and only one such person."""
        names: dict[str, tuple[str, ...]] = {}
        offices: dict[str, frozenset[str]] = {}  # the offices each label prints its name with
        for use in doc.labels:
            parsed = use.parsed or parse_speaker(use.label)
            parts = self._parts(parsed.inner or parsed) if parsed is not None else None
            if parts is not None and parts.family:
                names[use.label] = tuple(fold(w) for w in (*parts.given, parts.family))
                offices[use.label] = frozenset(title_key(t) for t in parts.titles)
        counts: Counter[Who] = Counter()
        for use in doc.labels:
            o = outcomes[doc.doc_id, use.label]
            if o.who is not None:
                counts[o.who] += use.count
        for use in doc.labels:
            o = outcomes[doc.doc_id, use.label]
            if use.count > _TYPO_USES or use.label not in names or o.role_id is not None:
                continue
            if o.who is not None and not o.who.startswith(_UNREGISTERED):
                continue
            words = names[use.label]
            matches = {
                other.who: other
                for label, known in names.items()
                if (other := outcomes[doc.doc_id, label]).who is not None
                and other.who != o.who
                and counts[other.who] >= _TYPO_OTHER_USES
                and _one_typo_apart(words, known)
                # "Delegate Begaye" beside "Speaker Begay": two offices, two people, however near the names
                and not (offices[use.label] and offices[label] and offices[use.label].isdisjoint(offices[label]))
            }
            if len(matches) == 1:
                (found,) = matches.values()
                outcomes[doc.doc_id, use.label] = attrs.evolve(found, resolution=Resolution.DOCUMENT, confidence=0.7)

    def _casts(self, outcomes: Mapping[tuple[str, str], _Outcome]) -> dict[str, set[object]]:
        """Who speaks in each document: the people resolved, and the surnames nobody resolved."""
        cast: dict[str, set[object]] = defaultdict(set)
        for (doc_id, label), o in outcomes.items():
            if o.who is not None:
                cast[doc_id].add(o.who)
            elif o.role_id is None:
                parsed = parse_speaker(label)
                parts = self._parts(parsed.inner or parsed) if parsed is not None else None
                if parts is not None and parts.family and not parts.given:
                    cast[doc_id].add((family_key(parts.family), parts.gender))
        return cast

    def _corroborated(self, a: str, b: str, cast: Mapping[str, set[object]]) -> bool:
        """May a name alone stand for one person in documents ``a`` and ``b``? When both come from the same
        source or share two speakers, and where dated lie within a few years of each other."""
        first, second = self._contexts[a], self._contexts[b]
        if first.day and second.day and abs((first.day - second.day).days) > _LINK_YEARS * 366:
            return False
        same_source = first.source is not None and first.source == second.source
        return same_source or len(cast.get(a, set()) & cast.get(b, set())) >= 2

    def _link_across(
        self,
        documents: list[DocumentEvidence],
        contexts: Mapping[str, _Context],
        final: dict[tuple[str, str], _Outcome],
    ) -> None:
        """A surname or single name nobody resolved ("Mr. VILLIERS", "Sarah") is one person across documents
        only with corroboration: two documents link when they come from the same source, or when at least two
        of their speakers are the same (the same cast: renditions or episodes of one show, sittings of one
        chamber); and,
        where dated, they lie within a few years of each other. A name printed once with nothing to corroborate
        it keeps a document-scoped id."""
        # By surname, gender and office: "GOVERNOR BROWN" and "PRIME MINISTER BROWN" of one source are two people.
        names: dict[str, dict[tuple[str, Gender | None, str], list[str]]] = defaultdict(lambda: defaultdict(list))
        cast: dict[str, set[object]] = defaultdict(set)  # who speaks in each document, resolved or not
        for (doc_id, label), o in final.items():
            if o.who is not None:
                cast[doc_id].add(o.who)
            if o.resolution is not Resolution.NONE or o.candidates or o.role_id is not None:
                continue
            parsed = parse_speaker(label)
            parts = self._parts(parsed.inner or parsed) if parsed is not None else None
            if parts is None or parts.given or not parts.family or _NUMBERED.search(label):
                continue
            office = " ".join(parts.titles).casefold()
            names[doc_id][family_key(parts.family), parts.gender, office].append(label)
            cast[doc_id].add((family_key(parts.family), parts.gender))

        def corroborated(a: str, b: str) -> bool:
            return self._corroborated(a, b, cast)

        holders: dict[tuple[str, Gender | None, str], list[str]] = defaultdict(list)
        for doc_id in sorted(names):
            for key in names[doc_id]:
                holders[key].append(doc_id)
        linked: list[tuple[tuple[str, Gender | None, str], list[str]]] = []
        for key, docs in holders.items():
            for component in _components(docs, corroborated):
                if len(component) > 1:
                    linked.append((key, component))
        groups: Counter[str] = Counter()
        for (name, gender, office), component in linked:
            # One id per linked group; a name linked in two unrelated groups keeps them apart by a number, in the
            # order of their first documents ("edwards", "edwards 2"): never a document's path in a name.
            groups[name] += 1
            who = _UNREGISTERED + (name if groups[name] == 1 else f"{name} {groups[name]}")
            for doc_id in component:
                for label in names[doc_id][name, gender, office]:
                    final[doc_id, label] = attrs.evolve(
                        final[doc_id, label], resolution=Resolution.CORPUS, who=who, confidence=0.6
                    )

    def _speaker_map(
        self, documents: list[DocumentEvidence], final: dict[tuple[str, str], _Outcome], corpus: _CorpusIndex
    ) -> SpeakerMap:
        speakers: dict[tuple[str, str], Speaker] = {}
        warnings: list[tuple[str, str]] = []
        counts = {(doc.doc_id, use.label): use.count for doc in documents for use in doc.labels}
        scopes = _numbered_turns(
            _document_scopes([key for key, o in final.items() if o.role_id is None and o.who is None]), counts
        )
        for (doc_id, label), o in final.items():
            if o.role_id is not None:
                speakers[doc_id, label] = Speaker(o.role_id, o.role, o.role, o.resolution, o.confidence)
            elif o.who is not None:
                speakers[doc_id, label] = Speaker(
                    corpus.final_id(o.who), corpus.display_name(o.who), o.role, o.resolution, o.confidence
                )
            else:
                candidates = tuple(sorted({corpus.final_id(c) for c in o.candidates}))
                scoped = f"doc:{doc_id}#{slug(scopes[doc_id, label])}"
                speakers[doc_id, label] = Speaker(scoped, None, o.role, Resolution.NONE, 0.0, candidates)
                if candidates:
                    warnings.append((doc_id, f"speaker {label!r} is ambiguous: {', '.join(candidates)}"))
        by_turn = {key: bound for doc in documents for key, bound in _bound_turns(doc, speakers).items()}
        for doc in documents:
            by_turn.update(self._introduced_turns(doc, speakers, corpus))
        # A holder printed outside any label ("BY MS. GARCIA:") served the binding; it opens no turn of its own.
        unspoken = {key for key, n in counts.items() if n == 0}
        speakers = {key: speaker for key, speaker in speakers.items() if key not in unspoken}
        spoken = {doc_id for doc_id, _ in speakers}
        warnings = [
            (doc_id, message)
            for doc_id, message in warnings
            if doc_id in spoken and not any(k[0] == doc_id and repr(k[1]) in message for k in unspoken)
        ]
        return SpeakerMap(speakers, counts, tuple(warnings), by_turn)

    def _introduced_turns(
        self, doc: DocumentEvidence, speakers: Mapping[tuple[str, str], Speaker], corpus: _CorpusIndex
    ) -> Iterator[tuple[tuple[str, int], tuple[str, Speaker]]]:
        """Turns of a floor role whose speaker names themselves ("QUESTION: Hi, Tom Reyes, Allied Press."): each
        is that person's, found as a label of that name would be (in the document, then the registry); a name
        found nowhere is a person of this document."""
        labels = dict(doc.order)
        ctx = self._contexts[doc.doc_id]
        for turn_index, name in doc.introduced:
            label = labels.get(turn_index)
            parsed = parse_speaker(name)
            if label is None or parsed is None:
                continue
            outcome = self._person(ctx, parsed, frozenset())
            role = speakers[doc.doc_id, label].role if (doc.doc_id, label) in speakers else None
            if outcome.who is not None:
                who = outcome.who
                speaker = Speaker(corpus.final_id(who), corpus.display_name(who), role, Resolution.DOCUMENT, 0.6)
            else:
                speaker = Speaker(f"doc:{doc.doc_id}#{slug(name)}", display_case(name), role, Resolution.DOCUMENT, 0.5)
            yield (doc.doc_id, turn_index), (label, speaker)

    # -- per document ----------------------------------------------------------------------------------------

    def _context(self, doc: DocumentEvidence) -> _Context:
        info = self.registry.source_info(doc.source)
        day = _day(doc.date)
        allowed = frozenset(info.registries)
        named = [self._named(m.name, m.title, m.source, day, allowed) for m in _mentions(doc)]
        named.extend(self._title_people(doc.title, day, allowed))
        titled: set[str] = set()
        places: defaultdict[str, set[str]] = defaultdict(set)
        for use in doc.labels:  # a full-name label names its speaker for the whole document
            label = use.parsed or parse_speaker(use.label)
            if label is None:
                continue
            if label.titles and label.family is not None:
                titled.add(fold(" ".join(label.titles)))
            if label.family is not None and label.qualifiers:
                places[family_key(label.family)].update(label.qualifiers)
            # ... and so does the holder of an office or role printed with it: "MODERATOR (JANE KELLER)", then
            # "KELLER". (A holder only a note names, opening no turn, holds no office here: "(Az elnöki széket X …
            # foglalja el.)" halfway through makes the bare office's turns after it X's, by binding, not the ones
            # before.)
            noted_holder = use.count == 0 and label.inner is not None and label.titles and label.role is None
            holder = label.inner
            for person in (label, holder) if holder is not None else (label,):
                parts = self._parts(person)
                full = _full_name(parts)
                if full is not None:
                    title = None if noted_holder else " ".join(parts.titles) or " ".join(label.titles) or None
                    found = self._named(full, title, "label", day, allowed)
                    gender = parts.gender or _GENDER.get(fold(label.honorific or ""))
                    named.append(attrs.evolve(found, gender=gender) if found is not None and gender else found)
        people = _initials_to_full_names([n for n in named if n is not None])
        return _Context(
            doc_id=doc.doc_id,
            day=day,
            source=_source_key(doc.source),
            jurisdiction=self.registry.jurisdiction(doc.jurisdiction)
            or doc.jurisdiction
            or info.jurisdiction,
            organisation=info.organisation,
            people=tuple(people),
            chamber=self._chamber(doc, info.organisation),
            registries=allowed,
            titled=frozenset(titled),
            placed=frozenset(family for family, printed in places.items() if len(printed) > 1),
        )

    def _chamber(self, doc: DocumentEvidence, organisation: str | None) -> str | None:
        """The chamber a document sits in: the one its presiding roles belong to ("The PRESIDING OFFICER" is
        the US Senate's, "The SPEAKER pro tempore" the House's), if the source's organisation includes it."""
        if organisation is None:
            return None
        chambers = {
            role.organisation
            for use in doc.labels
            if (role := self.registry.role(use.label)) is not None and role.organisation is not None
        }
        for use in doc.labels:  # "The PRESIDING OFFICER (Mr. Kyl)": the role is the office outside
            label = use.parsed or parse_speaker(use.label)
            if label is not None and label.inner is not None and label.titles:
                role = self.registry.role(("The " if label.article else "") + " ".join(label.titles))
                if role is not None and role.organisation is not None:
                    chambers.add(role.organisation)
        inside = {c for c in chambers if c is not None and self.registry.within(c, organisation)}
        return inside.pop() if len(inside) == 1 else None

    def _allowed(self, who: Who, registries: frozenset[str]) -> bool:
        """May this person be a candidate in a document whose source calls for ``registries``?"""
        home = self._foreign.get(who)
        return home is None or home in registries

    def _named(
        self, name: str, title: str | None, source: str, day: Date | None, registries: frozenset[str]
    ) -> _Named | None:
        words = name.split()
        if len(words) < 2 and not _CASELESS_FULL_NAME.fullmatch(name):
            return None
        found = [p for p in self.registry.by_name(name, day) if self._allowed(p.id, registries)]
        who = found[0].id if len(found) == 1 else _UNREGISTERED + name_keys(name)[-1]
        family = found[0].family_name if len(found) == 1 else name_keys(name)[0].split()[-1]
        return _Named(who, name, family_key(family), title, source)

    def _title_people(
        self, title: str | None, day: Date | None, registries: frozenset[str]
    ) -> Iterator[_Named]:
        """ "Remarks by President Biden in ...": a title + registry surname in the headline names a person."""
        words = re.findall(r"[^\W\d_][\w'\u2019-]*", title or "")
        for before, word in itertools.pairwise(words):
            if not self.registry.is_title(before):
                continue
            people = [
                p
                for p in self.registry.by_family(word)
                if (day is None or self._tenures(p.id, day)) and self._allowed(p.id, registries)
            ]
            if len(people) == 1:
                yield _Named(people[0].id, people[0].name, family_key(people[0].family_name), before, "title")

    def _parts(self, label: Label) -> _Parts:
        # The label grammar may read a hyphenated title as a given name ("Secretary-General Jens ...").
        stray = tuple(g for g in label.given if self.registry.is_title(g))
        honorific = fold(label.honorific or "")
        return _Parts(
            given=tuple(g for g in label.given if g not in stray),
            family=label.family,
            titles=(*label.titles, *stray),
            jurisdiction=self.registry.jurisdiction(label.jurisdiction),
            gender=_GENDER.get(honorific),
            qualifiers=type_qualifiers(label.qualifiers, self.registry.is_title),
        )

    def _local(self, ctx: _Context, use: LabelUse) -> _Outcome:
        """Every step that needs only this document and the registry."""
        overrides = self.registry.overrides_for(ctx.doc_id, use.label)
        chosen = next((o.person for o in overrides if o.person is not None), None)
        if chosen is not None:
            return _Outcome(Resolution.OVERRIDE, chosen, 1.0, role=self._role_of(chosen, None, ctx))
        excluded = frozenset(o.not_person for o in overrides if o.not_person is not None)
        label = use.parsed or parse_speaker(use.label)
        role = self._registry_role(ctx, use.label)
        # "Q (MS. GARCIA)": a role with its holder printed is that person, as an office with its holder is
        if role is not None or (label is not None and label.role is not None and label.inner is None):
            key = role.key if role is not None else (label.role if label is not None else None)
            interviewee = self._interviewee(ctx) if key == "answer" else None
            if interviewee is not None:  # "A:" in an interview whose introduction names one person
                return _Outcome(Resolution.DOCUMENT, interviewee.who, 0.8, role=interviewee.title)
            holder = self._role_holder(ctx, key)
            if holder is not None:  # "Moderator:" under a header's "Moderator: R. Salas"
                return _Outcome(Resolution.DOCUMENT, holder.who, 0.8, role=holder.title)
            if key == _PRESIDING and label is not None and label.titles and ctx.day is not None:
                # "Mr. SPEAKER" in a dated sitting of a known parliament: the registry knows who was in the chair
                chair = self._generic_step(ctx, self._parts(label), excluded)
                if chair is not None and chair.who is not None:
                    return chair
            # "Speaker 1" and "Speaker 2" are two people of one role: numbered, each keeps an id of its own. So
            # does a party of the document (vocabulary party_roles): the one who answers ("A"), a deposition's
            # witness, an interview's guest or suspect, another in each document (as one role across documents,
            # two witnesses were one person).
            # A caller named in the brackets ("CALLER (Janet, Holmbridge)", "CALLER (Mo, via text)") is one person
            # of the document, another for each name.
            # So is the asker a question's brackets name ("QUESTION (Dombrowski)", "ADDITIONAL QUESTION
            # (Dombrowski)"): one person under both labels.
            named = next((q for q in label.qualifiers if _names_a_person(q)), None) if label else None
            numbered = _NUMBERED.search(use.label)
            if named is not None:
                role_id = f"doc:{ctx.doc_id}#{slug(named)}"
            elif numbered or key in _PARTY_ROLES:
                role_id = f"doc:{ctx.doc_id}#{slug(use.label) if numbered else key}"
            else:
                role_id = f"role:{key}"
            return _Outcome(
                Resolution.LABEL, None, 1.0, role_id=role_id, role=role.name if role else use.label
            )
        if label is None:
            return _Outcome(Resolution.NONE)
        if (
            label.inner is not None
        ):  # "The PRESIDING OFFICER (Mr. Kyl)": the person is inside, the office outside
            inner = self._person(ctx, label.inner, excluded)
            outer = " ".join(label.titles) or None
            resolution = Resolution.DOCUMENT if inner.who is not None else inner.resolution
            return attrs.evolve(inner, resolution=resolution, role=outer or inner.role)
        return self._person(ctx, label, excluded)

    def _person(self, ctx: _Context, label: Label, excluded: frozenset[str]) -> _Outcome:
        parts = self._parts(label)
        for step in (self._document_step, self._registry_step):
            outcome = step(ctx, parts, excluded)
            if outcome is not None:
                return outcome
        return _Outcome(Resolution.NONE, role=" ".join(parts.titles) or None)

    def _document_step(self, ctx: _Context, parts: _Parts, excluded: frozenset[str]) -> _Outcome | None:
        longer = self._fuller_name(ctx, parts)
        if longer is not None:  # "Mr. Duncan Smith" after "Mr. Iain Duncan Smith": the surname of two words
            return self._decided(Resolution.DOCUMENT, longer.who, 0.9, parts, ctx, title=longer.title)
        initialled = self._initialled_name(ctx, parts) or _surname_initialled(ctx, parts)
        if initialled is not None:  # "A.Velinsky" after "Arkady Velinsky"; "Desmond F" after "Fairweather, Desmond"
            return self._decided(Resolution.DOCUMENT, initialled.who, 0.9, parts, ctx, title=initialled.title)
        full = _full_name(parts)
        if full is not None:  # the label names the person in full
            found = self._narrow(
                [p.id for p in self.registry.by_name(full, ctx.day)],
                parts,
                ctx,
                excluded,
                soft=True,
            )
            if len(found) == 1 and found.certain:
                return self._decided(Resolution.REGISTRY, found[0], 0.95, parts, ctx)
            if len(found) > 1:
                return _Outcome(Resolution.NONE, candidates=tuple(found))
            if self._family_ids(_family_keys(parts)[0]):  # "THOMAS GREENFIELD": a two-word family name
                return None
            who = _UNREGISTERED + name_keys(full)[-1]
            return self._decided(Resolution.DOCUMENT, who, 0.9, parts, ctx)
        if parts.family:
            keys = _family_keys(parts)
            if parts.qualifiers and keys[-1] in ctx.placed:
                return None  # "Mr. BAKER of Oregon" beside "Mr. BAKER of Ohio": not a surname's one person
            named = [n for n in ctx.people if n.family in keys]
            if not parts.given:
                # "Delegate Yazzie" where the document names only "C. Yazzie": a name printed with an initial is
                # told apart from a namesake, so the bare surname may be the other one (unresolved, not a guess).
                named = [n for n in named if not _INITIALLED.match(n.name)]
            if " " in parts.family:  # "Van der Berg" is not "Van den Berg", though their keys are one
                printed = fold(parts.family).split()
                named = [n for n in named if fold(n.name).split()[-len(printed) :] == printed]
            if not named and not parts.titles and parts.gender is None and _GIVEN_NAME.fullmatch(parts.family):
                # "Dana:" after "CEO Dana Whitfield:", where no one is named Dana as a surname: a bare name in
                # title case is the given name of the one person the document names with it (a code in capitals,
                # a log's "CC", is not).
                first = fold(parts.family)
                named = [n for n in ctx.people if len(words := fold(n.name).split()) > 1 and words[0] == first]
            # "FIRST LADY BIDEN" beside "President Biden" and "First Lady Jill Biden": the namesake printed with
            # the label's office is the one it names.
            same_office = [n for n in named if parts.titles and n.title and self._same_office(parts.titles, n.title)]
            named = same_office or named
        elif parts.titles and (ending := _name_ending_qualifier(ctx, parts)) is not None:
            # "Minister for Civil Defence, Emergencies and Disaster Relief Alexander Kurenkov": a long portfolio
            # after a comma runs on into the holder's name, which the document prints elsewhere in full.
            return self._decided(Resolution.DOCUMENT, ending.who, 0.85, parts, ctx, title=ending.title)
        elif parts.titles:
            named = [n for n in ctx.people if n.title and self._same_office(parts.titles, n.title)]
            if parts.gender is not None:  # "O Sr. Presidente" is not "A Sr.ª Presidente (Teresa Calado)"
                named = [n for n in named if n.gender in (None, parts.gender)]
        else:
            return None
        by_who: dict[Who, _Named] = {}
        for n in sorted(named, key=lambda n: -_DOCUMENT_CONFIDENCE.get(n.source, 0.8)):
            by_who.setdefault(n.who, n)
        found = self._narrow(list(by_who), parts, ctx, excluded, soft=True)
        if len(found) == 1 and found.certain:
            n = by_who[found[0]]
            return self._decided(
                Resolution.DOCUMENT, n.who, _DOCUMENT_CONFIDENCE.get(n.source, 0.8), parts, ctx, title=n.title
            )
        return _Outcome(Resolution.NONE, candidates=tuple(found)) if found else None

    def _registry_role(self, ctx: _Context, label: str) -> Role | None:
        """The registry's role a label names, if it can be that role here: a role of one organisation ("The CHAIR"
        is the US House's Speaker pro tempore on the House floor) only in a document of that organisation, as its
        source or its presiding roles say; elsewhere the same words are another body's chair."""
        role = self.registry.role(label)
        if role is None or role.organisation is None:
            return role
        if ctx.chamber == role.organisation:
            return role
        if ctx.organisation is not None and self.registry.within(role.organisation, ctx.organisation):
            return role
        return None

    def _interviewee(self, ctx: _Context) -> _Named | None:
        """The one person a document's title, byline or introduction names (not its labels), if only one."""
        named = {n.who: n for n in ctx.people if n.source not in ("label", "field")}
        return next(iter(named.values())) if len(named) == 1 else None

    def _role_holder(self, ctx: _Context, key: str | None) -> _Named | None:
        """The one person a header field of this role names ("Moderator: R. Salas", front matter's ``host:``)."""
        named = {n.who: n for n in ctx.people if n.source == "field" and self._role_key(n.title) == key}
        if not named and key is not None and key.endswith("-1"):
            # "Agent 1" where the header names "Agent:" and "Agent 2:": the first of the role is the one it names
            # without a number.
            fields = {self._role_key(n.title): n for n in ctx.people if n.source == "field"}
            if key[:-1] + "2" in fields and key[:-2] in fields:
                named = {fields[key[:-2]].who: fields[key[:-2]]}
        if not named and key in _PARTY_ROLES:  # "Person interviewed: Kieran HOLLAND" over "SUSPECT:"
            named = {
                n.who: n for n in ctx.people if n.source == "field" and self._role_key(n.title) in _PARTY_FIELDS
            }
        return next(iter(named.values())) if key is not None and len(named) == 1 else None

    def _role_key(self, printed: str | None) -> str | None:
        """The role key of a printed role ("Moderator", "host"), as a label of it is keyed."""
        if not printed:
            return None
        role = self.registry.role(printed.title())
        label = parse_speaker(printed.title())
        return role.key if role is not None else (label.role if label is not None else None)

    def _initialled_name(self, ctx: _Context, parts: _Parts) -> _Named | None:
        """The one person the document names in full whose given names open with a label's initials and whose
        family name is its surname ("A.Velinsky", "M. Orlova" beside "Marina Orlova"), if there is exactly one."""
        if not parts.given or not parts.family or not all(_INITIAL.fullmatch(g) for g in parts.given):
            return None
        initials = [fold(g)[:1] for g in parts.given]
        family = fold(parts.family)
        found = {
            n.who: n
            for n in ctx.people
            if len(words := fold(n.name).split()) > len(initials)
            and words[-1] == family
            and [w[:1] for w in words[: len(initials)]] == initials
            and not all(_INITIAL.fullmatch(w) for w in words[:-1])
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _fuller_name(self, ctx: _Context, parts: _Parts) -> _Named | None:
        """The one person the document names in full whose name ends with all the words of a short label
        with an honorific ("Mr. Duncan Smith" → Iain Duncan Smith), if there is exactly one."""
        if parts.gender is None or not parts.given or not parts.family:
            return None
        words = [fold(w) for w in (*parts.given, parts.family)]
        found = {
            n.who: n
            for n in ctx.people
            if len(named := fold(n.name).replace("-", " ").split()) > len(words)
            and named[-len(words) :] == words
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _registry_step(self, ctx: _Context, parts: _Parts, excluded: frozenset[str]) -> _Outcome | None:
        if parts.family:
            ids = next((ids for key in _family_keys(parts) if (ids := self._family_ids(key))), [])
            found = self._narrow(ids, parts, ctx, excluded, soft=False)
            if not parts.titles and not parts.given and ctx.organisation is not None:
                # A bare surname ("Mr. KENNEDY") is weak: in a source with a known employer, only its people
                # qualify, so a senator is not taken for the justice of the same name.
                found = _Found(
                    [w for w in found if self._works_for(w, ctx.organisation, ctx.day)], certain=found.certain
                )
            confidence = 0.85 if ctx.day else 0.6
        elif parts.titles:
            return self._generic_step(ctx, parts, excluded)
        else:
            return None
        if len(found) == 1 and found.certain:
            return self._decided(Resolution.REGISTRY, found[0], confidence, parts, ctx)
        return _Outcome(Resolution.NONE, candidates=tuple(found)) if found else None

    def _generic_step(self, ctx: _Context, parts: _Parts, excluded: frozenset[str]) -> _Outcome | None:
        """A title standing alone ("THE SECRETARY"): its holder on the document's day, where it has one, unless
        the document prints a holder of its own by that title ("CHIEF JUSTICE HALVORSEN" in a state's court)."""
        if any(fold(t) in ctx.titled for t in parts.titles):
            return None
        posts = [p for t in parts.titles for p in self.registry.posts_titled(t, generic=True)]
        jurisdiction = parts.jurisdiction or ctx.jurisdiction
        if jurisdiction is not None:
            posts = [p for p in posts if p.jurisdiction in (None, jurisdiction)]
        posts = _prefer(posts, lambda p: ctx.organisation is not None and p.organisation == ctx.organisation)
        holders = sorted(
            {
                t.person
                for p in posts
                for t in self.registry.holders(p.id, ctx.day)
                if self._allowed(t.person, ctx.registries)
            }
            - excluded
        )
        holders = self._narrow(holders, parts, ctx, excluded, soft=True) if ctx.day else _Found(holders)
        if len(holders) == 1 and ctx.day is not None and holders.certain:
            return self._decided(Resolution.REGISTRY, holders[0], 0.9, parts, ctx)
        return _Outcome(Resolution.NONE, candidates=tuple(holders[:_MAX_CANDIDATES])) if holders else None

    def _corpus_step(self, ctx: _Context, use: LabelUse, corpus: _CorpusIndex) -> _Outcome:
        label = use.parsed or parse_speaker(use.label)
        if label is None or label.inner is not None:
            return _Outcome(Resolution.NONE)
        parts = self._parts(label)
        excluded = frozenset(
            o.not_person
            for o in self.registry.overrides_for(ctx.doc_id, use.label)
            if o.not_person is not None
        )
        same = (
            sorted(corpus.by_label.get((ctx.source, fold(use.label)), set()) - excluded) if ctx.source else []
        )
        if len(same) == 1:
            return self._decided(Resolution.CORPUS, same[0], 0.75, parts, ctx)
        if parts.family and not parts.given:
            # A full name elsewhere in the corpus is this surname's person only with corroboration: the same
            # source, or the same office printed with both ("SECRETARY BLINKEN", "Secretary of State Antony
            # Blinken"); "JUSTICE OYELARAN" is not the analyst Marcus Oyelaran of an earnings call.
            seen = {
                who
                for key in _family_keys(parts)
                for who, doc_id, source, title in corpus.by_family.get(key, ())
                # (Not a namesake printed with an initial, "C. Yazzie": see _document_step.)
                if not _INITIALLED.match(corpus.display_name(who) or "")
                # A label with an office needs that office ("COACH REID" is not Senator Harry Reid of the same
                # source); a bare surname, the same source or a shared cast.
                and (
                    (parts.titles and title and self._same_office(parts.titles, title))
                    or (
                        not parts.titles
                        and (
                            (ctx.source is not None and source == ctx.source)
                            or (doc_id != ctx.doc_id and self._corroborated(ctx.doc_id, doc_id, self._cast))
                        )
                    )
                )
            }
            registered = self._narrow(
                [w for w in seen if not w.startswith(_UNREGISTERED)], parts, ctx, excluded, soft=False
            )
            found = sorted({*registered, *(w for w in seen if w.startswith(_UNREGISTERED))} - excluded)
            if len(found) == 1 and (registered.certain or not registered):
                return self._decided(Resolution.CORPUS, found[0], 0.7, parts, ctx)
            if len(found) > 1:
                return _Outcome(Resolution.NONE, candidates=tuple(found))
        return self._fuzzy_step(ctx, parts, excluded) or _Outcome(
            Resolution.NONE, role=" ".join(parts.titles) or None
        )

    def _fuzzy_step(self, ctx: _Context, parts: _Parts, excluded: frozenset[str]) -> _Outcome | None:
        """A misspelt surname, only among people in office on the day, with a clear winner."""
        if ctx.day is None or not parts.family or len(parts.family) < 4:
            return None
        target = family_key(parts.family)
        active = self._narrow([p.id for p in self._active(ctx.day)], parts, ctx, excluded, soft=True)
        scored = sorted(
            (
                (difflib.SequenceMatcher(None, target, family_key(self._person_of(i).family_name)).ratio(), i)
                for i in active
            ),
            reverse=True,
        )
        if not scored or scored[0][0] < _FUZZY_THRESHOLD:
            return None
        if len(scored) > 1 and scored[0][0] - scored[1][0] < _FUZZY_MARGIN:
            return None
        return self._decided(Resolution.FUZZY, scored[0][1], round(0.7 * scored[0][0], 4), parts, ctx)

    # -- helpers ---------------------------------------------------------------------------------------------

    def _person_of(self, person_id: str) -> Person:
        person = self.registry.person(person_id)
        assert person is not None
        return person

    def _active_uncached(self, day: Date) -> tuple[Person, ...]:
        ids = sorted({t.person for t in self.registry.tenures if t.active_on(day)})
        return tuple(self._person_of(i) for i in ids)

    def _family_ids(self, key: str) -> list[str]:
        return [p.id for p in self.registry.by_family(key)]

    def _narrow(
        self, whos: list[Who], parts: _Parts, ctx: _Context, excluded: frozenset[str], *, soft: bool
    ) -> _Found:
        """Keep who fits the label and the document. Constraints first: gender, and the date, chamber, state,
        party and country the registry can check, drop whoever contradicts one; of the rest, those the registry
        knows to fit beat those it cannot tell about (a member whose early terms it lacks). Title, qualifier and
        employer then only choose among those left. ``soft`` keeps people whose dates don't fit when the
        document itself named them."""
        found = sorted(set(whos) - excluded)
        found = [w for w in found if self._fits_gender(w, parts.gender) and self._allowed(w, ctx.registries)]
        found, certain = self._constrained(found, parts, ctx, dated=ctx.day is not None and not soft)
        jurisdiction = parts.jurisdiction or (ctx.jurisdiction if not parts.titles and not soft else None)
        if jurisdiction is not None:  # people the registry lacks have no known jurisdiction to rule them out
            found = [
                w
                for w in found
                if w.startswith(_UNREGISTERED) or self._in_jurisdiction(w, jurisdiction, ctx.day)
            ]
        found = _prefer(found, lambda w: self._holds_title(w, parts.titles, ctx.day))
        found = _prefer(found, lambda w: self._fits_qualifiers(w, parts, ctx.day))
        found = _prefer(found, lambda w: self._in_jurisdiction(w, ctx.jurisdiction, ctx.day))
        found = _prefer(
            found,
            lambda w: self._works_for(w, ctx.organisation, ctx.day) if ctx.organisation else False,
        )
        return _Found(found, certain=certain)

    def _constrained(
        self, found: list[Who], parts: _Parts, ctx: _Context, *, dated: bool
    ) -> tuple[list[Who], bool]:
        """Drop candidates that contradict a hard constraint; keep the best-supported of the rest, and say
        whether the registry *knows* they fit (else they are possible, never a decision: the registry may lack
        the terms that would rule them out, as for a member who left Congress before its full records begin)."""
        # (check, strict): a strict check also rules out a partly-known person whose one known term fails it
        # (a member for another state); a chamber is not strict, members move from the House to the Senate.
        checks: list[tuple[Callable[[Tenure], bool], bool]] = []
        if dated:
            checks.append((lambda t: True, False))
        states = set(parts.typed(QualifierKind.STATE))
        if states:
            checks.append((lambda t: state_code(t.area) in states, True))
        parties = {fold(p) for p in parts.typed(QualifierKind.PARTY)}
        if parties:
            checks.append(
                (lambda t: t.party is not None and any(fold(t.party).startswith(p) for p in parties), False)
            )
        if ctx.chamber is not None:
            chamber = ctx.chamber
            checks.append((lambda t: self.registry.within(self._post_org(t.post), chamber), False))
        countries = {
            code
            for c in parts.typed(QualifierKind.COUNTRY)
            if (code := self.registry.jurisdiction(c)) is not None
        }
        if countries:
            checks.append((lambda t: self._post_jurisdiction(t.post) in countries, True))
        if not checks:
            return found, True
        scored: list[tuple[int, Who]] = []
        for who in found:
            levels = [self._support(who, check, ctx.day, strict=strict) for check, strict in checks]
            if min(levels) >= 0:
                scored.append((sum(levels), who))
        best = max((score for score, _ in scored), default=0)
        kept = [who for score, who in scored if score == best]
        # Sure when the registry knows the kept fit, or when nobody else is left at all (the registry holds
        # every member, only some of their dates are missing); a preference among the unsure decides nothing.
        known = best == 2 * len(checks) or len(scored) == 1 or all(w.startswith(_UNREGISTERED) for w in kept)
        return kept, known

    def _support(self, who: Who, check: Callable[[Tenure], bool], day: Date | None, *, strict: bool) -> int:
        """How well the registry supports ``who`` holding, on ``day``, an office that passes ``check``:
        2 known to, 1 possibly (an undated term passes, in a period the registry does not cover), 0 unknown,
        -1 known not to (the registry covers the day and no office passes)."""
        person = self.registry.person(who)
        tenures = self.registry.tenures_of(who)
        if person is None or not tenures:
            return 0  # nobody the registry knows offices of: nothing to contradict
        if (
            day is not None
            and person.born is not None
            and not (_years_after(person.born, 18) <= day <= _years_after(person.born, 110))
        ):
            return -1
        covered = person.known_from is None or (day is not None and day >= person.known_from)
        undated = [t for t in tenures if t.start is None and t.end is None]
        for t in tenures:
            dated = t.start is not None or t.end is not None
            if check(t) and (day is None or t.active_on(day)) and (dated or person.known_from is None):
                return 2
        if covered:
            return -1
        if any(check(t) for t in undated):
            return 1
        return -1 if strict and undated else 0

    def _tenures(self, who: Who, day: Date | None) -> list[Any]:
        tenures = self.registry.tenures_of(who)
        return [t for t in tenures if day is None or t.active_on(day)]

    def _works_for(self, who: Who, organisation: str, day: Date | None) -> bool:
        return any(
            self.registry.within(self._post_org(t.post), organisation) for t in self._tenures(who, day)
        )

    def _post_org(self, post_id: str) -> str | None:
        post = self.registry.post(post_id)
        return post.organisation if post else None

    def _fits_gender(self, who: Who, gender: Gender | None) -> bool:
        person = self.registry.person(who)
        return gender is None or person is None or person.gender in (None, gender)

    def _in_jurisdiction(self, who: Who, jurisdiction: str | None, day: Date | None) -> bool:
        if jurisdiction is None:
            return False
        posts = (self.registry.post(t.post) for t in self._tenures(who, day))
        return any(p is not None and p.jurisdiction == jurisdiction for p in posts)

    def _holds_title(self, who: Who, titles: tuple[str, ...], day: Date | None) -> bool:
        wanted = {p.id for t in titles for p in self.registry.posts_titled(t)}
        return any(t.post in wanted for t in self._tenures(who, day))

    def _fits_qualifiers(self, who: Who, parts: _Parts, day: Date | None) -> bool:
        """ "(Grayndler—Prime Minister)": a seat or an office the label gives that the person holds."""
        seats = {fold(q) for q in parts.typed(QualifierKind.CONSTITUENCY)}
        offices = {title_key(q) for q in parts.typed(QualifierKind.OFFICE)}
        for t in self._tenures(who, day):
            post = self.registry.post(t.post)
            area = t.area or (post.area if post else None)
            if (area and fold(area) in seats) or (post and offices & {title_key(x) for x in post.titles}):
                return True
        return False

    def _post_jurisdiction(self, post_id: str) -> str | None:
        post = self.registry.post(post_id)
        return post.jurisdiction if post else None

    def _same_office(self, titles: tuple[str, ...], written: str) -> bool:
        """Does a title in the label ("SECRETARY") name the office a mention gives ("Secretary of State")?"""
        written_key = title_key(written)
        written_posts = {p.id for p in self.registry.posts_titled(written)}
        for title in titles:
            key = title_key(title)
            if written_key == key or written_key.startswith(key + " ") or written_key.endswith(" " + key):
                return True
            if written_posts & {p.id for p in self.registry.posts_titled(title)}:
                return True
        return False

    def _decided(
        self,
        resolution: Resolution,
        who: Who,
        confidence: float,
        parts: _Parts,
        ctx: _Context,
        title: str | None = None,
    ) -> _Outcome:
        return _Outcome(resolution, who, confidence, role=self._role_of(who, parts, ctx) or title)

    def _role_of(self, who: Who, parts: _Parts | None, ctx: _Context) -> str | None:
        """The office held on the day: the one the label names, else the one at the document's employer."""
        posts = [p for t in self._tenures(who, ctx.day) if (p := self.registry.post(t.post)) is not None]
        titles = parts.titles if parts else ()
        wanted = {p.id for t in titles for p in self.registry.posts_titled(t)}
        posts = _prefer(posts, lambda p: p.id in wanted)
        posts = _prefer(posts, lambda p: ctx.organisation is not None and p.organisation == ctx.organisation)
        if ctx.day is None and not wanted:
            posts = posts[:0]
        if len({p.id for p in posts}) == 1:
            return posts[0].label
        return " ".join(titles) or None


_MERGED: dict[tuple[int, str], tuple[Registry, Registry]] = {}


def _with_packaged(registry: Registry, name: str) -> Registry:
    """``registry`` with a packaged registry merged on top, remembered per registry: merging 13k people costs
    a fraction of a second, and every Normalizer over the same registry needs the same result."""
    key = (id(registry), name)
    cached = _MERGED.get(key)
    if cached is not None and cached[0] is registry:
        return cached[1]
    merged = registry.merged(Registry.packaged(name))
    if len(_MERGED) >= 4:
        _MERGED.pop(next(iter(_MERGED)))
    _MERGED[key] = (registry, merged)
    return merged


class _Found(list[str]):
    """Candidates left by the constraints; ``certain`` is False when the registry cannot tell that they fit
    (only that nothing rules them out): such a candidate is offered, never chosen."""

    def __init__(self, items: Iterable[str], *, certain: bool = True) -> None:
        super().__init__(items)
        self.certain = certain


_INITIAL = re.compile(r"[^\W\d_]\.?", re.UNICODE)  # "A." or "A": a given name's initial
_NUMBERED_CODE = re.compile(r"([A-Z]{1,3})(\d{1,3})")


def _mend_numbered_codes(doc: DocumentEvidence, outcomes: dict[tuple[str, str], _Outcome]) -> None:
    """A code of a role's initials and a number ("P5", "UM1") beside a numbered role of those initials and that
    number in the same document ("Participant 5", "UNIDENTIFIED MALE 1") is that role's speaker: a focus group and
    a body-camera transcript print both."""
    roles: dict[tuple[str, str], list[_Outcome]] = defaultdict(list)
    for use in doc.labels:
        o = outcomes[doc.doc_id, use.label]
        numbered = _NUMBERED.search(use.label)
        if o.role_id is not None and numbered is not None and o.role_id.startswith("doc:"):
            words = use.label[: numbered.start()].split()
            number = numbered.group().strip()
            for initials in {use.label[:1].upper(), "".join(w[:1] for w in words).upper()}:
                roles[initials, number].append(o)
    if not roles:
        return
    for use in doc.labels:
        code = _NUMBERED_CODE.fullmatch(use.label)
        found = roles.get((code[1], code[2])) if code is not None else None
        if found and len({o.role_id for o in found}) == 1 and outcomes[doc.doc_id, use.label].who is None:
            outcomes[doc.doc_id, use.label] = found[0]


_INITIALS_CODE = re.compile(r"[A-Z]{2,4}")


def _mend_initials(
    doc: DocumentEvidence, outcomes: dict[tuple[str, str], _Outcome], people: Iterable[_Named] = ()
) -> None:
    """A code of capitals that is the initials of one full name printed as a label in the same document ("MOH"
    beside "MARGARET OKONJO-HALE", "JT" beside "JONAH TILLERY") is that name's speaker: an oral history names its
    narrator in full first and by initials after. Failing a label, a name its front matter prints ("An Interview
    Conducted by Janet Mercer" over "JM:"), by all its initials or its first and last ("RT" for "Ruth Ann
    Tolliver"). Two names of the same initials leave the code as it is."""
    codes = [use for use in doc.labels if _INITIALS_CODE.fullmatch(use.label)]
    if not codes:
        return
    named: dict[str, set[tuple[Who | None, str | None]]] = defaultdict(set)
    outcome_of: dict[tuple[Who | None, str | None], _Outcome] = {}
    for use in doc.labels:
        parsed = use.parsed
        if parsed is None or parsed.role or parsed.titles or not parsed.given or parsed.family is None:
            continue
        o = outcomes[doc.doc_id, use.label]
        if o.who is None:
            continue
        words = [w for part in (*parsed.given, parsed.family) for w in _HYPHENS.split(part) if w]
        key = (o.who, o.role_id)
        named[_initials(words)].add(key)
        outcome_of[key] = o
    fronted: dict[str, set[Who]] = defaultdict(set)
    for n in people:
        if n.source in _FRONT_MATTER:
            words = [w for w in _NAME_PARTS.split(n.name) if w[:1].isupper()]
            if len(words) >= 2:
                fronted[_initials(words)].add(n.who)
                fronted[_initials((words[0], words[-1]))].add(n.who)
    for use in codes:
        key = (doc.doc_id, use.label)
        if outcomes[key].resolution is Resolution.REGISTRY:
            continue
        found = named.get(use.label)
        if found and len(found) == 1:
            outcomes[key] = outcome_of[next(iter(found))]
        elif (
            not found
            and len(fronted.get(use.label, ())) == 1
            and outcomes[key].resolution is Resolution.NONE
            and not VOCABULARY.contains("titles", use.label)  # "PM", "DI": an office's letters
        ):
            outcomes[key] = _Outcome(Resolution.DOCUMENT, next(iter(fronted[use.label])), 0.8)


def _initials(words: Sequence[str]) -> str:
    return "".join(w[:1] for w in words).upper()


# The parts of a hyphenated name ("OKONJO-HALE" is two initials), and a printed name's words and parts.
_HYPHENS = re.compile(r"[-\u2010\u2011]")
_NAME_PARTS = re.compile(r"[\s\-\u2010\u2011]+")
# Where a document names people before its speech begins (its title, byline and preamble): a name in its prose
# may be anyone's.
_FRONT_MATTER = frozenset(("intro", "title", "byline"))


def _one_typo_apart(words: tuple[str, ...], known: tuple[str, ...]) -> bool:
    """Whether a name (folded words, family last) is a misprint of ``known``: a surname alone against its
    surname, or the same words but one; the one word differing by one letter added, dropped, changed or two
    swapped, and long (a surname of five letters, a given name of six); or the same letters with a hyphen printed
    as a space ("OKAFOR REED" for "OKAFOR-REED")."""
    if words != known and _compact(words) == _compact(known) and len(_compact(known)) >= _TYPO_FAMILY_LETTERS:
        return True
    if len(words) == 1:
        words, known = words, known[-1:]
    if len(words) != len(known):
        return False
    differing = [i for i, (a, b) in enumerate(zip(words, known)) if a != b]
    if len(differing) != 1:
        return False
    i = differing[0]
    shortest = min(len(words[i]), len(known[i]))
    return shortest >= (_TYPO_FAMILY_LETTERS if i == len(words) - 1 else _TYPO_GIVEN_LETTERS) and _one_edit(
        words[i], known[i]
    )


def _compact(words: tuple[str, ...]) -> str:
    return "".join(words).replace("-", "")


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by one letter added, dropped or changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[i:] == long_[i + 1 :]


def _years_after(day: Date, years: int) -> Date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _components(items: list[str], linked: Callable[[str, str], bool]) -> list[list[str]]:
    """Groups of items connected by ``linked`` (a few documents per name: pairwise is cheap)."""
    groups: list[list[str]] = []
    for item in items:
        joined = [g for g in groups if any(linked(item, other) for other in g)]
        merged = [item] + [x for g in joined for x in g]
        groups = [g for g in groups if g not in joined] + [sorted(merged)]
    return groups


def _prefer(items: list[Any], test: Any) -> list[Any]:
    """The items passing ``test`` if any do, else all: a preference that never rules everyone out."""
    kept = [item for item in items if test(item)]
    return kept or items


def _family_keys(parts: _Parts) -> tuple[str, ...]:
    """ "THOMAS GREENFIELD" may be a family name of two words: try that before "GREENFIELD"."""
    assert parts.family is not None
    keys = [family_key(parts.family)]
    if parts.given:
        keys.insert(0, family_key(f"{parts.given[-1]} {parts.family}"))
    return tuple(keys)


def _document_scopes(unresolved: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """What each unresolved label's document-scoped id is made of. A member printed with a seat or an office the
    first time and bare after ("Mr BLOGGS (Eastfield—Deputy Prime Minister) (14:02)", then "Mr BLOGGS") is one
    person: labels of one document that share their person (titles, honorific, names) take the person alone as
    their key, unless the document prints that person with two different qualifiers (two members of one name,
    told apart by their seats)."""
    keys = {key: _scope_key(key[1]) for key in unresolved}
    forms: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    for (doc_id, label), key in keys.items():
        person = _person_of(label)
        if person is not None and key != person:
            forms[doc_id, person].add(key)
    scopes = {}
    for (doc_id, label), key in keys.items():
        person = _person_of(label)
        one = person is not None and len(forms.get((doc_id, person), ())) <= 1
        scopes[doc_id, label] = person if one and person is not None else key
    return _shortened_offices(_abbreviated_cues(_one_per_surname(scopes)))


_INITIALLED = re.compile(r"[A-Z]\.?[ \t]+\S+$")  # a name printed as an initial and a surname alone ("C. Yazzie")
_TURN_NUMBERED = re.compile(r"([A-Za-z]{1,3})[ \t]?(\d{1,4})")
_NUMBERED_TURNS = 3  # numbers of one code that make them the turns' numbers, not several people's


def _numbered_turns(scopes: dict[tuple[str, str], str], uses: Mapping[tuple[str, str], int]) -> dict[tuple[str, str], str]:
    """A speaker's code with each turn's number, as a counselling or research transcript numbers them ("T1:",
    "C1:", "T2:" …): one person a code, whatever the number, where the document prints three numbers or more of
    the code and each once (an interview's "B1:" and "B2:", printed again and again, are two people)."""
    numbered: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    repeated: set[tuple[str, str]] = set()
    for doc_id, label in scopes:
        match = _TURN_NUMBERED.fullmatch(label.strip())
        if match is not None:
            numbered[doc_id, match[1]].add(match[2])
            if uses.get((doc_id, label), 1) > 1:
                repeated.add((doc_id, match[1]))
    if not numbered:
        return scopes
    keyed = dict(scopes)
    for doc_id, label in scopes:
        match = _TURN_NUMBERED.fullmatch(label.strip())
        code = (doc_id, match[1]) if match is not None else None
        if code is not None and len(numbered[code]) >= _NUMBERED_TURNS and code not in repeated:
            keyed[doc_id, label] = code[1]
    return keyed


def _full_name(parts: _Parts) -> str | None:
    """The person's name in full, if the label prints it: a given and a family name, or beside an office a name
    written as one word in Korean, Chinese or Japanese ("김은서 대변인", "主持人 李明"; alone, such a word may be a
    role's)."""
    if parts.given and parts.family:
        return " ".join((*parts.given, parts.family))
    if parts.titles and parts.family and _CASELESS_FULL_NAME.fullmatch(parts.family):
        return parts.family
    return None


def _name_ending_qualifier(ctx: _Context, parts: _Parts) -> _Named | None:
    """The one person named in full elsewhere in the document whose name ends an office's qualifier, if there is
    exactly one."""
    found = {
        n.who: n
        for q in parts.qualifiers
        for n in ctx.people
        if len(n.name.split()) > 1 and fold(q.value).endswith(" " + fold(n.name))
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _surname_initialled(ctx: _Context, parts: _Parts) -> _Named | None:
    """The one person the document names in full with a label's given names and a surname that opens with its
    initial ("Desmond F (Guest)", a meeting app's guest, beside "Fairweather, Desmond"), if there is exactly one."""
    if not parts.given or not parts.family or not _INITIAL.fullmatch(parts.family):
        return None
    given = [fold(g) for g in parts.given]
    initial = fold(parts.family)[:1]
    found = {
        n.who: n
        for n in ctx.people
        if len(words := fold(n.name).split()) == len(given) + 1
        and words[:-1] == given
        and words[-1][:1] == initial
        and len(words[-1]) > 2
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _initials_to_full_names(named: list[_Named]) -> list[_Named]:
    """A person the document names by initials and surname ("Claimant: Mr T Reyne") is the one it names in full
    with those initials ("MR TOBIAS REYNE (recalled)"), if there is exactly one: one id for both."""
    full: defaultdict[str, dict[Who, _Named]] = defaultdict(dict)
    for n in named:
        words = fold(n.name).split()
        if len(words) > 1 and not all(_INITIAL.fullmatch(w) for w in words[:-1]):
            full[words[-1]].setdefault(n.who, n)
    if not full:
        return named
    mended = []
    for n in named:
        words = fold(n.name).split()
        if len(words) > 1 and all(_INITIAL.fullmatch(w) for w in words[:-1]):
            initials = [w[:1] for w in words[:-1]]
            matches = [
                m for m in full.get(words[-1], {}).values()
                if len(given := fold(m.name).split()[:-1]) >= len(initials) and [w[:1] for w in given[: len(initials)]] == initials
            ]
            if len(matches) == 1:
                n = attrs.evolve(n, who=matches[0].who)
        mended.append(n)
    return mended


def _abbreviated_cues(scopes: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    """A play printed with abbreviated cues that vary within it ("Cor.", "Corv.", "Corvino."; "Fer.", "Ferr."): a
    cue of a few letters that opens the one longest cue of the document holding it (every longer cue it opens opens
    that one too) is that character. Only where the document abbreviates two cues or more so: one short name
    beside a longer one ("LEE", "LEESON") is two people."""
    bare: defaultdict[str, dict[str, tuple[str, str]]] = defaultdict(dict)  # doc → folded cue → key
    for key in scopes:
        parsed = parse_speaker(key[1])
        if parsed is not None and _is_bare_cue(parsed):
            bare[key[0]][fold(parsed.family or "")] = key
    for cues in bare.values():
        mapped = {}
        for short, key in cues.items():
            if not 2 <= len(short) <= _ABBREVIATION_LETTERS:
                continue
            longer = [cue for cue in cues if len(cue) > len(short) and cue.startswith(short)]
            if not longer:
                continue
            longest = max(longer, key=len)
            if all(longest.startswith(cue) for cue in longer):
                mapped[key] = cues[longest]
        if len(mapped) >= 2:
            for key, target in mapped.items():
                scopes[key] = scopes[target]
    return scopes


_ABBREVIATION_LETTERS = 4


def _is_bare_cue(parsed: Label) -> bool:
    """A label that is one word and nothing else: a script's cue ("Corv")."""
    return (
        parsed.family is not None
        and " " not in parsed.family
        and not (parsed.given or parsed.honorific or parsed.titles or parsed.qualifiers or parsed.role or parsed.inner)
    )


def _shortened_offices(scopes: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    """An office printed in full the first time and by its first word after ("Presidente del Gobierno", then
    "Presidente"; "Le président de la République", then "Le président"), neither with a name: the short one is the
    full one's holder, where the document prints one such office only (a record that prints "Presidente del
    Consiglio" and "Presidente della Camera" leaves "Presidente" alone)."""
    offices: defaultdict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
    for key in scopes:
        parsed = parse_speaker(key[1])
        if parsed is None or not parsed.titles or parsed.family is not None or parsed.given or parsed.inner:
            continue
        if parsed.role is not None or parsed.qualifiers:
            continue
        offices[key[0]][fold(" ".join(parsed.titles))].append(key)
    for printed in offices.values():
        for office, keys in printed.items():
            if " " in office:
                continue
            fuller = [o for o in printed if o.startswith(office + " ")]
            if len(fuller) == 1:
                for key in keys:
                    scopes[key] = scopes[printed[fuller[0]][0]]
    return scopes


def _one_per_surname(scopes: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    """Labels of one document that name one surname by title or honorific alone ("SEN. ABELLERA", "SENATOR
    ABELLERA") are one person, when nothing in the document tells two people of that surname apart: no two given
    names, no "Mr" beside a "Ms", no qualifier. They take one scope, the first of their forms in sorted order."""
    groups: defaultdict[tuple[str, str], list[tuple[tuple[str, str], Label]]] = defaultdict(list)
    for key, scope in scopes.items():
        parsed = parse_speaker(scope)
        if parsed is not None and parsed.family is not None and parsed.inner is None and parsed.role is None:
            groups[key[0], fold(parsed.family)].append((key, parsed))
    for members in groups.values():
        forms = {scopes[key] for key, _ in members}
        if len(forms) < 2:
            continue
        given = {tuple(fold(g) for g in parsed.given) for _, parsed in members} - {()}
        genders = {_GENDER.get(fold(parsed.honorific or "")) for _, parsed in members} - {None}
        if len(given) > 1 or len(genders) > 1 or any(parsed.qualifiers for _, parsed in members):
            continue
        chosen = min(forms)
        for key, _ in members:
            scopes[key] = chosen
    return scopes


def _person_of(label: str) -> str | None:
    """The person a label names, without its qualifiers, times and notes ("Senator HOLLINGSWORTH"), or None when
    it names nobody by name; for an office with its holder, the holder."""
    parsed = parse_speaker(label)
    if parsed is not None and parsed.inner is not None:
        parsed = parsed.inner
    if parsed is None or parsed.family is None:
        return None
    if any(q.startswith("of ") for q in parsed.qualifiers):
        return None  # "Mr. SMITH of Texas" is printed so to tell him from another Smith: never merged with a bare one
    return " ".join(part for part in (*parsed.titles, parsed.honorific, *parsed.given, parsed.family) if part)


def _scope_key(label: str) -> str:
    """What a document-scoped id is made of: the label without clock times and notes, and for an office with
    its holder ("The SPEAKER pro tempore (Mr. Foley)") the holder alone, so the holder's own label ("Mr. FOLEY")
    in the same document gets the same id."""
    parsed = parse_speaker(label)
    if parsed is not None and parsed.inner is not None:
        return _without_times(repair_ocr_confusions(parsed.inner.raw))
    return _without_times(repair_ocr_confusions(label))  # "The CHA1RMAN" is "The CHAIRMAN" misread


def _without_times(label: str) -> str:
    """A label without its clock times and notes, which never enter an id: "Mr BANDT (Melbourne) (14:03)" and
    "(14:06)" are one member."""
    parsed = parse_speaker(label)
    if parsed is None:
        return label
    for part in (parsed.time, *parsed.notes):
        if part:
            label = re.sub(r"\s*[(\[]\s*" + re.escape(part) + r"\s*[)\]]", "", label)
    return ADDRESSED.sub("", label)  # "JUDGE TO RESPONDENT" and "JUDGE FOR THE RECORD" are one judge


def _bound_turns(
    doc: DocumentEvidence, speakers: Mapping[tuple[str, str], Speaker]
) -> dict[tuple[str, int], tuple[str, Speaker]]:
    """Turns of a bare office the document binds to its holder, as parlparse does: "The PRESIDING OFFICER (Mr.
    Kyl)" makes the later "The PRESIDING OFFICER" turns Kyl's, until another holder of that office is printed.
    Turns before the first named holder keep their label's speaker (a role, or whom the registry names)."""
    parsed = {use.label: use.parsed or parse_speaker(use.label) for use in doc.labels}
    holders: dict[str, tuple[Speaker, Gender | None]] = {}  # office → its holder as last printed, and how styled
    bound: dict[tuple[str, int], tuple[str, Speaker]] = {}
    for turn_index, label in doc.order:
        parts = parsed.get(label)
        if parts is None or not parts.titles:
            continue
        # An office printed in two languages is either: "Y Llywydd / The Presiding Officer" after "The Llywydd
        # (Carys Morgan)" is hers.
        forms = (parts, parts.translation) if parts.translation is not None else (parts,)
        offices = [title_key(" ".join(form.titles)) for form in forms if form.titles]
        speaker = speakers.get((doc.doc_id, label))
        gender = _GENDER.get(fold(parts.honorific or ""))
        if parts.inner is not None:
            if speaker is not None and speaker.id is not None and not speaker.id.startswith("role:"):
                holders.update(dict.fromkeys(offices, (speaker, gender)))
            continue
        if parts.family is None and len(parts.qualifiers) == 1 and (of := title_key(parts.qualifiers[0])) in holders:
            # "The Chairman (The Senate President)", a committee of the whole's note: the chair is whoever the
            # record names as that office's holder ("The Senate President (Sen. Godwin Etim Akpan)").
            holders.update(dict.fromkeys(offices, holders[of]))
            continue
        office = next((office for office in offices if office in holders), None)
        # An office with a bracket of its own ("Question [Postimees]" after "Question [Deutsche Welle]") is not
        # the bare office: it names where its speaker is from, not that the last holder speaks again.
        if parts.family is None and office is not None and not parts.qualifiers:
            holder, styled = holders[office]
            if gender is not None and styled is not None and gender is not styled:
                continue  # "O Sr. Presidente" after "A Sr.ª Presidente (Teresa Calado)": another holder
            if speaker is None or speaker.id != holder.id:
                bound[doc.doc_id, turn_index] = (label, attrs.evolve(holder, resolution=Resolution.DOCUMENT))
    return bound


def _mentions(doc: DocumentEvidence) -> tuple[Mention, ...]:
    if doc.mentions or not doc.byline:
        return doc.mentions
    name, _, title = doc.byline.partition(",")  # a byline the parser did not turn into a mention
    return (Mention(name.strip(), title.strip() or None, 0, "byline"),)


def _merge_documents(evidence: Iterable[DocumentEvidence]) -> list[DocumentEvidence]:
    """One evidence record per doc_id (label counts added up), sorted by doc_id."""
    merged: dict[str, DocumentEvidence] = {}
    for doc in evidence:
        if doc.doc_id in merged:
            old = merged[doc.doc_id]
            counts = Counter({u.label: u.count for u in old.labels})
            parsed = {u.label: u.parsed for u in (*old.labels, *doc.labels)}
            counts.update({u.label: u.count for u in doc.labels})
            doc = attrs.evolve(
                old,
                mentions=(*old.mentions, *doc.mentions),
                order=(*old.order, *doc.order),
                labels=tuple(LabelUse(lab, parsed[lab], n) for lab, n in counts.items()),
            )
        merged[doc.doc_id] = doc
    return [
        attrs.evolve(d, labels=tuple(sorted(d.labels, key=lambda u: u.label)))
        for _, d in sorted(merged.items())
    ]


@attrs.frozen(slots=True)
class _CorpusIndex:
    """What the whole corpus knows: people named in full anywhere, and labels resolved per source."""

    # family → (who, the document that named them in full, its source, the title printed with the name)
    by_family: dict[str, frozenset[tuple[Who, str, str | None, str | None]]]
    by_label: dict[tuple[str | None, str], set[Who]]
    names: dict[Who, str]  # registry id or unregistered key → display name
    ids: dict[Who, str]
    registry: Registry

    @classmethod
    def build(
        cls,
        normalizer: Normalizer,
        contexts: Iterable[_Context],
        uses: list[tuple[DocumentEvidence, LabelUse]],
        first: dict[tuple[str, str], _Outcome],
    ) -> _CorpusIndex:
        contexts = list(contexts)
        families: dict[str, set[tuple[Who, str, str | None, str | None]]] = defaultdict(set)
        spellings: dict[Who, set[str]] = defaultdict(set)
        for ctx in contexts:
            for n in ctx.people:
                families[n.family].add((n.who, ctx.doc_id, ctx.source, n.title))
                spellings[n.who].add(n.name)
        by_label: dict[tuple[str | None, str], set[Who]] = defaultdict(set)
        source = {ctx.doc_id: ctx.source for ctx in contexts}
        for (doc_id, label), o in first.items():
            if o.who is not None and o.resolution in (
                Resolution.OVERRIDE,
                Resolution.DOCUMENT,
                Resolution.REGISTRY,
            ):
                by_label[source[doc_id], fold(label)].add(o.who)
        names: dict[Who, str] = {}
        for who, written in spellings.items():
            person = normalizer.registry.person(who)
            # The fullest spelling wins, then the alphabetically first: a choice no document order can change.
            fullest = min(written, key=lambda s: (-len(s.split()), -len(s), s))
            names[who] = person.name if person else display_case(fullest)
        ids = {who: who if not who.startswith(_UNREGISTERED) else slug(name) for who, name in names.items()}
        return cls(
            {k: frozenset(v) for k, v in families.items()}, dict(by_label), names, ids, normalizer.registry
        )

    def display_name(self, who: Who) -> str:
        person = self.registry.person(who)
        return person.name if person else self.names.get(who) or who.removeprefix(_UNREGISTERED).title()

    def final_id(self, who: Who) -> str:
        return self.ids.get(who) or (slug(who[1:]) if who.startswith(_UNREGISTERED) else who)


# -- reporting --------------------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class LabelReport:
    """A label that did not resolve to one person, across the corpus."""

    label: str
    n_turns: int
    n_documents: int
    candidates: tuple[str, ...]
    documents: tuple[str, ...]  # the first few, to look at


def unresolved_labels(speaker_map: SpeakerMap) -> tuple[tuple[LabelReport, ...], tuple[LabelReport, ...]]:
    """(ambiguous, unresolved) labels, most turns first."""
    groups: dict[tuple[str, bool], list[tuple[str, Speaker, int]]] = defaultdict(list)
    for (doc_id, label), speaker in speaker_map.items():
        if speaker.resolution is Resolution.NONE:
            groups[label, bool(speaker.candidates)].append(
                (doc_id, speaker, speaker_map.count((doc_id, label)))
            )
    reports: dict[bool, list[LabelReport]] = {True: [], False: []}
    for (label, ambiguous), members in groups.items():
        docs = sorted({d for d, _, _ in members})
        reports[ambiguous].append(
            LabelReport(
                label,
                sum(n for _, _, n in members),
                len(docs),
                tuple(sorted({c for _, s, _ in members for c in s.candidates})),
                tuple(docs[:5]),
            )
        )
    order = lambda r: (-r.n_turns, -r.n_documents, r.label)  # noqa: E731
    return tuple(sorted(reports[True], key=order)), tuple(sorted(reports[False], key=order))


def speakers_report(speaker_map: SpeakerMap) -> str:
    """The text ``transcript-kit speakers`` prints: who spoke, how each was found, and what is left to do."""
    summaries = [s for s in speaker_map.summaries() if s.resolution is not Resolution.NONE]
    ambiguous, unresolved = unresolved_labels(speaker_map)
    totals = Counter[str]()
    for summary in speaker_map.summaries():  # per speaker, so turns bound to a holder count as that person
        kind = (
            "role"
            if summary.speaker_id.startswith("role:")
            else "person"
            if summary.resolution is not Resolution.NONE
            else "ambiguous"
            if summary.candidates
            else "unresolved"
        )
        totals[kind] += summary.n_turns
    total = sum(totals.values()) or 1
    lines = [
        f"{len(speaker_map)} distinct labels, {sum(totals.values())} turns: "
        + ", ".join(
            f"{kind} {totals[kind]} ({100 * totals[kind] / total:.1f}%)"
            for kind in ("person", "role", "ambiguous", "unresolved")
        )
    ]
    lines += ["", "Speakers:"]
    for s in summaries:
        lines.append(
            f"  {s.speaker_id}  {s.speaker_name or ''}  [{s.resolution.value}] {s.n_turns} turns,"
            f" {s.n_documents} docs; labels: {' | '.join(s.labels)}"
            + (f"; roles: {' | '.join(s.roles)}" if s.roles else "")
        )
    lines += ["", "Ambiguous labels (most frequent first):"]
    lines += [
        f"  {r.label!r}  {r.n_turns} turns, {r.n_documents} docs; candidates: {', '.join(r.candidates)}"
        for r in ambiguous
    ] or ["  (none)"]
    lines += ["", "Unresolved labels (most frequent first):"]
    lines += [
        f"  {r.label!r}  {r.n_turns} turns, {r.n_documents} docs; e.g. {', '.join(r.documents[:3])}"
        for r in unresolved
    ] or ["  (none)"]
    return "\n".join(lines)


def registry_skeleton(speaker_map: SpeakerMap) -> dict[str, Any]:
    """A registry file to fill in: a person per unresolved named label, override stubs for ambiguous ones.

    Loads as it is (notes live under "_" keys, which the loader ignores); the user completes names, tenures.
    """
    ambiguous, unresolved = unresolved_labels(speaker_map)
    persons: dict[str, dict[str, Any]] = {}
    for r in unresolved:
        label = parse_speaker(r.label)
        if label is None or not label.family or label.role:
            continue
        name = " ".join((*label.given, label.family))
        entry = persons.setdefault(
            slug(name),
            {
                "id": slug(name),
                "name": name,
                "other_names": [],
                "_labels": [],
                "_n_turns": 0,
                "_documents": [],
            },
        )
        entry["other_names"].append({"name": r.label, "kind": "alias"})
        entry["_labels"].append(r.label)
        entry["_n_turns"] += r.n_turns
        entry["_documents"] = sorted({*entry["_documents"], *r.documents})[:5]
    return {
        "_about": "registry skeleton: complete names, add posts and tenures, then use --registry FILE",
        "persons": sorted(persons.values(), key=lambda p: (-p["_n_turns"], p["id"])),
        "posts": [],
        "tenures": [],
        "overrides": [],
        "_ambiguous": [
            {
                "label": r.label,
                "candidates": list(r.candidates),
                "documents": list(r.documents),
                "n_turns": r.n_turns,
                "_hint": "add an override {doc_id, label, person} per document",
            }
            for r in ambiguous
        ],
    }
