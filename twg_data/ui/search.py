"""The Search page's glue: the search box and facets kept in the link, the hits found (cached
per query, filters, facets and data), each hit drawn with its words in bold, its place and
its citation, and the hits' CSV made on click; while the index is built from the data served,
a notice that checks again every second (never hits from an index of other data)."""

from __future__ import annotations

import streamlit as st

from twg_data import i18n, pages, queries
from twg_data.filters import Filters
from twg_data.i18n import _
from twg_data.search import freshness
from twg_data.search import index as search_index
from twg_data.search import rows as search_rows
from twg_data.search.find import FACETS, Found, Hit, find
from twg_data.text import Markdown, fmt, md
from twg_data.ui import link
from twg_data.ui.cache import per_data, rows
from twg_data.ui.database import database, refresh_database
from twg_data.ui.sidebar import filter_options

QUERY_KEY = "search_query"
FACET_KEY = "search_facet_{}"
HITS_SHOWN = 20
WAIT_FOR_BUILD = 2.0  # seconds a run waits for a build under way before saying so
CHECK_EVERY = 1.0  # seconds between checks while the index is being built
# The page that shows each kind of text (`shown_as`); a passage none cites: the Overview.
_PAGE_OF = {"key_point": "entry_points", "session": "sessions", "participant": "participants"}
_PAGES = {spec.name: spec for spec in pages.PAGES}


def search_box() -> str:
    """The search box, its text taken from the link on a session's first run and put back in
    the link as it changes."""
    if QUERY_KEY not in st.session_state:
        st.session_state[QUERY_KEY] = link.value(link.SEARCH_QUERY) or ""
    text = st.text_input(
        _("Search every meeting"),
        key=QUERY_KEY,
        placeholder=_('e.g. mediation, "city to city", youth OR violence, police NOT military'),
        help=_(
            "Words are found in any form (mediations finds mediation), without regard to "
            'case or accents. Quotes find a phrase ("bottom-up approach"), a star the start '
            "of a word (peace*), OR either word, NOT (or -) leaves a word out."
        ),
        max_chars=None,
    )
    link.show(link.SEARCH_QUERY, text.strip() or None)
    return text.strip()


def _index() -> str:
    return str(search_index.index_path(database().status.db_path))


def index_state(wait: float = 0.0) -> freshness.IndexState:
    """The search index beside the database served: ready when built from its data. When it
    is not, its build is started in the background (if none runs) and, with `wait`, waited
    for that many seconds (at the shipped size it takes well under one)."""
    db = database().db
    if db.path is None:
        return freshness.IndexState(None, None)
    state = freshness.index_state(db.path, db.built_from)
    if not state.ready and state.wanted is not None:
        freshness.start_building(db.path)
        if wait and freshness.wait(wait):
            state = freshness.index_state(db.path, db.built_from)
    return state


@st.fragment(run_every=CHECK_EVERY)
def _building_notice() -> None:
    refresh_database()  # the data may have changed again meanwhile
    state = index_state()
    if state.ready:
        st.rerun()  # the whole page, with its hits
    if state.failed and not state.building:
        st.warning(
            _(
                "The search index could not be built from the current data; it will be "
                "tried again in a minute. The other pages are not affected."
            ),
            icon=":material/warning:",
        )
        return
    st.info(
        _(
            "The search index is being built from the current data. The hits will show "
            "here as soon as it is ready; the other pages can be used meanwhile."
        ),
        icon=":material/hourglass_top:",
    )


def wait_for_index() -> bool:
    """True when the index was built from the data served; else say that it is being built
    (checked again every second, the page running again once it is ready) and False."""
    if index_state(wait=WAIT_FOR_BUILD).ready:
        return True
    _building_notice()
    return False


def _found(_cursor, index: str, text: str, filters: Filters, chosen: tuple) -> Found:
    built_from = database().db.built_from
    return find(index, text, filters, dict(chosen), fingerprint=built_from)


def _current(function, *args):
    """`per_data(function, *args)`; a run that meets an index of other data (rebuilt since
    this run found it ready) runs again, and then says the index is being built."""
    try:
        return per_data(function, *args)
    except search_index.StaleIndex:
        st.rerun()


def found(text: str, filters: Filters, chosen: dict[str, str]) -> Found:
    """The hits of a query under the filters and the facets chosen (cached per data)."""
    return _current(_found, _index(), text, filters, tuple(sorted(chosen.items())))


def _facet_labels(name: str) -> dict[str, str]:
    if name == "kind":
        return {kind: _(label) for kind, label in search_rows.KIND_LABELS.items()}
    if name == "category":
        return {row.category: row.heading for row in rows(queries.key_point_categories, Filters())}
    return dict(filter_options().get(name, []))


def chosen_facets() -> dict[str, str]:
    """The facets chosen (one value each), taken from the link on a session's first run."""
    chosen = {}
    for name in FACETS:
        key = FACET_KEY.format(name)
        if key not in st.session_state:
            st.session_state[key] = link.value(link.SEARCH_FACETS[name])
        if st.session_state[key]:
            chosen[name] = st.session_state[key]
    return chosen


def _facet_options(
    cursor, index: str, text: str, filters: Filters, chosen: tuple
) -> list[tuple[str, dict[str, Markdown]]]:
    """Per facet with values: its name, and its values' labels with their counts."""
    result = _found(cursor, index, text, filters, chosen)
    kept = dict(chosen)
    options = []
    for name, counted in result.facets.items():
        counts = dict(counted)
        if name in kept and kept[name] not in counts:
            counts[kept[name]] = 0
        if counts:
            labels = _facet_labels(name)
            shown = {
                value: fmt(_("{value} ({n})"), value=labels.get(value, value), n=n)
                for value, n in counts.items()
            }
            options.append((name, shown))
    return options


def facets(text: str, filters: Filters, chosen: dict[str, str]) -> None:
    """A row of pills per facet, each value with its count: choosing one narrows the hits,
    choosing it again widens them (their labels made once per query, filters, facets,
    language and data)."""
    key = tuple(sorted(chosen.items()))
    for name, shown in _current(_facet_options, _index(), text, filters, key):
        st.pills(
            _(search_rows.FACET_LABELS[name]),
            list(shown),
            key=FACET_KEY.format(name),
            format_func=lambda value, shown=shown: md(shown[value]),  # made by fmt: kept as is
        )
    for name in FACETS:
        link.show(link.SEARCH_FACETS[name], st.session_state.get(FACET_KEY.format(name)))


def marked_text(hit: Hit) -> Markdown:
    """The hit's text, the words searched for in bold, everything else escaped."""
    out = []
    for piece, is_word in hit.parts:
        if is_word:
            out.append(f"**{md(piece)}**")
            continue
        lead = " " if piece[:1].isspace() else ""
        trail = " " if piece[-1:].isspace() and piece.strip() else ""
        out.append(lead + md(piece) + trail if piece.strip() else " ")
    return Markdown("".join(out))


def hit_markdown(hit: Hit, cited: dict, meeting_labels: dict[str, str]) -> Markdown:
    """One hit: what and where it is, its text, the page that shows it, its citation."""
    report = cited.get(hit.meeting_id)
    spec = _PAGES.get(_PAGE_OF.get(hit.shown_as or "", "overview"), pages.PAGES[0])
    # One Markdown element a hit (a page's cost is its elements): what and where it is, its
    # text, the link to the meeting on its page, its citation.
    parts = [
        fmt(
            _("**{kind}** · {meeting} · {section}"),
            kind=_(search_rows.KIND_LABELS[hit.kind]),
            meeting=meeting_labels.get(hit.meeting_id, hit.meeting_id),
            section=hit.section or "",
        ),
        marked_text(hit),
        fmt(
            _("[Open this meeting on the {page} page]({address})"),
            page=_(spec.title),
            address=link.page_address(spec.url, hit.meeting_id),
        ),
    ]
    if report:
        parts.append(fmt(_("*Cite as:* {citation}"), citation=report.cite(hit.section)))
    return Markdown("\n\n".join(parts))


def _drawn(cursor, index: str, text: str, filters: Filters, chosen: tuple) -> list[Markdown]:
    cited = search_rows.cited_reports(cursor)
    meeting_labels = dict(filter_options().get("meeting", []))
    result = _found(cursor, index, text, filters, chosen)
    return [hit_markdown(hit, cited, meeting_labels) for hit in result.hits[:HITS_SHOWN]]


def hits(text: str, filters: Filters, chosen: dict[str, str]) -> None:
    """The best hits, each in a box (made once per query, filters, facets, language and
    data: a rerun only draws them)."""
    drawn = _current(_drawn, _index(), text, filters, tuple(sorted(chosen.items())))
    for markdown in drawn:
        with st.container(border=True):
            st.markdown(md(markdown))  # made by hit_markdown: kept as is


def download(text: str, filters: Filters, chosen: dict[str, str], total: int) -> None:
    """Every hit as CSV with its citation, made on click (disabled when nothing is found)."""
    db = database().db
    index, built_from = _index(), db.built_from
    language = i18n.language()

    def produce() -> bytes:
        with db.con.cursor() as cursor, i18n.use(language):
            return search_rows.search_csv(cursor, index, text, filters, chosen, built_from)

    st.download_button(
        _("Download the hits (CSV, with citations)"),
        data=produce if total else b"",
        file_name="search-hits.csv",
        mime="text/csv",
        key="download_search",
        icon=":material/download:",
        on_click="ignore",
        disabled=not total,
    )
