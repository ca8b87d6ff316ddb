"""Stories: grouping rules, the incremental stage, scores, CLI; comparison and trends CLI."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsreel import Archive, open_archive
from newsreel.analytics.compare import log_odds, ngrams
from newsreel.cli import main
from newsreel.errors import ConfigError, NotFoundError
from newsreel.stories.evaluate import Labelled, bcubed, group_labelled, read_gold, score
from newsreel.stories.features import cosine, terms, vector
from newsreel.stories.grouping import Grouper, Item


@pytest.fixture
def archive(any_archive: Archive) -> Archive:
    """Every test here runs on a SQLite file and on a PostgreSQL database."""
    return any_archive


RECORD = (
    "<video_id>{id}</video_id>\n<video_title>{title}</video_title>\n"
    "<thumbnail_path>en_{channel}\\{id}.jpg</thumbnail_path>\n"
    "<publish_date>{day}</publish_date>\n\n<doc>\n{text}\n</doc>\n"
)
ROOT = Path(__file__).resolve().parents[2]


def write(folder: Path, vid: str, title: str, day: str, text: str, channel: str) -> None:
    sub = folder / f"en_{channel}"
    sub.mkdir(parents=True, exist_ok=True)
    (sub / f"{vid}.txt").write_text(
        RECORD.format(id=vid, title=title, day=day, text=text, channel=channel)
    )


FLOOD = "floods swept the valley villages evacuated rescue boats rain river banks burst"
VOTE = "election results parliament vote counting ballots coalition minister opposition"


def test_bcubed_known_values() -> None:
    assert bcubed([1, 1, 2, 2], ["a", "a", "b", "b"]) == (1.0, 1.0, 1.0)
    precision, recall, _ = bcubed([1, 1, 1, 1], ["a", "a", "b", "b"])
    assert (precision, recall) == (0.5, 1.0)
    precision, recall, _ = bcubed([1, 2, 3, 4], ["a", "a", "b", "b"])
    assert (precision, recall) == (1.0, 0.5)
    with pytest.raises(ValueError, match="same"):
        bcubed([1], ["a", "b"])


def test_terms_weigh_the_title_and_skip_stop_words() -> None:
    counts = terms("Floods in the valley", "the the floods uh um 2024 swept")
    assert counts["floods"] == 4 and counts["valley"] == 3
    assert "the" not in counts and "uh" not in counts and "2024" not in counts


def test_similar_videos_share_a_story_and_others_do_not() -> None:
    idf = lambda _: 1.0  # noqa: E731
    grouper = Grouper()
    a = grouper.place(Item(1, vector(terms("Valley floods", FLOOD), idf), date(2024, 5, 1), "A"))
    b = grouper.place(
        Item(2, vector(terms("Floods in the valley", FLOOD), idf), date(2024, 5, 2), "B")
    )
    c = grouper.place(Item(3, vector(terms("Election night", VOTE), idf), date(2024, 5, 2), "A"))
    assert a[0] == b[0] != c[0]
    late = grouper.place(Item(4, vector(terms("Valley floods", FLOOD), idf), date(2024, 9, 1), "A"))
    assert late[0] not in (a[0], c[0])  # months later: a new story


def test_group_labelled_on_the_sportswashing_events(shared: Path) -> None:
    gold = read_gold(shared / "corpus" / "sportswashing_youtube" / "All_YouTube_Transcripts.csv")
    scores = score(group_labelled(gold), [g.label for g in gold])
    assert scores["items"] == 152 and scores["gold_groups"] == 8
    assert scores["bcubed_f1"] > 0.7


def test_read_gold_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('[{"title": "x"}]')
    with pytest.raises(ConfigError, match="'topic' and 'headline'"):
        read_gold(bad)
    broken = tmp_path / "broken.json"
    broken.write_text("{nope")
    with pytest.raises(ConfigError, match="not JSON"):
        read_gold(broken)
    csv_file = tmp_path / "x.csv"
    csv_file.write_text("a,b\n1,2\n")
    with pytest.raises(ConfigError, match="Transcript_Event"):
        read_gold(csv_file)
    with pytest.raises(ConfigError, match="no such file"):
        read_gold(tmp_path / "missing.csv")


def test_labelled_grouping_is_a_partition() -> None:
    items = [Labelled(str(i), "Valley floods", FLOOD, "f") for i in range(3)] + [
        Labelled(str(i + 3), "Election night", VOTE, "e") for i in range(3)
    ]
    predicted = group_labelled(items)
    assert score(predicted, [i.label for i in items])["bcubed_f1"] == 1.0


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    write(folder, "flood000001", "Valley floods force evacuations", "20240501", FLOOD, "DW")
    write(
        folder,
        "flood000002",
        "Floods: villages evacuated in the valley",
        "20240502",
        FLOOD + " 200 people evacuated said officials",
        "BBC",
    )
    write(folder, "vote0000001", "Election results: coalition talks", "20240502", VOTE, "DW")
    write(folder, "vote0000002", "Parliament election: the vote count", "20240503", VOTE, "BBC")
    return folder


def test_stage_groups_new_videos_only(archive: Archive, news: Path) -> None:
    archive.ingest([news])
    first = archive.group_stories()
    assert first.placed == 4 and first.new_stories == 2
    assert archive.group_stories().placed == 0  # nothing new
    stories = archive.stories()
    assert sorted(len(s.video_ids) for s in stories) == [2, 2]
    flood = next(s for s in stories if "flood000001" in s.video_ids)
    assert set(flood.channels) == {"DW News", "BBC"}  # en_DW: the outlet DW News
    assert (flood.start, flood.end) == (date(2024, 5, 1), date(2024, 5, 2))
    assert (flood.to_dict()["start"], flood.to_dict()["end"]) == ("2024-05-01", "2024-05-02")
    assert "flood" in flood.label or "valley" in flood.label
    write(news, "flood000003", "More floods in the valley", "20240504", FLOOD, "F24")
    archive.ingest([news])
    again = archive.group_stories()
    assert again.placed == 1 and again.new_stories == 0
    assert archive.store.stories.story_of("flood000003") == flood.story_id


def test_story_and_compare(archive: Archive, news: Path) -> None:
    archive.ingest([news])
    archive.group_stories()
    story_id = archive.store.stories.story_of("flood000002")
    assert story_id is not None
    story = archive.story(story_id)
    assert story.first_by_outlet is not None
    assert [i.video_id for i in story.first_by_outlet] == ["flood000001", "flood000002"]
    assert [i["video_id"] for i in story.to_dict()["first_by_outlet"]] == [
        "flood000001",
        "flood000002",
    ]
    compared = archive.compare(story=story_id, top=5)
    assert compared.videos == 2
    assert [o.channel for o in compared.outlets] == ["DW News", "BBC"]
    with pytest.raises(NotFoundError):
        archive.story(999)
    with pytest.raises(ConfigError, match="compare one thing"):
        archive.compare(story=story_id, query="x")


def test_log_odds_finds_each_sides_words() -> None:
    left = ngrams("regime forces shelled the city " * 5 + "humanitarian crisis " * 3)
    right = ngrams("terrorists attacked the city " * 5 + "security operation " * 3)
    result = log_odds({"A": left, "B": right}, top=3)
    assert result["A"][0].term in {"regime", "regime forces", "forces", "shelled", "forces shelled"}
    assert result["B"][0].term in {"terrorists", "terrorists attacked", "attacked"}
    assert all(isinstance(d.z, float) and d.z > 0 for d in result["A"])
    assert "city" not in {d.term for d in result["A"]}  # shared words are not distinctive
    # analyst review: "world (+0.0)" was listed; a term whose z rounds to 0 is not
    near = log_odds({"A": ngrams("world cup " * 50 + "world"), "B": ngrams("world cup " * 50)})
    assert all(d.z > 0 for terms in near.values() for d in terms)
    # one word is all either side says: nothing to compare (was a ZeroDivisionError)
    alone = log_odds({"A": ngrams("world " * 51), "B": ngrams("world " * 50)})
    assert alone == {"A": [], "B": []}


def test_cosine_is_symmetric_and_bounded() -> None:
    a, b = {"x": 1.0, "y": 2.0}, {"y": 1.0, "z": 3.0}
    assert cosine(a, b) == pytest.approx(cosine(b, a))
    assert 0.0 <= cosine(a, b) <= 1.0
    assert cosine(a, {}) == 0.0


# -- CLI ------------------------------------------------------------------------


def test_stories_cli(tmp_path: Path, news: Path) -> None:
    db = tmp_path / "cli.db"
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(news), "--archive", str(db)]).exit_code == 0
    result = runner.invoke(main, ["stories", "--archive", str(db), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 2
    assert {"story_id", "label", "start", "end", "channels", "video_ids"} <= set(rows[0])
    shown = runner.invoke(main, ["story", str(rows[0]["story_id"]), "--archive", str(db)])
    assert shown.exit_code == 0 and "distinctive" in shown.output
    since = runner.invoke(
        main, ["stories", "--archive", str(db), "--json", "--since", "2024-05-03"]
    )
    assert len(since.stdout.splitlines()) == 1
    missing = runner.invoke(main, ["story", "999", "--archive", str(db)])
    assert missing.exit_code == 1 and "no story 999" in missing.output
    none = runner.invoke(main, ["stories", "--archive", str(tmp_path / "nope.db")])
    assert none.exit_code == 1 and "no archive" in none.output


def test_trends_cli_table_csv_and_chart(tmp_path: Path, news: Path) -> None:
    db = tmp_path / "t.db"
    runner = CliRunner()
    runner.invoke(main, ["ingest", str(news), "--archive", str(db)])
    table = runner.invoke(
        main,
        [
            "trends",
            "floods",
            "vote",
            "--archive",
            str(db),
            "--per",
            "day",
            "--by",
            "channel",
            "--chart",
            str(tmp_path / "d.png"),
        ],
    )
    assert table.exit_code == 0, table.output
    assert "per 10,000 words" in table.output and "floods / DW News" in table.output
    assert (tmp_path / "d.png").is_file()
    raw = runner.invoke(
        main, ["trends", "floods", "--archive", str(db), "--normalise", "none", "--no-chart"]
    )
    assert raw.exit_code == 0 and raw.stdout.startswith("mentions")
    chart = tmp_path / "trend.svg"
    as_csv = runner.invoke(
        main, ["trends", "floods, vote", "--archive", str(db), "--csv", "--chart", str(chart)]
    )
    assert as_csv.exit_code == 0
    lines = as_csv.stdout.splitlines()
    assert lines[0].startswith("term,channel,period,hits,videos")
    assert chart.read_text().lstrip().startswith("<?xml")
    png = tmp_path / "trend.png"
    runner.invoke(main, ["trends", "floods", "--archive", str(db), "--chart", str(png)])
    assert png.read_bytes().startswith(b"\x89PNG")
    bad = runner.invoke(
        main, ["trends", "floods", "--archive", str(db), "--chart", str(tmp_path / "x.gif")]
    )
    assert bad.exit_code == 1 and ".png or .svg" in bad.output
    many = runner.invoke(main, ["trends", "a", "b", "c", "d", "e", "f", "--archive", str(db)])
    assert many.exit_code == 1 and "at most 5" in many.output


def test_compare_cli(tmp_path: Path, news: Path) -> None:
    db = tmp_path / "c.db"
    runner = CliRunner()
    runner.invoke(main, ["ingest", str(news), "--archive", str(db)])
    result = runner.invoke(main, ["compare", "--query", "floods", "--archive", str(db), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["videos"] == 2 and {o["channel"] for o in data["outlets"]} == {"DW News", "BBC"}
    neither = runner.invoke(main, ["compare", "--archive", str(db)])
    assert neither.exit_code == 2 and "compare one thing" in neither.output
    # review: no way to leave the "(unknown)" outlet, or some dates, out of a comparison
    one = runner.invoke(
        main, ["compare", "-q", "floods", "--channel", "BBC", "--json", "--archive", str(db)]
    )
    data = json.loads(one.stdout)
    assert data["videos"] == 1 and [o["channel"] for o in data["outlets"]] == ["BBC"]
    late = runner.invoke(
        main, ["compare", "-q", "floods", "--since", "2100-01-01", "--json", "--archive", str(db)]
    )
    assert json.loads(late.stdout)["videos"] == 0
    typo = runner.invoke(
        main, ["compare", "-q", "floods", "--channel", "BBX", "--archive", str(db)]
    )
    assert typo.exit_code == 1 and "no outlet 'BBX'" in typo.output
    for bad, said in (
        (["compare", "--story", "1", "--entity", "Qatar"], "not --story and --entity"),
        (["compare", "-q", " "], "--query is empty"),
        (["compare", "-q", "floods", "--top", "-5"], "is not in the range 1<=x<=200"),
        (["compare", "-q", "floods", "--top", "100000"], "is not in the range 1<=x<=200"),
        (["stories", "--limit", "0"], "is not in the range x>=1"),
    ):
        result = runner.invoke(main, [*bad, "--archive", str(db)])
        assert result.exit_code == 2 and said in result.output, bad


def test_eval_stories_cli(shared: Path, tmp_path: Path) -> None:
    gold = shared / "corpus" / "gaza_headlines_labelled" / "pilot_gaza_articles.json"
    result = CliRunner().invoke(main, ["eval", "stories", "--gold", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["items"] == 31 and 0.0 < scores["bcubed_f1"] <= 1.0


def test_examples_archive_opens(examples: Path, tmp_path: Path) -> None:
    with open_archive(tmp_path / "e.db") as arch:
        arch.ingest([examples])
        summary = arch.group_stories()
        assert summary.placed == 8


def test_story_trend_counts_its_videos(archive: Archive, news: Path) -> None:
    archive.ingest([news])
    archive.group_stories()
    story_id = archive.store.stories.story_of("flood000001")
    frame = archive.trends([f"story:{story_id}"], per="day")
    hits = frame[frame.hits > 0]
    assert sorted(zip(hits.channel, hits.period, strict=True)) == [
        ("BBC", "2024-05-02"),
        ("DW News", "2024-05-01"),
    ]
    with pytest.raises(NotFoundError, match="no story 999"):
        archive.trends(["story:999"])
    with pytest.raises(ConfigError, match="story:ID"):
        archive.trends(["story:abc"])


def test_topics_cli(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    for i in range(12):
        write(folder, f"flood{i:06d}", f"Floods {i}", f"202405{i + 1:02d}", FLOOD, "DW")
        write(folder, f"vote0{i:06d}", f"Election {i}", f"202406{i + 1:02d}", VOTE, "BBC")
    db = tmp_path / "t.db"
    runner = CliRunner()
    runner.invoke(main, ["ingest", str(folder), "--archive", str(db)])
    result = runner.invoke(main, ["topics", "--topics", "2", "--archive", str(db), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert sorted(t["videos"] for t in data["topics"]) == [12, 12]
    flood = next(t for t in data["topics"] if "floods" in t["terms"])
    rows = [r for r in data["rows"] if r["topic"] == flood["topic"]]
    assert {(r["channel"], r["period"], r["pct_videos"]) for r in rows} == {
        ("DW News", "2024-05", 100.0)
    }
    table = runner.invoke(main, ["topics", "--topics", "2", "--archive", str(db)])
    assert table.exit_code == 0 and "DW News: 2024-05 100%" in table.output
    too_many = runner.invoke(main, ["topics", "--topics", "20", "--archive", str(db)])
    assert too_many.exit_code == 1 and "too few" in too_many.output


def test_linked_entities_are_shared_terms() -> None:
    from collections import Counter

    from newsreel.stories.features import with_entities

    base = Counter({"crossing": 2})
    a = with_entities(base, {7: 3})
    b = with_entities(Counter({"border": 1}), {7: 1})
    assert a["@7"] == 6 and a["crossing"] == 2 and base == Counter({"crossing": 2})
    idf = lambda _: 1.0  # noqa: E731
    assert cosine(vector(a, idf), vector(b, idf)) > 0.5  # only the entity is shared


def test_enriched_archive_groups_by_entities(tmp_path: Path) -> None:
    folder = tmp_path / "ent"
    write(
        folder,
        "rafah000001",
        "Crossing reopens",
        "20240501",
        "the rafah crossing reopened today for patients",
        "DW",
    )
    write(
        folder,
        "rafah000002",
        "Border crossing opens",
        "20240502",
        "patients crossed at rafa into egypt today as the crossing reopened",
        "BBC",
    )
    with open_archive(tmp_path / "e.db") as arch:
        arch.ingest([folder])
        arch.enrich()
        arch.group_stories()
        assert arch.store.stories.story_of("rafah000001") == arch.store.stories.story_of(
            "rafah000002"
        )
        assert "Rafah" in arch.stories()[0].label


def test_a_saved_storys_span_and_size_come_from_its_videos(archive: Archive, news: Path) -> None:
    """A story's state may carry the span of a video that moved to another story in the
    batch's passes (Story.leave keeps it); what is stored is its videos' span."""
    from dataclasses import replace

    archive.ingest([news])
    archive.group_stories()
    flood = next(s for s in archive.stories() if "flood000001" in s.video_ids)
    state = next(
        st
        for st in archive.store.stories.stories_near(date(2024, 5, 1), date(2024, 5, 2), 10)
        if st.story_id == flood.story_id
    )
    stale = replace(state, start=date(2024, 4, 1), end=date(2030, 1, 1), videos=7)
    archive.store.stories.save_stories([stale], [], {})
    again = next(s for s in archive.stories() if s.story_id == flood.story_id)
    assert (again.start, again.end, again.videos) == (flood.start, flood.end, 2)


def test_a_story_listing_follows_set_and_outlet_merges(archive: Archive, news: Path) -> None:
    """Regression (review): start, end and outlets stayed as grouped until --regroup."""
    archive.ingest([news])
    archive.group_stories()
    story_id = archive.store.stories.story_of("flood000002")
    assert story_id is not None
    archive.set_metadata("flood000001", publish_date="2024-04-20")
    archive.merge_outlets("BBC", "DW News")
    story = archive.story(story_id)
    assert (story.start, story.end) == (date(2024, 4, 20), date(2024, 5, 2))
    assert story.channel_videos == {"DW News": 2}
    assert [s.story_id for s in archive.stories(channel="DW News")].count(story_id) == 1


def test_a_partly_dated_storys_span_says_how_many_videos_have_no_date(
    tmp_path: Path, news: Path
) -> None:
    """Regression (review): "11 videos, 2022-10-20" when 10 of them had no date."""
    record = news / "en_DW" / "flood000001.txt"
    record.write_text(record.read_text().replace("20240501", ""), encoding="utf-8")
    db = tmp_path / "s.db"
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(news), "--archive", str(db)]).exit_code == 0
    assert runner.invoke(main, ["stories", "--archive", str(db), "--regroup"]).exit_code == 0
    listed = runner.invoke(main, ["stories", "--archive", str(db)]).output
    assert "2 videos, 2024-05-02 (1 undated)" in listed
    none = runner.invoke(main, ["stories", "--archive", str(db), "--until", "2000-01-01"])
    assert none.exit_code == 0 and "No stories of 2 or more videos with a video" in none.output


def test_distinctive_terms_are_over_used_and_no_contraction_or_own_name() -> None:
    """Regression (review): "qatar (-0.4)" listed as distinctive; "don" (of "don't") and
    FRANCE 24's "france" ranked first."""
    left = ngrams("we don't want the france coverage of qatar workers " * 4)
    right = ngrams("qatar qatar qatar stadium deaths " * 4)
    result = log_odds({"FRANCE 24": left, "DW": right}, top=10)
    terms = {d.term for d in result["FRANCE 24"]}
    assert "don" not in terms and "france" not in terms and "coverage" in terms
    assert all(d.z > 0 for group in result.values() for d in group)
    assert "qatar" not in terms  # the other outlet said it more
    # review: "ve seen" (of "we've seen"), "speech speech" (a stutter), "probably"
    talk = ngrams("we've seen it probably basically speech speech minister said " * 3)
    assert {"ve seen", "speech speech", "probably", "basically"}.isdisjoint(talk)
    assert {"speech", "minister", "speech minister"} <= set(talk)


def test_distinctive_terms_leave_out_numbers_tags_addresses_and_a_phrases_words() -> None:
    """Regression (review): `compare -q Ukraine` gave "two (+4.4) ... three ... com";
    Vice "slow electronic" from the tag "(slow electronic music)"; "donald", "donald
    trump" and "trump" side by side."""
    said = ngrams("two three minister [Music] (slow electronic music) visit bbc dot com")
    assert {"two", "three", "music", "slow", "slow electronic", "com"}.isdisjoint(said)
    assert {"minister", "visit", "bbc"} <= set(said)
    left = ngrams("donald trump spoke donald trump left donald trump won trump " * 3)
    right = ngrams("the minister spoke about schools and hospitals today " * 3)
    terms = [d.term for d in log_odds({"A": left, "B": right}, top=10)["A"]]
    assert "donald trump" in terms and "donald" not in terms and "trump" not in terms


def test_a_renamed_or_merged_entity_shows_in_story_labels_at_once(
    archive: Archive, news: Path
) -> None:
    """Regression (review): a story label kept "Emma Bernell" after the rename until
    --regroup."""
    archive.ingest([news])
    archive.group_stories()
    story_id = archive.store.stories.story_of("flood000001")
    assert story_id is not None
    archive.store.stories.set_story_labels([(story_id, "Emma Bernell · Emma Burnell · floods")])
    archive.store.stories.rename_in_labels("Emma Bernell", "Emma Burnell")
    assert archive.story(story_id).label == "Emma Burnell · floods"
    archive.store.stories.rename_in_labels("Nobody", "Somebody")  # no label has it
    assert archive.story(story_id).label == "Emma Burnell · floods"


def test_story_ids_outlive_a_regrouping(archive: Archive, news: Path) -> None:
    """Regression (review): --regroup numbered stories from 1 again, so /story/14 showed
    another story; a story split apart by a regrouping points to its heir."""
    archive.ingest([news])
    archive.group_stories()
    flood = archive.store.stories.story_of("flood000001")
    vote = archive.store.stories.story_of("vote0000001")
    assert flood is not None and vote is not None and flood != vote
    for vid in ("flood000001", "flood000002"):  # the floods now come after the votes
        archive.set_metadata(vid, publish_date="2024-06-01")
    archive.group_stories(regroup=True)
    assert archive.store.stories.story_of("flood000002") == flood
    assert archive.store.stories.story_of("vote0000002") == vote
    assert set(archive.story(flood).video_ids) == {"flood000001", "flood000002"}
    # a year apart, the floods are two stories: neither holds most of the old one
    archive.set_metadata("flood000002", publish_date="2025-06-01")
    archive.group_stories(regroup=True)
    apart = {archive.store.stories.story_of(v) for v in ("flood000001", "flood000002")}
    assert len(apart) == 2 and flood not in apart and vote not in apart
    assert all(s is not None and s > max(flood, vote) for s in apart)  # never reused
    with pytest.raises(NotFoundError, match=f"story {flood} was regrouped.*in story \\d+"):
        archive.story(flood)
    heir = int(str(archive.store.stories.moved_story(flood)[1]))
    assert heir in apart
    again = CliRunner().invoke(main, ["trends", f"story:{flood}", "--archive", archive.store.path])
    assert again.exit_code == 1 and f"story {flood} was regrouped" in again.output


def test_carried_ids_go_to_the_story_holding_most_of_the_old_one() -> None:
    from newsreel.stories.ids import carry_ids

    old = {1: {"a", "b", "c"}, 2: {"d", "e"}, 3: {"f"}}
    new = {10: {"a", "b"}, 11: {"c", "d"}, 12: {"e", "g"}, 13: {"h"}}
    kept, moved = carry_ids(old, new)
    assert kept == {10: 1}  # 2 of 3; story 2 is split 1 and 1: no one keeps it
    assert moved == {2: 11, 3: None}  # the first of equal heirs; "f" is in no story now
    assert carry_ids({}, new) == ({}, {})
    # a small batch's re-formed stories: the largest part of a story cut up keeps its id
    assert carry_ids(old, new, share=0.0) == ({10: 1, 11: 2}, {3: None})


def test_undated_videos_are_counted_wherever_dates_are_shown(tmp_path: Path, news: Path) -> None:
    """Regression (review): the web and API spans, compare's "first on" and trends of
    an undated selection said nothing of the videos with no date."""
    record = news / "en_DW" / "flood000001.txt"
    record.write_text(record.read_text().replace("20240501", ""), encoding="utf-8")
    db = tmp_path / "s.db"
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(news), "--archive", str(db)]).exit_code == 0
    assert runner.invoke(main, ["stories", "--archive", str(db)]).exit_code == 0
    with open_archive(db) as arch:
        flood = next(s for s in arch.stories() if "flood000001" in s.video_ids)
        assert flood.undated == 1 and flood.to_dict(with_items=False)["undated"] == 1
        outlets = {o.channel: o for o in arch.compare(story=flood.story_id).outlets}
        assert (outlets["DW News"].undated, outlets["DW News"].first) == (1, None)
        assert outlets["BBC"].undated == 0 and outlets["BBC"].first is not None
        assert arch.trend_undated(["floods", "ballots"]) == {"floods": 1}
        assert arch.trend_undated("floods", channel=["BBC"]) == {}
    shown = runner.invoke(main, ["story", str(flood.story_id), "--archive", str(db)]).output
    assert "DW News: 1 video (all undated)" in shown
    data = json.loads(
        runner.invoke(
            main, ["trends", "floods", "--json", "--no-chart", "--archive", str(db)]
        ).stdout
    )
    assert data["undated_hits"] == {"floods": 1}
    alone = runner.invoke(
        main, ["trends", "floods", "--channel", "DW News", "--no-chart", "--archive", str(db)]
    )
    assert "floods: 1 video that says it has no date, so is in no period" in alone.output
    before = ["--until", "2000-01-01", "--no-chart", "--archive", str(db)]
    none = runner.invoke(main, ["trends", "floods", *before])
    assert none.exit_code == 0 and "no dated video of the outlets" in none.output


def test_an_outlets_numbers_are_taken_from_each_of_its_videos_in_turn() -> None:
    from newsreel.cli.stories import spread
    from newsreel.rows import OutletClaim

    def claim(video: str, value: float) -> OutletClaim:
        return OutletClaim("BBC", None, video, value, str(value), None, None)

    claims = [claim("a", n) for n in range(6)] + [claim("b", 10), claim("c", 20)]
    assert [c.value for c in spread(claims, 4)] == [0, 1, 10, 20]
    assert spread(claims, 20) == claims and spread([], 3) == []


def test_a_regrouping_stopped_before_it_forgot_the_stories_finishes(
    archive: Archive, news: Path
) -> None:
    """Review of the change: stopped between remembering and forgetting the stories, the
    next run carried every id onto itself and failed on a duplicate story id."""
    archive.ingest([news])
    archive.group_stories()
    before = {s.story_id for s in archive.stories()}
    archive.store.stories.remember_stories()  # ... and stopped here
    archive.group_stories()
    assert {s.story_id for s in archive.stories()} == before
    assert archive.store.stories.story_videos(before=True) == {}


def test_a_name_the_titles_say_comes_first_and_an_outlet_is_no_name() -> None:
    """Regression (review): a podcast's "A year of war in Sudan" was labelled "Israel ·
    India" (its roundup says them more); BBC News' videos were "... · BBC"."""
    from newsreel.stories.stage import titled_first

    names = ["Israel", "India", "Sudan", "Peter Mandelson"]
    assert titled_first(names, ["A year of war in Sudan"])[:2] == ["Sudan", "Israel"]
    assert titled_first(names, ["Mandelson resigns | BBC News"])[0] == "Peter Mandelson"
    assert titled_first(names, ["News | India"]) == names  # the outlet's part of a title


def test_a_story_label_leaves_out_its_outlet(archive: Archive, tmp_path: Path) -> None:
    from newsreel.stories.stage import label

    rows = [
        {
            "video_id": f"hk{n:09d}",
            "title": "Hong Kong passes tough security law | BBC News",
            "channel": "BBC News",
            "publish_date": "2024-03-19",
            "transcript": "the BBC reports the BBC says Hong Kong law passed in Hong Kong",
        }
        for n in range(2)
    ]
    path = tmp_path / "hk.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    archive.ingest([path])
    archive.group_stories()
    story_id = archive.store.stories.story_of("hk000000000")
    assert story_id is not None
    tids = archive.store.stories.story_video_ids(story_id)
    for tid in tids:  # enrich's mentions, written as it would
        archive.store.entities.save_enrichment(
            tid,
            "x",
            [
                (1, 2, "BBC", "BBC", "ORG", "ner"),
                (2, 3, "BBC", "BBC", "ORG", "ner"),
                (9, 11, "Hong Kong", "Hong Kong", "LOC", "ner"),
            ],
            [],
        )
    assert label(archive.store, {}, story_id) == "Hong Kong"


SHARED = "saudi arabia football premier league investment fund wealth sportswashing".split()
TAKEOVER = "newcastle takeover united magpies consortium stjames ashley staveley".split()
PRO_LEAGUE = "pro league ronaldo benzema neymar alhilal alnassr transfers".split()


def _videos(topic: list[str], first_key: int, n: int, seed: int) -> list[Item]:
    """``n`` undated videos of one story: most of its own words and most shared ones."""
    import random

    rng = random.Random(seed)
    idf = lambda _: 1.0  # noqa: E731
    items = []
    for k in range(n):
        words = rng.sample(topic, 6) + rng.sample(SHARED, 6)
        items.append(
            Item(first_key + k, vector(terms(" ".join(words[:3]), " ".join(words)), idf), None, "A")
        )
    return items


def test_two_stories_sharing_their_words_are_cut_in_two() -> None:
    from newsreel.stories.grouping import _halves, cohesion, group

    takeover, league = _videos(TAKEOVER, 0, 10, 1), _videos(PRO_LEAGUE, 100, 10, 2)
    mixed = takeover + league
    halves = _halves(mixed)
    assert halves is not None
    assert {frozenset(i.key for i in h) for h in halves} == {
        frozenset(i.key for i in takeover),
        frozenset(i.key for i in league),
    }
    assert sum(cohesion(h) * len(h) for h in halves) / len(mixed) > cohesion(mixed)
    placed = group(mixed)
    assert len({placed[i.key] for i in takeover}) == 1
    assert {placed[i.key] for i in takeover}.isdisjoint({placed[i.key] for i in league})
    # without the cut the shared words make them one story
    assert len(set(group(mixed, halves_gain=None).values())) == 1


def test_one_story_is_not_cut_in_two() -> None:
    from newsreel.stories.grouping import _halves

    assert _halves(_videos(TAKEOVER, 0, 20, 3)) is None
    assert _halves(_videos(TAKEOVER, 0, 5, 4) + _videos(PRO_LEAGUE, 100, 2, 5)) is None  # too few
    assert (
        _halves(_videos(TAKEOVER, 0, 7, 4) + _videos(PRO_LEAGUE, 100, 2, 5)) is None
    )  # a half of 2


def test_an_outlets_numbers_with_a_source_or_of_ten_or_more_are_shown_first() -> None:
    """New-user review: a story's numbers began "two main reasons", "one true love",
    "four points" while "300 million price tag" and a sourced figure waited behind."""
    from newsreel.cli.stories import spread
    from newsreel.rows import OutletClaim

    def claim(video: str, value: float, source: str | None = None) -> OutletClaim:
        return OutletClaim("BBC", None, video, value, str(value), "x", source)

    claims = [claim("a", 2), claim("a", 1), claim("a", 300e6), claim("a", 5, "the club")]
    assert [c.value for c in spread(claims, 2)] == [300e6, 5]  # in the video's order
    assert [c.value for c in spread(claims, 4)] == [2, 1, 300e6, 5]
    # review (stop 69): a video's "three things" waited behind every other video's figures
    claims = [claim("a", 3), claim("b", 50), claim("b", 40), claim("c", 7)]
    assert [c.value for c in spread(claims, 2)] == [50, 40]
    assert [c.value for c in spread(claims, 3)] == [3, 50, 40]
    # ... and a video's sourced figure still comes before its larger ones
    claims = [claim("a", 40), claim("a", 5, "police"), claim("b", 60)]
    assert [c.value for c in spread(claims, 2)] == [5, 60]


def test_a_cut_keeps_the_storys_id_for_one_half_and_leaves_other_stories_alone() -> None:
    from newsreel.stories.grouping import Story

    idf = lambda _: 1.0  # noqa: E731
    older = Story(1, dict(vector(terms("Election night", VOTE), idf)), videos=3)
    grouper = Grouper([older], next_id=2)
    mixed = _videos(TAKEOVER, 0, 10, 1) + _videos(PRO_LEAGUE, 100, 10, 2)
    placed = grouper.place_batch(mixed)
    ids = {story for story, _ in placed.values()}
    assert len(ids) == 2 and 1 not in ids and min(ids) == 2  # the batch's story kept 2
    assert grouper.stories[1].videos == 3 and grouper.next_id == max(ids) + 1
    for key, (story, similarity) in placed.items():  # each video's similarity is to its half
        item = next(i for i in mixed if i.key == key)
        assert similarity == round(grouper.stories[story].similarity(item.vector, without=True), 4)


def _in_small_batches(items: list[Item], size: int, settle: bool) -> dict[int, int]:
    """Place ``items`` a few at a time, as daily runs do; with ``settle``, each batch is
    placed beside every video placed before it (``FILL``)."""
    grouper, placed = Grouper(), dict[int, int]()
    for start in range(0, len(items), size):
        batch = items[start : start + size]
        before = items[:start] if settle else []
        settled = {i.key: placed[i.key] for i in before}
        for key, (story, _) in grouper.place_batch(batch + before, settled=settled).items():
            placed[key] = story
    return placed


def test_videos_placed_a_few_at_a_time_group_as_one_batch_does() -> None:
    """Stop 64: a story grown a few videos a day was never split (only a batch's own
    stories were), so daily runs chained two stories sharing their words into one."""
    takeover, league = _videos(TAKEOVER, 0, 10, 1), _videos(PRO_LEAGUE, 100, 10, 2)
    arriving = [v for pair in zip(takeover, league, strict=True) for v in pair]

    def partition(placed: dict[int, int]) -> set[frozenset[int]]:
        stories: dict[int, set[int]] = {}
        for key, story in placed.items():
            stories.setdefault(story, set()).add(key)
        return {frozenset(keys) for keys in stories.values()}

    whole = partition(_in_small_batches(arriving, len(arriving), settle=False))
    assert whole == {frozenset(i.key for i in takeover), frozenset(i.key for i in league)}
    assert partition(_in_small_batches(arriving, 3, settle=True)) == whole
    assert len(partition(_in_small_batches(arriving, 3, settle=False))) == 1  # chained


def test_a_settled_video_keeps_its_story_unless_it_moves() -> None:
    idf = lambda _: 1.0  # noqa: E731
    grouper = Grouper()
    first = grouper.place_batch(_videos(TAKEOVER, 0, 4, 1))
    (story,) = {s for s, _ in first.values()}
    again = grouper.place_batch(
        [*_videos(TAKEOVER, 0, 4, 1), Item(50, vector(terms("x", VOTE), idf), None, "A")],
        settled={key: s for key, (s, _) in first.items()},
    )
    assert {k: again[k][0] for k in first} == {k: s for k, (s, _) in first.items()}
    assert again[50][0] != story and grouper.stories[story].videos == 4


def test_daily_runs_group_as_one_run_does(archive: Archive, tmp_path: Path) -> None:
    """Stop 64: videos grouped two a day chained Newcastle's takeover and the Saudi Pro
    League into one story that one run over all of them keeps apart; now each run places
    its videos again beside those grouped last, and a story they re-form keeps its id."""
    import random

    rng, folder = random.Random(7), tmp_path / "daily"
    seen: list[dict[str, int | None]] = []
    for n in range(8):
        for topic, name in ((TAKEOVER, "take"), (PRO_LEAGUE, "leag")):
            words = rng.sample(topic, 4) + rng.sample(SHARED, 8)  # undated, mostly shared
            write(folder, f"{name}{n:07d}", " ".join(words[:4]), "", " ".join(words), "DW")
        archive.ingest([folder])
        archive.group_stories()
        seen.append({v: archive.store.stories.story_of(v) for v in ("take0000000", "leag0000000")})
    daily = {frozenset(s.video_ids) for s in archive.stories()}
    assert daily == {frozenset(f"{name}{n:07d}" for n in range(8)) for name in ("take", "leag")}
    # one story while the shared words held them together, then cut in two, one half
    # keeping its id; both ids outlive every later run
    (mixed,) = set(seen[0].values())
    assert mixed in set(seen[-1].values()) and len(set(seen[-1].values())) == 2
    cut = next(n for n, ids in enumerate(seen) if len(set(ids.values())) == 2)
    assert all(ids == seen[-1] for ids in seen[cut:])
    archive.group_stories(regroup=True)
    assert {frozenset(s.video_ids) for s in archive.stories()} == daily


def test_a_story_emptied_into_an_older_one_leads_to_it() -> None:
    from newsreel.stories.grouping import Story

    takeover = _videos(TAKEOVER, 0, 4, 1)
    older = Story(1, {}, videos=0)
    for item in takeover[:3]:
        older.join(item.vector, None)
    alone = Story(2, {}, videos=0)  # the last video, once a story of its own
    alone.join(takeover[3].vector, None)
    grouper = Grouper([older, alone], next_id=3)
    placed = grouper.place_batch([takeover[3]], settled={takeover[3].key: 2})
    assert placed[takeover[3].key][0] == 1 and 2 not in grouper.stories
    assert grouper.moves == {2: 1}
