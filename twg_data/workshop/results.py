"""A workshop's results as people read them: each point's label (a report item's heading in
the language, or a point raised in the room as typed), its total and voters; the chart; the
CSV of points, anonymous votes and approved comments."""

from __future__ import annotations

import pandas as pd

from twg_data.brief import items
from twg_data.brief.priorities import METHODS, SOURCES, Priorities
from twg_data.export import to_csv_bytes
from twg_data.filters import Filters
from twg_data.i18n import _
from twg_data.queries import Connection
from twg_data.text import text_of
from twg_data.workshop.records import Comment, Point, Workshop


def point_rows(con: Connection, meeting_id: str, points: tuple[Point, ...]) -> pd.DataFrame:
    """The points put to the room, in order, each with `label`, `text`, `passage` and `source`:
    a report item from the curated data, in the current language; a point raised in the room as
    typed (no passage: it is the workshop's, not the report's)."""
    available = items.available_points(con, Filters(meetings=(meeting_id,)))
    by_ref = {items.item_ref(r.meeting_id, r.id): r for r in available.itertuples()}
    rows = []
    for point in points:
        found = by_ref.get(point.point_id) if point.source == "report" else None
        rows.append(
            {
                "point_id": point.point_id,
                "source": point.source,
                "label": items.item_label(found) if found is not None else point.text,
                "text": text_of(found.text) if found is not None else point.text,
                "passage": text_of(found.source_passage) if found is not None else "",
            }
        )
    return pd.DataFrame(rows, columns=["point_id", "source", "label", "text", "passage"])


def totals_frame(points: pd.DataFrame, totals: list[tuple[str, int, int]]) -> pd.DataFrame:
    """One row per point, in the order put to the room: label, where it comes from, total and
    participants who voted on it (the facilitator's table and chart)."""
    counted = {point_id: (total, voters) for point_id, total, voters in totals}
    return pd.DataFrame(
        {
            _("Point"): points["label"].tolist(),
            _("From"): [_(SOURCES[s]) for s in points["source"]],
            _("Total"): [counted.get(p, (0, 0))[0] for p in points["point_id"]],
            _("Voters"): [counted.get(p, (0, 0))[1] for p in points["point_id"]],
        }
    )


def chart(frame: pd.DataFrame, title: str) -> dict:
    """A titled bar chart of the totals (a Vega-Lite spec), the highest first."""
    point, total = _("Point"), _("Total")
    return {
        "title": title,
        "data": {"values": frame[[point, total]].to_dict("records")},
        "mark": {"type": "bar", "tooltip": True},
        "encoding": {
            "y": {
                "field": point,
                "type": "nominal",
                "sort": "-x",
                "title": point,
                "axis": {"labelLimit": 320},
            },
            "x": {
                "field": total,
                "type": "quantitative",
                "title": total,
                "axis": {"tickMinStep": 1, "format": "d"},
            },
        },
    }


def results_csv(
    workshop: Workshop,
    points: pd.DataFrame,
    totals: list[tuple[str, int, int]],
    votes: list[tuple[str, str, int]],
    approved: list[Comment],
) -> bytes:
    """The export: a row per point (its total), per anonymous vote (participants numbered in
    no meaningful order) and per approved comment; every row names the workshop."""
    labels = dict(zip(points["point_id"], points["label"], strict=True))
    counted = {point_id: (total, voters) for point_id, total, voters in totals}
    numbers: dict[str, int] = {}
    rows = [
        (
            "point",
            point_id,
            labels[point_id],
            _(SOURCES[source]),
            *counted.get(point_id, (0, 0)),
            "",
        )
        for point_id, source in zip(points["point_id"], points["source"], strict=True)
    ]
    for participant, point_id, value in votes:
        number = numbers.setdefault(participant, len(numbers) + 1)
        rows.append(("vote", point_id, labels.get(point_id, ""), "", value, "", str(number)))
    rows += [("comment", "", c.text, "", "", "", "") for c in approved]
    frame = pd.DataFrame(
        rows, columns=["row", "point_id", "text", "source", "value", "voters", "participant"]
    )
    frame.insert(0, "workshop", f"{workshop.title} ({workshop.held_on})")
    frame.insert(1, "method", _(METHODS[workshop.method]))
    return to_csv_bytes(frame)


def priorities(
    workshop: Workshop,
    points: pd.DataFrame,
    totals: list[tuple[str, int, int]],
    voters: int,
    approved: list[Comment],
) -> Priorities:
    """The workshop's results for the brief's "Workshop priorities" section: the points, the
    highest total first (ties in the order put to the room)."""
    labels = dict(zip(points["point_id"], points["label"], strict=True))
    sources = dict(zip(points["point_id"], points["source"], strict=True))
    ranked = sorted(enumerate(totals), key=lambda pair: (-pair[1][1], pair[0]))
    return Priorities(
        title=workshop.title,
        held_on=workshop.held_on,
        method=workshop.method,
        participants=voters,
        closed=workshop.status == "closed",
        points=tuple(
            (labels[point_id], sources[point_id], total, count)
            for _position, (point_id, total, count) in ranked
        ),
        comments=tuple(c.text for c in approved),
    )


def stored_priorities(con: Connection, store, workshop: Workshop) -> Priorities:
    """A workshop's results as they are in the store, for the brief (the command line's
    `--workshop`)."""
    points = point_rows(con, workshop.meeting_id, tuple(store.points(workshop.id)))
    return priorities(
        workshop,
        points,
        store.totals(workshop.id),
        store.voters(workshop.id),
        store.comments(workshop.id),
    )
