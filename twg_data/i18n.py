"""The dashboard's languages: English (the source) and Spanish, through gettext catalogs.

`LANGUAGES` is the one list of them: every language but the default has its catalog here and,
in the data, a `<column>_<code>` column beside each translated column of the schema
(`Column(..., translated=True)`); the schema, validation, the build, the data dictionary, the
data package and the importer's drafts follow the list. Adding a language is data (README:
"Adding a language").

Interface text is marked `_("...")` (translated where it is used) or `N_("...")` (a constant
translated later with `_(CONSTANT)`). The Spanish catalog is `twg_data/locales/es/LC_MESSAGES/
messages.po`, kept with Babel (README: "Translating the interface"); it is compiled in memory
the first time it is needed, so nobody runs a compile step.

The language of the current run is a context variable: the app sets it per script run from
the URL (`?lang=es`), the sidebar switch or the browser's language; the command line sets it
from `--lang`. Everything that writes text reads it through `_()`.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from functools import cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

DEFAULT = "en"
LOCALES = Path(__file__).resolve().parent / "locales"
DOMAIN = "messages"


def _own_name(code: str) -> str:
    """A language's name in itself, capitalised as a menu shows it (CLDR): 'Español'."""
    name = Locale.parse(code).get_display_name(code)
    return name[:1].upper() + name[1:]


# The languages the dashboard speaks: English (the code's) and every language with a catalog in
# `locales/<code>/LC_MESSAGES/messages.po`, each by its own name. A catalog is all it takes
# here; the data then needs that language's `<column>_<code>` columns (see the README).
LANGUAGES = {
    DEFAULT: _own_name(DEFAULT),
    **{
        path.parents[1].name: _own_name(path.parents[1].name)
        for path in sorted(LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    },
}

_current: ContextVar[str | None] = ContextVar("twg_language", default=None)
# Where the language comes from when no run set it here: the app's session (a fragment's rerun
# runs without app.py, in a context of its own). Set by `twg_data.ui.language`.
_fallback: list = []


def translated_languages() -> tuple[str, ...]:
    """The languages besides the default, in `LANGUAGES`' order: each has its catalog and, in
    the data, its own column beside every translated one."""
    return tuple(code for code in LANGUAGES if code != DEFAULT)


def english_name(code: str) -> str:
    """A language's name in English, from CLDR ('es' -> 'Spanish'): how the data dictionary
    names it."""
    return Locale.parse(code).get_language_name(DEFAULT)


def language_name(code: str) -> str:
    """A language's name in this run's language, from CLDR ('es' -> 'espagnol' in French)."""
    return Locale.parse(code).get_language_name(language())


def list_names(codes: tuple[str, ...]) -> str:
    """Languages named in this run's language, as a list ('espagnol et français')."""
    return format_list([language_name(code) for code in codes], locale=language())


def catalog_path(language: str) -> Path:
    """The `.po` catalog of a language (`locales/<language>/LC_MESSAGES/messages.po`)."""
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The language's catalog, compiled in memory from its .po file (English: none)."""
    path = catalog_path(language)
    if language == DEFAULT or not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def language() -> str:
    """This run's language: the one `use` set, else the session's (the fallback), else English."""
    chosen = _current.get()
    if chosen is None and _fallback:
        chosen = _fallback[0]()
    return chosen or DEFAULT


def fall_back_to(source) -> None:
    """Where `language()` looks when no code set the language in this context."""
    _fallback[:] = [source]


def set_language(code: str | None) -> str:
    """Use this language from now on in this context; returns the one chosen."""
    chosen = parse(code) or DEFAULT
    _current.set(chosen)
    return chosen


@contextmanager
def use(code: str | None) -> Iterator[str]:
    """Run a block in a language: `with i18n.use("es"): brief_markdown(...)`."""
    token = _current.set(parse(code) or DEFAULT)
    try:
        yield language()
    finally:
        _current.reset(token)


def parse(code: str | None) -> str | None:
    """The supported language a code names ('es', 'es-CO', 'es_ES' -> 'es'), or None."""
    if not code:
        return None
    base = str(code).strip().replace("_", "-").split("-")[0].lower()
    return base if base in LANGUAGES else None


def _(message: str) -> str:
    """The message in the current language."""
    return translations(language()).gettext(message)


def labelled(label: str) -> str:
    """A label and its colon as the language writes them ('Note:'; French 'Note :')."""
    return _("{label}:").format(label=label)


def N_(message: str) -> str:  # noqa: N802 (gettext's name for "mark only")
    """Mark a constant for translation; translate it where it is shown with `_()`."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for `n`, in this run's language."""
    return translations(language()).ngettext(singular, plural, n)


def format_day(day: date | None) -> str:
    """A date as the language writes it: '21 September 2015', '21 de septiembre de 2015'."""
    if day is None:
        return ""
    pattern = "d MMMM y"  # the same order in both languages; Spanish adds 'de'
    return _babel_date(day, "long" if language() != DEFAULT else pattern, locale=language())


def format_count(number: int | float) -> str:
    """A number with the language's grouping: 1,234 / 1234 (CLDR: Spanish groups from 5 digits)."""
    return format_decimal(number, locale=language())


@cache
def territory_names(language_code: str) -> dict[str, str]:
    """CLDR's names of countries (ISO alpha-2) and UN M49 regions (three digits)."""
    return dict(Locale.parse(language_code).territories)
