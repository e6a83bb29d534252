"""Shared helpers: copy a scenario site into tmp_path, run the CLI, read the output back."""

from __future__ import annotations

import filecmp
import gzip
import json
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from hypothesis import settings

from hub import i18n
from hub.cli import cli
from hub.model import Item, Kind

# 1,000 examples per property in `make test`; `make fuzz` runs the "fuzz" profile.
settings.register_profile("default", max_examples=1000, deadline=None)
settings.register_profile("fuzz", max_examples=20000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

SITES = Path(__file__).parent / "sites"
ROOT = Path(__file__).parent.parent
DEMO_NOW = "2026-11-23T12:00:00+01:00"  # the demo is always built as it is at this moment


def output_text(site: Path) -> str:
    """Every file of a built site as text, the search index's compressed files opened too."""
    texts = []
    for path in sorted(site.rglob("*")):
        if path.is_file():
            raw = path.read_bytes()
            if raw[:2] == b"\x1f\x8b":
                raw = gzip.decompress(raw)
            texts.append(raw.decode("utf-8", errors="replace"))
    return "\n".join(texts)


def search_records(site: Path, shard: str = "*") -> dict[str, dict[str, Any]]:
    """What Pagefind indexed, by address: each page's title and text (its fragment files), in
    every shard of the index or in one (``"0/"``)."""
    records = {}
    for path in (site / "pagefind").glob(f"{shard.strip('/')}/fragment/*.pf_fragment"):
        data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        record = json.loads(data)
        records[record["url"]] = record
    return records


def story(**fields: Any) -> Item:
    """A story record for unit tests; any field can be given."""
    values: dict[str, Any] = {
        "kind": Kind.STORY,
        "src": "stories/x.md",
        "path": "content/stories/x.md",
        "slug": "x",
        "url": "stories/x/",
        "title": "X",
        "summary": "",
        "body": "",
    }
    return Item(**{**values, **fields})


def demo_config(folder: Path, options: str = "") -> Path:
    """A copy of the demo's mkdocs.yml in ``folder`` (content and theme still the demo's),
    with ``options`` (indented YAML lines) added to the brandhub plugin's settings."""
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "mkdocs.yml"
    config.write_text(
        (ROOT / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace("docs_dir: content", f"docs_dir: {ROOT / 'content'}")
        .replace("custom_dir: theme", f"custom_dir: {ROOT / 'theme'}")
        .replace("  - brandhub:\n", f"  - brandhub:\n{options}"),
        encoding="utf-8",
    )
    return config


def different_files(left: Path, right: Path) -> list[str]:
    """Files that differ or exist on one side only, search indexes excepted."""
    found: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(prefix + n for n in cmp.left_only + cmp.right_only + cmp.diff_files)
        found.extend(prefix + n for n in cmp.funny_files)
        for name, sub in cmp.subdirs.items():
            if name != "pagefind":  # the search index, in each language of a hub
                walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right, ignore=[]), "")
    return found


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    """A test that speaks another language (a Spanish hub's check) leaves the process in
    English, as it starts: the next test's messages do not depend on the order of tests."""
    yield
    i18n.activate(i18n.language(i18n.SOURCE_LANGUAGE))


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole demo site (both languages: ``en/``, ``es/``) built once per test run; tests
    only read it."""
    out = tmp_path_factory.mktemp("demo") / "site"
    result = CliRunner().invoke(
        cli, ["build", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out), "--now", DEMO_NOW]
    )
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output.lower()
    return out


@pytest.fixture(scope="session")
def demo_site(demo_build: Path) -> Path:
    """The demo's English hub (its default language), at ``/en/``."""
    return demo_build / "en"


@pytest.fixture(scope="session")
def demo_spanish(demo_build: Path) -> Path:
    """The demo's Spanish hub, at ``/es/``."""
    return demo_build / "es"


@dataclass
class Hub:
    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def site(self) -> Path:
        return self.root / "site"

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def run(self, *args: str, env: dict[str, str] | None = None) -> Result:
        command, *rest = args
        return CliRunner().invoke(
            cli, [command, "-f", str(self.root / "mkdocs.yml"), *rest], env=env
        )

    def build(self, *args: str) -> Result:
        result = self.run("build", "-d", str(self.site), *args)
        assert result.exit_code == 0, result.output
        return result

    def page(self, url: str) -> str:
        return (self.site / url / "index.html").read_text(encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Hub]:
    """A fresh copy of ``tests/sites/<scenario>``; the CLI runs from inside it."""

    def make(scenario: str = "basic") -> Hub:
        root = tmp_path / scenario
        shutil.copytree(SITES / scenario, root)
        monkeypatch.chdir(root)
        return Hub(root)

    return make


class Elements(HTMLParser):
    """Every element of an HTML document: (tag, attributes, text of scripts)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [
            a
            for t, a in self.elements
            if t == tag and all(a.get(k.rstrip("_")) == v for k, v in attrs.items())
        ]


def markdown_extensions() -> tuple[list[str], dict[str, Any]]:
    """The Markdown extensions of the demo hub's mkdocs.yml, and their settings."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    names: list[str] = []
    configs: dict[str, Any] = {}
    for entry in config["markdown_extensions"]:
        name = next(iter(entry)) if isinstance(entry, dict) else entry
        names.append(name)
        if isinstance(entry, dict):
            configs[name] = entry[name] or {}
    return names, configs
