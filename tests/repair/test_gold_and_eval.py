"""Gold readers and the evaluation commands' scoring, on small real-format files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsreel.errors import NewsreelError
from newsreel.repair.evaluate import (
    _match,
    eval_captions,
    eval_punctuation,
    eval_turns,
    prf,
    score_marks,
)
from newsreel.repair.gold import broadcast_turns, caption_pairs, read_iwslt


def test_score_marks_micro_averages_the_three_marks() -> None:
    gold = ["O", "COMMA", "PERIOD", "O", "QUESTION", "PERIOD"]
    pred = ["COMMA", "COMMA", "PERIOD", "O", "PERIOD", "PERIOD"]
    scores = score_marks(gold, pred)
    assert scores["COMMA"] == prf(1, 2, 1)
    assert scores["PERIOD"]["correct"] == 2 and scores["PERIOD"]["predicted"] == 3
    assert scores["QUESTION"]["recall"] == 0.0
    assert scores["overall"] == prf(3, 5, 4)
    assert scores["overall"]["f1"] == pytest.approx(2 * 0.6 * 0.75 / 1.35, abs=1e-4)


def test_iwslt_reader_keeps_empty_tokens_and_names_bad_lines(tmp_path: Path) -> None:
    good = tmp_path / "gold.tsv"
    good.write_text("hello\tCOMMA\n\tO\nworld\tPERIOD\n", encoding="utf-8")
    assert read_iwslt(good) == (["hello", "", "world"], ["COMMA", "O", "PERIOD"])
    bad = tmp_path / "bad.tsv"
    bad.write_text("hello\tCOMMA\nworld EXCLAIM\n", encoding="utf-8")
    with pytest.raises(NewsreelError, match=r"bad.tsv: line 2 is not"):
        read_iwslt(bad)
    empty = tmp_path / "empty.tsv"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(NewsreelError, match="no tokens"):
        read_iwslt(empty)


def test_eval_punctuation_scores_every_gold_token(tmp_path: Path) -> None:
    gold = tmp_path / "gold.tsv"
    words = ["thank", "you", "very", "much", "what", "do", "you", "think", "about", "that"]
    labels = ["O", "O", "O", "PERIOD", "O", "O", "O", "O", "O", "QUESTION"]
    gold.write_text(
        "".join(f"{w}\t{lab}\n" for w, lab in zip(words, labels, strict=True)), encoding="utf-8"
    )
    scores = eval_punctuation(gold)
    assert scores["words"] == 10
    assert scores["overall"]["gold"] == 2
    assert scores["words_per_second"] > 0


def _pairs(folder: Path) -> Path:
    folder.mkdir()
    data = {
        "autogen": {
            "v1": [
                {"text": "so today we are going to talk about gravity", "start": 0, "duration": 2},
                {"text": "what is it really it is a force", "start": 2, "duration": 2},
            ],
            "only_auto": [{"text": "x", "start": 0, "duration": 1}],
        },
        "manual": {
            "v1": [
                {"text": "So today we're going to talk about gravity.", "start": 0, "duration": 2},
                {"text": "What is it, really? It is a force.", "start": 2, "duration": 2},
            ]
        },
    }
    (folder / "Channel.json").write_text(json.dumps(data), encoding="utf-8")
    return folder


def test_eval_captions_aligns_auto_with_human_captions(tmp_path: Path) -> None:
    scores = eval_captions(_pairs(tmp_path / "pairs"))
    assert scores["videos"] == 1
    assert scores["aligned_words"] >= 13  # "we are" vs "we're" does not align
    assert scores["sentences"]["gold"] == 3
    assert scores["casing"]["gold"] == 3
    assert set(scores["punctuation"]) == {"COMMA", "PERIOD", "QUESTION", "overall"}


def test_caption_pairs_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(NewsreelError, match="no caption-pair"):
        caption_pairs(tmp_path)
    (tmp_path / "bad.json").write_text('{"autogen": {}}', encoding="utf-8")
    with pytest.raises(NewsreelError, match=r"bad.json: caption-pair JSON needs"):
        caption_pairs(tmp_path)
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(NewsreelError, match=r"bad.json: not caption-pair JSON"):
        caption_pairs(tmp_path)
    with pytest.raises(NewsreelError, match="not a folder"):
        caption_pairs(tmp_path / "bad.json")


def test_broadcast_turns_reads_speaker_labels(tmp_path: Path) -> None:
    path = tmp_path / "show.txt"
    path.write_text(
        "Show: THE BEAT\nARI MELBER, MSNBC HOST: Good evening. (BEGIN VIDEO CLIP)\n"
        "UNIDENTIFIED MALE: No comment.\nMore from the host.\nMELBER: Thanks.\n",
        encoding="utf-8",
    )
    assert broadcast_turns(path) == [
        ("ARI MELBER", "Good evening."),
        ("UNIDENTIFIED MALE", "No comment."),
        (None, "More from the host."),
        ("MELBER", "Thanks."),
    ]


def test_turn_matching_is_one_to_one_within_tolerance() -> None:
    assert _match([10, 12, 50], [11, 40], tolerance=3) == [(10, 11)]


def test_eval_turns_needs_transcripts(tmp_path: Path) -> None:
    with pytest.raises(NewsreelError, match="no broadcast transcripts"):
        eval_turns(tmp_path)
    (tmp_path / "a.txt").write_text("just some words with nobody named\n", encoding="utf-8")
    with pytest.raises(NewsreelError, match=r"none of its 1 \.txt files has a speaker label"):
        eval_turns(tmp_path)
    (tmp_path / "a.txt").write_text(
        "ANCHOR, HOST: Let's bring in our correspondent John Smith who is in Cairo. John, what "
        "is happening?\nJOHN SMITH, CORRESPONDENT: Well, the talks resume today.\n",
        encoding="utf-8",
    )
    scores = eval_turns(tmp_path)
    assert scores["files"] == 1 and scores["turns"]["gold"] == 1
