"""CoNLL reading, IOB2 spans and ``eval ner`` on a small real-format file."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreel.entities.evaluate import as_captions, eval_ner, read_conll, spans
from newsreel.entities.ner import mentions
from newsreel.errors import NewsreelError

CONLL = """-DOCSTART- -X- O O

Netanyahu B-PER 0
sent O 0
Mossad B-ORG 0
officials O 0
to O 0
Cairo B-LOC 0
. O 0

Barack B-PER 0
Obama I-PER 0
visited O 0
New B-LOC 0
York I-LOC 0
on O 0
Monday O 0
. O 0
"""


def test_spans_follow_iob2() -> None:
    assert spans(["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG"]) == {
        (0, 2, "PER"),
        (3, 4, "LOC"),
        (4, 5, "LOC"),
        (5, 6, "ORG"),
    }


def test_reader_and_caption_form(tmp_path: Path) -> None:
    gold = tmp_path / "g.txt"
    gold.write_text(CONLL, encoding="utf-8")
    sentences = read_conll(gold)
    assert len(sentences) == 2 and sentences[1][0][:2] == ["Barack", "Obama"]
    tokens, tags = as_captions(sentences[0])
    assert tokens == ["netanyahu", "sent", "mossad", "officials", "to", "cairo"] and len(tags) == 6


def test_bad_gold_is_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("Cairo LOCATION\n", encoding="utf-8")
    with pytest.raises(NewsreelError, match=r"bad.txt: line 1 is not 'token TAG'"):
        read_conll(bad)
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(NewsreelError, match="no sentences"):
        read_conll(empty)


def test_eval_ner_finds_the_obvious_entities(tmp_path: Path) -> None:
    gold = tmp_path / "g.txt"
    gold.write_text(CONLL, encoding="utf-8")
    scores = eval_ner(gold)
    assert scores["overall"]["gold"] == 5 and scores["overall"]["correct"] >= 3
    captions = eval_ner(gold, captions=True)
    assert captions["as_captions"] and captions["overall"]["gold"] == 5


def test_mentions_map_back_to_tokens() -> None:
    found = mentions([["Netanyahu", "sent", "Mossad", "and", "Shin", "Bet", "to", "Cairo."]])[0]
    by_text = {m.text: (m.start, m.end) for m in found}
    assert by_text["Cairo"] == (7, 8) and by_text["Netanyahu"] == (0, 1)


def test_eval_ner_command(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from newsreel.cli import main

    gold = tmp_path / "g.txt"
    gold.write_text(CONLL, encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "ner", "--gold", str(gold), "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["overall"]["gold"] == 5
    result = CliRunner().invoke(main, ["eval", "ner", "--gold", str(gold), "--as-captions"])
    assert result.exit_code == 0 and "overall" in result.stdout
    bad = tmp_path / "bad.txt"
    bad.write_text("x\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "ner", "--gold", str(bad)])
    assert result.exit_code == 1 and "bad.txt: line 1" in result.stderr


def test_long_transcripts_are_cut_at_sentence_ends_without_losing_tokens() -> None:
    from itertools import pairwise

    from newsreel.entities.ner import chunks

    tokens = [f"w{i}." if i % 7 == 6 else f"w{i}" for i in range(1000)]
    ranges = chunks(tokens, size=100)
    assert ranges[0][0] == 0 and ranges[-1][1] == 1000
    assert all(a[1] == b[0] for a, b in pairwise(ranges))
    assert all(tokens[e - 1].endswith(".") for _, e in ranges[:-1])
    assert chunks([]) == []
