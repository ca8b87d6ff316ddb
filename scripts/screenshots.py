"""Take the screenshots in docs/img/ with headless Chromium (Debian's package).

    python scripts/screenshots.py [--archive demo.db] [--out docs/img]

Without --archive it builds the demo archive (the bundled examples, repaired and
enriched) in a temporary folder, as `make demo` does.
"""

from __future__ import annotations

import argparse
import socket
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from newsreel import open_archive
from newsreel.web import create_app

ROOT = Path(__file__).resolve().parents[1]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PAGES = [
    ("search", "/search?q=Rafah"),
    ("video", "/video/wyqHuhmsA28"),
    ("entity", "/entity/Shin%20Bet"),
    ("trends", "/trends?terms=Gaza,+Hamas,+entity:Egypt&by=all&measure=per_10k_words"),
    ("overview", "/"),
    ("stories", "/stories"),
]


def demo_archive(folder: Path) -> Path:
    """The examples, ingested, repaired and enriched."""
    path = folder / "demo.db"
    with open_archive(path) as arch:
        arch.ingest([ROOT / "examples"])
        arch.repair()
        arch.enrich()
        arch.group_stories()
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        archive = args.archive or demo_archive(Path(tmp))
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = uvicorn.Server(
            uvicorn.Config(create_app(archive), host="127.0.0.1", port=port, log_level="warning")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        args.out.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=args.chromium, args=FLAGS)
            page = browser.new_page(viewport={"width": 1280, "height": 860})
            for name, url in PAGES:
                page.goto(f"http://127.0.0.1:{port}{url}")
                page.wait_for_timeout(300)
                page.screenshot(path=str(args.out / f"{name}.png"))
                print(f"{args.out / name}.png  <- {url}")
            browser.close()
        server.should_exit = True
        thread.join(timeout=10)


if __name__ == "__main__":
    main()
