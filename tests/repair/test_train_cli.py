"""scripts/train_repair.py: a command line that cannot run says why, before torch loads."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "train_repair.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_repair_cli", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "repair"
    folder.mkdir()
    for name in ("train.jsonl", "dev.jsonl"):
        (folder / name).write_text("", encoding="utf-8")
    return folder


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = _script().main(argv)
    return code, capsys.readouterr().err


def test_resume_without_a_checkpoint_says_how_to_start(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _run(["--data", str(data), "--resume"], capsys)
    assert code == 2
    assert "no checkpoint (step-*.pt) in" in err and "without --resume" in err


def test_export_of_a_missing_checkpoint_names_it(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = data / "checkpoints" / "step-0000100.pt"
    code, err = _run(["--data", str(data), "--export", str(missing)], capsys)
    assert code == 2
    assert f"--export: {missing} is not a file" in err


def test_missing_training_data_points_to_repair_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _run(["--data", str(tmp_path / "nowhere")], capsys)
    assert code == 2
    assert "train.jsonl is missing; run scripts/repair_data.py first" in err


def test_a_fresh_run_never_overwrites_checkpoints(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (data / "checkpoints").mkdir()
    (data / "checkpoints" / "step-0000042.pt").write_bytes(b"")
    code, err = _run(["--data", str(data)], capsys)
    assert code == 2
    assert "already holds checkpoints" in err and "--resume" in err


def test_init_needs_an_exported_model(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _run(["--data", str(data), "--init", str(data / "model")], capsys)
    assert code == 2
    assert "punctuator.onnx is missing" in err
    (data / "notes.txt").write_text("not weights")
    code, err = _run(["--data", str(data), "--init", str(data / "notes.txt")], capsys)
    assert code == 2
    assert "notes.txt is not a checkpoint" in err
    code, err = _run(["--data", str(data), "--init", str(data / "typo.pt")], capsys)
    assert code == 2
    assert "no checkpoint" in err and "typo.pt" in err


def test_resume_takes_the_newest_checkpoint(tmp_path: Path) -> None:
    for step in (900, 1000, 80):
        (tmp_path / f"step-{step:07d}.pt").write_bytes(b"")
    assert _script().latest_checkpoint(tmp_path).name == "step-0001000.pt"


def test_the_command_line_is_checked_without_torch() -> None:
    before = set(sys.modules)
    _script()
    assert "torch" not in set(sys.modules) - before


def test_gzipped_training_data_is_accepted(tmp_path: Path) -> None:
    folder = tmp_path / "repair"
    folder.mkdir()
    (folder / "train.jsonl.gz").write_bytes(b"")
    (folder / "dev.jsonl").write_text("", encoding="utf-8")
    args = _script().parse(["--data", str(folder)])
    assert _script().check(args) is None


WEIGHTS = SCRIPT.parent / "repair_weights.py"


def _weights(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    spec = importlib.util.spec_from_file_location("repair_weights_cli", WEIGHTS)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    code = module.main(argv)
    return code, capsys.readouterr().err


def test_pack_of_a_missing_checkpoint_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _weights(["pack", str(tmp_path / "best.pt"), str(tmp_path / "out")], capsys)
    assert code == 2
    assert f"{tmp_path / 'best.pt'}: no such checkpoint" in err


def test_unpack_says_what_the_folder_lacks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = str(tmp_path / "back.pt")
    code, err = _weights(["unpack", str(tmp_path / "gone"), target], capsys)
    assert code == 2 and f"{tmp_path / 'gone'}: no such folder" in err
    code, err = _weights(["unpack", str(tmp_path), target], capsys)
    assert code == 2 and "expected one NAME.json beside the parts, found 0" in err
    (tmp_path / "d.json").write_text("{}", encoding="utf-8")
    code, err = _weights(["unpack", str(tmp_path), target], capsys)
    assert code == 2 and "no d.part*.pt files beside d.json" in err
    (tmp_path / "d.part0.pt").write_bytes(b"")
    code, err = _weights(["unpack", str(tmp_path), target, "--base", str(tmp_path)], capsys)
    assert code == 2 and "punctuator.onnx is missing" in err
    assert not (tmp_path / "back.pt").exists()
