"""Material's navigation and tabs are rendered once per folder for the pages they do not list
(hub.sharednav): the pages must be exactly what Material renders for each, and a hub's own
override that shows something of the page must still be rendered for each page."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import jinja2
import pytest
from click.testing import CliRunner

from hub import plugin as hub_plugin
from hub.cli import cli
from tests.conftest import DEMO_NOW, ROOT, demo_config, different_files

ONE_PROCESS = "      parallel_build: false\n"  # the counts below are of this process's renders


def _count_partials(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often each template is rendered on its own (not included) during a build."""
    rendered: Counter[str] = Counter()
    real = jinja2.Template.render

    def spy(self: jinja2.Template, *args: Any, **kwargs: Any) -> str:
        rendered[self.name or ""] += 1
        return real(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Template, "render", spy)
    return rendered


def _build(config: Path, out: Path) -> None:
    built = CliRunner().invoke(cli, ["build", "-f", str(config), "-d", str(out), "--now", DEMO_NOW])
    assert built.exit_code == 0, built.output


def test_pages_are_what_material_renders_and_the_navigation_is_rendered_per_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = demo_config(tmp_path / "config", ONE_PROCESS)
    with monkeypatch.context() as patched:
        patched.setattr(hub_plugin, "share_navigation", lambda *args, **kwargs: None)
        _build(config, tmp_path / "each")
    rendered = _count_partials(monkeypatch)
    _build(config, tmp_path / "shared")
    assert different_files(tmp_path / "each", tmp_path / "shared") == []
    pages = len(list((tmp_path / "shared").rglob("index.html")))
    # (in both languages of the demo: a build of each)
    stories = len(list((tmp_path / "shared").glob("*/stories/*/index.html")))
    assert stories > 20
    # Once per page the navigation lists, and once for each folder of the others.
    # (Included, a partial is not rendered on its own: only hub.sharednav renders it so.)
    drawn = rendered["partials/nav.html"]
    assert 0 < drawn < pages - stories + 4
    assert rendered["partials/tabs.html"] == drawn


def _themed(tmp_path: Path, partials: dict[str, str]) -> Path:
    """The demo with its theme folder plus ``partials`` (name → template)."""
    folder = tmp_path / "theme" / "partials"
    folder.mkdir(parents=True)
    demo_source = (ROOT / "hub" / "theme" / "partials" / "source.html").read_text(encoding="utf-8")
    for name, text in {"source.html": demo_source, **partials}.items():
        (folder / name).write_text(text, encoding="utf-8")
    config = demo_config(tmp_path / "config", ONE_PROCESS)
    text = config.read_text(encoding="utf-8").replace(str(ROOT / "theme"), str(folder.parent))
    config.write_text(text, encoding="utf-8")
    return config


def _titles(site: Path, marker: str) -> dict[str, list[str]]:
    """For each story page, the titles the marker shows on it."""
    found = {}
    for page in sorted((site / "en" / "stories").glob("*/index.html"))[:6]:
        html = page.read_text(encoding="utf-8")
        found[page.parent.name] = re.findall(rf"<i class=\"{marker}\">(.*?)</i>", html)
    return found


@pytest.mark.parametrize(
    "partials",
    [
        {"nav.html": '<i class="mark">{{ page.title }}</i>'},
        # Included by Material's navigation (and its header): each shows its page's title.
        {"source.html": '<i class="mark">{{ page.title }}</i>'},
    ],
    ids=["navigation", "a partial the navigation includes"],
)
def test_an_override_showing_the_page_is_rendered_for_each_page(
    tmp_path: Path, partials: dict[str, str]
) -> None:
    _build(_themed(tmp_path, partials), tmp_path / "site")
    titles = _titles(tmp_path / "site", "mark")
    assert len(titles) == 6
    for slug, shown in titles.items():
        html = (tmp_path / "site/en/stories" / slug / "index.html").read_text(encoding="utf-8")
        own = re.search(r"<h1[^>]*>(.*?)<", html, re.S)
        assert own is not None
        assert shown and set(shown) == {own.group(1).strip()}, slug
