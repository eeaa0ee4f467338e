"""A table of items to carry forward or leave out, each with a note: one widget for them all
(`st.data_editor`), whose choices survive a change of page or of filters."""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

_KEPT = "_kept_choices"
INCLUDE, NOTE = "include", "note"


def choices_table(key: str, items: pd.DataFrame, column_config: dict) -> pd.DataFrame:
    """Show items (indexed by a ref; shared, never modified) with an `include` tick and a
    `note` per row; return the table as the user left it.

    One widget for every item: its cost grows linearly with them. The choices are kept per
    ref, so an item hidden by a filter or another page comes back as the user left it.
    """
    kept = st.session_state.setdefault(_KEPT, {}).setdefault(key, {})
    choices = [kept.get(ref, (True, "")) for ref in items.index]
    shown = pd.DataFrame(
        {
            INCLUDE: [include for include, _ in choices],
            **{column: items[column].to_numpy() for column in items.columns},
            NOTE: [note for _, note in choices],
        },
        index=items.index,
    )
    # A widget per set of items: its edits are kept by row position, so other items (another
    # meeting, another filter) must not inherit them.
    digest = hashlib.sha256("\n".join(items.index).encode("utf-8")).hexdigest()[:12]
    edited = st.data_editor(
        shown,
        key=f"{key}_{digest}",
        num_rows="fixed",
        hide_index=True,
        disabled=list(items.columns),
        column_config=column_config,
        width="stretch",
    )
    for ref, include, note in zip(edited.index, edited[INCLUDE], edited[NOTE], strict=True):
        kept[ref] = (bool(include), note if isinstance(note, str) else "")
    return edited
