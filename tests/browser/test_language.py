"""What the script says in a Spanish hub: its words come from the page, in Spanish."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import local_context

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def spanish_url(demo_root_url: str) -> str:
    """The demo's Spanish hub."""
    return demo_root_url + "es/"


@pytest.fixture
def spanish(browser: Any, spanish_url: str) -> Iterator[Any]:
    context = local_context(browser, spanish_url)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert errors == []


def test_copying_a_post_is_confirmed_in_spanish(spanish: Any) -> None:
    spanish.goto("stories/2026-11-monterrey-driver-academy/")
    spanish.get_by_role("button", name="Copiar texto").first.click()
    status = spanish.locator("[data-bh-status]").first
    status.get_by_text("¡Copiado! Pégalo donde quieras.").wait_for()


def test_the_journey_counts_and_names_its_calendar_in_spanish(spanish: Any) -> None:
    spanish.goto("campaigns/welcome/")
    boxes = spanish.locator("[data-bh-step]")
    boxes.nth(0).check()
    progress = spanish.locator("[data-bh-progress]")
    progress.get_by_text(f"Has completado 1 de {boxes.count()} pasos.").wait_for()
    spanish.get_by_label("Tu primer día").fill("2027-01-11")
    with spanish.expect_download() as download:
        spanish.locator("[data-bh-calendar-form] button[type=submit]").click()
    assert download.value.suggested_filename == "mis-primeras-semanas.ics"


# Everything a reader sees or hears once the page's script has run: the text shown, and the
# labels of every element (those of hidden menus and dialogs too: a screen reader reads them).
SHOWN = """() => {
  const labels = [];
  for (const element of document.querySelectorAll("[aria-label], [title], [alt], [placeholder]")) {
    for (const name of ["aria-label", "title", "alt", "placeholder"]) {
      const value = element.getAttribute(name);
      if (value) labels.push(value);
    }
  }
  return [document.body.innerText.split(/\\s+/).join(" "), ...labels].join(" ");
}"""


CONTROLS = """() => Array.from(
  document.querySelectorAll("button, label, summary, legend, th, .md-tabs__link, [role=tab]"),
  (element) => element.innerText.trim()
).filter(Boolean)"""


def _whole_messages(language: str, other: str) -> set[str]:
    """The messages of ``language``'s catalogue, whole, that ``other`` says differently."""
    from babel.messages.pofile import read_po

    from tests.conftest import ROOT

    def strings(code: str) -> dict[str, str]:
        path = ROOT / "hub" / "locale" / code / "LC_MESSAGES" / "brandhub.po"
        with path.open("rb") as handle:
            return {
                m.id: m.string
                for m in read_po(handle, locale=code)
                if isinstance(m.id, str) and m.id and isinstance(m.string, str)
            }

    mine, theirs = strings(language), strings(other)
    return {text for key, text in mine.items() if text and text != theirs.get(key)}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_spanish_hub_shows_no_english_string_in_the_browser(spanish: Any, scheme: str) -> None:
    from tests.test_i18n_pages import PAGES, TAGS, _messages

    english = _messages("en", "es")
    whole = _whole_messages("en", "es")
    assert len(english) > 40  # the check reads the catalogue, not an empty list
    spanish.emulate_media(color_scheme=scheme)
    for url in PAGES:
        url = url.format(onboarding=TAGS["es"])
        spanish.goto(url or "./")
        spanish.wait_for_load_state("networkidle")
        shown = spanish.evaluate(SHOWN)
        leaks = [piece for piece in english if piece in shown]
        assert not leaks, f"{url or 'home'} ({scheme}) shows English: {leaks}"
        # Controls, tabs and labels whose whole text is one English message, however short
        # ("Share", "Stories"): the pieces above are two words or more.
        controls = spanish.evaluate(CONTROLS)
        assert not [c for c in controls if c in whole], f"{url or 'home'} ({scheme}): {controls}"
        # The script has run and spoken: its share cards' buttons, in Spanish.
        if url.startswith("stories/2026"):
            assert "Copiar texto" in shown
