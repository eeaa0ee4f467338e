"""The dashboard's pages in navigation order, read by `app.py`, the tests and the benchmarks.

Page files end in `_page.py` so that no URL equals a file name: when it does, Streamlit's legacy
handling of a `pages/` folder runs that file alone, without the shared sidebar.
"""

from __future__ import annotations

from dataclasses import dataclass

from twg_data.i18n import N_


@dataclass(frozen=True)
class PageSpec:
    name: str  # file stem without `_page`, e.g. `entry_points`
    title: str
    url_path: str
    icon: str
    default: bool = False
    min_meetings: int = 1  # shown only when the data holds at least this many meetings

    @property
    def file(self) -> str:
        """The page's script, relative to the project root."""
        return f"pages/{self.name}_page.py"

    @property
    def url(self) -> str:
        """The path a browser opens: the default page lives at the root."""
        return "" if self.default else self.url_path


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
    PageSpec("agenda_brief", N_("Agenda brief"), "agenda-brief", ":material/description:"),
    PageSpec("data", N_("Data"), "data", ":material/table:"),
)


def shown_pages(meetings: int) -> tuple[PageSpec, ...]:
    """The pages in the navigation when the data holds this many meetings."""
    return tuple(spec for spec in PAGES if meetings >= spec.min_meetings)


# Shown only to a signed-in curator, where the operator turned curator mode on.
CURATE = PageSpec("curate", N_("Curate"), "curate", ":material/edit_note:")
# Shown only while the CSVs have problems.
DATA_PROBLEMS = PageSpec("data_problems", N_("Data problems"), "data-problems", ":material/error:")
