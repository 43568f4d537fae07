"""Turns the old site's pages (read by legacy_reading) into draft pages of the page tree, with
a permanent redirect from each old address, and reports what went where.

Each page is written in one transaction, so a failure leaves no half-written page. A page is
matched to its old address (ImportedPage): importing again updates its draft, never what
readers see. Links between old pages point to the new pages once both are imported.
"""

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from PIL import Image as PILImage

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.text import slugify

from wagtail.contrib.redirects.models import Redirect
from wagtail.coreutils import find_available_slug
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from healthsite.models import SectionPage

from . import legacy_reading, legacy_redirects
from .models import ArticlePage, ConditionPage, ImportedPage

PAGE_TYPES = {"article": ArticlePage, "condition": ConditionPage}
SUMMARY_CHARS = 300
# Condition page sections, by words in the old page's headings; the first match wins, so
# "Home treatment" is self-care, not treatment.
SECTION_WORDS = [
    ("seek_help", ["seek", "see a doctor", "see your doctor", "medical help", "warning sign"]),
    ("self_care", ["home", "self-care", "self care", "yourself"]),
    ("exercises", ["exercise", "stretch"]),
    ("causes", ["cause"]),
    ("symptoms", ["symptom"]),
    ("treatment", ["treat", "therapy", "relief"]),
    ("overview", ["what is", "what are", "overview"]),
]
# Sections whose blocks are not the body's: lists and sub-headings become their own kinds,
# and images go to the body.
STEPS_FIELD, SIGNS_FIELD = "self_care", "seek_help"
OWN_BLOCKS = {STEPS_FIELD, SIGNS_FIELD}
WOULD_ADD = object()  # a picture a dry run would add to the library


class Refused(Exception):
    """A page that cannot be imported as asked; the message says what to do."""


@dataclass
class Outcome:
    document: legacy_reading.LegacyDocument
    action: str = ""  # created, updated or skipped
    page: Page | None = None
    reason: str = ""
    blocks: Counter = field(default_factory=Counter)
    sections: list = field(default_factory=list)  # (field, old heading)
    links: list = field(default_factory=list)  # (href, new page or None)
    images: list = field(default_factory=list)  # what happened to each image
    notes: list = field(default_factory=list)

    def skip(self, reason):
        self.action, self.reason, self.page = "skipped", reason, None


class LegacyImport:
    def __init__(self, page_type="article", parent_path=None, dry_run=False, log=print):
        self.page_class = PAGE_TYPES[page_type]
        self.site = Site.objects.get(is_default_site=True)
        self.parent = self.page_at(parent_path) if parent_path else None
        self.dry_run = dry_run
        self.log = log
        self.pages = {}  # old path -> page, as they are imported
        self.images = {}  # picture file -> image in the library, as they are imported

    def page_at(self, path):
        url_path = self.site.root_page.url_path + path.strip("/") + "/"
        page = Page.objects.filter(url_path=url_path.replace("//", "/")).first()
        if page is None:
            raise Refused(
                f"No page at {path}: give --parent as readers see a section's address, "
                "e.g. /back-pain-types/."
            )
        return page.specific

    def run(self, paths):
        """Imports the pages; returns each file's Outcome, or (file, reason) for bad files."""
        files = list(legacy_reading.page_files(paths))
        documents, bad = [], []
        for path in files:
            try:
                documents.append(legacy_reading.read(path))
            except (legacy_reading.BadFile, OSError) as error:
                bad.append((path, str(error)))
        legacy_reading.without_chrome(documents)
        for document in [document for document in documents if not document.title]:
            documents.remove(document)
            bad.append((document.path, "no title: its first line should be the page's title"))
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
        record = ImportedPage.objects.filter(old_path=document.old_path).first()
        page = record.page.get_latest_revision_as_object() if record else None
        if page is None:
            parent = self.parent_of(document)
            page = self.page_class(live=False)
            if not self.page_class.can_exist_under(parent):
                raise Refused(
                    f"a {self.page_class._meta.verbose_name} page cannot go under "
                    f"“{parent.title}”: choose a section with --parent"
                )
        elif not isinstance(page, self.page_class):
            raise Refused(
                f"imported before as a {page._meta.verbose_name} page ({page.url_path}): "
                f"import it again with --type {page._meta.model_name.removesuffix('page')}"
            )
        # Written again once every page exists: the same page, with its links complete.
        outcome.blocks.clear()
        outcome.sections.clear()
        outcome.links.clear()
        page.title = document.title[:255]
        page.summary = summary_of(document)
        self.fill(page, outcome)
        if page.pk is None:
            page.slug = find_available_slug(parent, slugify(document.path.stem) or "page")
            parent.add_child(instance=page)
            ImportedPage.objects.create(old_path=document.old_path, page=page)
            outcome.action = "created"
        elif not again:
            outcome.action = "updated"
        page.save_revision(log_action=True)
        outcome.page = page
        self.pages[document.old_path] = page
        note = legacy_redirects.point(document.old_path, page)
        if note:
            outcome.notes.append(note)

    def parent_of(self, document):
        if document.breadcrumb:
            section = (
                SectionPage.objects.descendant_of(self.site.root_page, inclusive=True)
                .filter(title__iexact=document.breadcrumb[1])
                .first()
            )
            if section:
                return section
        if self.parent is None:
            where = (
                f" (its breadcrumb names “{document.breadcrumb[1]}”)" if document.breadcrumb else ""
            )
            raise Refused(f"no section found for it{where}: say where with --parent /section/")
        return self.parent

    def fill(self, page, outcome):
        """The page's streams from the document's blocks; condition pages by section."""
        streams = {"body": []}
        target = "overview" if isinstance(page, ConditionPage) else "body"
        for block in outcome.document.blocks:
            if isinstance(page, ConditionPage) and block.kind == "heading" and block.level == 2:
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
        if isinstance(page, ConditionPage):
            if streams.get("overview"):
                outcome.sections.insert(0, ("overview", "(the opening text)"))
            for name, _heading in ConditionPage.SECTIONS:
                setattr(page, name, streams.get(name, []))
        page.body = streams["body"]

    def stream_blocks(self, block, target, outcome):
        if block.kind == "image":
            image = self.image(block, outcome)
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

    def image(self, block, outcome):
        """The library's image for an image block (None if it cannot be had); each picture
        is looked at, and reported, once per run."""
        source = urlsplit(block.src)
        local = block.src and not (source.scheme or source.netloc)
        key = (
            (outcome.document.path.parent / unquote(source.path)).resolve() if local else block.src
        )
        if key not in self.images:
            self.images[key] = self.library_image(block, key if local else None, outcome)
        if self.images[key] is WOULD_ADD:
            outcome.blocks["image"] += 1  # in a dry run no file is written, so no block made
            return None
        return self.images[key]

    def library_image(self, block, path, outcome):
        def skipped(reason):
            outcome.images.append(f"{block.src or 'an image without src'}: {reason}, skipped")

        if path is None:
            return skipped("not a file of the old site")
        if not path.is_file():
            return skipped("file not found")
        if path.suffix.lower().lstrip(".") not in settings.WAGTAILIMAGES_EXTENSIONS:
            return skipped("not a picture format the site takes")
        data = path.read_bytes()
        digest = hashlib.sha1(data).hexdigest()  # noqa: S324 - Wagtail's file hash: not for security
        image_model = get_image_model()
        existing = image_model.objects.filter(file_hash=digest).first()
        if existing:
            outcome.images.append(f"{block.src}: already in the library as “{existing.title}”")
            return existing
        try:
            with PILImage.open(path) as picture:
                width, height = picture.size
        except (OSError, PILImage.DecompressionBombError):
            return skipped("not a readable picture")
        if width * height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
            return skipped(f"{width}×{height} pixels is too large")
        if not (block.alt or block.caption):
            outcome.notes.append(f"{block.src} has no alt text: add it before publishing")
        if self.dry_run:
            outcome.images.append(f"{block.src}: would be added to the library")
            return WOULD_ADD
        image = image_model(
            title=(block.alt or block.caption or path.stem)[:255],
            file_hash=digest,  # as the admin's upload sets it, so the next import finds it
            file_size=len(data),
        )
        with path.open("rb") as file:
            image.file = ImageFile(file, name=path.name)
            image.save()
        outcome.images.append(f"{block.src}: added to the library")
        return image


def summary_of(document):
    first = next((block.text for block in document.blocks if block.kind == "paragraph"), "")
    text = first or document.title
    if len(text) <= SUMMARY_CHARS:
        return text
    return text[: SUMMARY_CHARS - 1].rsplit(" ", 1)[0] + "…"


def section_for(heading):
    words = heading.lower()
    return next((name for name, keys in SECTION_WORDS if any(key in words for key in keys)), None)


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
