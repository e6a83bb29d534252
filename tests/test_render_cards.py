"""Story cards on listings: rendered once a build, each page's links its own."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from hub import i18n
from hub.render import Renderer
from hub.urls import relative, team_url

LISTING = '{% from "fragments/macros.html" import cards %}{{ cards(entries, authors, link) }}'


def _story(title: str) -> SimpleNamespace:
    return SimpleNamespace(
        image=None,
        image_alt="",
        url="stories/a-small-win/",
        title=title,
        date=date(2026, 5, 5),
        team="Ops & Co",
        authors=["ana"],
        summary="We <did> it",
        tags=["safety"],
    )


def _page(renderer: Renderer, entries: list[SimpleNamespace], page_url: str) -> str:
    template = renderer.env.from_string(LISTING)
    authors = _page.authors  # type: ignore[attr-defined]
    return template.render(entries=entries, authors=authors, link=lambda t: relative(t, page_url))


_page.authors = {"ana": SimpleNamespace(name="Ana")}  # type: ignore[attr-defined]


def _fresh(entries: list[SimpleNamespace], page_url: str) -> str:
    return _page(Renderer(), entries, page_url)


def test_a_card_on_pages_at_other_depths_links_from_each_page() -> None:
    i18n.activate(i18n.language("en"))
    renderer = Renderer()
    entries = [SimpleNamespace(item=_story("Fewer steps"), state="public")]
    first = _page(renderer, entries, "tags/safety/")
    deeper = _page(renderer, entries, "tags/safety/page/2/")
    assert 'href="../../stories/a-small-win/"' in first
    assert 'href="../../../../stories/a-small-win/"' in deeper
    assert f'href="../../{team_url("Ops & Co")}"' in first
    # the same bytes as a renderer that never saw the card before
    assert first == _fresh(entries, "tags/safety/")
    assert deeper == _fresh(entries, "tags/safety/page/2/")
    assert "&lt;did&gt;" in first and "\x00" not in first + deeper


def test_a_card_in_another_language_is_not_the_first_languages() -> None:
    renderer = Renderer()
    entries = [SimpleNamespace(item=_story("Fewer steps"), state="public")]
    i18n.activate(i18n.language("en"))
    english = _page(renderer, entries, "stories/")
    i18n.activate(i18n.language("es"))
    try:
        spanish = _page(renderer, entries, "stories/")
    finally:
        i18n.activate(i18n.language("en"))
    assert "May 5, 2026" in english
    assert "5 de mayo de 2026" in spanish


def test_a_title_with_a_nul_character_renders_as_without_the_shortcut() -> None:
    i18n.activate(i18n.language("en"))
    entries = [SimpleNamespace(item=_story("Odd\x00title"), state="public")]
    shown = _page(Renderer(), entries, "tags/safety/")
    assert 'href="../../stories/a-small-win/"' in shown
    assert shown.count("\x00") == 1  # the title's own, the links all resolved


def test_a_new_build_forgets_the_last_builds_cards() -> None:
    i18n.activate(i18n.language("en"))
    renderer = Renderer()
    story = _story("Before")
    entries = [SimpleNamespace(item=story, state="public")]
    assert "Before" in _page(renderer, entries, "stories/")
    story.title = "After"  # a preview rebuild: the same object, new words
    renderer.forget()
    assert "After" in _page(renderer, entries, "stories/")
