from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.conftest import FIXTURES

from newsreel.ingest.files import InputFile, find_inputs, read_input

SEED_TEXT = (
    "<video_id>wyqHuhmsA28</video_id>\n"
    "<video_title>Talks | DW News</video_title>\n"
    "<thumbnail_path>en_DW\\Talks  DW News.jpg</thumbnail_path>\n"
    "<doc>\nmedia Reports say ceasefire talks\n</doc>\n"
)


def test_folders_are_walked_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for name in ("b/c/2.txt", "a.txt", "b/1.txt", ".hidden/x.txt"):
        (tmp_path / name).write_text(SEED_TEXT)
    found = [f.path.relative_to(tmp_path).as_posix() for f in find_inputs([tmp_path])]
    assert found == ["a.txt", "b/1.txt", "b/c/2.txt"]


def test_a_linked_folder_is_walked_and_a_link_loop_ends(tmp_path: Path) -> None:
    """Regression (review): a folder reached through a link was left out without a word
    ("withlink/sub -> ../realdir": 1 file of 2)."""
    real = tmp_path / "realdir"
    real.mkdir()
    (real / "b.vtt").write_text("WEBVTT\n")
    top = tmp_path / "withlink"
    top.mkdir()
    (top / "a.vtt").write_text("WEBVTT\n")
    (top / "sub").symlink_to(real)
    (top / "loop").symlink_to(top)  # back up the tree: walked once
    found = [f.path.relative_to(top).as_posix() for f in find_inputs([top])]
    assert found == ["a.vtt", "sub/b.vtt"]


def test_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    """A missing path is a bad argument (docs review: the bare base class was raised,
    where api.md promises ConfigError for a bad argument)."""
    from newsreel.errors import ConfigError

    with pytest.raises(ConfigError, match="no such file or folder"):
        list(find_inputs([tmp_path / "nope"]))


def test_thumbnail_is_linked_when_found_beside_the_collection_root(tmp_path: Path) -> None:
    records = tmp_path / "collection" / "records"
    records.mkdir(parents=True)
    (tmp_path / "collection" / "en_DW").mkdir()
    image = tmp_path / "collection" / "en_DW" / "Talks  DW News.jpg"
    image.write_bytes(b"\xff\xd8\xff")
    (records / "000.txt").write_text(SEED_TEXT)
    result = read_input(InputFile(records / "000.txt", records), {})
    assert result.records[0].thumbnail_file == str(image.resolve())


def test_thumbnail_path_cannot_escape_the_collection(tmp_path: Path) -> None:
    (tmp_path / "secret.jpg").write_bytes(b"x")
    root = tmp_path / "c"
    root.mkdir()
    text = SEED_TEXT.replace("en_DW\\Talks  DW News.jpg", "..\\..\\secret.jpg")
    (root / "r.txt").write_text(text)
    assert read_input(InputFile(root / "r.txt", root), {}).records[0].thumbnail_file is None


@pytest.mark.parametrize("target", ["/etc/passwd", "elsewhere/secret.jpg"])
def test_a_thumbnail_linked_out_of_the_collection_is_none(tmp_path: Path, target: str) -> None:
    """Regression (review): a thumbnail that was a link to /etc/passwd was stored as the
    video's thumbnail file (the page then showed a broken image)."""
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "secret.jpg").write_bytes(b"\xff\xd8\xff")
    root = tmp_path / "a" / "collection"
    (root / "en_DW").mkdir(parents=True)
    (root / "en_DW" / "Talks  DW News.jpg").symlink_to(tmp_path / target)
    (root / "r.txt").write_text(SEED_TEXT)
    assert read_input(InputFile(root / "r.txt", root), {}).records[0].thumbnail_file is None


def test_unknown_files_are_skipped_unread(tmp_path: Path) -> None:
    (tmp_path / "cover.jpg").write_bytes(b"\xff\xd8")
    result = read_input(InputFile(tmp_path / "cover.jpg", tmp_path), {})
    assert result.skipped and "not a transcript format" in result.skipped
    assert result.raw == b""


def test_every_broken_fixture_is_quarantined_with_a_reason() -> None:
    folder = FIXTURES / "broken"
    for item in find_inputs([folder]):
        result = read_input(item, {})
        assert not result.records, item.path.name
        assert len(result.failures) == 1, item.path.name
        assert result.failures[0].reason, item.path.name


@given(st.text(alphabet=st.sampled_from(list("ab./\\:.")), max_size=12))
def test_thumbnail_parts_agree_with_windows_paths(path: str) -> None:
    """The quick split keeps what PureWindowsPath calls relative, never an anchor or '..'."""
    from pathlib import PureWindowsPath

    from newsreel.ingest.files import _relative_parts

    windows = PureWindowsPath(path)
    parts = _relative_parts(path)
    if parts:
        assert not windows.anchor and ".." not in windows.parts
        assert parts == windows.parts
    elif path and not windows.anchor and windows.parts and ".." not in windows.parts:
        assert path[1:2] == ":"  # "a:" is a drive to Windows only when a letter: refused anyway


@given(st.text(alphabet=st.sampled_from(list("ab é\u2028")), max_size=30))
def test_word_count_and_hash_match_the_plain_ways(text: str) -> None:
    import hashlib

    from newsreel.models import Record, hash_and_count

    record = Record(video_id="v", text=text, raw_text=text)
    digest, words = hash_and_count(record)
    assert words == text.count(" ") + 1
    assert digest == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_whisper_text_is_told_apart_from_a_long_seed_record() -> None:
    from newsreel.ingest.formats.whisper_text import looks_like_whisper_text

    lines = "".join(f"00:{i:02d}.000 - 00:{i + 1:02d}.000:  word {i}\n" for i in range(40))
    assert looks_like_whisper_text("\n\n" + lines + "x" * 20_000)
    assert not looks_like_whisper_text(SEED_TEXT.replace("ceasefire", "ceasefire " * 5000))


def test_a_file_named_twice_is_one_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    found = list(find_inputs([Path("a.txt"), Path("./a.txt"), tmp_path / "a.txt", tmp_path]))
    assert [f.path.name for f in found] == ["a.txt"]
