"""Join codes and participant tokens, from the `secrets` module.

A join code is 8 characters from 30 that cannot be mistaken for one another when read off a
projected screen (no 0/O, 1/I/L, U), shown as `ABCD-EFGH`: 30^8 is about 6.6 * 10^11 codes,
so guessing one of a few open workshops within its lifetime (12 hours by default) at even a
thousand tries a second has odds below one in ten thousand. A code expires with its workshop.
A participant is an anonymous token kept by the session; the database holds only its digest.
"""

from __future__ import annotations

import hashlib
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 8
LIFETIME_SECONDS = 12 * 3600


def new_code() -> str:
    """A fresh join code, e.g. `K7QX-M2PD`."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def normalise_code(typed: str) -> str:
    """A code as typed on a phone (lower case, spaces, no dash) in its stored form; "" when
    it cannot be a code."""
    raw = "".join(ch for ch in typed.upper() if ch.isalnum())
    if len(raw) != CODE_LENGTH or any(ch not in ALPHABET for ch in raw):
        return ""
    return f"{raw[:4]}-{raw[4:]}"


def new_token() -> str:
    """A participant's anonymous token (kept in the session, never stored)."""
    return secrets.token_urlsafe(32)


def participant_id(token: str) -> str:
    """What the database stores for a participant: the token's digest."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_id() -> str:
    """A row id (a workshop, a comment)."""
    return secrets.token_hex(8)
