"""The content-page base every page type builds on, the one rule of what readers may see, and
what listings read of pages."""

import re
from datetime import timedelta
from http import HTTPMethod

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponsePermanentRedirect
from django.template.loader import render_to_string
from django.template.response import SimpleTemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.module_loading import import_string

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, Site
from wagtail.search import index

from .. import page_links, renditions
from ..blocks import BodyStreamBlock, SourceBlock, headings
from ..forms import ContentPageForm
from ..pagination import canonical_query
from .queries import ContentPageQuerySet
from .updates import UpdateHistory

BLANK_LINES = re.compile(r"\s*\n\s*")
NEW_FOR = timedelta(days=30)


class PageTag(TaggedItemBase):
    """Links a page to a tag (tags say what a page is about, across sections)."""

    content_object = ParentalKey(
        "healthsite.ContentPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ContentPage(UpdateHistory, Page):
    """What every page of the site shares: summary, hero image, author, body and dates.

    Concrete (not abstract) so listings, What's New and feeds read these fields for pages of
    every type in one query.
    """

    objects = PageManager.from_queryset(ContentPageQuerySet)()

    # Listed in What's New and the feeds (subclasses holding health content say True).
    newsworthy = False
    # New pages appear in the site's menu unless the editor says otherwise (Promote tab).
    show_in_menus_default = True
    # The kinds of section (SectionPage.holds) a page of this type may be added to; None: any.
    section_kinds = None
    # Lists the newest of those pages (home, What's New): changes whenever one of them does.
    lists_newest = False
    # The page's own content, without the page around it: for the page and for feeds.
    content_template = "components/content/body.html"
    # Linked from the top bar rather than the main navigation when shown in menus.
    in_top_bar = False
    # Health pages are medically reviewed: the SiteSettings field saying how often.
    review_interval_setting = None
    is_creatable = False

    summary = models.TextField(
        max_length=300,
        help_text="One or two plain sentences. Shown in listings, search results and feeds.",
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional picture at the top of the page.",
    )
    hero_image_alt = models.CharField(
        "alt text",
        max_length=250,
        blank=True,
        help_text="Describe what the picture shows for readers who cannot see it.",
    )
    hero_image_decorative = models.BooleanField(
        "image is decorative",
        default=False,
        help_text="Tick only if the picture adds nothing to the text; it then needs no alt text.",
    )
    author = models.ForeignKey(
        "editorial.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="written_pages",
    )
    # Stamped into a revision by the medical review that approves it (editors don't set them).
    reviewed_by = models.ForeignKey(
        "editorial.Person",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="reviewed_pages",
    )
    last_reviewed = models.DateField(null=True, blank=True, editable=False)
    next_review_due = models.DateField(null=True, blank=True, editable=False, db_index=True)
    sources = StreamField(
        [("source", SourceBlock())],
        blank=True,
        help_text="What the page is based on. Cite a source from the text with the "
        "citation button of the editor.",
    )
    body = StreamField(BodyStreamBlock(), blank=True)
    flag_new = models.BooleanField(
        "mark as new",
        default=False,
        help_text="Show a NEW badge in the menu. Pages are NEW for 30 days after first "
        "publication anyway.",
    )
    tags = ClusterTaggableManager(
        through=PageTag,
        blank=True,
        help_text="What the page is about, in a few words readers would use, e.g. sciatica, "
        "posture, exercise.",
    )
    # Made from the published row (see save()), so that lists of pages of every type read
    # them in one query: its words as plain text (search excerpts) and its content as HTML
    # (feeds). Never from a draft.
    search_text = models.TextField(blank=True, editable=False)
    content_html = models.TextField(blank=True, editable=False)

    search_fields = [
        *Page.search_fields,
        index.SearchField("title", boost=5),  # the title outranks everything else
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.RelatedFields("author", [index.SearchField("name")]),
    ]

    # Panel groups, so that page types can put their own fields in between.
    intro_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
                FieldPanel("hero_image_decorative"),
            ],
            heading="Hero image",
        ),
        FieldPanel("author"),
        FieldPanel("tags"),
    ]
    reference_panels = [
        FieldPanel("sources"),
        InlinePanel(
            "related_picks",
            max_num=4,
            heading="Related pages",
            label="Related page",
            help_text="Up to four, in order; the rest are chosen from shared tags and the section.",
        ),
    ]
    content_panels = [*intro_panels, FieldPanel("body")]
    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel(
                    "search_description",
                    help_text="One or two sentences, up to about 155 characters: search engines "
                    "cut longer ones. Left empty, the page's summary is used.",
                ),
            ],
            heading="For search engines",
        ),
        MultiFieldPanel(
            [
                FieldPanel(
                    "show_in_menus",
                    help_text="Ticked, the page is listed in the site menu: a section in the main "
                    "menu, a page under its section's heading there (up to 15, then a link to "
                    "the section).",
                )
            ],
            heading="For site menus",
        ),
        FieldPanel("flag_new"),
    ]
    base_form_class = ContentPageForm
    # What the page reads of its query string ({name: how to clean it}; a listing reads its
    # page number): any other is redirected to the page's canonical address.
    query_parameters = {}
    # Readers only read: PUT, DELETE, PATCH and POST get 405 (pages with a form add POST).
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS]

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_image_decorative and not self.hero_image_alt:
            raise ValidationError(
                {"hero_image_alt": "Add alt text for the hero image, or mark it as decorative."}
            )

    def save(self, *args, update_fields=None, **kwargs):
        # Published means reviewed: what readers get of a page beyond the page itself (its
        # text for search excerpts, its content for feeds) is made from the row readers see,
        # only when that row is written whole, which is what publishing does: the row then
        # holds the published revision. A draft saved in the admin (save, autosave, submit)
        # names the few fields it changes and never reaches this, so its text stays in its
        # revision until a reviewer approves it.
        if update_fields is not None:
            return super().save(*args, update_fields=update_fields, **kwargs)
        if self.live and self.last_updated is None:
            self.last_updated = self.first_published_at or timezone.now()
        self.search_text = " ".join(self.get_text())
        super().save(*args, **kwargs)
        if self.live and self.newsworthy:
            # Once saved, so that the page has its place in the tree (links, site settings).
            self.content_html = for_feeds(render_to_string(self.content_template, {"page": self}))
            ContentPage.objects.filter(pk=self.pk).update(content_html=self.content_html)

    def permissions_for_user(self, user):
        # The rules of who may publish what (the medical review's) come from settings.
        return import_string(settings.PAGE_PERMISSION_TESTER)(user, self)

    def get_text(self):
        """The readable text of the page, field by field (subclasses add their own)."""
        yield self.summary
        for field in self._meta.get_fields():
            if isinstance(field, StreamField):
                for text in field.stream_block.get_searchable_content(getattr(self, field.name)):
                    yield strip_tags(text)

    @property
    def is_health_page(self):
        return self.review_interval_setting is not None

    @cached_property
    def site(self):
        """The page's site; a page outside every site (a new home page, say) belongs to the
        default one."""
        return self.get_site() or Site.objects.get(is_default_site=True)

    @classmethod
    def can_create_at(cls, parent):
        """Only in the kinds of section the type belongs in (a condition is no About page)."""
        holds = getattr(parent.specific, "holds", None)
        if cls.section_kinds is not None and holds is not None and holds not in cls.section_kinds:
            return False
        return super().can_create_at(parent)

    def serve(self, request, *args, **kwargs):
        if redirect := self.to_canonical_address(request):
            return redirect
        return self.rendered(super().serve(request, *args, **kwargs), request)

    def to_canonical_address(self, request):
        """A redirect to the page's canonical address when a reader's GET asked for another
        one: one address per page (and per page of a listing) is what readers, search engines
        and the page cache keep (healthsite/pagination.py)."""
        if request.method in ("GET", "HEAD") and not getattr(request, "is_preview", False):
            canonical = canonical_query(request, self.query_parameters)
            if canonical is not None:
                return HttpResponsePermanentRedirect(request.path + canonical)
        return None

    def rendered(self, response, request=None):
        """`response`, rendered with the pages linked from the page's content fetched at once
        (page_links.py), their URLs worked out for `request`."""
        if isinstance(response, SimpleTemplateResponse) and not response.is_rendered:
            streams = [
                getattr(self, field.name)
                for field in self._meta.get_fields()
                if isinstance(field, StreamField)
            ]
            with page_links.linked_pages(*streams, request=request):
                response.render()
        return response

    def prepare_to_show(self, request):
        """Fetches at once what showing the page reads from other tables: its site (the
        request's own), its hero image with the renditions of its images, its author and
        reviewer."""
        if getattr(self, "_prepared", False):
            return
        self._prepared = True
        if "site" not in self.__dict__:
            site = site_of(self, request)
            if site is not None:
                self.site = site
        hero_id = self.hero_image_id
        loaded = hero_id is None or ContentPage.hero_image.is_cached(self)
        images = [
            *([self.hero_image] if hero_id is not None and loaded else []),
            *renditions.figures_of(self),
        ]
        fetched = renditions.prefetch(
            images, "hero", "social", "figure", image_ids=[] if loaded else [hero_id]
        )
        if hero_id in fetched:
            self.hero_image = fetched[hero_id]
        people = {self.author_id, self.reviewed_by_id}
        if self.newsworthy and None not in people and not ContentPage.author.is_cached(self):
            found = self._meta.get_field("author").related_model.objects.in_bulk(people)
            if len(found) == len(people):
                self.author, self.reviewed_by = found[self.author_id], found[self.reviewed_by_id]

    @property
    def hero_alt(self):
        return "" if self.hero_image_decorative else self.hero_image_alt

    @property
    def review_overdue(self):
        """Past its next review date: readers are told the page is being reviewed."""
        return self.next_review_due is not None and self.next_review_due < timezone.localdate()

    @property
    def is_new(self):
        return is_new(self.flag_new, self.first_published_at)

    @property
    def table_of_contents(self):
        """Entries of the page's "On this page" list: its sections, then Sources."""
        sources = [{"anchor": "sources", "text": "Sources"}] if self.sources else []
        return [*self.sections_for_contents(), *sources]

    def sections_for_contents(self):
        return headings(self.body)

    def get_breadcrumbs(self):
        """The page's ancestors below the root, top first, each of its own type; found once
        for the breadcrumbs, the structured data, the pager and the section's feeds."""
        found = getattr(self, "_breadcrumbs", None)
        if found is None or found[0] != self.path:
            found = (self.path, self.ancestors_below_root())
            self._breadcrumbs = found
        return found[1]

    def ancestors_below_root(self):
        # A page Wagtail routed to has its parents already, each of its own type
        # (`get_parent()`, as Page.route leaves it): no query. Any other reads them at once.
        trail, page = [], self
        while page.depth > 2:
            page = page.get_parent()
            if type(page) is not page.specific_class:
                return list(self.get_ancestors().filter(depth__gt=1).specific(defer=True))
            trail.append(page)
        return trail[::-1]

    def get_sitemap_urls(self, request=None):
        # Search engines should revisit a page when its content changed, not for each typo.
        lastmod = self.last_updated or self.last_published_at
        # The newest page's update, when the sitemap read it (seo.sitemaps.PageSitemap).
        newest = getattr(self, "newest_listed", None)
        if newest and getattr(self.specific_class, "lists_newest", False):
            lastmod = max(lastmod, newest) if lastmod else newest
        return [{"location": self.get_full_url(request), "lastmod": lastmod}]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        self.prepare_to_show(request)
        return context

    class Meta:
        # What's New, the feeds and the home page list the newest pages first: read in this
        # order, the first few cost the same whatever the number of pages.
        indexes = [models.Index(fields=["-last_updated", "-page_ptr"], name="newest_first")]


class RelatedPage(Orderable):
    """A page an editor picked to show under another one."""

    page = ParentalKey(ContentPage, on_delete=models.CASCADE, related_name="related_picks")
    target = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name="page"
    )

    panels = [FieldPanel("target")]


def is_new(flag_new, first_published_at):
    """Whether a page shows a NEW badge: marked new, or first published lately."""
    return flag_new or bool(first_published_at and timezone.now() - first_published_at < NEW_FOR)


def site_of(page, request=None):
    """The site `page` belongs to (as `Page.get_site()` says, None if none serves it), as the
    request's own Site object when it is that site: no query."""
    parts = page.get_url_parts(request)
    if parts is None:
        return None
    current = request and Site.find_for_request(request)
    if current is not None and current.pk == parts[0]:
        return current
    return Site.objects.get(pk=parts[0])


def for_feeds(html):
    """A page's content as feeds carry it: without the templates' indentation, which feed
    readers would download with every item."""
    return BLANK_LINES.sub("\n", html).strip()
