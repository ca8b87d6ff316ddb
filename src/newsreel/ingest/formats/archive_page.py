"""archive.org TV News caption pages (``https://archive.org/details/ID``, saved as
``ID.html`` by notnews/archive_news_cc's scraper).

The page shows a show's captions one minute per column: a ``<div class="snipin">``
holds the minute's text and the column's links (``/start/60/end/120``) give its span in
seconds from the start of the show. Read with the stdlib HTML parser.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser

from newsreel.errors import BadInputError
from newsreel.ingest.formats.archive_org import Snippet, show_record
from newsreel.ingest.formats.captions_json import NotATranscriptError
from newsreel.models import Record

_SPAN = re.compile(r"/start/(\d+(?:\.\d+)?)/end/(\d+(?:\.\d+)?)")
_ITEM_URL = re.compile(r"archive\.org/(?:download|details)/([^/?#\s]+)")
_TITLE_TAIL = " : Free Streaming : Internet Archive"


@dataclass(slots=True)
class CaptionPage:
    """What a caption page says: its item, title and caption snippets."""

    identifier: str | None = None
    title: str | None = None
    archive_org: bool = False
    snippets: list[Snippet] = field(default_factory=list)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = CaptionPage()
        self._span: tuple[float, float] | None = None
        self._depth = 0  # nesting inside the current snippet's div; 0 outside
        self._text: list[str] = []
        self._in_title = False
        self._title: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if self._depth:
            self._depth += tag == "div"
            return
        if tag == "div" and "snipin" in values.get("class", "").split():
            self._depth, self._text = 1, []
        elif tag == "a" and (span := _SPAN.search(values.get("href", ""))):
            start, end = float(span.group(1)), float(span.group(2))
            if math.isfinite(end) and start <= end:  # else the column's span is unknown
                self._span = (start, end)
        elif tag == "meta":
            self._meta(values)
        elif tag == "title":
            self._in_title = True

    def _meta(self, values: Mapping[str, str]) -> None:
        kind = values.get("property", "")
        content = values.get("content", "")
        if kind == "og:site_name" and content == "Internet Archive":
            self.page.archive_org = True
        elif kind in ("og:video", "og:image") and not self.page.identifier:
            item = _ITEM_URL.search(content)
            self.page.identifier = item.group(1) if item else None

    def handle_endtag(self, tag: str) -> None:
        if self._depth and tag == "div":
            self._depth -= 1
            if not self._depth:
                start, end = self._span if self._span else (None, None)
                self.page.snippets.append(Snippet("".join(self._text), start, end))
                self._span = None  # the next column names its own span
        elif tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._depth:
            self._text.append(data)
        elif self._in_title:
            self._title.append(data)

    def close(self) -> None:
        super().close()
        title = " ".join("".join(self._title).split())
        self.page.title = title.removesuffix(_TITLE_TAIL) or None


def read_caption_page(text: str) -> CaptionPage:
    """Find the item, title and caption snippets of an archive.org page."""
    parser = _PageParser()
    parser.feed(text)
    parser.close()
    return parser.page


def page_record(page: CaptionPage, *, identifier: str, meta: Mapping[str, str] | None) -> Record:
    """A show's record from its caption page and, when given, its ``_meta.xml`` fields."""
    fields = dict(meta or {})
    if not page.snippets:
        raise BadInputError(
            f"{identifier}: the archive.org page has no caption columns "
            '(<div class="snipin">); save the page of https://archive.org/details/'
            f"{identifier} again"
        )
    if not any(s.text.strip() for s in page.snippets):
        said = (
            "; its metadata says closed_captioning: no"
            if fields.get("closed_captioning") == "no"
            else ""
        )
        raise NotATranscriptError(
            f"{identifier}: archive.org has no captions for this show: every caption "
            f"column of its page is empty{said}"
        )
    if fields.get("identifier", identifier) != identifier:
        raise BadInputError(
            f"the metadata file names {fields['identifier']!r}, not this page's {identifier!r}"
        )
    raw = "\n".join(s.text.strip() for s in page.snippets)
    return show_record(identifier, page.snippets, fields, raw_text=raw, title=page.title)
