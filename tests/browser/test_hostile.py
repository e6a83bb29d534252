"""Hostile content in a real browser: no dialog opens and our scripts raise no error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from hub.cli import cli
from tests.browser.conftest import local_context, serving
from tests.conftest import ROOT

pytestmark = pytest.mark.browser


def test_no_dialog_and_no_script_error_on_any_page(browser: Any, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = CliRunner().invoke(
        cli,
        [
            "build",
            "-f",
            str(ROOT / "tests/sites/hostile/mkdocs.yml"),
            "-d",
            str(site),
            "--now",
            "2026-11-23T12:00+01:00",
        ],
    )
    assert result.exit_code == 0, result.output
    pages = sorted(p.relative_to(site).parent.as_posix() for p in site.rglob("index.html"))
    dialogs: list[str] = []
    errors: list[str] = []
    with serving(site) as base:
        context = local_context(browser, base)
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        for path in pages:
            page.goto("./" if path == "." else f"{path}/")
            page.wait_for_load_state("load")
            for link in page.locator(".md-content a").all()[:40]:
                link.dispatch_event("mouseover")
            page.wait_for_timeout(50)
        # Search shows hostile titles and excerpts as text: the title's markup is visible.
        page.goto("./")
        page.get_by_role("searchbox", name="Search").press_sequentially("alert", delay=20)
        titles = page.locator(".md-search-result__item h1")
        titles.first.wait_for()
        shown = titles.all_inner_texts()
        page.wait_for_timeout(300)
        context.close()
    assert dialogs == []
    assert errors == []
    assert "\"><img src=x onerror=alert('title')>" in shown
