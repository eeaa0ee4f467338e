"""One line that names a person, read into its parts: 'KM - Karin Moll, Treasurer',
'Dr. Halima Yusuf (Maseno University)', 'Ana Ruiz – Directora, Fundación X, Quito (Ecuador)',
'Jan Dekker, National Police Unit [delegate]'.

The parts are the person's name (forms of address such as `Dr.` or `Mme` dropped, a surname in
capitals written as a name), initials given before or after it (an alias), the title, unit,
organization, city and country as written, and the notes in brackets that say something about
the attendance, not the person ('[delegate]', '(WebEx)', '(item 4 only)'). Used by every
recogniser that reads people (participants, speakers) and by the curator's tagging.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from twg_data.importer import forms, gazetteer
from twg_data.importer.identity import normal
from twg_data.importer.person_names import (
    as_name,
    is_postnominal,
    looks_like_name,
    strip_honorific,
)
from twg_data.importer.places import Places

_INITIALS_FIRST = re.compile(r"^([A-Z][A-Za-z]{0,3}[A-Z]?)\s*[-–—:]\s+(\S.*)$")
_INITIALS_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z]{0,3}[A-Z]?)\)")
_BRACKETS = re.compile(r"\s*\[([^\]]*)\]")
_PARENS = re.compile(r"\s*\(([^()]*)\)")
NOTES = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")  # every bracket of a text
_DASH = re.compile(r"\s+[–—-]\s+")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&.'-]{1,14}$")


def is_acronym(text: str) -> bool:
    """'KCCA', 'GIZ', 'UN-HABITAT', 'VPUU NPC': one or two words, mostly capitals."""
    words = text.split()
    if not 1 <= len(words) <= 2:
        return False
    for word in words:
        letters = [c for c in word if c.isalpha()]
        capitals = sum(c.isupper() for c in letters)
        if not (_ACRONYM.match(word) and capitals >= 2 and capitals * 2 >= len(letters)):
            return False
    return True


MAX_PARTS = 12  # a person's line has at most this many comma-separated parts after the name


@dataclass
class PersonLine:
    """A line naming a person, in its parts as written (empty when not stated)."""

    name: str
    written: str = ""  # the name as the line writes it, when it differs ('Aïssatou NDIAYE')
    initials: str = ""
    title: str = ""
    unit: str = ""
    organization: str = ""
    city: str = ""
    country: str = ""
    notes: list[str] = field(default_factory=list)
    after: str = ""  # the line's text after the name, as written

    @property
    def rest(self) -> list[str]:
        """Title, unit and organization as the line gives them, in order."""
        return [part for part in (self.title, self.unit, self.organization) if part]


def split_segments(text: str) -> list[str]:
    """Comma-separated parts, keeping commas inside brackets and quotes; a part that starts
    in lower case continues the one before ('rights of victims, peace and reconciliation')."""
    parts, depth, current = [], 0, ""
    for char in text:
        depth += char in "(["
        depth -= char in ")]"
        if char in ",;" and depth <= 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    parts.append(current.strip())
    joined: list[str] = []
    for part in parts:
        if joined and part[:1].islower():
            joined[-1] += ", " + part
        elif part:
            joined.append(part)
    if joined:
        joined[-1] = joined[-1].rstrip(".").strip()
    return joined


def _initials_match(initials: str, name: str) -> bool:
    capitals = [c for c in initials if c.isupper()]
    firsts = [w[0].upper() for w in name.split() if w[:1].isalpha()]
    return bool(capitals and firsts) and capitals[0] == firsts[0] and set(capitals) <= set(firsts)


def parse(
    text: str, places: Places, known_organization=None, listed: bool = False
) -> PersonLine | None:
    """The parts of a line naming a person, or None when it does not start with a name.

    `known_organization(text)` says whether a text names an organization the data holds
    (so that 'Ministry of the Interior, Mexico' stays one organization); `listed` says the
    line is an entry of a list of participants."""
    text = " ".join(text.split()).strip(" .;")
    notes: list[str] = []
    initials = ""
    first = _INITIALS_FIRST.match(text)
    if first and _initials_match(first[1], strip_honorific(first[2].split(",")[0].split("(")[0])):
        initials, text = first[1], first[2]
    for found in _BRACKETS.finditer(text):
        notes.append(found[1].strip())
    text = strip_honorific(_BRACKETS.sub("", text).strip())
    head, tail = _head(text)
    head, more_notes = _name_notes(head)
    notes += more_notes
    after = _INITIALS_AFTER.search(head)
    if after and _initials_match(after[1], head[: after.start()]):
        initials, head = after[1], head[: after.start()] + head[after.end() :]
    written = strip_honorific(head.strip(" ,"))
    if not looks_like_name(written, listed):
        return None
    segments, bracketed = _segments(tail, places, known_organization, notes)
    notes += [part for part in segments if is_postnominal(part)]
    segments = [part for part in segments if not is_postnominal(part)]
    if len(segments) > MAX_PARTS:
        return None  # a paragraph, not one person's line
    line = PersonLine(as_name(written), initials=initials, notes=notes, after=tail.strip())
    if line.name != written:
        line.written = written
    _assign(line, segments, places, known_organization, bracketed)
    return line


_POSSESSIVE = re.compile(r"^([A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,5})['’]s\s+(\S.*)$")
_IN_PLACE = re.compile(r"\s+in\s+([A-Z][\w-]+(?:\s[A-Z][\w-]+){0,2})$")
_OF = re.compile(r"\s+(?:of|from|de|del|du|de la)\s+(?:the\s+|la\s+|el\s+)?(?=[A-ZÀ-Ý])")


def _head(text: str) -> tuple[str, str]:
    """The name part and the rest: 'Name, ...', 'Name – ...', 'Name (Org, Country)',
    'Name of the Organization, ...', 'Organization's Name' (as prose writes them)."""
    possessive = _POSSESSIVE.match(text)
    if possessive and looks_like_name(strip_honorific(possessive[2].split(",")[0].strip())):
        name, rest = _head_cut(possessive[2])
        return name, f"{possessive[1]}, {rest}" if rest else possessive[1]
    name, rest = _head_cut(text)
    of = _OF.search(name)
    if of and looks_like_name(strip_honorific(name[: of.start()])):
        after = _IN_PLACE.sub(r", \1", name[of.end() :])  # '... of Org in Panama'
        return name[: of.start()], f"{after}, {rest}" if rest else after
    return name, rest


def _head_cut(text: str) -> tuple[str, str]:
    dash = _DASH.search(text)
    comma = text.find(",")
    paren = text.find("(")
    cuts = [i for i in (comma, paren) if i > 0]
    if dash and (not cuts or dash.start() < min(cuts)):
        return text[: dash.start()], text[dash.end() :]
    if not cuts:
        return text, ""
    cut = min(cuts)
    if cut == paren:
        close = text.find(")", paren)
        inner = text[paren + 1 : close] if close > 0 else text[paren + 1 :]
        rest = text[close + 1 :].strip(" ,") if close > 0 else ""
        if _INITIALS_AFTER.fullmatch(f" ({inner})") and _initials_match(inner, text[:paren]):
            name_end = close + 1
            tail = text[name_end:].lstrip()
            if tail.startswith(("–", "—", "-")):
                tail = tail[1:]
            return text[:name_end], tail.strip(" ,")
        return text[:paren], ", ".join(p for p in (inner, rest) if p)
    return text[:comma], text[comma + 1 :]


def _name_notes(head: str) -> tuple[str, list[str]]:
    """Bracketed notes in the name part that are not initials ('Ana Ruiz (online)')."""
    notes = []
    for found in _PARENS.finditer(head):
        if not _INITIALS_AFTER.fullmatch(found[0]):
            notes.append(found[1].strip())
    return _PARENS.sub(lambda m: m[0] if _INITIALS_AFTER.fullmatch(m[0]) else "", head), notes


def _segments(tail: str, places: Places, known, notes: list[str]) -> tuple[list[str], set[str]]:
    """The parts after the name, and those that a bracket gave as a place; a bracket that is
    a note goes to `notes`, one that is an acronym stays with its organization, one that is a
    place or an organization is a part."""
    segments: list[str] = []
    bracketed: set[str] = set()
    parts = split_segments(tail)
    for part in parts:
        inner = _PARENS.search(part)
        if inner is None:
            segments.append(part)
            continue
        content = inner[1].strip()
        before = (part[: inner.start()] + part[inner.end() :]).strip()
        if forms.has_word(content, forms.note_words()):
            if before:
                segments.append(before)
            notes.append(content)
        elif is_acronym(content) and before and not places.country(content):
            segments.append(part)  # 'Kampala Capital City Authority (KCCA)'
        elif places.country(content) or (known and known(content)) or "," in content:
            if before:
                segments.append(before)
            segments.extend(split_segments(content))  # 'Oxfam (Colombia)', '(Org, City)'
        elif before and _place_like(content, places, last=part == parts[-1]):
            segments += [before, content]  # 'Coast Peace Forum (Mombasa)'
            bracketed.add(content)
        else:
            segments.append(part)  # 'Fortes Project (integration of IDPs in ...)'
    return segments, bracketed


def _place_like(text: str, places: Places, last: bool) -> bool:
    """A bracket that names a place: written as a name (capitalised, at most three words),
    not an organization, a title or a note, and a city of the data or of GeoNames (any
    size), or the line's last part ('..., Kilifi Youth Assembly (Kilifi)')."""
    words = text.split()
    return (
        0 < len(words) <= 3
        and all(w[:1].isupper() or w in ("de", "del", "es", "la", "el") for w in words)
        and not _organization_like(text)
        and not forms.has_word(text, forms.title_words())
        and (places.city(text) is not None or bool(gazetteer.cities(text)) or last)
    )


def _organization_like(text: str) -> bool:
    return forms.has_word(text, forms.organization_words()) or is_acronym(text)


def _assign(
    line: PersonLine, segments: list[str], places: Places, known, bracketed: set[str]
) -> None:
    """Country, city, organization, unit and title from the parts, read from the end; a
    place a bracket gave is the city."""
    rest = list(segments)
    # An organization the data holds, with its commas ('Ministry of the Interior, Mexico'):
    # parts that name it only together, none of them an organization alone.
    if known:
        for end in range(len(rest), 1, -1):
            for start in range(0, end - 1):
                span = rest[start:end]
                if known(", ".join(span)) and not any(known(part) for part in span):
                    if end == len(rest) and places.country(rest[-1]) is not None:
                        line.country = rest[-1]  # the name states the country too
                    rest = [*rest[:start], ", ".join(span), *rest[end:]]
                    break
    if rest and places.country(rest[-1]) is not None and not _is_known(rest[-1], known):
        line.country = rest.pop()
    if rest and rest[-1] in bracketed and places.country(rest[-1]) is None:
        line.city = rest.pop()
    elif rest:
        city, count = _city_at_end(rest, places, line.country)
        if city:
            line.city = city
            rest = rest[: len(rest) - count]
            if rest and not line.country and places.country(rest[-1]) is not None:
                line.country = rest.pop()  # 'Bogota, Colombia, ...' written city-last
    if not rest:
        return
    organization_at = _organization_index(rest, known)
    if organization_at is None:
        if len(rest) == 1:
            if forms.has_word(rest[0], forms.title_words()) and not _is_known(rest[0], known):
                line.title = rest[0]
            else:
                line.organization = rest[0]
            return
        organization_at = len(rest) - 1
    line.organization = rest[organization_at]
    sub = None if _is_known(line.organization, known) else _unit_after_dash(line.organization)
    if sub:  # 'Philippine National Police – Quezon City Police District'
        line.organization, line.unit = sub
    before = rest[:organization_at]
    titled = [p for p in before if forms.has_word(p, forms.title_words())]
    if before and (titled and before[0] == titled[0] or not _organization_like(before[0])):
        line.title, before = before[0], before[1:]
    line.unit = ", ".join([*before, line.unit] if line.unit else before)
    after = rest[organization_at + 1 :]
    if after:  # parts after the organization that are not a place: part of the title
        line.unit = ", ".join([line.unit, *after]) if line.unit else ", ".join(after)


def _unit_after_dash(text: str) -> tuple[str, str] | None:
    """An organization and its unit written after a spaced en or em dash, both named as
    organizations are ('Ministry of Health – Department of Planning'); None otherwise (an
    acronym after the dash is the organization's own: 'Kampala Capital City Authority – KCCA';
    a hyphen joins names of one body: 'Laboratorio de Cohesión Social México - Unión Europea')."""
    parts = re.split(r"\s+[–—]\s+", text)
    if len(parts) != 2 or is_acronym(parts[1]) or is_acronym(parts[0]):
        return None
    if all(len(part.split()) >= 2 and _organization_like(part) for part in parts):
        return parts[0], parts[1]
    return None


def _is_known(text: str, known) -> bool:
    return bool(known and known(text))


def _organization_index(rest: list[str], known) -> int | None:
    """Where the organization is: one the data holds (the last such), else the last part that
    reads as an organization."""
    for index in range(len(rest) - 1, -1, -1):
        if _is_known(rest[index], known):
            return index
    for index in range(len(rest) - 1, -1, -1):
        part = rest[index]
        if (
            _organization_like(part)
            and not _title_last(part)
            and not (forms.has_word(part, forms.title_words()) and index == 0 and len(rest) > 1)
        ):
            return index
    return None


def _title_last(part: str) -> bool:
    """A part that ends on a job title ('Network Coordinator', 'Programme Officer')."""
    words = normal(part).split()
    return bool(words) and words[-1] in forms.title_words() and not is_acronym(part)


def _city_at_end(rest: list[str], places: Places, country: str) -> tuple[str, int]:
    """A city written last (as one part, or two: 'Washington, DC'), and how many parts."""
    iso3 = places.country(country).iso3 if country and places.country(country) else None
    if len(rest) >= 2:
        two = f"{rest[-2]}, {rest[-1]}"
        if places.city(two, iso3) or places.city(f"{rest[-2]} {rest[-1]}", iso3):
            return two, 2
    last = rest[-1]
    if _organization_like(last):  # 'Gemeente Utrecht' is GeoNames' alias of Utrecht
        return (last, 1) if places.city_named(last) else ("", 0)
    if places.city(last, iso3) or places.geo_city(last, iso3):
        return last, 1
    return "", 0
