"""Share posts: counting per network, share links that round-trip, UTM tags, brand voice."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest

from hub.channels import CHANNELS, bluesky_short_link, x_weighted_length
from hub.model import Item, Share
from hub.settings import Settings
from hub.share import deliver, posts_for
from tests.conftest import Hub, story

# Expected values worked out from X's published rules (twitter-text v3 configuration): code
# points in 0-4351, 8192-8205, 8208-8223 and 8242-8247 weigh 1, all others 2; an emoji
# sequence weighs 2; a URL (with a known top-level domain) weighs 23.
X_CASES = [
    ("hello", 5),
    ("a" * 280, 280),
    ("a" * 281, 281),
    ("café", 4),
    ("ñandú", 5),
    ("Ελληνικά", 8),
    ("Привет", 6),
    ("مرحبا", 5),
    ("日本語", 6),
    ("한국어", 6),
    ("😀", 2),
    ("👍🏽", 2),
    ("👨‍👩‍👧‍👦", 2),
    ("🇪🇸", 2),
    ("—", 1),
    ("’", 1),  # noqa: RUF001 - the right quotation mark is the point
    ("…", 2),
    ("€", 2),
    ("#SmallWins", 10),
    ("#ProudToWorkAtAcme 😀", 21),
    ("https://example.com", 23),
    ("https://example.com/a/very/long/path?with=query&and=more#part", 23),
    ("Hola https://example.com", 28),
    ("https://a.com https://b.org", 47),
    ("example.com", 23),
    ("hub.example", 11),
    ("Camión 🚚 a Monterrey https://acme.mx/x", 6 + 1 + 2 + 1 + 1 + 1 + 9 + 1 + 23),
]


@pytest.mark.parametrize(("text", "expected"), X_CASES)
def test_x_weighted_length_follows_the_published_rules(text: str, expected: int) -> None:
    assert x_weighted_length(text) == expected


def test_bluesky_counts_links_as_its_composer_shows_them() -> None:
    link = "https://hub.acme.com/stories/night-shift/?utm_source=bluesky"
    assert bluesky_short_link(link) == "hub.acme.com/stories/nigh..."
    assert bluesky_short_link("https://hub.acme.com/a/") == "hub.acme.com/a/"
    assert CHANNELS["bluesky"].count("Olé 👍🏽", link) == 4 + 1 + 1 + len(
        "hub.acme.com/stories/nigh..."
    )


HOSTILE = 'R&D #1? 100% "yes" <b>café</b> 🚚 ñ & more'
SETTINGS = Settings(
    organisation="Acme",
    disclosure="#AcmeTeam",
    utm_medium="advocacy",
    utm_campaign="hub",
    utm_source={"x": "twitter"},
)


def make_item(share: Share) -> Item:
    return story(title='Tom & "Jerry"', id="abc", share=(share,))


@pytest.mark.parametrize("channel", [c for c in CHANNELS if c != "mastodon"])
def test_every_share_url_decodes_to_the_exact_post_and_link(channel: str) -> None:
    share = Share(
        text=HOSTILE, hashtags=("SmallWins",), url="https://news.acme.com/a?x=1&utm_source=old#frag"
    )
    post = posts_for(make_item(share), SETTINGS, "https://hub.acme.com/")[0]
    delivery = deliver(post, SETTINGS, channel)
    assert delivery.text == f"{HOSTILE} #SmallWins #AcmeTeam"
    link = urlsplit(delivery.link)
    assert link.query == (
        f"x=1&utm_source={'twitter' if channel == 'x' else channel}&utm_medium=advocacy"
        "&utm_campaign=hub&utm_content=abc-1"
    )
    assert link.fragment == "frag"
    href = urlsplit(delivery.href or "")
    query = {k: v[0] for k, v in parse_qs(href.query, keep_blank_values=True).items()}
    decoded = {
        "x": lambda: (query["text"], query["url"]),
        "linkedin": lambda: (delivery.text, query["url"]),
        "facebook": lambda: (delivery.text, query["u"]),
        "email": lambda: tuple(query["body"].rsplit(" ", 1)),
    }.get(channel, lambda: tuple(query["text"].rsplit(" ", 1)))()
    assert decoded == (delivery.text, delivery.link)
    assert "%25" not in (delivery.href or "").replace(f"{100}%25", "")  # nothing encoded twice


def test_a_channel_override_replaces_the_text_for_that_channel_only() -> None:
    share = Share(text="Long text", overrides=(("x", "Short for X"),))
    post = posts_for(make_item(share), SETTINGS, "https://hub.acme.com/")[0]
    assert deliver(post, SETTINGS, "x").text == "Short for X #AcmeTeam"
    assert deliver(post, SETTINGS, "bluesky").text == "Long text #AcmeTeam"


def test_the_disclosure_is_not_added_twice() -> None:
    share = Share(text="Proud of this #acmeteam", hashtags=("AcmeTeam", "Wins"))
    post = posts_for(make_item(share), SETTINGS, "https://hub.acme.com/")[0]
    assert deliver(post, SETTINGS, "x").text == "Proud of this #acmeteam #Wins"


LONG = "word " * 60


def test_a_post_too_long_for_a_channel_fails_naming_file_post_and_channel(
    site: Callable[[str], Hub],
) -> None:
    hub = site("basic")
    hub.write("snippets/long.md", f"---\ntitle: Long\ndate: 2026-02-01\n---\n{LONG}\n")
    hub.write(
        "messages/long.md",
        f"""---
title: Long message
date: 2026-02-01
share:
  - text: Fine
  - text: "{LONG.strip()}"
    x: Short enough for X
---
Body
""",
    )
    result = hub.run("check")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert (
        "content/snippets/long.md:5: the post: too long for X: 332 of 280 characters with "
        "hashtags, disclosure and link (shorten the text)"
    ) in lines
    assert any(
        line.startswith("content/messages/long.md:6: share[2]: too long for Bluesky: ")
        for line in lines
    )
    assert not any("messages/long.md" in line and "for X" in line for line in lines)


def test_a_banned_term_fails_with_its_replacement(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text() + "      banned_terms:\n        rockstar: specialist\n")
    hub.write(
        "snippets/rock.md",
        "---\ntitle: Rock\ndate: 2026-02-01\nvariants: [Our Rockstar team]\n---\nHello\n",
    )
    result = hub.run("check")
    assert result.exit_code == 1
    assert (
        "content/snippets/rock.md:4: variants[1]: 'rockstar' is not in our voice "
        "(write 'specialist' instead)"
    ) in result.stderr


def test_an_unknown_channel_is_named(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    hub.write(
        "messages/chan.md",
        "---\ntitle: C\ndate: 2026-02-01\nshare:\n  - text: Hi\n    channels: [x, linkdin]\n---\n",
    )
    result = hub.run("check")
    assert (
        "content/messages/chan.md:5: share[1].channels: 'linkdin' is not a channel "
        "(did you mean `linkedin`?)"
    ) in result.stderr
