"""A message worded when it is shown: an English template marked `N_("...")` and its
arguments, translated with `_()` in the language of whoever reads it.

An error raised in one language and shown in another (the import's worker process writes
why it failed; the Curate page shows it in the page's language) keeps its message as a
template and arguments, in `status.json` too (`to_json` / `from_json`). A number among the
arguments is grouped as the language groups it (1,234 / 1 234); a message among them is
worded in the same language.
"""

from __future__ import annotations

from dataclasses import dataclass

from twg_data.i18n import DEFAULT, _, format_count, use


class _Count(int):
    """A number in a message, grouped as the language groups it."""

    def __format__(self, spec: str) -> str:
        return format_count(int(self))


def _shown(value: object) -> object:
    if isinstance(value, int) and not isinstance(value, bool):
        return _Count(value)
    return value


@dataclass(frozen=True)
class Message:
    """A template (`N_("{name}: the file is empty")`) and its fields as (name, value) pairs."""

    template: str
    args: tuple[tuple[str, object], ...] = ()

    @property
    def text(self) -> str:
        """The message in the current language, its fields filled in."""
        return self._fill(_(self.template))

    @property
    def english(self) -> str:
        """The message in English, whatever the language (its fields too)."""
        with use(DEFAULT):
            return self._fill(self.template)

    def _fill(self, template: str) -> str:
        if not self.args:
            return template
        return template.format(**{name: _shown(value) for name, value in self.args})

    def __str__(self) -> str:
        return self.text

    def to_json(self) -> dict:
        """The message as JSON data: its template and arguments (messages among them too)."""
        return {"message": self.template, "args": {k: _saved(v) for k, v in self.args}}

    @classmethod
    def from_json(cls, saved: object) -> Message:
        """The message `to_json` saved; a plain text (saved before messages were templates)
        is a message of its own with no fields."""
        if isinstance(saved, dict) and "message" in saved:
            args = saved.get("args") or {}
            return cls(saved["message"], tuple((k, _loaded(v)) for k, v in args.items()))
        return cls(str(saved or ""))  # no fields: shown as it is, braces and all


def _saved(value: object) -> object:
    if isinstance(value, Message):
        return value.to_json()
    if isinstance(value, str | int | float) or value is None:
        return value
    return str(value)


def _loaded(value: object) -> object:
    return Message.from_json(value) if isinstance(value, dict) else value


def message(template: str, /, **args: object) -> Message:
    """A message whose template's fields are given by name."""
    return Message(template, tuple(args.items()))


class MessageError(Exception):
    """An error whose text is a `Message`, worded in the language it is shown in."""

    def __init__(self, template: str, /, **args: object):
        super().__init__(template)
        self.message = message(template, **args)

    def __str__(self) -> str:
        return self.message.text
