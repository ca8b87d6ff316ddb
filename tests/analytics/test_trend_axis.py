"""Trend charts on a real time axis: every period placed, gaps and floors stated,
each point linked to the videos behind it."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from newsreel.analytics.chart import write_chart
from newsreel.analytics.trends import TrendRow, period_end, period_start, time_axis
from newsreel.search.query import parse_query
from newsreel.search.soundalike import Heard
from newsreel.web.views import trend_chart, trend_link

DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))


def _label(day: date, per: str) -> str:
    if per == "month":
        return day.strftime("%Y-%m")
    if per == "week":
        return (day - timedelta(days=day.weekday())).isoformat()
    return day.isoformat()


@given(st.lists(DAYS, min_size=1, max_size=8), st.sampled_from(["day", "week", "month"]))
def test_the_axis_holds_every_period_between_first_and_last(days: list[date], per: str) -> None:
    labels = [_label(d, per) for d in days]
    axis = time_axis(labels, per)
    assert set(labels) <= set(axis) and axis == sorted(set(axis))
    assert axis[0] == min(labels) and axis[-1] == max(labels)
    for before, after in itertools.pairwise(axis):  # no period skipped
        assert period_end(before, per) + timedelta(days=1) == period_start(after, per)


def test_period_bounds() -> None:
    assert (period_start("2024-02", "month"), period_end("2024-02", "month")) == (
        date(2024, 2, 1),
        date(2024, 2, 29),
    )
    assert period_end("2024-03-04", "week") == date(2024, 3, 10)
    assert time_axis(["2013-09", "2014-01"], "month") == [
        "2013-09",
        "2013-10",
        "2013-11",
        "2013-12",
        "2014-01",
    ]


def _row(channel: str, period: str, hits: int, words: int, videos: int = 1) -> TrendRow:
    return TrendRow("Rafah", channel, period, hits, min(hits, videos), words, videos)


def test_chart_gaps_floors_and_links() -> None:
    rows = [
        _row("DW", "2024-01", 3, 5_000, 2),
        _row("DW", "2024-04", 1, 604),  # one short video alone: under the floor
        _row("BBC", "2024-02", 0, 9_000, 3),
    ]
    chart = trend_chart(rows, "per_10k_words", "month", 1_000, lambda r: trend_link(r, "month"))
    assert chart["labels"] == ["2024-01", "2024-02", "2024-03", "2024-04"]
    lines = {d["label"]: d for d in chart["datasets"]}
    dw, bbc = lines["Rafah — DW"], lines["Rafah — BBC"]
    assert dw["data"] == [6.0, None, None, None]  # March: nothing published; April: floor
    assert dw["videos"][3] == [1, 1]  # the counts stay, for the tooltip
    assert bbc["data"] == [None, 0.0, None, None]  # published, no hit: a zero, not a gap
    assert chart["spanGaps"] is False
    link = dw["links"][0]
    assert link.startswith("/search?q=Rafah&channel=DW&since=2024-01-01&until=2024-01-31")


def test_links_of_entities_stories_and_exact_counts() -> None:
    entity = TrendRow("entity:Shin Bet", "all outlets", "2024-02", 1, 1, 10, 1)
    assert trend_link(entity, "month") == "/entity/Shin%20Bet"
    story = TrendRow("story:12", "all outlets", "2024-02", 1, 1, 10, 1)
    assert trend_link(story, "month") == "/story/12"
    exact = trend_link(_row("all outlets", "2024-02-26", 1, 10), "week", heard=False)
    assert "channel" not in exact and "since=2024-02-26&until=2024-03-03&exact=true" in exact


def test_a_point_links_to_its_outlet_group_or_the_page_s_outlets() -> None:
    """Regression (review): a point of the all-outlets line dropped the page's outlet
    filter, and a group's point named the group as an outlet."""
    overall = trend_link(_row("all outlets", "2024-02", 1, 10), "month", outlets=("DW", "BBC"))
    assert "channel=DW&channel=BBC&since=2024-02-01" in overall
    group = trend_link(_row("europe", "2024-02", 1, 10), "month", by="group")
    assert "channel=group%3Aeurope&" in group


def test_png_and_svg_charts_on_a_time_axis(tmp_path: Path) -> None:
    rows = [_row("DW", "2013-09", 2, 4_000), _row("DW", "2024-03", 1, 3_000)]
    for name in ("t.png", "t.svg"):
        write_chart(rows, "hits", tmp_path / name, "Rafah", per="month", min_words=1_000)
        assert (tmp_path / name).stat().st_size > 1_000
    assert "fewer than 1,000 words" in (tmp_path / "t.svg").read_text(encoding="utf-8")


def test_dropping_a_heard_variant() -> None:
    parsed = parse_query("Rafah -heard:Raf -heard:rafa")
    assert parsed.dropped == ("raf", "rafa")
    heard = Heard({"rafah": ["rafa", "raf"]}, {"rafah": ["rafa", "raf", "rapha"]})
    assert heard.without(parsed.dropped).used() == {"rafah": ["rapha"]}
    assert heard.without(()).used() == {"rafah": ["rafa", "raf", "rapha"]}


def test_a_chart_spans_the_table_with_month_ticks_and_names_a_series_of_gaps(
    tmp_path: Path,
) -> None:
    """Regression (review): the axis shrank to the periods drawn, with day ticks, and an
    outlet whose every period was below the word floor was in the legend, undrawn."""
    rows = [
        _row("DW", "2022-10", 1, 500),
        _row("BBC", "2026-01", 4, 5_000),
        _row("BBC", "2026-02", 6, 9_000),
    ]
    write_chart(rows, "hits", tmp_path / "t.svg", "Gaza", per="month", min_words=1_000)
    svg = (tmp_path / "t.svg").read_text(encoding="utf-8")
    assert "2022-10" in svg and "2026-02" in svg and "2026-01-05" not in svg
    assert "(all gaps)" in svg
