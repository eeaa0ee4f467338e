"""A person a passage names, taken into the draft: the person, their organization and place,
and their participation in the meeting. Shared by the participants and speakers recognisers
and by the curator's tagging."""

from __future__ import annotations

from twg_data.importer import forms, person_line, person_names
from twg_data.importer.draft import table_columns
from twg_data.importer.identity import normal
from twg_data.importer.passages import Passage
from twg_data.importer.person_line import PersonLine
from twg_data.importer.recognisers.context import Context

_TABLE_COLUMNS = {
    "number": ("no", "nr", "n", "number", "numero", "num"),
    "name": ("name", "participant", "nombre", "nom", "full name", "nom et prenom", "nom prenom"),
    "title": (
        "title",
        "function",
        "position",
        "role",
        "job",
        "cargo",
        "funcion",
        "fonction",
        "poste",
    ),
    "unit": ("unit", "department", "division", "unidad", "service"),
    "organization": (
        "organization",
        "organisation",
        "institution",
        "agency",
        "organizacion",
        "entidad",
        "institucion",
        "affiliation",
        "structure",
    ),
    "city": ("city", "ciudad", "ville", "town"),
    "place": ("location", "lugar", "lieu", "place"),
    "country": ("country", "pais", "pays"),
}


def read_line(context: Context, text: str, listed: bool = False) -> PersonLine | None:
    """The parts of a line naming a person, or None (`listed`: an entry of a list of
    participants)."""
    entities = context.entities
    return person_line.parse(text, entities.places, entities.is_organization, listed)


def person_of(context: Context, line: PersonLine, passage: Passage) -> str:
    """The person's id (the data's, or a new row); their initials remembered for the report."""
    if line.initials and line.initials in context.initials:
        return context.initials[line.initials]
    person_id = context.entities.person(line.name, passage, also=(line.written, line.initials))
    if line.initials:
        context.initials[line.initials] = person_id
        context.entities.add_alias(person_id, line.initials)
    return person_id


def take_part(
    context: Context,
    line: PersonLine,
    passage: Passage,
    list_number: int | None = None,
    listed: bool = True,
) -> str:
    """The person's participation in the meeting as the line states it; a list's entry
    replaces one drafted earlier from a speaker's line. Returns the person's id."""
    person_id = person_of(context, line, passage)
    for note in line.notes:
        role = forms.role_named(note)
        if role and listed:
            context.noted_roles.append((person_id, role, passage))
    existing = context.participants.get(person_id)
    if existing is not None and (not listed or person_id in context.listed):
        return person_id
    entities = context.entities
    country = entities.places.country(line.country) if line.country else None
    country_id = entities.country(country, passage) if country else ""
    city_id = ""
    if line.city:
        stated = ", ".join(part for part in (line.city, line.country) if part)
        city_id = entities.city(line.city, country, passage, stated)
    country_name = country.name if country else ""
    organization_id = (
        entities.organization(line.organization, passage, country_name) if line.organization else ""
    )
    basis = (
        "stated"
        if city_id
        else (
            "stated: country only"
            if country_id
            else "not stated: the report gives no city or country"
        )
    )
    row = {
        "meeting_id": context.meeting_id,
        "person_id": person_id,
        "list_number": "" if list_number is None else str(list_number),
        "title": line.title,
        "unit": line.unit,
        "organization_id": organization_id,
        "city_id": city_id,
        "country_iso3": country_id,
        "location_basis": basis,
        "source_id": passage.source_id,
    }
    values = {column: row.get(column, "") for column in table_columns("participants")}
    if existing is not None:
        existing.update(values)
    else:
        context.participants[person_id] = context.draft.add("participants", **values)
    if listed:
        context.listed.add(person_id)
    return person_id


def table_person(cells: dict[str, str]) -> tuple[PersonLine | None, int | None]:
    """A participants table's row as a person's parts (its headers say which cell is what,
    a 'City, Country' column is split), and its number; (None, None) without a name."""
    found: dict[str, str] = {}
    for header, value in cells.items():
        key, value = normal(header), value.replace("*", "")
        words = set(key.split())
        if words & {"city", "ciudad", "ville"} and words & {"country", "pais", "pays"}:
            found.setdefault("place", value.strip())  # 'City, Country' in one column
            continue
        for column, names in _TABLE_COLUMNS.items():
            if column not in found and any(key == n or n in words for n in names):
                found[column] = value.strip()
                break
    name = person_line.NOTES.sub("", found.get("name", "")).strip()
    name = " ".join(w for w in name.split() if not person_names.is_postnominal(w))
    written = person_names.given_name_first(person_names.strip_honorific(name))
    if not person_names.looks_like_name(written, listed=True):
        return None, None
    organization = found.get("organization", "")
    if forms.has_word(organization, forms.title_words()) and not forms.has_word(
        organization, forms.organization_words()
    ):  # 'Chairman of the Occasion' in an organization column: a title
        found.setdefault("title", organization)
        organization = ""
        found["organization"] = ""
    line = PersonLine(
        person_names.as_name(written),
        title=found.get("title", ""),
        unit=found.get("unit", ""),
        organization=found.get("organization", ""),
        city=found.get("city", ""),
        country=found.get("country", ""),
    )
    if line.name != written:
        line.written = written
    place = found.get("place", "")
    if place:
        city, _, country = place.rpartition(",")
        line.city, line.country = (city.strip(), country.strip()) if city else (place, "")
    number = found.get("number", "")
    return line, int(number) if number.isdigit() else None
