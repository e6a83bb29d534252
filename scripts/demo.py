"""The demo hub, built at a fixed moment and served on 127.0.0.1 (for screenshots and audits).

The server compresses text and sends cache headers the way GitHub Pages does, so what is
measured is close to what readers get.
"""

from __future__ import annotations

import functools
import gzip
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from click.testing import CliRunner

from hub.cli import cli

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-11-23T12:00:00+01:00"
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg")


class PagesLike(SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSED):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *args: object) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


@contextmanager
def served_demo() -> Iterator[str]:
    """Build the demo into a temporary folder and serve it; yields the base URL."""
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        result = CliRunner().invoke(
            cli, ["build", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site), "--now", NOW]
        )
        if result.exit_code:
            sys.exit(result.output)
        handler = functools.partial(PagesLike, directory=str(site))
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()
