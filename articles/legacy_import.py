"""Turns the old site's pages (read by legacy_reading, their chrome dropped by legacy_chrome)
into drafts of the page tree, with a permanent redirect from each old address, and reports
what went where.

A page that already lives on the site (legacy_matching) gets a new draft revision, changing
only the fields the import filled; others become new draft pages. Each page is written in one
transaction, so a failure leaves no half-written page; readers' live pages, their redirects and
feeds are never changed. Links between old pages point to the new pages once both are imported.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from django.core.exceptions import ValidationError
from django.db import transaction

from wagtail.contrib.redirects.models import Redirect
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, Site

from healthsite.models import SectionPage

from . import legacy_redirects
from .legacy_chrome import SiteChrome, without_chrome
from .legacy_files import FolderFiles
from .legacy_headings import section_for
from .legacy_images import Pictures
from .legacy_matching import Match, match, slug_of
from .legacy_reading import BadFile, read
from .models import ArticlePage, ConditionPage, ImportedPage

PAGE_TYPES = {"article": ArticlePage, "condition": ConditionPage}
SUMMARY_CHARS = 300
# Sections whose blocks are not the body's: lists and sub-headings become their own kinds,
# and images go to the body.
STEPS_FIELD, SIGNS_FIELD = "self_care", "seek_help"
OWN_BLOCKS = {STEPS_FIELD, SIGNS_FIELD}


class Refused(Exception):
    """A page that cannot be imported as asked; the message says what to do."""


@dataclass
class Outcome:
    document: object  # legacy_reading.LegacyDocument
    action: str = ""  # created, updated or skipped
    page: Page | None = None
    reason: str = ""
    into: str = ""  # why it went into a page the site had (legacy_matching)
    candidates: list = field(default_factory=list)  # (page, why): possible matches not used
    fields: list = field(default_factory=list)  # the page's fields the import filled
    blocks: Counter = field(default_factory=Counter)
    sections: list = field(default_factory=list)  # (field, old heading)
    links: list = field(default_factory=list)  # (href, new page or None)
    images: list = field(default_factory=list)  # what happened to each image
    notes: list = field(default_factory=list)

    def skip(self, reason):
        self.action, self.reason, self.page = "skipped", reason, None


class LegacyImport:
    """parent and into: pages, or their addresses as readers see them (/back-pain-types/)."""

    def __init__(
        self, page_type="article", parent=None, dry_run=False, log=print, into=None, user=None
    ):
        self.page_class = PAGE_TYPES[page_type]
        self.site = Site.objects.get(is_default_site=True)
        self.parent = self.page_at(parent, "--parent") if isinstance(parent, str) else parent
        self.into = self.page_at(into, "--into") if isinstance(into, str) else into
        self.dry_run = dry_run
        self.log = log
        self.user = user
        self.pages = {}  # old path -> page, as they are imported

    def page_at(self, path, option):
        url_path = self.site.root_page.url_path + path.strip("/") + "/"
        page = Page.objects.filter(url_path=url_path.replace("//", "/")).first()
        if page is None:
            raise Refused(
                f"No page at {path}: give {option} as readers see a page's address, "
                "e.g. /back-pain-types/."
            )
        return page.specific

    def read(self, files, pages=None, repeated=None):
        """(documents with their chrome dropped, [(file, reason)] for files not read)."""
        documents, bad = [], []
        for path in files.pages() if pages is None else pages:
            try:
                documents.append(read(path, files.read(path)))
            except (BadFile, OSError) as error:
                bad.append((path, str(error)))
        without_chrome(documents, SiteChrome(self.site), repeated)
        for document in [document for document in documents if not document.title]:
            documents.remove(document)
            bad.append((document.path, "no title: its first line should be the page's title"))
        return documents, bad

    def run(self, files, pages=None, repeated=None):
        """Imports the pages (of `files`, a FolderFiles, MemoryFiles or a list of paths);
        returns each file's Outcome, and (file, reason) for files not read. `pages` and
        `repeated` import a part of a batch read before (legacy_chrome.repeated_texts)."""
        if isinstance(files, list | tuple):
            files = FolderFiles(files)
        documents, bad = self.read(files, pages, repeated)
        if self.into is not None and len(documents) > 1:
            raise Refused("Importing into a chosen page takes one file: import the others apart.")
        self.pictures = Pictures(files, self.dry_run)
        outcomes = [Outcome(document) for document in documents]
        with transaction.atomic():
            for number, outcome in enumerate(outcomes, start=1):
                self.log(f"[{number}/{len(outcomes)}] {outcome.document.path.name}")
                self.save(outcome)
            # Pages linking to pages imported after them: their links are complete now.
            for outcome in outcomes:
                if outcome.page and any(page is None for _href, page in outcome.links):
                    self.save(outcome, again=True)
            if self.dry_run:
                transaction.set_rollback(True)
        return outcomes, bad

    def save(self, outcome, again=False):
        try:
            with transaction.atomic():
                self.write(outcome, again)
        except Refused as refusal:
            outcome.skip(str(refusal))
        except ValidationError as invalid:
            errors = "; ".join(f"{name}: {' '.join(m)}" for name, m in invalid.message_dict.items())
            outcome.skip(f"not a valid page ({errors})")

    def write(self, outcome, again):
        document = outcome.document
        parent = self.parent_of(document)
        if again:
            found = Match(outcome.page, outcome.into, outcome.candidates)
        elif self.into is not None:
            found = Match(self.into, "chosen to import into")
        else:
            found = match(document, parent, PAGE_TYPES.values())
        outcome.candidates = found.candidates
        # Written again once every page exists: the same page, with its links complete.
        filled_before = [] if again is False else list(outcome.fields)
        for collected in (outcome.blocks, outcome.sections, outcome.links, outcome.fields):
            collected.clear()
        if found.page is not None:
            page = found.page.get_latest_revision_as_object()
            outcome.into = found.how if found.page.live else ""
            if page.locked and page.locked_by_id != getattr(self.user, "pk", None):
                raise Refused(f"“{page.title}” is locked: unlock it, then import again")
            if self.user and not found.page.permissions_for_user(self.user).can_edit():
                raise Refused(f"it is “{page.title}”, which you may not edit")
        else:
            if parent is None:
                crumb = document.breadcrumb
                where = f" (its breadcrumb names “{crumb[1]}”)" if crumb else ""
                raise Refused(f"no section found for it{where}: say where with --parent /section/")
            if not self.page_class.can_exist_under(parent):
                raise Refused(
                    f"a {self.page_class._meta.verbose_name} page cannot go under "
                    f"“{parent.title}”: choose a section with --parent"
                )
            if self.user and not parent.permissions_for_user(self.user).can_add_subpage():
                raise Refused(f"you may not add pages in “{parent.title}”")
            page = self.page_class(live=False)
        self.fill(page, outcome, whole=page.pk is None)
        changed = []
        for name, value in (("title", document.title[:255]), ("summary", summary_of(document))):
            if getattr(page, name) != value:
                setattr(page, name, value)
                changed.append(name)
        outcome.fields[:0] = changed
        outcome.fields[:] = dict.fromkeys([*filled_before, *outcome.fields])
        if page.pk is None:
            page.slug = find_available_slug(parent, slug_of(document))
            parent.add_child(instance=page)
            outcome.action = "created"
        elif not again:
            outcome.action = "updated"
        self.remember(document.old_path, page)
        page.save_revision(user=self.user, log_action=True)
        outcome.page = page
        if document.old_path:
            self.pages[document.old_path] = page
            if note := legacy_redirects.point(document.old_path, page):
                outcome.notes.append(note)
        else:
            outcome.notes.append(
                f"{document.path.name} is not an old address: no redirect made (import the "
                "page saved under its old file name, or add the redirect in Settings → Redirects)"
            )

    def remember(self, old_path, page):
        """Importing from this address again makes a new draft of this page."""
        taken = ImportedPage.objects.filter(page_id=page.pk).exists()
        if old_path and not taken and not ImportedPage.objects.filter(old_path=old_path).exists():
            ImportedPage.objects.create(old_path=old_path, page=page)

    def parent_of(self, document):
        """The section named by the page's breadcrumb, else the one chosen (None if neither)."""
        if document.breadcrumb:
            section = (
                SectionPage.objects.descendant_of(self.site.root_page, inclusive=True)
                .filter(title__iexact=document.breadcrumb[1])
                .first()
            )
            if section:
                return section
        return self.parent

    def fill(self, page, outcome, whole):
        """The page's streams from the document's blocks; condition pages by section. A new
        page (`whole`) gets every stream; a page the site had keeps those the import left
        empty (and its hero, author, tags, sources and related picks)."""
        streams = {"body": []}
        condition = isinstance(page, ConditionPage)
        target = "overview" if condition else "body"
        for block in outcome.document.blocks:
            if condition and block.kind == "heading" and block.level == 2:
                section = section_for(block.text)
                target = section if section and section not in streams else "body"
                outcome.sections.append((target, block.text))
                if target != "body":
                    streams[target] = []
                    continue
            for stream_block in self.stream_blocks(block, target, outcome):
                image = stream_block["type"] == "image"
                where = "body" if image and target in OWN_BLOCKS else target
                streams.setdefault(where, []).append(stream_block)
                outcome.blocks[stream_block["type"]] += 1
        if condition and streams.get("overview"):
            outcome.sections.insert(0, ("overview", "(the opening text)"))
        names = [name for name, _heading in ConditionPage.SECTIONS] if condition else []
        for name in [*names, "body"]:
            if streams.get(name) or whole:
                setattr(page, name, streams.get(name, []))
                if streams.get(name):
                    outcome.fields.append(name)

    def stream_blocks(self, block, target, outcome):
        if block.kind == "image":
            image = self.pictures.image(block, outcome)
            if image:
                value = {
                    "image": image.pk,
                    "decorative": False,
                    "alt_text": block.alt or block.caption,
                }
                yield {"type": "image", "value": {"image": value, "caption": block.caption}}
            return
        if block.kind == "heading":
            if target in OWN_BLOCKS:
                yield {"type": "paragraph", "value": f"<p><b>{escape(block.text)}</b></p>"}
            else:
                yield {
                    "type": "heading",
                    "value": {"text": block.text[:120], "level": f"h{block.level}"},
                }
            return
        if block.kind == "paragraph":
            yield {"type": "paragraph", "value": f"<p>{self.links(block.html, outcome)}</p>"}
            return
        items = [self.links(item, outcome) for item in block.items]
        if target == STEPS_FIELD and block.kind == "numbered_list":
            for item in items:
                yield {"type": "step", "value": {"title": "", "text": f"<p>{item}</p>"}}
        elif target in OWN_BLOCKS:
            # Warning signs stay as the author wrote them: how urgent each is, is for the
            # medical reviewer to say (as a red flag block), not for an importer to guess.
            tag = "ol" if block.kind == "numbered_list" else "ul"
            listed = "".join(f"<li>{item}</li>" for item in items)
            yield {"type": "paragraph", "value": f"<{tag}>{listed}</{tag}>"}
        else:
            yield {"type": block.kind, "value": [f"<p>{item}</p>" for item in items]}

    def links(self, html, outcome):
        """Links to old pages point to their new pages where those are imported."""
        soup = BeautifulSoup(html, "html.parser")
        for link in soup.find_all("a"):
            old_path = old_page_path(link["href"])
            if old_path is None:
                continue
            page = self.pages.get(old_path) or imported_page(old_path)
            outcome.links.append((link["href"], page))
            if page:
                link.attrs = {"linktype": "page", "id": str(page.pk)}
            else:
                link.attrs = {"href": old_path}  # redirects once that page is imported
        return str(soup)


def summary_of(document):
    first = next((block.text for block in document.blocks if block.kind == "paragraph"), "")
    text = first or document.title
    if len(text) <= SUMMARY_CHARS:
        return text
    return text[: SUMMARY_CHARS - 1].rsplit(" ", 1)[0] + "…"


def old_page_path(href):
    """/name.html for a link to a page of the old site (relative or root-relative), else None."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    name = Path(unquote(parts.path)).name
    if not re.fullmatch(r"[\w.-]+\.html?", name, re.I):
        return None
    return f"/{Path(name).stem}.html"


def imported_page(old_path):
    """The page an old address leads to already: imported before, or redirected to."""
    record = ImportedPage.objects.filter(old_path=old_path).select_related("page").first()
    if record:
        return record.page
    redirect = Redirect.objects.filter(old_path=Redirect.normalise_path(old_path)).first()
    return redirect.redirect_page if redirect and redirect.redirect_page_id else None
