"""The meeting: its title, its dates (a first and a last day for a meeting over several
days), where it met, its number, and its own time span.

Read from a YAML block's title and date when the report opens with one; else from the opening
lines: the title is the line that names a meeting (report, workshop, taller, atelier, ...,
`forms/sections.csv`), else the heading before the first date line. The date comes from a
labelled line (Date:, When:, Fecha:, Lieu et date :), the title block, a sentence that says
where and when the meeting was held, or the opening lines; never from a publication date or
the next meeting's. The city comes from the same lines ('Venue: ...', 'held in ...',
'Lieu et date : Dakar, ...', '12-14 May – Kampala, Uganda – City Hall').
"""

from __future__ import annotations

import re
from functools import cache

from twg_data.i18n import N_
from twg_data.importer import forms, when
from twg_data.importer.draft import Decision
from twg_data.importer.identity import normal
from twg_data.importer.line_kinds import date_line, label_of
from twg_data.importer.passages import TITLE, Passage
from twg_data.importer.recognisers.context import Context

OPENING = 15  # passages read for the meeting's facts when no label names them
ORDINALS = {
    word: n
    for n, word in enumerate(
        ("first", "second", "third", "fourth", "fifth", "sixth")
        + ("seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"),
        start=1,
    )
}
_ORDINAL = re.compile(
    r"\b(?:(\d{1,2})(?:st|nd|rd|th)|(" + "|".join(ORDINALS) + r"))\s+meeting\b", re.I
)


@cache
def _held_in() -> re.Pattern:
    """'held in', 'gathered in', 'se celebró en', 's'est tenue à' (`forms/sections.csv`)."""
    verbs = sorted(
        (row["form"] for row in forms.rows("sections") if row["kind"] == "held"), key=len
    )[::-1]
    alternation = "|".join(re.escape(v) for v in verbs)
    return re.compile(rf"\b(?:{alternation})\s+(?:\w+\s+){{0,3}}?(?:in|en|à|at)\s+", re.I)


def run(context: Context) -> None:
    """Draft the meeting's row."""
    draft = context.draft
    opening = _opening(context)
    metadata = draft.document.metadata
    title_passage = _title_passage(opening, metadata, draft.passages[: OPENING * 3])
    span = _dates(context, opening, metadata, title_passage)
    context.meeting_date = span[0] if span else ""
    context.meeting_end = span[1] if span and span[1] else ""
    context.meeting_span = _time_span(opening)
    city_id = _city(context, opening, title_passage, metadata)
    number = ""
    for passage in draft.passages[:OPENING]:
        ordinal = _ORDINAL.search(passage.plain)
        if ordinal:
            number = ordinal[1] or ORDINALS[ordinal[2].lower()]
            break
    draft.add(
        "meetings",
        meeting_id=draft.meeting_id,
        meeting_number=number,
        title=title_passage.plain if title_passage else "",
        date=context.meeting_date,
        end_date=context.meeting_end,
        city_id=city_id,
        report_file=draft.report_file,
        source_id=title_passage.source_id if title_passage else "",
    )
    for column in ("part_of", "agenda_process", "attendance_stated"):
        draft.decisions.append(
            Decision(
                "meetings",
                draft.meeting_id,
                column,
                N_("not drafted: quote it from the report if it states it"),
            )
        )
    if not span:
        draft.decisions.append(
            Decision("meetings", draft.meeting_id, "date", N_("no date found in the report"))
        )


def _opening(context: Context) -> list[Passage]:
    """The title block and the first passages after it."""
    passages = context.draft.passages
    titled = [p for p in passages if p.section == TITLE]
    rest = [p for p in passages if p.section != TITLE][: max(0, OPENING - len(titled))]
    return [*titled, *rest]


def _is_meeting_name(text: str) -> bool:
    return forms.has_word(text, forms.section_forms("meeting"))


def _title_passage(
    opening: list[Passage], metadata: dict[str, str], passages: list[Passage]
) -> Passage | None:
    """The passage that gives the meeting's title: a YAML block's title; else the opening
    line that best reads as one (it names a meeting, heads the report, comes just before the
    date line), not a sentence."""
    wanted = metadata.get("title", "")
    if wanted:
        found = next((p for p in opening if normal(p.plain) == normal(wanted)), None)
        if found:
            return found
    before_date = {id(a) for a, b in zip(opening, opening[1:], strict=False) if _date_line(b)}
    # A newsletter's contents name the section where the meeting is told ('held in ...').
    told = {
        normal(re.sub(r"^[\d.)\s]+", "", p.section.rsplit(": ", 1)[-1]))
        for p in passages
        if _held_in().search(p.plain)
    }

    def score(index: int, passage: Passage) -> float:
        text = passage.plain.strip()
        points = 3 * _is_meeting_name(text) + 2 * (passage.heading or passage.section == TITLE)
        points += 3 * (id(passage) in before_date) + 3 * (normal(text) in told)
        points -= 3 * (text.endswith(".") and len(text.split()) > 8)
        points -= passage.block.kind == "item"  # a title in a list: a newsletter's contents
        return points - index / 100

    candidates = [(score(i, p), p) for i, p in enumerate(opening) if _title_like(p)]
    if candidates:
        return max(candidates, key=lambda item: item[0])[1]
    return opening[0] if opening else None


def _title_like(passage: Passage) -> bool:
    text = passage.plain.strip()
    words = len(text.split())
    field = re.match(r"^([^:]{1,30}):\s", text)  # 'Subject: ...', 'Event type: Panel'
    return (
        2 < words <= 40
        and label_of(text) is None
        and not (field and len(field[1].split()) <= 2)
        and not _date_line(passage)
        and passage.block.kind in ("heading", "paragraph", "item")
        and not (text.endswith(".") and words > 25)
    )


def _date_line(passage: Passage) -> bool:
    return date_line(passage.plain)


def _dates(context: Context, opening: list[Passage], metadata: dict[str, str], title):
    """(first day, last day or '') the report states for the meeting, or None. A date
    near after the title counts more than one before it (a parent event's dates)."""
    if metadata.get("date"):
        found = when.find_dates(metadata["date"]) or when.find_dates(
            metadata["date"].replace("-", " ")
        )
        if found:
            return _iso(found[0])
    scored: list[tuple[int, int, when.DateSpan]] = []
    for index, passage in enumerate(opening):
        label = label_of(passage.plain)
        if label and label[0] in ("published", "next"):
            continue
        if re.search(
            r"\b(?:next|previous|próxima|anterior|prochaine|précédente)\b", passage.plain, re.I
        ):
            continue
        for span in when.find_dates(passage.plain):
            score = 1
            if label and label[0] == "date":
                score = 5
            elif passage.section == TITLE or passage.heading:
                score = 4
            elif (
                _held_in().search(passage.plain)
                or forms.has_word(passage.plain, forms.section_forms("held"))
                or _date_line(passage)
            ):
                score = 3
            if title in opening and not (label and label[0] == "date"):
                distance = index - opening.index(title)
                score += 2 if 0 <= distance <= 5 else (-2 if distance < 0 else 0)
            scored.append((score, -index, span))
    if not scored:
        return _dates_in_dateline_year(context, opening)
    best = max(scored, key=lambda item: (item[0], item[1], item[2].end is not None))[2]
    return _iso(best)


def _dates_in_dateline_year(context: Context, opening: list[Passage]):
    """A meeting whose days are written without a year ('On 3 and 4 March, the network
    gathered in Lima'), in the year of the report's dateline ('Issue No. 17 | May 2016')."""
    text = context.draft.document.text[:3000]
    years = re.findall(r"\b((?:19|20)\d{2})\b", text)
    if not years:
        return None
    year = int(max(set(years), key=years.count))
    early = context.draft.passages[: OPENING * 3]
    held = [p for p in early if _held_in().search(p.plain)]
    for passage in [*held, *(p for p in opening if p not in held)]:
        found = when.find_dates_in_year(passage.plain, year)
        if found:
            words = found[0].words
            context.draft.decisions.append(
                Decision(
                    "meetings",
                    context.meeting_id,
                    "date",
                    N_("the year is the report's dateline's ({year}); the passage says '{words}'"),
                    {"year": str(year), "words": words},
                )
            )
            return _iso(found[0])
    return None


def _iso(span: when.DateSpan) -> tuple[str, str]:
    return span.start.isoformat(), span.end.isoformat() if span.end else ""


def _time_span(opening: list[Passage]) -> tuple[str, str] | None:
    """The meeting's own hours, from a date or time line of the opening, or the line of
    hours right under the date line."""
    for index, passage in enumerate(opening):
        label = label_of(passage.plain)
        under_date = index > 0 and _date_line(opening[index - 1])
        if (label and label[0] in ("date", "time")) or _date_line(passage) or under_date:
            times = when.find_time_range(passage.plain)
            if times:
                return times[0], times[1]
    return None


def _city(context, opening: list[Passage], title: Passage | None, metadata) -> str:
    """The city the meeting met in, by the first line that says where."""
    entities = context.entities
    after_date = {
        id(b)
        for index, a in enumerate(opening)
        if _date_line(a)
        for b in opening[index + 1 : index + 3]
    }  # 'Thursday 23 May 2019' (and its hours) over 'Acacia Premier Hotel, Kisumu, Kenya'
    ordered = sorted(opening, key=lambda p: _where_rank(p, title) - 0.5 * (id(p) in after_date))
    texts: list[tuple[Passage, str]] = []
    for key in ("location", "place", "venue", "city", "lugar", "lieu"):
        if metadata.get(key):
            texts.append((title or opening[0], metadata[key]))
    texts += [(p, _where_text(p, id(p) in after_date)) for p in ordered]
    for passage, text in texts:
        if not text:
            continue
        segments = [s.strip() for part in re.split(r"\s[–—|-]\s", text) for s in part.split(",")]
        for index, segment in enumerate(segments):
            following = segments[index + 1] if index + 1 < len(segments) else ""
            country = entities.places.country(following.strip(" .()"))
            iso3 = country.iso3 if country else None
            for candidate in _place_words(segment):
                if entities.places.city(candidate, iso3) or entities.places.geo_city(
                    candidate, iso3
                ):
                    stated = f"{candidate}, {following}" if country else candidate
                    return entities.city(candidate, country, passage, stated)
    return ""


def _where_rank(passage: Passage, title: Passage | None) -> int:
    label = label_of(passage.plain)
    if label and label[0] == "venue":
        return 0
    if label and label[0] == "date":
        return 1
    if _held_in().search(passage.plain):
        return 2
    if passage is title or _date_line(passage):
        return 3
    return 4


def _where_text(passage: Passage, after_date: bool = False) -> str:
    """The part of a passage that may name the meeting's place."""
    label = label_of(passage.plain)
    if label and label[0] in ("published", "next", "role", "participants", "absent"):
        return ""
    if passage.block.kind == "row":
        return ""  # a table's row names people's places, not the meeting's
    if label and label[0] in ("venue", "date"):
        return label[1]
    held = _held_in().search(passage.plain)
    if held:  # 'held in Nairobi on 16 May 2024': the place, up to the date or the next clause
        place = _without_dates(passage.plain[held.end() :])
        return re.split(r"\s+(?:on|from|between|during|for|to|with|under|by)\b", place)[0]
    short = after_date and len(passage.plain.split()) <= 15
    if _where_rank(passage, None) <= 3 or passage.section == TITLE or short:
        return _without_dates(passage.plain)
    return ""


def _without_dates(text: str) -> str:
    for span in when.find_dates(text):
        text = text.replace(span.words, ", ")
    return text


def _place_words(segment: str) -> list[str]:
    """The names a segment may give a place by: the segment itself when short ('Kampala',
    'Ciudad de México'), else the capitalised words it ends with, longest first ('Working
    Group Bogota', 'Group Bogota', 'Bogota')."""
    segment = re.sub(r"\([^()]*\)", "", segment).strip(" .:;*")
    segment = re.sub(r"^(?:les?|la|el|à|en|in|at|the|city of)\s+", "", segment, flags=re.I)
    if not segment:
        return []
    words = segment.split()
    found = [segment] if len(words) <= 3 and segment[:1].isupper() else []
    for size in (3, 2, 1):
        tail = words[-size:]
        named = all(w[:1].isupper() or w in ("de", "del") for w in tail)
        if len(words) >= size and named and tail[0][:1].isupper() and " ".join(tail) not in found:
            found.append(" ".join(tail))
    return found
