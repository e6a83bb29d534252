"""The demo hub is a believable company hub, and it builds clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from hub.load import scan
from hub.model import Hub, Kind
from hub.settings import load_settings
from hub.validate import build_hub
from tests.conftest import ROOT, output_text

LANGUAGES = ["en", "es"]
# What each language's home says, and where its list of small wins lives.
HOME = {
    "en": ("New here? Start here", "Latest small wins", "small-wins"),
    "es": ("¿Acabas de llegar? Empieza aquí", "Últimos pequeños logros", "pequenos-logros"),
}


@pytest.fixture(scope="module", params=LANGUAGES)
def demo(request: pytest.FixtureRequest) -> Hub:
    settings, problems = load_settings(
        {"timezone": "Europe/Madrid", "languages": LANGUAGES}, site_name="Demo"
    )
    assert problems == []
    found = scan(ROOT / "content", languages=LANGUAGES, building=request.param)
    return build_hub(found, settings, "https://alcor-logistics.github.io/hub/")


def of(hub: Hub, kind: Kind) -> list:  # type: ignore[type-arg]
    return [item for item in hub.items if item.kind is kind]


def test_the_demo_has_enough_real_content(demo: Hub) -> None:
    assert len(of(demo, Kind.GUIDELINE)) >= 6
    assert len(of(demo, Kind.MESSAGE)) >= 8
    assert len(of(demo, Kind.SNIPPET)) >= 10
    stories = [s for s in of(demo, Kind.STORY) if not s.draft]
    assert len(stories) >= 24
    assert len({s.team for s in stories}) >= 6
    assert len({(s.date.year, s.date.month) for s in stories}) >= 6
    assert sum(1 for s in stories if s.image) >= 3
    campaigns = of(demo, Kind.CAMPAIGN)
    welcome = [c for c in campaigns if c.campaign_kind == "welcome"]
    assert welcome and len(welcome[0].steps) >= 8
    assert any(c.campaign_kind == "event" for c in campaigns)
    people = list(demo.authors.values())
    assert len(people) >= 20
    assert sum(1 for p in people if p.ambassador and p.why) >= 6
    assert sum(1 for p in people if p.buddy) >= 2
    assert {s.team for s in stories} <= {p.team for p in people}  # someone of every team
    assert all(p.languages and p.topics and p.location for p in people)
    assert sum(1 for s in stories if s.thanks) >= 5
    assert "assets/logo.svg" in demo.assets


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_demo_builds_every_page_type(demo_build: Path, language: str) -> None:
    built = demo_build / language
    start, latest, wins = HOME[language]
    for url in (
        "",
        "guidelines/",
        "messages/",
        "campaigns/",
        "campaigns/welcome/",
        "stories/",
        "stories/page/2/",
        "snippets/",
        "tags/",
        f"tags/{wins}/",
        "authors/",
        "authors/lucia-ferrer/",
        "teams/",
        "teams/monterrey-hub/",
        "guidelines/visual/colours/",
    ):
        assert (built / url / "index.html").is_file(), url
    home = (built / "index.html").read_text()
    assert start in home and latest in home
    assert f'<html lang="{language}"' in home


def test_the_demo_opens_its_default_language_and_maps_both(demo_build: Path) -> None:
    root = (demo_build / "index.html").read_text(encoding="utf-8")
    assert 'content="0; url=en/"' in root or 'url=en/"' in root, root[:400]
    sitemap = (demo_build / "sitemap.xml").read_text(encoding="utf-8")
    assert "/hub/en/sitemap.xml" in sitemap and "/hub/es/sitemap.xml" in sitemap


def test_the_demo_shows_a_story_of_one_language_in_that_language_only(demo_build: Path) -> None:
    assert (demo_build / "es/stories/2026-04-padrinos-monterrey/index.html").is_file()
    assert not (demo_build / "en/stories/2026-04-padrinos-monterrey").exists()
    assert (demo_build / "en/stories/2026-10-rotterdam-barges/index.html").is_file()
    assert not (demo_build / "es/stories/2026-10-rotterdam-barges").exists()


def test_the_demo_links_each_story_to_its_translation(demo_build: Path) -> None:
    page = "stories/2026-11-monterrey-driver-academy/index.html"
    english = (demo_build / "en" / page).read_text(encoding="utf-8")
    spanish = (demo_build / "es" / page).read_text(encoding="utf-8")
    address = "https://alcor-logistics.github.io/hub/{}/stories/2026-11-monterrey-driver-academy/"
    for html in (english, spanish):
        assert f'hreflang="es" href="{address.format("es")}"' in html
        assert f'hreflang="en" href="{address.format("en")}"' in html


def test_the_demo_keeps_its_draft_and_embargoed_stories_out(demo_build: Path) -> None:
    text = output_text(demo_build)
    assert "new forklift training results" not in text
    assert "second dock" not in text
    spanish = output_text(demo_build / "es")
    assert "2026-11-forklift-training-draft" not in spanish
    assert "2027-02-rotterdam-second-dock" not in spanish


def test_the_demos_people_speak_each_language(demo_build: Path) -> None:
    spanish = (demo_build / "es/authors/lucia-ferrer/index.html").read_text(encoding="utf-8")
    english = (demo_build / "en/authors/lucia-ferrer/index.html").read_text(encoding="utf-8")
    assert "Responsable de incorporación" in spanish and "Onboarding lead" not in spanish
    assert "Onboarding lead" in english and "Responsable de incorporación" not in english
