"""Import a Popolo JSON file (EveryPolitician exports, parlparse ``people.json``) into the registry format.

Popolo (popoloproject.com) holds ``persons`` (id, name, other_names, identifiers), ``organizations``,
``posts`` and ``memberships`` (person, organization or post, start_date, end_date, area, on_behalf_of).
Memberships become tenures; a membership's organization (or post) becomes a post whose titles come from its
label or role. A malformed record is an error naming the file and the record; nothing is written then.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import orjson

from transcript_kit.errors import RegistryError
from transcript_kit.keys import fold

_ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
# Identifier schemes as Popolo files spell them → the registry's scheme names.
_SCHEMES = {"wikidata": "wikidata", "bioguide": "bioguide", "datadotgov_au": "datadotgov_au"}


class _Where:
    def __init__(self, path: Path, section: str, number: int, item: Any) -> None:
        ident = item.get("id") if isinstance(item, dict) else None
        self.where = f"{path.name}: {section}[{number}]" + (
            f" ({str(ident)[:60]!r})" if isinstance(ident, str) else ""
        )

    def fail(self, problem: str) -> RegistryError:
        return RegistryError(f"{self.where}: {problem}")

    def text(self, item: dict[str, Any], key: str, *, required: bool = False) -> str | None:
        value = item.get(key)
        if value is None or value == "":
            if required:
                raise self.fail(f"{key!r} is missing")
            return None
        if not isinstance(value, str):
            raise self.fail(f"{key!r} must be a string, got {type(value).__name__}")
        return value.strip() or None

    def date(self, item: dict[str, Any], key: str) -> str | None:
        value = self.text(item, key)
        if value is not None and not _ISO.fullmatch(value):
            raise self.fail(f"{key!r} is not an ISO date: {value[:40]!r}")
        return value

    def items(self, item: dict[str, Any], key: str) -> list[Any]:
        value = item.get(key, [])
        if not isinstance(value, list):
            raise self.fail(f"{key!r} must be a list, got {type(value).__name__}")
        return value


def _section(path: Path, data: dict[str, Any], name: str) -> list[tuple[_Where, dict[str, Any]]]:
    items = data.get(name, [])
    if not isinstance(items, list):
        raise RegistryError(f"{path.name}: {name!r} must be a list, got {type(items).__name__}")
    out = []
    for number, item in enumerate(items):
        where = _Where(path, name, number, item)
        if not isinstance(item, dict):
            raise where.fail(f"expected an object, got {type(item).__name__}")
        out.append((where, item))
    return out


def _person(where: _Where, item: dict[str, Any]) -> dict[str, Any]:
    person_id = where.text(item, "id", required=True)
    name = where.text(item, "name", required=True)
    assert person_id is not None and name is not None
    entry: dict[str, Any] = {"id": person_id, "name": name}
    if (family := where.text(item, "family_name")) is not None:
        entry["family_name"] = family
    if (born := where.date(item, "birth_date")) is not None:
        entry["born"] = born
    if (gender := where.text(item, "gender")) in ("male", "female", "other"):
        entry["gender"] = gender
    others = []
    for number, other in enumerate(where.items(item, "other_names")):
        if not isinstance(other, dict):
            raise where.fail(f"other_names[{number}] must be an object")
        other_name = where.text(other, "name", required=True)
        if other_name and fold(other_name) != fold(name):
            alias: dict[str, Any] = {"name": other_name, "kind": "alias"}
            for key, popolo_key in (("start", "start_date"), ("end", "end_date")):
                if (day := where.date(other, popolo_key)) is not None:
                    alias[key] = day
            others.append(alias)
    if others:
        entry["other_names"] = others
    identifiers = {}
    for number, ident in enumerate(where.items(item, "identifiers")):
        if not isinstance(ident, dict):
            raise where.fail(f"identifiers[{number}] must be an object")
        scheme, value = where.text(ident, "scheme"), where.text(ident, "identifier")
        if scheme is not None and value is not None:
            identifiers[_SCHEMES.get(scheme, scheme)] = value
    if identifiers:
        entry["identifiers"] = identifiers
    return entry


def import_popolo(path: Path) -> dict[str, Any]:
    """A registry (as a JSON-ready dict) from one Popolo JSON file."""
    try:
        data = orjson.loads(Path(path).read_bytes())
    except OSError as error:
        raise RegistryError(f"{path}: cannot read: {error.strerror or error}") from error
    except orjson.JSONDecodeError as error:
        raise RegistryError(f"{Path(path).name}: not valid JSON: {str(error)[:200]}") from error
    path = Path(path)
    if not isinstance(data, dict):
        raise RegistryError(
            f"{path.name}: expected a Popolo object with 'persons', got {type(data).__name__}"
        )
    persons = [_person(where, item) for where, item in _section(path, data, "persons")]
    known = {p["id"] for p in persons}
    labels: dict[str, str] = {}
    for section in ("organizations", "posts"):
        for where, item in _section(path, data, section):
            ident = where.text(item, "id", required=True)
            assert ident is not None
            labels[ident] = where.text(item, "name") or where.text(item, "label") or ident
    posts: dict[str, dict[str, Any]] = {}
    tenures = []
    for where, item in _section(path, data, "memberships"):
        person = where.text(item, "person_id", required=True)
        if person not in known:
            raise where.fail(f"person_id {person!r} is not among the file's persons")
        body = where.text(item, "post_id") or where.text(item, "organization_id")
        if body is None:
            raise where.fail("a membership needs a post_id or an organization_id")
        role = where.text(item, "role") or where.text(item, "label")
        post_id = f"{body}/{fold(role).replace(' ', '-')}" if role else body
        label = f"{role}, {labels.get(body, body)}" if role else labels.get(body, body)
        post = posts.setdefault(post_id, {"id": post_id, "label": label, "titles": []})
        if role and role not in post["titles"]:
            post["titles"].append(role)
        if body in labels:
            post["organisation"] = labels[body]
        tenure: dict[str, Any] = {"person": person, "post": post_id}
        for key, popolo_key in (("start", "start_date"), ("end", "end_date")):
            if (day := where.date(item, popolo_key)) is not None:
                tenure[key] = day
        area = (
            item.get("area_id") or (item.get("area") or {}).get("name")
            if isinstance(item.get("area", {}), dict)
            else None
        )
        if isinstance(area, str) and area:
            tenure["area"] = area
        party = where.text(item, "on_behalf_of_id")
        if party is not None:
            tenure["party"] = labels.get(party, party)
        tenures.append(tenure)
    for post in posts.values():
        if not post["titles"]:
            post["titles"] = ["Member"]
    return {
        "_about": f"imported from the Popolo file {path.name}",
        "persons": persons,
        "posts": list(posts.values()),
        "tenures": tenures,
    }
