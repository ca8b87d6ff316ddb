"""Render highlighted snippets (marked by the store with control characters)."""

from __future__ import annotations

import html

from newsreel.text import MARK_END, MARK_START


def snippet_html(snippet: str) -> str:
    """Escape the snippet for HTML and mark matches with <mark>."""
    escaped = html.escape(snippet, quote=False)
    return escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


def snippet_terminal(snippet: str, *, color: bool) -> str:
    """Mark matches in bold for a terminal, or with [brackets] when not a terminal."""
    start, end = ("\x1b[1;33m", "\x1b[0m") if color else ("[", "]")
    return snippet.replace(MARK_START, start).replace(MARK_END, end)
