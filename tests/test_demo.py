"""The demo hub is a believable company hub, and it builds clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from hub.load import scan
from hub.model import Hub, Kind
from hub.settings import load_settings
from hub.validate import build_hub
from tests.conftest import ROOT, output_text


@pytest.fixture(scope="module")
def demo() -> Hub:
    settings, problems = load_settings({"timezone": "Europe/Madrid"}, site_name="Demo")
    assert problems == []
    return build_hub(scan(ROOT / "content"), settings, "https://alcor-logistics.github.io/hub/")


@pytest.fixture
def built(demo_site: Path) -> Path:
    return demo_site


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


def test_the_demo_builds_every_page_type(built: Path) -> None:
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
        "tags/small-wins/",
        "authors/",
        "authors/lucia-ferrer/",
        "teams/",
        "teams/monterrey-hub/",
        "guidelines/visual/colours/",
    ):
        assert (built / url / "index.html").is_file(), url
    home = (built / "index.html").read_text()
    assert "New here? Start here" in home and "Latest small wins" in home


def test_the_demo_keeps_its_draft_and_embargoed_stories_out(built: Path) -> None:
    text = output_text(built)
    assert "new forklift training results" not in text
    assert "second dock" not in text
