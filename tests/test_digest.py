"""brandhub digest: what the hub published in a window, for e-mail, Slack and Teams, and
posting it to a webhook once."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import Elements, Hub

NOW = "2026-11-23T12:00:00+01:00"
HOSTILE = "<script>alert(1)</script> <!channel> & *bold* [x](https://evil.example)"


def stories(hub: Hub) -> Hub:
    """Items around NOW: in the window, just out of it, embargoed, draft and expired."""
    hub.write(
        "stories/hostile.md",
        f"""---
title: '{HOSTILE}'
summary: 'Summary <b>bold</b> <!here> & more'
date: 2026-11-20
id: story-hostile
team: Fleet
authors: [ana]
share:
  - text: "We <did> it & more <!channel>"
---
Body.
""",
    )
    hub.write(
        "stories/recent.md",
        """---
title: Recent small win
date: 2026-11-22T09:00:00+01:00
id: story-recent
team: Fleet
authors: [ana]
---
The fleet team fixed the loading dock.
""",
    )
    hub.write(
        "stories/eight-days.md",
        """---
title: Eight days ago zqxold
date: 2026-11-15
team: Fleet
authors: [ana]
---
Old news.
""",
    )
    hub.write(
        "stories/embargoed.md",
        """---
title: Embargoed zqxembargo
date: 2026-11-24
team: Fleet
authors: [ana]
---
Not yet.
""",
    )
    hub.write(
        "stories/draft.md",
        """---
title: Draft zqxdraftnew
date: 2026-11-21
draft: true
team: Fleet
authors: [ana]
---
Not ever.
""",
    )
    hub.write(
        "stories/expired.md",
        """---
title: Expired zqxexpirednew
date: 2026-11-20
expires: 2026-11-22
team: Fleet
authors: [ana]
---
Gone.
""",
    )
    hub.write(
        "messages/new-message.md",
        """---
title: New key message
date: 2026-11-21
pillar: Reliability
share:
  - text: "We keep our promises."
---
Say it.
""",
    )
    hub.write(
        "snippets/new-snippet.md",
        """---
title: New snippet
date: 2026-11-22
variants:
  - "Second version of the snippet."
---
First version of the snippet.
""",
    )
    return hub


@pytest.fixture
def hub(site: Callable[[str], Hub]) -> Hub:
    return stories(site("basic"))


def digest(hub: Hub, *args: str, env: dict[str, str] | None = None) -> Any:
    return hub.run("digest", "--now", NOW, *args, env=env)


def slack_texts(payload: dict[str, Any]) -> list[str]:
    found = []
    for block in payload["blocks"]:
        if "text" in block:
            found.append(block["text"]["text"])
        for element in block.get("elements", []):
            found.append(element["text"])
    return found


# -- the window ---------------------------------------------------------------------------


def test_the_window_holds_what_was_published_in_it_and_is_public(hub: Hub) -> None:
    result = digest(hub, "--format", "text")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Recent small win" in out
    assert "New key message" in out and "New snippet" in out
    for canary in ("zqxold", "zqxembargo", "zqxdraftnew", "zqxexpirednew", "zqxdraft"):
        assert canary not in out, canary
    # Stories first, then messages, then snippets; newest first within a kind.
    order = [out.index(t) for t in ("Recent small win", "<script>", "New key", "New snippet")]
    assert order == sorted(order)


def test_an_embargoed_item_is_in_once_it_is_published(hub: Hub) -> None:
    result = hub.run("digest", "--now", "2026-11-24T12:00:00+01:00", "--format", "text")
    assert "Embargoed zqxembargo" in result.stdout
    assert "zqxdraftnew" not in result.stdout


def test_since_takes_days_and_dates(hub: Hub) -> None:
    assert "zqxold" in digest(hub, "--since", "9d").stdout
    assert "zqxold" in digest(hub, "--since", "2026-11-15").stdout  # the day itself is in
    out = digest(hub, "--since", "2026-11-21").stdout
    assert "New key message" in out and "Recent small win" in out
    assert "Small win" in out and HOSTILE[:8] not in out  # the story of the 20th is out


def test_a_bad_since_is_a_clear_error(hub: Hub) -> None:
    result = digest(hub, "--since", "last week")
    assert result.exit_code == 1
    assert "--since: 'last week' is not a period or a past date" in result.stderr
    assert "Traceback" not in result.output


def test_an_empty_window_says_so_and_writes_nothing(hub: Hub, tmp_path: Path) -> None:
    stale = tmp_path / "digest.html"
    stale.write_text("last week's", encoding="utf-8")
    result = hub.run(
        "digest", "--now", "2026-12-31T12:00:00+01:00", "--format", "html", "-o", str(stale)
    )
    assert result.exit_code == 0
    assert result.stdout == ""
    assert (
        "Nothing new was published on the hub from December 24, 2026 to December 31, 2026. "
        "There is nothing to send." in result.stderr
    )
    assert not stale.exists()


# -- formats ------------------------------------------------------------------------------


def test_text_lists_titles_links_and_ready_posts(hub: Hub) -> None:
    out = digest(hub, "--format", "text").stdout
    assert out.startswith("What's new on Test Org's hub\n")
    assert "Published from November 16, 2026 to November 23, 2026" in out
    assert "\nSmall wins\n----------\n" in out and "\nKey messages\n" in out
    assert "\nShare snippets\n" in out
    assert (
        "Read more: https://hub.testorg.com/stories/recent/?utm_source=digest&utm_medium=email"
        "&utm_campaign=brandhub&utm_content=story-recent" in out
    )
    assert "Ready to share:\n    We keep our promises. #TestOrg https://hub.testorg.com/" in out
    # Every version of a snippet, each copy-ready with the Copy button's link.
    assert "First version of the snippet. #TestOrg https://hub.testorg.com/snippets/" in out
    assert "Second version of the snippet. #TestOrg" in out
    assert "utm_source=copy" in out


def test_html_is_an_email_ready_document_with_everything_escaped(hub: Hub) -> None:
    result = digest(hub, "--format", "html")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("<!DOCTYPE html>")
    page = Elements(out)
    assert page.find("meta", name="color-scheme", content="light dark")
    assert [h for h in ("Small wins", "Key messages", "Share snippets") if f">{h}</h2>" in out]
    assert out.count(">Ready to share</p>") == 4  # hostile's, the message's, two versions
    assert ">Read more</a>" in out
    # Hostile content stays text.
    assert "<script" not in out and "<b>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;!channel&gt; &amp;" in out
    assert "We &lt;did&gt; it &amp; more" in out
    # Every link absolute and tagged for e-mail; tables for layout; no image to miss.
    links = [a["href"] or "" for a in page.find("a")]
    assert links and all(link.startswith("https://hub.testorg.com/") for link in links)
    assert all("utm_source=digest&utm_medium=email" in link for link in links)
    assert not page.find("img")
    assert page.find("table", role="presentation")
    # The only stylesheet is the dark scheme's, which only adds to the inline styles.
    style = out.split("<style>")[1].split("</style>")[0].strip()
    assert style.startswith("@media (prefers-color-scheme: dark) {") and style.endswith("}")
    assert style.count("{") == 6  # the media query and the five classes it recolours
    styled = {tag for tag, attrs in page.elements if attrs.get("style")}
    assert {"body", "table", "td", "h1", "h2", "h3", "p", "a"} <= styled


BLOCK_KIT = {
    "type": "object",
    "required": ["text", "blocks"],
    "additionalProperties": False,
    "properties": {
        "text": {"type": "string", "minLength": 1, "maxLength": 40000},
        "blocks": {
            "type": "array",
            "maxItems": 50,
            "items": {
                "oneOf": [
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["type", "text"],
                        "properties": {
                            "type": {"const": "header"},
                            "text": {
                                "type": "object",
                                "additionalProperties": False,
                                "required": ["type", "text"],
                                "properties": {
                                    "type": {"const": "plain_text"},
                                    "text": {"type": "string", "minLength": 1, "maxLength": 150},
                                },
                            },
                        },
                    },
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["type", "text"],
                        "properties": {
                            "type": {"const": "section"},
                            "text": {"$ref": "#/$defs/mrkdwn"},
                        },
                    },
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["type", "elements"],
                        "properties": {
                            "type": {"const": "context"},
                            "elements": {
                                "type": "array",
                                "maxItems": 10,
                                "items": {"$ref": "#/$defs/mrkdwn"},
                            },
                        },
                    },
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["type"],
                        "properties": {"type": {"const": "divider"}},
                    },
                ]
            },
        },
    },
    "$defs": {
        "mrkdwn": {
            "type": "object",
            "additionalProperties": False,
            "required": ["type", "text"],
            "properties": {
                "type": {"const": "mrkdwn"},
                "text": {"type": "string", "minLength": 1, "maxLength": 3000},
            },
        }
    },
}


def test_slack_payload_is_block_kit_with_content_escaped(hub: Hub) -> None:
    payload = json.loads(digest(hub, "--format", "slack").stdout)
    jsonschema.validate(payload, BLOCK_KIT)
    texts = slack_texts(payload)
    assert "*Small wins*" in texts and "*Key messages*" in texts
    whole = "\n".join(texts)
    # Content cannot mention everyone, make links or HTML: Slack's three escapes.
    assert "<!channel>" not in whole and "<!here>" not in whole and "<script" not in whole
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;!channel&gt; &amp;" in whole
    assert "_Ready to share_\n>We &lt;did&gt; it &amp; more &lt;!channel&gt; #TestOrg" in whole
    links = [t.split("|")[0] for t in whole.split("<")[1:] if t.startswith("https")]
    assert links and all(
        "utm_source=digest&amp;utm_medium=slack" in link or "utm_source=copy" in link
        for link in links
    )
    assert payload["text"].startswith("What's new on Test Org's hub")


def test_slack_stays_within_fifty_blocks_and_counts_what_is_left_out(hub: Hub) -> None:
    for number in range(60):
        hub.write(
            f"stories/many-{number}.md",
            f"---\ntitle: Many {number}\ndate: 2026-11-21\nteam: Fleet\nauthors: [ana]\n"
            "share:\n"
            + f"  - text: '{'& ' * 1400}'\n    channels: [linkedin]\n" * 4
            + "---\nText.\n",
        )
    # The key message and the campaign would fit in the blocks the last stories leave.
    hub.write(
        "campaigns/launch.md", "---\ntitle: Launch\ndate: 2026-11-21\nkind: brand\n---\nGo.\n"
    )
    result = digest(hub, "--format", "slack")
    payload = json.loads(result.stdout)
    jsonschema.validate(payload, BLOCK_KIT)
    assert 45 <= len(payload["blocks"]) <= 50
    last = payload["blocks"][-1]["text"]["text"]
    assert "more items on the hub." in last
    assert "did not fit in the message" in result.stderr
    # What is left out is the end of the list: nothing after the stories that were cut.
    assert "*Small wins*" in slack_texts(payload)
    for later in ("*Key messages*", "*Campaigns*", "*Share snippets*"):
        assert later not in slack_texts(payload), later
    posts = [t for t in slack_texts(payload) if t.startswith("_Ready to share_\n>&amp; ")]
    assert posts and all(len(t) == 3000 and t.endswith("&amp;…") for t in posts)
    for text in slack_texts(payload):  # cut to fit, never inside an escape
        assert re.fullmatch(r"([^&]|&amp;|&lt;|&gt;)*", text), text[-20:]


ELEMENTS_1_4 = {
    "TextBlock",
    "RichTextBlock",
    "Image",
    "Media",
    "Container",
    "ColumnSet",
    "FactSet",
    "ImageSet",
    "ActionSet",
    "Input.Text",
    "Input.Number",
    "Input.Date",
    "Input.Time",
    "Input.Toggle",
    "Input.ChoiceSet",
}


def elements(body: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for element in body:
        yield element
        yield from elements(element.get("items", []))


def test_teams_message_is_an_adaptive_card(hub: Hub) -> None:
    message = json.loads(digest(hub, "--format", "teams").stdout)
    assert message["type"] == "message"
    [attachment] = message["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    card = attachment["content"]
    assert card["type"] == "AdaptiveCard" and card["version"] == "1.4"
    found = list(elements(card["body"]))
    assert {e["type"] for e in found} <= ELEMENTS_1_4
    headings = [e["text"] for e in found if e["type"] == "TextBlock"]
    assert headings[:2] == ["Small wins", "Ready to share"]
    assert "Key messages" in headings and "Share snippets" in headings
    # Content goes in TextRuns, which Teams never reads as Markdown: a hostile title's
    # link syntax and asterisks stay text.
    runs = [r for e in found if e["type"] == "RichTextBlock" for r in e["inlines"]]
    assert all(r["type"] == "TextRun" for r in runs)
    assert HOSTILE in [r["text"] for r in runs]
    actions = [a for e in found if e["type"] == "ActionSet" for a in e["actions"]]
    assert actions and all(a["title"] == "Read more" for a in actions)
    assert all("utm_source=digest&utm_medium=teams" in a["url"] for a in actions)
    assert len(json.dumps(message).encode()) < 28_000


# -- posting ------------------------------------------------------------------------------


class Recorder:
    def __init__(self) -> None:
        self.requests: list[tuple[str, str, bytes]] = []
        self.status = 200
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                body = self.rfile.read(length)
                recorder.requests.append((self.path, self.headers["Content-Type"], body))
                self.send_response(recorder.status)
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args: Any) -> None:
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/secret-token"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def webhook() -> Iterator[Recorder]:
    recorder = Recorder()
    yield recorder
    recorder.close()


def test_posting_sends_the_payload_once(hub: Hub, webhook: Recorder) -> None:
    env = {"DIGEST_HOOK": webhook.url}
    printed = json.loads(digest(hub, "--format", "slack").stdout)
    result = digest(hub, "--format", "slack", "--post-to-env", "DIGEST_HOOK", env=env)
    assert result.exit_code == 0, result.output
    assert "Posted 4 items to DIGEST_HOOK." in result.stderr
    assert webhook.url not in result.output and "secret-token" not in result.output
    [(path, kind, body)] = webhook.requests
    assert path == "/hooks/secret-token"
    assert kind == "application/json; charset=utf-8"
    assert json.loads(body) == printed
    # The same period again: nothing is posted.
    again = digest(hub, "--format", "slack", "--post-to-env", "DIGEST_HOOK", env=env)
    assert again.exit_code == 0
    assert "already went to DIGEST_HOOK" in again.stderr
    assert len(webhook.requests) == 1
    # Nothing of what went out is in the site's folder: the state is in the cache folder.
    state = json.loads((hub.root / ".cache/brandhub/digest/slack-DIGEST_HOOK.json").read_text())
    assert "tag:hub.testorg.com,2000:story-recent" in state["sent"]


def post_at(hub: Hub, now: str, env: dict[str, str]) -> Any:
    return hub.run(
        "digest", "--now", now, "--format", "teams", "--post-to-env", "DIGEST_HOOK", env=env
    )


def dated(hub: Hub, slug: str, date: str) -> None:
    hub.write(
        f"stories/{slug}.md",
        f"---\ntitle: Story {slug}\ndate: {date}\nteam: Fleet\nauthors: [ana]\n---\nText.\n",
    )


def test_an_item_is_never_posted_twice(hub: Hub, webhook: Recorder) -> None:
    env = {"DIGEST_HOOK": webhook.url}
    dated(hub, "morning", "2026-11-23T08:00:00+01:00")  # before the first digest
    dated(hub, "afternoon", "2026-11-23T15:00:00+01:00")  # after it
    dated(hub, "friday", "2026-11-27")
    assert "Posted 5 items" in post_at(hub, NOW, env).stderr
    # The next weekly run starts ten hours early: its window reaches back over the morning
    # story, which went out last time: only the newer stories go (the embargoed one of the
    # 24th is published by now).
    early = post_at(hub, "2026-11-30T02:00:00+01:00", env)
    assert "Posted 3 items to DIGEST_HOOK." in early.stderr, early.output
    second = webhook.requests[1][2].decode()
    assert "Story afternoon" in second and "Story friday" in second
    assert "Embargoed zqxembargo" in second
    assert "Story morning" not in second
    # A run later the same period posts nothing, whatever is new.
    dated(hub, "saturday", "2026-11-28")
    again = post_at(hub, "2026-11-30T12:00:00+01:00", env)
    assert "already went to DIGEST_HOOK" in again.stderr
    assert len(webhook.requests) == 2


def test_a_late_run_leaves_no_gap(hub: Hub, webhook: Recorder) -> None:
    env = {"DIGEST_HOOK": webhook.url}
    dated(hub, "afternoon", "2026-11-23T15:00:00+01:00")  # after the first digest
    post_at(hub, NOW, env)
    # Eight hours late: the week's window would start at 20:00 on the 23rd; it reaches back
    # to the end of the last digest's window instead.
    late = post_at(hub, "2026-11-30T20:00:00+01:00", env)
    assert "Posted 2 items to DIGEST_HOOK." in late.stderr, late.output  # and the 24th's
    assert "Story afternoon" in webhook.requests[1][2].decode()
    # Then a week with nothing new: a clear message, nothing posted.
    last = post_at(hub, "2026-12-07T20:00:00+01:00", env)
    assert last.exit_code == 0
    assert "Nothing new was published" in last.stderr and "Nothing was posted." in last.stderr
    assert len(webhook.requests) == 2


def test_a_window_already_sent_says_so(site: Callable[[str], Hub], webhook: Recorder) -> None:
    hub = site("basic")
    env = {"DIGEST_HOOK": webhook.url}
    dated(hub, "morning", "2026-11-23T11:00:00+01:00")
    args = ["--format", "slack", "--since", "1d", "--post-to-env", "DIGEST_HOOK"]
    assert "Posted 1 item" in hub.run("digest", "--now", NOW, *args, env=env).stderr
    # The next day's run, two hours early: its window still holds the morning story.
    again = hub.run("digest", "--now", "2026-11-24T10:00:00+01:00", *args, env=env)
    assert again.exit_code == 0
    assert (
        "The 1 item published in the window already went to DIGEST_HOOK: nothing was posted."
        in again.stderr
    )
    assert len(webhook.requests) == 1


def test_a_refused_post_is_an_error_and_is_tried_again(hub: Hub, webhook: Recorder) -> None:
    env = {"DIGEST_HOOK": webhook.url}
    webhook.status = 500
    result = digest(hub, "--format", "slack", "--post-to-env", "DIGEST_HOOK", env=env)
    assert result.exit_code == 1
    assert "error: the webhook in DIGEST_HOOK answered HTTP 500" in result.stderr
    assert "secret-token" not in result.output and "Traceback" not in result.output
    webhook.status = 200
    retry = digest(hub, "--format", "slack", "--post-to-env", "DIGEST_HOOK", env=env)
    assert retry.exit_code == 0, retry.output
    assert len(webhook.requests) == 2


def test_an_unset_variable_is_a_clear_error(hub: Hub) -> None:
    result = digest(hub, "--format", "slack", "--post-to-env", "NO_SUCH_HOOK", env={})
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "error: the environment variable NO_SUCH_HOOK is not set: put the webhook's address"
    )
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "address", ["http://hooks.example.com/secret-token", "ftp://secret-token", "secret-token"]
)
def test_only_https_is_posted_to_and_the_address_never_shown(hub: Hub, address: str) -> None:
    env = {"DIGEST_HOOK": address}
    result = digest(hub, "--format", "slack", "--post-to-env", "DIGEST_HOOK", env=env)
    assert result.exit_code == 1
    assert "the address in DIGEST_HOOK is not an https:// address" in result.stderr
    assert "secret-token" not in result.output


def test_an_unreachable_webhook_names_the_variable_not_the_address(hub: Hub) -> None:
    closed = Recorder()
    closed.close()  # nothing listens on its port any more
    env = {"DIGEST_HOOK": closed.url}
    result = digest(hub, "--format", "slack", "--post-to-env", "DIGEST_HOOK", env=env)
    assert result.exit_code == 1
    assert "error: could not reach the webhook in DIGEST_HOOK" in result.stderr
    assert "secret-token" not in result.output and str(closed.url) not in result.output


def test_only_slack_and_teams_are_posted(hub: Hub, webhook: Recorder) -> None:
    env = {"DIGEST_HOOK": webhook.url}
    result = digest(hub, "--format", "html", "--post-to-env", "DIGEST_HOOK", env=env)
    assert result.exit_code == 1
    assert "only --format slack or teams can be posted" in result.stderr
    assert not webhook.requests


# -- language -----------------------------------------------------------------------------


def test_a_spanish_hub_gets_its_digest_in_spanish(hub: Hub) -> None:
    config = hub.root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("name: material", "name: material\n  language: es")
    )
    out = digest(hub, "--format", "text").stdout
    assert out.startswith("Novedades del hub de Test Org\n")
    assert "Publicado del 16 de noviembre de 2026 al 23 de noviembre de 2026" in out
    assert "Pequeños logros" in out and "Listo para compartir:" in out
    assert "Leer más: https://hub.testorg.com/" in out
    empty = hub.run("digest", "--now", "2026-12-31T12:00:00+01:00")
    assert "No se publicó nada nuevo en el hub del 24 de diciembre de 2026" in empty.stderr
    html = digest(hub, "--format", "html").stdout
    assert '<html lang="es"' in html and ">Leer más</a>" in html
