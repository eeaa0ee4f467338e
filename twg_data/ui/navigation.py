"""The pages `st.navigation` registers: every page a link can name, on every run.

A page the data allows is listed in the navigation. Any other is registered hidden, so that a
link to it never meets Streamlit's "Page not found": *Data problems* with sound data says so
itself, and a page that compares meetings, on data of too few, says at its address why it is
not listed, with a link to the Overview, instead of drawing itself (`twg_data.pages`).
"""

from __future__ import annotations

import runpy
from pathlib import Path

import streamlit as st

from twg_data.i18n import _, format_count, ngettext
from twg_data.pages import LINKED, PAGES, PageSpec
from twg_data.text import fmt

OVERVIEW = PAGES[0]
APP = Path(__file__).resolve().parents[2] / "app.py"


def page(spec: PageSpec, *, listed: bool = True) -> st.Page:
    """The page's `st.Page`: its script, its title in this run's language, listed in the
    navigation or hidden from it."""
    return st.Page(
        spec.file,
        title=_(spec.title),
        url_path=spec.url_path,
        icon=spec.icon,
        default=spec.default,
        visibility="visible" if listed else "hidden",
    )


def linked_pages(meetings: int, problems: bool) -> list[st.Page]:
    """Every page a link can name (`pages.LINKED`), for data of this many meetings, with or
    without problems: listed where the data allows it, hidden otherwise."""
    return [page(spec, listed=spec.listed(meetings, problems)) for spec in LINKED]


def run(current: st.Page, meetings: int) -> None:
    """Draw the page `st.navigation` chose; a page that compares meetings, on data of this
    many (too few), says why it is not listed instead."""
    spec = next((spec for spec in LINKED if spec.url == current.url_path), None)
    if spec is not None and spec.too_few_meetings(meetings):
        too_few_meetings(spec, meetings)
    else:
        current.run()


def too_few_meetings(spec: PageSpec, meetings: int) -> None:
    """What the address of a page that compares meetings shows on data of too few: the page's
    title, that it compares meetings and how many the data holds, and a link to the Overview."""
    st.title(_(spec.title))
    note = ngettext(
        "This page compares meetings, and the data holds {n} meeting: there is nothing to "
        "compare yet. The page joins the navigation once the data holds {least} meetings "
        "or more; the Overview shows what the data holds.",
        "This page compares meetings, and the data holds {n} meetings: there is nothing to "
        "compare yet. The page joins the navigation once the data holds {least} meetings "
        "or more; the Overview shows what the data holds.",
        meetings,
    )
    st.info(
        fmt(note, n=format_count(meetings), least=format_count(spec.min_meetings)),
        icon=":material/info:",
    )
    # The page by its file; the label drawn is the title in the catalog.
    st.page_link(page=OVERVIEW.file, label=_(OVERVIEW.title), icon=OVERVIEW.icon)


def first_run_at(address: str) -> None:
    """What `pages/<address>.py` does: run `app.py`, the one entry point.

    Streamlit runs a server's first script run the old way when a `pages/` folder stands beside
    `app.py`: it looks the link's address up among the folder's file names, and answers
    "Page not found" before `app.py` registers its pages. A file named after each address a link
    can name (`pages.addresses()`) finds it; it runs `app.py`, whose `st.navigation` then draws
    the page. Every later run is `app.py`'s own and never reads these files."""
    del address  # the file's name is what Streamlit matches; app.py reads the URL itself
    runpy.run_path(str(APP), run_name="__main__")
