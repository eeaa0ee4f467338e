"""The join QR code a projected screen shows: the participant page's address with the code,
drawn locally (segno, no web service) as a PNG."""

from __future__ import annotations

import io
from urllib.parse import urlencode, urlsplit, urlunsplit

import segno

VOTE_PATH = "vote"


def join_url(app_url: str, code: str) -> str:
    """The address a participant opens: the app's address, the vote page, the code."""
    parts = urlsplit(app_url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{VOTE_PATH}", urlencode({"code": code}), ""))


def qr_png(url: str, scale: int = 10) -> bytes:
    """The QR code of the address, as PNG bytes (dark on white, with its quiet zone)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()
