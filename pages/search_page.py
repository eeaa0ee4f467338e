"""Search: one box over every meeting's report passages, key points, sessions and people's
titles and organizations; ranked hits, facets that narrow them, a CSV with citations."""

import streamlit as st

from twg_data import ui
from twg_data.filters import DIMENSIONS, MEETING
from twg_data.i18n import _, ngettext
from twg_data.ui import search

filters = ui.page_header(_("Search the reports"), applies=tuple(d.field for d in DIMENSIONS))
with st.container():
    tied = [_(d.label).lower() for d in filters.active() if d.scope != MEETING]
    if tied:
        st.info(
            ui.fmt(
                _(
                    "The {filters} filter applies to people's titles and organizations and to "
                    "the passages that name them; key points, sessions and other passages are "
                    "tied to no one, so it leaves them in the hits."
                ),
                filters=", ".join(tied),
            ),
            icon=":material/filter_alt:",
        )

text = search.search_box()
chosen = search.chosen_facets()
if not text:
    st.caption(_("Type a word, a phrase or a name to search every meeting's report."))
    search.download(text, filters, chosen, 0)
    st.stop()

if not search.wait_for_index():  # being built from the data served: no hits meanwhile
    search.download(text, filters, chosen, 0)
    st.stop()

result = search.found(text, filters, chosen)
if result.problem is not None:
    st.info(ui.fmt(_(result.problem.message), **result.problem.values), icon=":material/info:")
    search.download(text, filters, chosen, 0)
    st.stop()

count = ui.fmt(ngettext("{n} hit", "{n} hits", result.total), n=result.total)
if result.total > search.HITS_SHOWN:
    more = ui.fmt(
        _("The best {shown} are shown; the download holds them all."), shown=search.HITS_SHOWN
    )
    count = ui.Markdown(f"{count}. {more}")
st.caption(count)
if result.any_word:
    st.info(
        _(
            "No text holds all of these words; these hold some of them, those with the most "
            'first. Put words in quotes to find them together: "violence prevention".'
        ),
        icon=":material/join:",
    )
search.download(text, filters, chosen, result.total)
if result.total or chosen:  # nothing to narrow, unless a facet chosen is to be unchosen
    with st.expander(_("Narrow the hits"), expanded=True):
        search.facets(text, filters, chosen)
if not result.hits:
    st.info(
        _("Nothing found. Try fewer words, or another form of them."), icon=":material/search_off:"
    )
    st.stop()
search.hits(text, filters, chosen)
