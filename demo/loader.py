"""Builds the demo site from content/ (see content/README.md): images, the author, every page
of the site map, the contact form, search synonyms and promotions, redirects, the newsletter's
gift and readers' stories. Idempotent: what already exists is left as it is."""

import io
import uuid
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.functional import cached_property

from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, Page, Revision, Site

from editorial.models import LayTerm, Person, record_approval
from editorial.scheduling import next_review_after
from editorial.setup import setup_editorial
from healthsite import site_address
from healthsite.models import ContentPage, HomePage, SiteSettings
from newsletter.models import NewsletterSettings

from . import gift, images, stories
from .markup import aware, blocks, parse_date, plain, read_page_file

CONTENT = Path(__file__).parent / "content"
STREAM_KINDS = {"self_care": "self_care", "seek_help": "seek_help"}
PLAIN_FIELDS = {"disclosure"}
# The demo's author and medical reviewer: fictional, as their profiles say once, in a note.
FICTIONAL = (
    "This person is fictional: made up to show how this demonstration site works. The "
    "registration number below is not a real one."
)
AUTHOR = {
    "name": "Alex Morgan",
    "role": "Chartered physiotherapist",
    "credentials": "BSc (Hons) Physiotherapy",
    "profession": "Physiotherapist",
    "registration_body": "Health and Care Professions Council",
    "registration_number": "PH000000",
    "bio": "Alex has treated people with back and neck pain for many years and writes every "
    "page of this site from clinical practice.",
    "note": FICTIONAL,
}
REVIEWER = {
    "name": "Dr Sam Okafor",
    "role": "General practitioner",
    "credentials": "MBBS, MRCGP",
    "profession": "General practitioner",
    "registration_body": "General Medical Council",
    "registration_number": "0000000",
    "bio": "Sam is a GP with a special interest in musculoskeletal problems, and checks every "
    "health page on this site before it is published and at each review.",
    "note": FICTIONAL,
}
CONTACT_FIELDS = [
    ("Your name", "singleline", True, ""),
    ("Your e-mail address", "email", True, "So that we can reply to you."),
    ("Your message", "multiline", True, "Please do not include personal medical details."),
]


def lines_of(name, separator=None):
    """(left, right) of each `left separator right` line of a content file (comments and
    blank lines skipped; no separator: whitespace)."""
    for line in (CONTENT / name).read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            left, right = line.split(separator)
            yield left.strip(), right.strip()


def site_map():
    """(url path, page model) for every page, in tree and menu order."""
    for path, model in lines_of("site.txt"):
        yield path, apps.get_model(model)


def paths(meta, key):
    """The url paths listed, comma-separated, in one front matter line."""
    return [path.strip() for path in meta.get(key, "").split(",") if path.strip()]


def content_file(path):
    name = path.strip("/") or "home"
    return read_page_file((CONTENT / f"{name}.txt").read_text())


class DemoLoader:
    """Loads the demo site, or with `only` (url paths, each page's parents among them) a part
    of it: the small fixture site of the tests. In a part, whatever points to a page left out
    (a link, a related pick, a synonym, a redirect) is left out too, and only the drawings its
    pages show are drawn."""

    def __init__(self, log=print, only=None):
        self.log = log
        self.only = None if only is None else set(only)
        self.images = {}
        self.pages = {}  # url path -> page
        self.created = []

    def run(self):
        with transaction.atomic():
            self.load_images()
            self.author, self.reviewer = (self.load_person(data) for data in (AUTHOR, REVIEWER))
            home = self.load_home()
            self.load_pages(home)
            self.fill_new_pages()
            self.load_synonyms()
            self.load_promotions()
            self.load_redirects()
            SiteSettings.for_site(home.get_site())  # created with its defaults
            self.load_gift(home.get_site())
            stories.load(CONTENT / "stories", self.log)
        existing = len(self.pages) - len(self.created)
        self.log(
            f"Done: {len(self.pages)} pages ({len(self.created)} created, {existing} already "
            f"there), {len(self.images)} images."
        )
        setup_editorial(log=self.log)
        return self.created

    def load_images(self):
        """Every drawing, up front; a part draws each when a page first shows it."""
        if self.only is None:
            for key in images.ILLUSTRATIONS:
                self.picture(key)

    def picture(self, key):
        """The image of drawing `key`, drawn and stored the first time."""
        if key not in self.images:
            title = f"Illustration: {key.replace('-', ' ')}"
            image = Image.objects.filter(title=title).first()
            if image is None:
                description = images.ILLUSTRATIONS[key]
                buffer = io.BytesIO()
                images.draw(key).save(buffer, "PNG", optimize=True)
                image = Image(title=title, description=description, collection=self.collection)
                image.file = ImageFile(buffer, name=f"{key}.png")
                image.save()
                number = list(images.ILLUSTRATIONS).index(key) + 1
                self.log(f"  image {number}/{len(images.ILLUSTRATIONS)}: {key} drawn")
            self.images[key] = image
        return self.images[key]

    def document(self, title, filename, content):
        """A document of the demo collection, created once."""
        document = Document.objects.filter(title=title).first()
        if document is None:
            document = Document(title=title, collection=self.demo_collection())
            document.file.save(filename, ContentFile(content), save=False)
            document.file_size = len(content)
            document.save()
            self.log(f"  document: {title}")
        return document

    @cached_property
    def collection(self):
        return self.demo_collection()

    def demo_collection(self):
        root = Collection.get_first_root_node()
        existing = root.get_children().filter(name="Demo illustrations").first()
        return existing or root.add_child(name="Demo illustrations")

    def load_person(self, data):
        person, created = Person.objects.get_or_create(name=data["name"], defaults=data)
        if not created and person.registration_number.endswith(" (sample)"):
            # Loaded by an earlier version, which wrote "(sample)" into the credential.
            Person.objects.filter(pk=person.pk).update(**data)
            person.refresh_from_db()
        return person

    def load_home(self):
        site = Site.objects.filter(is_default_site=True).first()
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            # Wagtail's migrations leave a "Welcome" page where the home page belongs.
            root.get_children().filter(content_type__model="page", numchild=0).delete()
            home = root.add_child(instance=self.new_page(HomePage, "/", content_file("/")))
            self.created.append("/")
            if site is None:
                site = Site(is_default_site=True)
            # The site's address, for absolute links in feeds and e-mails: where it is served.
            try:
                site.hostname, site.port = site_address.host_and_port(settings.SITE_URL)
            except ValueError as error:
                raise ValueError(
                    f"SITE_URL: {error}. Set SITE_URL to the address readers reach the site at."
                ) from error
            site.root_page = home
            site.site_name = "Manage Back Pain"
            site.save()
        self.pages["/"] = home
        return home

    def load_pages(self, home):
        entries = [
            (path, model)
            for path, model in site_map()
            if path != "/" and (self.only is None or path in self.only)
        ]
        for number, (path, model) in enumerate(entries, start=1):
            parent = self.pages[path.rstrip("/").rsplit("/", 1)[0] + "/"]
            slug = path.strip("/").rsplit("/", 1)[-1]
            page = ContentPage.objects.child_of(parent).filter(slug=slug).first()
            status = "already there"
            if page is None:
                page = parent.add_child(instance=self.new_page(model, path, content_file(path)))
                self.created.append(path)
                status = "created"
            self.pages[path] = page
            self.log(f"  page {number}/{len(entries)}: {path} {status}")

    def new_page(self, model, path, source):
        """An unpublished page with its title, slug and summary; content comes later, once
        every page exists to be linked to."""
        slug = path.strip("/").rsplit("/", 1)[-1] or "home"
        return model(
            title=source.meta["title"],
            slug=slug,
            summary=plain(source.meta["summary"]),
            live=False,
            show_in_menus=source.meta.get("menu", "yes") == "yes",
            **({"holds": source.meta["holds"]} if "holds" in source.meta else {}),
        )

    def fill_new_pages(self):
        for number, path in enumerate(self.created, start=1):
            self.log(f"  writing and publishing {number}/{len(self.created)}: {path}")
            page = self.pages[path].specific
            source = content_file(path)
            self.fill(page, source)
            revision = page.save_revision()
            if getattr(page, "reviewed_by", None) is not None:
                # The demo's health pages come reviewed, as the site they reproduce had them.
                record_approval(revision, page.reviewed_by)
            revision.publish()
            self.backdate(page, source, revision)

    def fill(self, page, source):
        meta = source.meta
        if meta.get("hero"):
            page.hero_image = self.picture(meta["hero"])
            page.hero_image_alt = page.hero_image.description
        if page.newsworthy:
            page.author = self.author
        page.flag_new = meta.get("new") == "yes"
        page.sources = self.sources(page, source.fields.pop("sources", []))
        for name, lines in source.fields.items():
            if name in PLAIN_FIELDS:
                value = "\n".join(line for line in lines if line.strip())
            else:
                value = blocks(lines, self, STREAM_KINDS.get(name))
            setattr(page, name, value)
        if source.products:
            page.products = [self.product(page, data) for data in source.products]
        if hasattr(page, "form_fields"):
            self.fill_form(page)
        self.fill_references(page, meta)

    def fill_references(self, page, meta):
        """Tags, related pages, product guides, and the last medical review."""
        page.tags.add(*(tag.strip() for tag in meta.get("tags", "").split(",") if tag.strip()))
        picks = page._meta.get_field("related_picks").related_model
        related = self.loaded(paths(meta, "related"))
        page.related_picks = [picks(target=target) for target in related]
        if "guides" in meta:
            guides = page._meta.get_field("guide_links").related_model
            page.guide_links = [guides(guide=guide) for guide in self.loaded(paths(meta, "guides"))]
        if "explained" in meta:
            # Medical words the page explains in its own words (the plain-English checks).
            explained = page._meta.get_field("explained_terms").related_model
            words = [word.strip() for word in meta["explained"].split(",") if word.strip()]
            terms = LayTerm.objects.filter(term__in=words)
            page.explained_terms = [explained(term=term) for term in terms]
        if "reviewed" in meta:
            page.reviewed_by = self.reviewer
            page.last_reviewed = parse_date(meta["reviewed"])
            page.next_review_due = next_review_after(page, page.last_reviewed)

    def sources(self, page, lines):
        """The Sources stream from `key | title | publisher | year | url | accessed` lines;
        remembers each key's block id and number for the `[^key]` citations."""
        self.citation_keys = {}
        stream = []
        for number, line in enumerate(filter(str.strip, lines), start=1):
            key, title, publisher, year, url, accessed = (part.strip() for part in line.split("|"))
            block_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{page.url_path}#{key}"))
            self.citation_keys[key] = (block_id, number)
            value = {
                "title": title,
                "publisher": publisher,
                "year": int(year) if year else None,
                "url": url,
                "accessed": accessed or None,
            }
            stream.append({"type": "source", "id": block_id, "value": value})
        return stream

    def citation(self, key):
        return self.citation_keys[key]

    def fill_form(self, page):
        page.form_fields = [self.form_field(page, *spec) for spec in CONTACT_FIELDS]
        page.to_address = "editor@example.com"
        page.from_address = "website@example.com"
        page.subject = "Message from the website"
        page.thank_you_text = "<p>Thank you for writing. We read every message.</p>"

    def load_synonyms(self):
        """Readers' words for what the pages cover (the search app's Synonym snippets)."""
        synonym = apps.get_model("search", "Synonym")
        for term, path in lines_of("synonyms.txt", "=>"):
            if path in self.pages:
                synonym.objects.get_or_create(term=term, defaults={"page": self.pages[path]})
        self.log(f"  {synonym.objects.count()} search synonyms")

    def load_redirects(self):
        """The old site's addresses, each a permanent redirect to its page (updated, never
        duplicated, when one exists)."""
        for old_path, path in lines_of("legacy_urls.txt", "=>"):
            if path not in self.pages:
                continue
            Redirect.objects.update_or_create(
                old_path=Redirect.normalise_path(old_path),
                site=None,
                defaults={"redirect_page": self.pages[path], "is_permanent": True},
            )
        self.log(f"  {Redirect.objects.count()} redirects from old addresses")

    def load_promotions(self):
        """Editors' recommended search results."""
        for text, target in lines_of("promotions.txt", "=>"):
            path, description = (part.strip() for part in target.split("|"))
            if path not in self.pages:
                continue
            query = Query.get(text)
            SearchPromotion.objects.get_or_create(
                query=query, page=self.pages[path], defaults={"description": description}
            )

    def load_gift(self, site):
        """The newsletter's free gift: the "Top 10 Tips" PDF, set in the newsletter settings
        (unless an editor chose another)."""
        newsletter = NewsletterSettings.for_site(site)
        if newsletter.gift_id is None:
            filename = "top-10-tips-for-managing-your-back-pain.pdf"
            newsletter.gift = self.document(gift.TITLE, filename, gift.gift_pdf())
            newsletter.save()

    def product(self, page, data):
        model = page._meta.get_field("products").related_model
        return model(
            name=data["name"],
            image=self.picture(data["image"]) if data.get("image") else None,
            why_it_helps=plain(data["why"]),
            pros=plain("\n".join(data["pros"])),
            cons=plain("\n".join(data["cons"])),
            price_band=data["price"],
            link=data.get("link", ""),
            paid_link=data.get("paid") == "yes",
        )

    def form_field(self, page, label, field_type, required, help_text):
        model = page._meta.get_field("form_fields").related_model
        return model(label=label, field_type=field_type, required=required, help_text=help_text)

    def page_id(self, path):
        """The id of the page at `path`; None when a part of the demo left it out."""
        page = self.pages.get(path)
        return page and page.pk

    def loaded(self, paths):
        return [self.pages[path] for path in paths if path in self.pages]

    def image(self, key):
        image = self.picture(key)
        return image.pk, image.description

    def backdate(self, page, source, revision):
        """Give the page the publication history of the site it comes from."""
        published = aware(parse_date(source.meta["published"]))
        updated = aware(parse_date(source.meta.get("updated") or source.meta["published"]))
        Page.objects.filter(pk=page.pk).update(
            first_published_at=published, last_published_at=updated
        )
        ContentPage.objects.filter(pk=page.pk).update(
            last_updated=updated, last_update_note=source.meta.get("note", "")
        )
        Revision.objects.filter(pk=revision.pk).update(created_at=updated)
