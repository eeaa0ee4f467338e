"""The dashboard's pages in navigation order, read by `app.py`, the tests and the benchmarks.

Page scripts end in `_page.py`, so no address equals a script's name: Streamlit's old handling
of a `pages/` folder (a server's first run) would run such a script alone, without the shared
sidebar. The files named after the addresses (`addresses()`) run `app.py` instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from twg_data.i18n import N_


@dataclass(frozen=True)
class PageSpec:
    """One page of the dashboard: its script, title, address, icon and when it is listed."""

    name: str  # file stem without `_page`, e.g. `entry_points`
    title: str
    url_path: str
    icon: str
    default: bool = False
    min_meetings: int = 1  # listed only when the data holds at least this many meetings
    only_with_problems: bool = False  # listed only while the CSVs have problems

    @property
    def file(self) -> str:
        """The page's script, relative to the project root."""
        return f"pages/{self.name}_page.py"

    @property
    def url(self) -> str:
        """The path a browser opens: the default page lives at the root."""
        return "" if self.default else self.url_path

    def listed(self, meetings: int, problems: bool) -> bool:
        """Whether the navigation lists the page, for data of this many meetings, with or
        without problems. A page not listed is still registered (see `LINKED`)."""
        return meetings >= self.min_meetings and (problems or not self.only_with_problems)

    def too_few_meetings(self, meetings: int) -> bool:
        """Whether the page compares meetings and the data holds too few for it: its address
        then says so instead of drawing the page."""
        return self.min_meetings > 1 and meetings < self.min_meetings


PAGES: tuple[PageSpec, ...] = (
    PageSpec("overview", N_("Overview"), "overview", ":material/home:", default=True),
    PageSpec(
        "across_meetings",
        N_("Across meetings"),
        "across-meetings",
        ":material/compare_arrows:",
        min_meetings=2,
    ),
    PageSpec("participants", N_("Participants"), "participants", ":material/groups:"),
    PageSpec("sessions", N_("Sessions"), "sessions", ":material/schedule:"),
    PageSpec("entry_points", N_("Entry points"), "entry-points", ":material/hub:"),
    PageSpec("search", N_("Search"), "search", ":material/search:"),
    PageSpec("agenda_brief", N_("Agenda brief"), "agenda-brief", ":material/description:"),
    PageSpec("data", N_("Data"), "data", ":material/table:"),
)


def shown_pages(meetings: int) -> tuple[PageSpec, ...]:
    """The pages of `PAGES` in the navigation when the data holds this many meetings."""
    return tuple(spec for spec in PAGES if spec.listed(meetings, problems=False))


# Shown only to a signed-in curator, where the operator turned curator mode on.
CURATE = PageSpec("curate", N_("Curate"), "curate", ":material/edit_note:")
# Workshop mode, where the operator turned it on (`ui.facilitator.pages`): the facilitator's
# page for a signed-in facilitator, and the participants' page, hidden from the navigation
# (participants reach it by the join code's link or QR code).
WORKSHOP = PageSpec("workshop", N_("Workshop"), "workshop", ":material/how_to_vote:")
VOTE = PageSpec("vote", N_("Vote"), "vote", ":material/ballot:")
# Listed only while the CSVs have problems (with none, its address says the data is sound).
DATA_PROBLEMS = PageSpec(
    "data_problems",
    N_("Data problems"),
    "data-problems",
    ":material/error:",
    min_meetings=0,
    only_with_problems=True,
)
# Every page a link can name, registered on every run: a link to a page the data does not
# allow finds the page hidden from the navigation, not "Page not found". The Curate page is
# not one of them: where curator mode is off its address stays unknown (`ui.curator.pages`).
LINKED: tuple[PageSpec, ...] = (*PAGES, DATA_PROBLEMS)


def listed_pages(meetings: int, problems: bool) -> tuple[PageSpec, ...]:
    """The pages of `LINKED` the navigation lists, for data of this many meetings, with or
    without problems."""
    return tuple(spec for spec in LINKED if spec.listed(meetings, problems))


def addresses() -> tuple[str, ...]:
    """Every address a link can name besides the root: each needs its file in `pages/`
    (`ui.navigation.first_run_at`), or a server's first visit to it says "Page not found"."""
    return tuple(spec.url_path for spec in (*LINKED, CURATE, WORKSHOP, VOTE) if not spec.default)
