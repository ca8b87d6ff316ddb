"""``POST /api/v1/ingest`` answers with the summary when the paths hold special files."""

from __future__ import annotations

import os
from pathlib import Path

from fastapi.testclient import TestClient
from tests.web.conftest import TOKEN


def test_ingest_endpoint_quarantines_special_files_instead_of_answering_500(
    writable: TestClient, tmp_path: Path
) -> None:
    # Was: 500 (FileNotFoundError from a dangling link); a pipe hung the request.
    folder = tmp_path / "in"
    folder.mkdir()
    os.symlink(folder / "nowhere.txt", folder / "dangling.txt")
    os.symlink(folder / "loop.txt", folder / "loop.txt")
    os.mkfifo(folder / "pipe.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    auth = {"Authorization": f"Bearer {TOKEN}"}
    response = writable.post("/api/v1/ingest", json={"paths": [str(folder)]}, headers=auth)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["quarantined"] == 4 and body["ingested"] == 0
    reasons = sorted(q["reason"].split(":")[0].split(" (")[0] for q in body["quarantine"])
    assert reasons == [
        "a device file",
        "a named pipe",
        "a symbolic link loop",
        "a symbolic link to nothing",
    ]
    # Named directly, a dangling link is reported too (was: 400, "no such file").
    paths = [str(folder / "dangling.txt")]
    response = writable.post("/api/v1/ingest", json={"paths": paths}, headers=auth)
    assert response.status_code == 200, response.text
    assert response.json()["quarantine"][0]["reason"].startswith("a symbolic link to nothing")
