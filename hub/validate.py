"""From a scanned content folder to a validated :class:`~hub.model.Hub`.

Per file: the kind's schema, then the rules that span keys (an image needs its alt text, a
welcome campaign needs steps). Across files: unique slugs and ids, known authors and
campaigns, no two sources for one URL, and no file where the hub writes one beside a page
(hub.outputs). Every problem is collected; any problem stops the build with all of them.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Set
from typing import Any
from urllib.parse import urlsplit

from hub import schema as s
from hub.channels import remember_x_counts
from hub.frontmatter import Document, Located
from hub.glossary import read_glossary
from hub.i18n import _
from hub.kinds import AUTHOR, DATED, SCHEMAS, kind_of
from hub.languages import file_for
from hub.languages import split as languages_split
from hub.links import references
from hub.load import Scan, parse_again
from hub.model import Author, Hub, Item, Kind, Share, Step
from hub.outputs import taken
from hub.parallel import split_map
from hub.problems import ContentError, Problem
from hub.settings import Settings
from hub.share import x_counts
from hub.summaries import first_heading, first_paragraph, plain_paragraphs
from hub.urls import (
    LISTINGS,
    MAX_SLUG,
    RESERVED_SLUGS,
    RESERVED_TOPS,
    TYPED_FOLDERS,
    default_slug,
    page_url,
)
from hub.verdicts import Answers, Asked, Verdicts
from hub.voice import check_posts


def build_hub(
    scan: Scan,
    settings: Settings,
    site_url: str = "https://hub.invalid/",
    *,
    split: bool = False,
    verdicts: Verdicts | None = None,
) -> Hub:
    """Validate everything; raise :class:`ContentError` with every problem found."""
    hub, problems = check_hub(scan, settings, site_url, split=split, verdicts=verdicts)
    if problems:
        raise ContentError(problems)
    return hub


def check_hub(
    scan: Scan,
    settings: Settings,
    site_url: str = "https://hub.invalid/",
    *,
    split: bool = False,
    verdicts: Verdicts | None = None,
) -> tuple[Hub, list[Problem]]:
    """Validate everything: the hub of the files that passed, and every problem found (the
    rules across files, links among them, can still be checked on what passed).

    ``site_url`` is needed for share posts: their length includes the page's link. ``split``:
    a second process checks half of the files (hub.parallel.split_map). ``verdicts``: the
    files that passed the last check and did not change since are not checked again, and
    this check's verdicts are kept for the next.
    """
    problems = list(scan.problems)
    # A page written in another language only is a page here too: a link or welcome step to
    # it is told apart later (hub.project), as one to translate.
    versions = scan.versions.by_key if scan.versions is not None else {}
    files = frozenset(scan.assets | {doc.rel for doc in scan.documents} | versions.keys())
    authors = _authors(scan, files, settings, problems)

    def check(doc: Document) -> tuple[Item | None, list[Problem], Answers]:
        found: list[Problem] = []
        asked_files, asked_authors = Asked(files), Asked(authors)
        item = _item(doc, asked_files, settings, asked_authors, found)
        counted: dict[str, int] = {}
        if item is not None:
            found.extend(check_posts(item, settings, site_url))
            if not found:  # a file with a problem is not kept (hub.verdicts)
                counted = x_counts(item, settings, site_url)
        return item, found, Answers(asked_files.answers, asked_authors.answers, counted)

    # An unreadable file's problem is reported already; guessing at the rest would mislead.
    readable = [doc for doc in scan.documents if doc.readable]
    known = {}
    todo = []
    for doc in readable:
        item = None if verdicts is None else verdicts.known(doc, files, authors)
        if item is not None:
            known[doc.rel] = item
            continue
        if not doc.parsed:  # unchanged, but something it depends on did change
            doc, found = parse_again(scan.root, doc, scan.sources.get(doc.rel))
            problems.extend(found)
            if found:
                continue
        todo.append(doc)
    results = split_map(check, todo, split=split)
    checked = {doc.rel: (doc, result) for doc, result in zip(todo, results, strict=True)}
    items = []
    for doc in readable:
        if doc.rel in known:
            items.append(known[doc.rel])
            continue
        if doc.rel not in checked:  # could not be parsed again
            continue
        parsed, (item, found, answers) = checked[doc.rel]
        problems.extend(found)
        remember_x_counts(answers.x_counts.items())  # the forked copy's too, for the pages
        if item is not None:
            items.append(item)
            if verdicts is not None and not found:
                verdicts.keep(parsed, item, answers)
    if verdicts is not None:
        verdicts.save()
    problems.extend(_across(items))
    problems.extend(taken(items, scan.assets, scan.root))  # the hub's files beside pages
    problems.extend(_buddies(items, authors))
    terms, found = read_glossary(scan.glossary, scan.glossary_path, settings.timezone)
    problems.extend(found)
    hub = Hub(items=tuple(items), authors=authors, assets=frozenset(scan.assets), glossary=terms)
    return hub, problems


def _authors(
    scan: Scan, files: frozenset[str], settings: Settings, problems: list[Problem]
) -> dict[str, Author]:
    raw = scan.authors
    if raw is None:
        return {}
    if not isinstance(raw, Located):
        problems.append(_not_people(scan.authors_path))
        return {}
    ctx = s.Context(file=scan.authors_path, rel="authors.yml", tz=settings.timezone, assets=files)
    result = {}
    for key, entry in raw.items():
        line = raw.lines.get(key)
        author_id = str(key)
        if not _is_slug(author_id):
            problems.append(
                Problem(
                    scan.authors_path,
                    line,
                    author_id,
                    _("is not a valid id"),
                    _("use lowercase letters, digits and dashes (80 at most)"),
                )
            )
            continue
        if not isinstance(entry, dict):
            problems.append(
                _not_keys(scan.authors_path, line, author_id, _("indent 'name: …' under the id"))
            )
            continue
        values, found = s.validate(entry, AUTHOR, ctx, prefix=f"{author_id}.", line=line)
        if values["why"] and not values["ambassador"] and not found:
            # Only an ambassador's reason is shown: written for anyone else, it would be lost.
            where = entry.lines.get("why", line) if isinstance(entry, Located) else line
            found.append(
                Problem(
                    scan.authors_path,
                    where,
                    f"{author_id}.why",
                    _("is only shown for ambassadors"),
                    _("add 'ambassador: true' if the person chose to be one, or remove why"),
                )
            )
        problems.extend(found)
        if not found:
            result[author_id] = Author(
                id=author_id,
                name=values["name"],
                team=values["team"],
                role=values["role"],
                avatar=values["avatar"],
                links=tuple(values["links"].items()),
                location=values["location"],
                languages=tuple(dict.fromkeys(values["languages"])),
                topics=values["topics"],
                pronouns=values["pronouns"],
                ambassador=values["ambassador"],
                why=values["why"],
                buddy=values["buddy"],
            )
    return _in_language(result, scan, files, settings, problems)


# What authors.<code>.yml may say of a person in another language: the words, not the facts.
PEOPLE_WORDS = ("role", "why", "pronouns", "topics")


def _not_people(path: str) -> Problem:
    """A people file that is not a group of people by id."""
    return Problem(
        path,
        1,
        None,
        _("expected a list of people by id"),
        _("write 'id:' then the person's keys indented below it"),
    )


def _not_keys(path: str, line: int | None, person: str, hint: str) -> Problem:
    """A person's entry that is not a group of keys."""
    return Problem(path, line, person, _("expected the person's keys (name, team, role …)"), hint)


def _in_language(
    people: dict[str, Author],
    scan: Scan,
    files: frozenset[str],
    settings: Settings,
    problems: list[Problem],
) -> dict[str, Author]:
    """``people`` with their words in the language read, from its authors.<code>.yml."""
    raw, path = scan.people_words, scan.people_words_path
    if raw is None:
        return people
    if not isinstance(raw, Located):
        problems.append(_not_people(path))
        return people
    schema = {key: AUTHOR[key] for key in PEOPLE_WORDS}
    ctx = s.Context(file=path, rel=path.rpartition("/")[2], tz=settings.timezone, assets=files)
    result = dict(people)
    for key, entry in raw.items():
        line = raw.lines.get(key)
        person = str(key)
        if person not in people:
            problems.append(
                Problem(
                    path,
                    line,
                    person,
                    _("'%(id)s' is not in authors.yml", id=person),
                    _closest(person, set(people)),
                )
            )
            continue
        if not isinstance(entry, dict):
            problems.append(_not_keys(path, line, person, _("indent 'role: …' under the id")))
            continue
        values, found = s.validate(entry, schema, ctx, prefix=f"{person}.", line=line)
        problems.extend(found)
        if not found:
            given = {name: values[name] for name in PEOPLE_WORDS if name in entry}
            result[person] = dataclasses.replace(people[person], **given)
    return result


def _is_slug(text: str) -> bool:
    return (
        0 < len(text) <= MAX_SLUG
        and all(c.isascii() and (c.isalnum() or c == "-") for c in text)
        and (text == text.lower())
    )


def _item(
    doc: Document,
    files: Set[str],
    settings: Settings,
    authors: Set[str],
    problems: list[Problem],
) -> Item | None:
    kind = kind_of(doc.rel)
    if kind in TYPED_FOLDERS and doc.rel.count("/") > 1:
        folder = TYPED_FOLDERS[kind]
        problems.append(
            Problem(
                doc.path,
                None,
                None,
                _("%(folder)s cannot be in sub-folders", folder=folder),
                _("move the file to content/%(folder)s/", folder=folder),
            )
        )
        return None
    ctx = s.Context(file=doc.path, rel=doc.rel, tz=settings.timezone, assets=files)
    values, found = s.validate(doc.meta, SCHEMAS[kind], ctx)
    lines = doc.meta.lines
    first = doc.meta.line or 1
    # A key whose value was rejected is reported once; rules that use it would only echo that.
    failed = {p.field for p in found}

    def problem(key: str, message: str, hint: str) -> None:
        found.append(Problem(doc.path, lines.get(key, first), key, message, hint))

    written = values["lang"]
    if settings.languages and written and _primary(written) != _primary(settings.language):
        # A hub of several languages: the file's name says its language (hub.languages).
        problem(
            "lang",
            _(
                "is %(lang)s, but the file's name makes it a page in %(code)s",
                lang=written,
                code=settings.language,
            ),
            _(
                "remove 'lang:', and name the file for its language, e.g. %(example)s",
                example=file_for(
                    languages_split(doc.rel, settings.languages)[0], written, settings.languages[0]
                ).rsplit("/", 1)[-1],
            ),
        )
    title = values["title"]
    if title is None and kind in (Kind.HOME, Kind.GUIDELINE, Kind.PAGE):
        title = first_heading(doc.body)
    if title is None and "title" not in failed:
        problem("title", _("is required"), _("add 'title: …' to the front matter"))
    if kind in DATED and values["date"] is None and "date" not in failed:
        problem(
            "date",
            _("is required"),
            _("add 'date: YYYY-MM-DD' (the day it may be published)"),
        )
    if values["image"] and not values["image_alt"]:
        problem("image", _("has no image_alt"), _("describe the picture in 'image_alt: …'"))
    if values["image_alt"] and not values["image"] and "image" not in failed:
        problem(
            "image_alt",
            _("is set but there is no image"),
            _("add 'image: …' or remove image_alt"),
        )
    if values["date"] and values["expires"] and values["expires"] <= values["date"]:
        problem(
            "expires",
            _("is not after date"),
            _("an item must be published before it expires"),
        )
    if kind is Kind.STORY and "authors" not in failed and not values["authors"]:
        problem(
            "authors",
            _("a story needs at least one author"),
            _("add 'authors: [id]' with ids from content/authors.yml"),
        )
    for author_id in values["authors"]:
        if author_id not in authors:
            problem(
                "authors",
                _("'%(id)s' is not in authors.yml", id=author_id),
                _closest(author_id, authors),
            )
    for person_id in values.get("thanks") or ():
        if person_id not in authors:
            problem(
                "thanks",
                _("'%(id)s' is not in authors.yml", id=person_id),
                _closest(person_id, authors),
            )
    if kind is Kind.CAMPAIGN and "kind" not in failed:
        _campaign_rules(values, files, problem, failed)
    slug = values["slug"] or default_slug(doc.rel)
    if kind in TYPED_FOLDERS and slug in RESERVED_SLUGS:
        problem(
            "slug",
            _("'%(slug)s' is reserved for the hub's own pages", slug=slug),
            _("choose another slug or rename the file"),
        )
    problems.extend(found)
    if found:
        return None
    return _record(doc, kind, values, title, slug)


def _campaign_rules(
    values: dict[str, Any], files: Set[str], problem: Any, failed: Set[str | None]
) -> None:
    kind = values["kind"]
    # Steps that are there but wrong were reported one by one: they are not missing.
    steps_failed = any(str(key).startswith("steps") for key in failed)
    if kind == "welcome" and not values["steps"] and not steps_failed:
        problem(
            "steps",
            _("a welcome campaign needs steps"),
            _("add 'steps:' with '- day: 0' and a title for each step"),
        )
    for key in ("buddy", "manager_role"):
        if values[key] and kind != "welcome":
            problem(
                key,
                _("only a welcome campaign has a %(key)s", key=key),
                _("remove it, or make this campaign 'kind: welcome'"),
            )
    if (
        kind == "event"
        and (values["starts"] is None or values["ends"] is None)
        and not {"starts", "ends"} & failed  # there but wrong: reported already
    ):
        problem(
            "starts" if values["starts"] is None else "ends",
            _("an event needs starts and ends"),
            _("add 'starts: YYYY-MM-DD' and 'ends: YYYY-MM-DD'"),
        )
    if values["starts"] and values["ends"] and values["ends"] < values["starts"]:
        problem("ends", _("is before starts"), _("swap the dates or correct one of them"))
    for index, step in enumerate(values["steps"], start=1):
        link = step["link"]
        if link and not urlsplit(link).scheme:
            target = s.resolve_content_path(link.split("#", 1)[0], "")
            if target is None or target not in files:
                problem(
                    "steps",
                    _(
                        "step %(number)s: link '%(link)s' is not a page of the hub",
                        number=index,
                        link=link,
                    ),
                    _("use a path inside content/ such as guidelines/voice-and-tone.md"),
                )


def _primary(code: str) -> str:
    return code.replace("_", "-").split("-")[0].lower()


def _closest(author_id: str, authors: Set[str]) -> str:
    import difflib

    close = difflib.get_close_matches(author_id, list(authors), n=1, cutoff=0.6)
    return s.did_you_mean(close[0]) if close else _("add the person to content/authors.yml")


def _record(doc: Document, kind: Kind, values: dict[str, Any], title: str, slug: str) -> Item:
    shares = tuple(_share(entry) for entry in values["share"])
    steps = tuple(
        Step(day=step["day"], title=step["title"], summary=step["summary"], link=step["link"])
        for step in values.get("steps") or ()
    )
    material = tuple((key, values[key]) for key in ("hide", "icon") if values.get(key))
    found = list(references(doc.body, doc.rel, doc.body_line))
    return Item(
        kind=kind,
        src=doc.rel,
        path=doc.path,
        slug=slug,
        url=page_url(kind, doc.rel, values["slug"] or (slug if kind in TYPED_FOLDERS else None)),
        title=title,
        summary=values["summary"] or first_paragraph(doc.body),
        body=doc.body,
        id=values["id"],
        date=values["date"],
        expires=values["expires"],
        updated=values["updated"],
        draft=values["draft"],
        tags=values["tags"],
        image=values["image"],
        image_alt=values["image_alt"],
        lang=values["lang"],
        authors=values["authors"],
        share=shares,
        description=values["description"],
        team=values.get("team"),
        thanks=tuple(dict.fromkeys(values.get("thanks") or ())),
        campaign=values.get("campaign"),
        audience=values.get("audience") or (),
        pillar=values.get("pillar"),
        proof_points=values.get("proof_points") or (),
        campaign_kind=values.get("kind"),
        starts=values.get("starts"),
        ends=values.get("ends"),
        hashtag=f"#{values['hashtag'].lstrip('#')}" if values.get("hashtag") else None,
        steps=steps,
        buddy=values.get("buddy"),
        manager_role=values.get("manager_role"),
        variants=values.get("variants") or (),
        post_text=plain_paragraphs(doc.body) if kind is Kind.SNIPPET else "",
        body_line=doc.body_line,
        lines={str(key): line for key, line in doc.meta.lines.items()},
        links=tuple((ref.target, ref.line) for ref in found if ref.shown and not ref.outside),
        outside=tuple((ref.target, ref.line) for ref in found if ref.outside),
        mentions=tuple(dict.fromkeys(ref.target for ref in found if not ref.shown)),
        material=material,
    )


def _share(entry: dict[str, Any]) -> Share:
    overrides = tuple(
        (key, value)
        for key, value in entry.items()
        if key not in ("text", "url", "hashtags", "channels", "_line") and value is not None
    )
    return Share(
        text=entry["text"],
        url=entry["url"],
        hashtags=tuple(tag.lstrip("#") for tag in entry["hashtags"]),
        channels=entry["channels"],
        overrides=overrides,
        line=entry["_line"],
    )


def _buddies(items: list[Item], authors: dict[str, Author]) -> Iterable[Problem]:
    """A welcome campaign's buddy is a person of authors.yml who volunteers (``buddy: true``).
    Checked on every build, not kept with a file's verdict: it depends on that person's
    entry, which can change while the campaign does not."""
    for item in items:
        if item.buddy is None:
            continue
        line = item.lines.get("buddy")
        person = authors.get(item.buddy)
        if person is None:
            yield Problem(
                item.path,
                line,
                "buddy",
                _("'%(id)s' is not in authors.yml", id=item.buddy),
                _closest(item.buddy, authors.keys()),
            )
        elif not person.buddy:
            yield Problem(
                item.path,
                line,
                "buddy",
                _("%(name)s has not volunteered as a buddy", name=person.name),
                _(
                    "add 'buddy: true' under '%(id)s' in content/authors.yml once they agree, "
                    "or name another person",
                    id=item.buddy,
                ),
            )


def _across(items: list[Item]) -> Iterable[Problem]:
    """Rules that span files: unique slugs, ids and addresses; campaigns that exist."""

    def line(item: Item, key: str) -> int | None:
        return item.lines.get(key)

    by_kind_slug: dict[tuple[Kind, str], list[Item]] = defaultdict(list)
    by_id: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        if item.kind in TYPED_FOLDERS:
            by_kind_slug[(item.kind, item.slug)].append(item)
        if item.id:
            by_id[item.id].append(item)
    # Every file of a clash is named: we cannot know which one is the copy.
    for (kind, slug), same in by_kind_slug.items():
        for item in same if len(same) > 1 else ():
            others = ", ".join(o.path for o in same if o is not item)
            yield Problem(
                item.path,
                line(item, "slug"),
                "slug",
                _("'%(slug)s' is also the slug of %(others)s", slug=slug, others=others),
                _(
                    "give one of the %(folder)s another slug or file name",
                    folder=TYPED_FOLDERS[kind],
                ),
            )
    for ident, same in by_id.items():
        for item in same if len(same) > 1 else ():
            others = ", ".join(o.path for o in same if o is not item)
            yield Problem(
                item.path,
                line(item, "id"),
                "id",
                _("'%(id)s' is also the id of %(others)s", id=ident, others=others),
                _("remove the id from the copy; `brandhub new` writes a fresh one"),
            )
    campaigns = {item.slug for item in items if item.kind is Kind.CAMPAIGN}
    for item in items:
        if item.campaign and item.campaign not in campaigns:
            yield Problem(
                item.path,
                line(item, "campaign"),
                "campaign",
                _("there is no campaign '%(campaign)s'", campaign=item.campaign),
                _("use the slug of a file in content/campaigns/"),
            )
    yield from _address_clashes(items)


def _address_clashes(items: list[Item]) -> Iterable[Problem]:
    """Two sources for one address (MkDocs would silently drop one), or an address the hub
    makes itself. Addresses differing only by case or accents count as one."""
    seen: dict[str, list[Item]] = defaultdict(list)
    listings = set(LISTINGS)
    if not any(item.src == "guidelines/index.md" for item in items):
        listings.add("guidelines/")  # the hub lists the guidelines itself
    for item in items:
        if item.kind in TYPED_FOLDERS:
            continue  # their address is their slug, checked above
        top = item.url.split("/", 1)[0]
        if top in RESERVED_TOPS or item.url in listings:
            yield Problem(
                item.path,
                None,
                None,
                _("its address /%(url)s is made by the hub itself", url=item.url),
                _("rename the file or choose another slug"),
            )
            continue
        seen[unicodedata.normalize("NFC", item.url).casefold()].append(item)
    for same in seen.values():
        for item in same if len(same) > 1 else ():
            others = ", ".join(o.path for o in same if o is not item)
            yield Problem(
                item.path,
                None,
                None,
                _("has the same address /%(url)s as %(others)s", url=item.url, others=others),
                _("rename or remove one of the files"),
            )
