"""Sessions: the structure of a meeting's day, and each session's format, purpose and speakers."""

import streamlit as st

from twg_data import charts, queries, ui

filters = ui.page_header("Sessions")
filters = ui.one_meeting(filters)
with st.container():  # in place whether or not there is a note (see ui.page_header)
    if [d for d in filters.active() if d.field != "meetings"]:
        st.info(
            "Sessions are shown for the meeting; the other filters narrow the speakers.",
            icon=":material/filter_alt:",
        )

timeline = ui.query(queries.session_timeline, filters)
if timeline.empty:
    st.info("No session matches the current filters.", icon=":material/search_off:")
    st.stop()
ui.chart(charts.timeline, queries.session_timeline, filters)

speakers = ui.grouped(queries.speakers, filters, "session_id")
for session in ui.rows(queries.sessions, filters):
    st.subheader(f"Focus {session.position}: {ui.md(session.title)}")
    facts, who = st.columns([1, 1], gap="large")
    with facts:
        fmt = ui.md(session.format) or "not stated"
        basis = (
            "" if session.format_basis in (None, "stated") else f" ({ui.md(session.format_basis)})"
        )
        st.markdown(
            f"**When:** {session.date:%d %B %Y}, {session.start}–{session.end} "
            f"({session.duration_minutes} minutes)  \n"
            f"**Format:** {fmt}{basis}  \n"
            f"**Purpose:** {ui.md(session.purpose)}"
        )
        if isinstance(session.format_rules, str):
            st.markdown(f"**Rules as stated:** {ui.md(session.format_rules)}")
    with who:
        mine = speakers.get(session.session_id, [])
        if not mine and session.speakers_in_report == 0:
            st.markdown("*The report names no speakers for this session.*")
        elif not mine:
            st.markdown(
                f"*None of the {session.speakers_in_report} named speakers matches the filters.*"
            )
        else:
            st.markdown("**Speakers, in order**")
            for row in mine:
                st.markdown(f"{row.order}. **{ui.md(row.person)}**, {ui.md(row.title_as_stated)}")

st.subheader("Sessions table")
ui.summary_table("sessions", filters)
st.subheader("Speakers table")
ui.summary_table("speakers", filters, empty="No named speaker matches the current filters.")
