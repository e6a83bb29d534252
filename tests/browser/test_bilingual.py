"""A hub in two languages in a real browser: the root, the language menu, no wasted requests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner

from hub.cli import cli
from tests.browser.conftest import local_context, serving
from tests.conftest import SITES

pytestmark = pytest.mark.browser
NOW = "2026-02-01T12:00:00+01:00"


@pytest.fixture(scope="module")
def bilingual_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("bilingual") / "hub"
    shutil.copytree(SITES / "bilingual", root)
    site = root / "site"
    result = CliRunner().invoke(
        cli, ["build", "-f", str(root / "mkdocs.yml"), "-d", str(site), "--now", NOW]
    )
    assert result.exit_code == 0, result.output
    with serving(site) as url:
        yield url


@pytest.fixture
def tab(browser: Any, bilingual_url: str) -> Iterator[Any]:
    context = local_context(browser, bilingual_url)
    page = context.new_page()
    yield page
    context.close()


def test_the_root_opens_the_default_language(tab: Any) -> None:
    tab.goto("")
    tab.wait_for_url("**/es/")
    assert tab.locator("html").get_attribute("lang") == "es"


def test_the_language_menu_leads_to_the_translation(tab: Any, bilingual_url: str) -> None:
    tab.goto("es/stories/win-1/")
    # Material's script, which would steer a click on the menu by a sitemap, is ready.
    tab.wait_for_load_state("networkidle")
    tab.locator(".md-header__option .md-select").hover()
    tab.locator('a.md-select__link[hreflang="en"]').click()
    tab.wait_for_url(f"{bilingual_url}en/stories/win-1/")
    assert "A small win" in tab.locator("h1").inner_text()


def test_a_page_in_one_language_leads_to_the_other_home(tab: Any, bilingual_url: str) -> None:
    tab.goto("es/stories/solo-es/")
    tab.wait_for_load_state("networkidle")
    tab.locator(".md-header__option .md-select").hover()
    tab.locator('a.md-select__link[hreflang="en"]').click()
    tab.wait_for_url(f"{bilingual_url}en/")
