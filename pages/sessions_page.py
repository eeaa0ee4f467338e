"""Sessions: the structure of a meeting's day, and each session's format, purpose and speakers."""

import streamlit as st

from twg_data import charts, queries, ui
from twg_data.i18n import _

filters = ui.page_header(_("Sessions"))
filters = ui.one_meeting(filters)
with st.container():  # in place whether or not there is a note (see ui.page_header)
    if [d for d in filters.active() if d.field != "meetings"]:
        st.info(
            _("Sessions are shown for the meeting; the other filters narrow the speakers."),
            icon=":material/filter_alt:",
        )

timeline = ui.query(queries.session_timeline, filters)
if timeline.empty:
    st.info(_("No session matches the current filters."), icon=":material/search_off:")
    st.stop()
ui.chart(charts.timeline, queries.session_timeline, filters)

speakers = ui.grouped(queries.speakers, filters, "session_id")
for session in ui.rows(queries.sessions, filters):
    st.subheader(ui.fmt(_("Focus {n}: {title}"), n=session.position, title=session.title))
    facts, who = st.columns([1, 1], gap="large")
    with facts:
        shape = ui.md(session.format) or _("not stated")
        basis = (
            "" if session.format_basis in (None, "stated") else f" ({ui.md(session.format_basis)})"
        )
        when = ui.fmt(
            _("{day}, {start}–{end} ({minutes} minutes)"),
            day=ui.long_day(session.date),
            start=session.start,
            end=session.end,
            minutes=session.duration_minutes,
        )
        stated = (
            (_("When"), when),
            (_("Format"), f"{shape}{basis}"),
            (_("Purpose"), ui.md(session.purpose)),
        )
        st.markdown("  \n".join(f"**{label}:** {value}" for label, value in stated))
        if isinstance(session.format_rules, str):
            st.markdown("**" + _("Rules as stated") + f":** {ui.md(session.format_rules)}")
    with who:
        mine = speakers.get(session.session_id, [])
        if not mine and session.speakers_in_report == 0:
            st.markdown("*" + _("The report names no speakers for this session.") + "*")
        elif not mine:
            none = _("None of the {n} named speakers matches the filters.")
            st.markdown("*" + ui.fmt(none, n=session.speakers_in_report) + "*")
        else:
            st.markdown("**" + _("Speakers, in order") + "**")
            for row in mine:
                st.markdown(
                    ui.fmt(
                        "{n}. **{person}**, {title}",
                        n=row.order,
                        person=row.person,
                        title=row.title_as_stated,
                    )
                )

st.subheader(_("Sessions table"))
ui.summary_table("sessions", filters)
st.subheader(_("Speakers table"))
ui.summary_table("speakers", filters, empty=_("No named speaker matches the current filters."))
