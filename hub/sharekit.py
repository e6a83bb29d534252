"""A campaign's share kit: one zip file with everything a partner needs to share it.

Every post (and each of its versions) of the campaign page and of its published stories and
snippets as a text file with its tagged link, their images, the hashtag, the campaign's
calendar and a README. The bytes depend on the content alone (fixed file times, sorted
names), so two builds of the same hub write the same kit. Callers pass only published
members (hub.views.campaign_members outside a preview): nothing else can enter a kit.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from hub.i18n import _, format_date, n_
from hub.model import Item
from hub.settings import Settings
from hub.share import compose, posts_for, tagged_link

SOURCE = "share-kit"  # utm_source of a kit's links: partners' shares can be counted apart
FILE = "share-kit.zip"
STAMP = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip file can hold


@dataclass(frozen=True)
class Kit:
    path: str  # in the site: campaigns/<slug>/share-kit.zip
    posts: int
    images: int
    data: bytes


def kit_path(campaign: Item) -> str:
    return f"{campaign.url}{FILE}"


def share_kit(
    campaign: Item,
    members: Sequence[Item],
    settings: Settings,
    site_url: str,
    content_dir: Path,
    calendar: bytes | None,
) -> Kit | None:
    """The kit of ``campaign`` and its published ``members``; None when it has no post."""
    files: dict[str, bytes] = {}
    # Partners do not work here: their posts leave out the employees' disclosure hashtag.
    theirs = replace(settings, disclosure="")
    for item in (campaign, *members):
        for number, post in enumerate(posts_for(item, settings, site_url), start=1):
            link = tagged_link(post, settings, SOURCE)
            for variant in range(len(post.texts)):
                versions = f"-v{variant + 1}" if len(post.texts) > 1 else ""
                name = f"{item.slug}-{number}{versions}"
                text = f"{compose(post, theirs, None, variant)}\n\n{link}\n"
                files[f"posts/{name}.txt"] = text.encode("utf-8")
    posts = len(files)
    if not posts:
        return None
    for item in (campaign, *members):
        if item.image:
            image = content_dir / item.image
            if image.is_file():
                files[f"images/{posixpath.basename(item.image)}"] = image.read_bytes()
    images = len(files) - posts
    if campaign.hashtag:
        files["hashtag.txt"] = f"{campaign.hashtag}\n".encode()
    if calendar is not None:
        files[f"{campaign.slug}.ics"] = calendar
    readme = _readme(campaign, site_url, settings, posts, images, calendar is not None)
    files["README.txt"] = readme.replace("\n", "\r\n").encode("utf-8")  # Notepad too
    return Kit(kit_path(campaign), posts, images, _zip(files))


def _readme(
    campaign: Item, site_url: str, settings: Settings, posts: int, images: int, calendar: bool
) -> str:
    """The kit's README: what the campaign is, and what each file is for."""
    lines = [campaign.title, "=" * len(campaign.title), "", campaign.summary, ""]
    page = site_url.rstrip("/") + "/" + campaign.url
    lines.append(_("Campaign page: %(link)s", link=page))
    if campaign.hashtag:
        lines.append(_("Hashtag: %(hashtag)s", hashtag=campaign.hashtag))
    if campaign.starts:
        ends = campaign.ends or campaign.starts
        lines.append(
            _(
                "Dates: %(starts)s to %(ends)s",
                starts=format_date(campaign.starts),
                ends=format_date(ends),
            )
        )
    lines += ["", _("In this kit:")]
    lines.append(
        "- posts/: "
        + _(
            "%(posts)s, one text file each, with its link. Make them your own before you post.",
            posts=n_("%(count)s post", "%(count)s posts", posts),
        )
    )
    if images:
        lines.append(
            "- images/: "
            + _(
                "%(images)s to post with them.",
                images=n_("%(count)s image", "%(count)s images", images),
            )
        )
    if campaign.hashtag:
        lines.append("- hashtag.txt: " + _("the campaign's hashtag."))
    if calendar:
        lines.append(f"- {campaign.slug}.ics: " + _("the campaign's dates, for your calendar."))
    lines += [
        "",
        _(
            "Shared by %(organisation)s for its partners. The links count visits from this kit "
            "(utm_source=%(source)s); nothing else is tracked.",
            organisation=settings.organisation,
            source=settings.utm_source.get(SOURCE, SOURCE),
        ),
    ]
    if settings.disclosure:
        lines.append(
            _(
                "If you work at %(organisation)s, end your post with %(disclosure)s.",
                organisation=settings.organisation,
                disclosure=settings.disclosure,
            )
        )
    return "\n".join(lines) + "\n"


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whoever builds it
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name], compresslevel=9)
    return out.getvalue()


def kit_summary(kit: Kit) -> str:
    """What the kit holds, as the campaign page says it."""
    if kit.images:
        return _(
            "%(posts)s and %(images)s, ready for partners to share.",
            posts=n_("%(count)s post", "%(count)s posts", kit.posts),
            images=n_("%(count)s image", "%(count)s images", kit.images),
        )
    return _(
        "%(posts)s, ready for partners to share.",
        posts=n_("%(count)s post", "%(count)s posts", kit.posts),
    )
