"""The words brandhub.js shows, in the hub's language, handed to it by every page.

The script holds no sentence of its own: each page carries these in a JSON script element in
its ``<head>`` (fragments/head.html), where content cannot add an element of the same kind to
be read first. A message that counts is handed over as one text per plural category of the
language (``one``, ``other``, …), which the browser picks with ``Intl.PluralRules``.
"""

from __future__ import annotations

from hub import i18n
from hub.i18n import _, plural_forms


def script_words() -> dict[str, str | dict[str, str]]:
    return {
        "version": _("Showing version %(number)s."),
        "copied": _("Copied! Paste it wherever you like."),
        "copyFailed": _("Could not copy: select the text and copy it yourself."),
        "copiedFor": _("Text copied: paste it into %(network)s."),
        "copyFor": _("Copy the text above, then paste it into %(network)s."),
        "mastodonAsk": _("Type your server's name, for example mastodon.social."),
        "mastodonKept": _("Your Mastodon server is remembered in this browser."),
        "stepsDone": plural_forms(  # counted by the steps there are
            "%(done)s of %(count)s step done.", "%(done)s of %(count)s steps done."
        ),
        "messagesShown": plural_forms("%(count)s message shown.", "%(count)s messages shown."),
        "peopleShown": plural_forms("%(count)s person shown.", "%(count)s people shown."),
        "moreResults": _("More results"),
        "searchFailed": _("Search could not load; reload the page to try again."),
        # Translators: the name of the calendar file a new colleague downloads (no extension).
        "calendarFile": _("my-first-weeks"),
        "locale": i18n.active().locale.replace("_", "-"),
    }
