"""Editors can create, edit, preview and publish every page type in the admin, and the tree
refuses a page in the wrong place."""

import pytest

from django.urls import reverse
from django.utils.text import slugify

from wagtail.images.models import Image
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.models import ArticlePage, ConditionPage, WhatsNewPage
from healthsite.models import FormPage, HomePage, SectionPage, StandardPage
from newsletter.models import NewsletterPage
from products.models import ProductGuidePage
from stories.models import StoryIndexPage
from tests.conftest import page_at
from tests.site_pages import (
    ABOUT,
    BACK_PAIN_OVERVIEW,
    BACK_PAIN_PRODUCTS,
    BACK_PAIN_TYPES,
    CHAIRS,
    LEARN_MORE,
    MUSCLE_SPASMS,
    SCIATICA,
)

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]


def body():
    image = Image.objects.first()
    return streamfield(
        [
            ("heading", {"text": "What helps", "level": "h2"}),
            ("paragraph", rich_text("<p>Keep moving gently.</p>")),
            ("callout", {"kind": "tip", "title": "", "text": rich_text("<p>Use heat.</p>")}),
            ("quote", {"text": "It got better.", "attribution": "A reader"}),
            (
                "image",
                {
                    "image": {"image": image.pk, "decorative": False, "alt_text": "A drawing"},
                    "caption": "A caption",
                },
            ),
        ]
    )


def form_data(model, title):
    data = {
        "title": title,
        "slug": slugify(title),
        "summary": f"A short summary of {title}.",
        "body": body(),
        "sources": streamfield([]),
        "related_picks": inline_formset([]),
    }
    if getattr(model, "reading_age_setting", None):
        data["explained_terms"] = inline_formset([])  # the Plain English panel's
    if model is ConditionPage:
        for field, _heading in ConditionPage.SECTIONS:
            data[field] = streamfield([])
        data["overview"] = streamfield([("paragraph", rich_text("<p>What it is.</p>"))])
        data["self_care"] = streamfield(
            [("step", {"title": "Rest a little", "text": rich_text("<p>But not too long.</p>")})]
        )
        data["seek_help"] = streamfield(
            [("red_flag", {"urgency": "emergency", "sign": "Loss of bladder control"})]
        )
        data["guide_links"] = inline_formset([])
    if model is ProductGuidePage:
        data["look_for"] = streamfield([("paragraph", rich_text("<p>Support.</p>"))])
        data["avoid"] = streamfield([])
        data["disclosure"] = "We take no payment."
        data["products"] = inline_formset(
            [
                {
                    "name": "A lumbar roll",
                    "why_it_helps": "It supports the curve of your back.",
                    "pros": "Cheap\nLight",
                    "cons": "Slips",
                    "price_band": "budget",
                    "link": "",
                    "image_alt": "",
                }
            ]
        )
    if model is SectionPage:
        data["holds"] = SectionPage.HEALTH
    if model is FormPage:
        data["form_fields"] = inline_formset(
            [{"label": "Your message", "field_type": "multiline", "required": "on"}]
        )
        data["to_address"] = "owner@example.com"
    return nested_form_data(data)


# (page type, the path of the parent it is created under; None: the tree's root)
PAGE_TYPES = [
    (HomePage, None),
    (SectionPage, "/"),
    (StandardPage, LEARN_MORE.url),
    (FormPage, LEARN_MORE.url),
    (ArticlePage, BACK_PAIN_OVERVIEW.url),
    (ConditionPage, BACK_PAIN_TYPES.url),
    (ProductGuidePage, BACK_PAIN_PRODUCTS.url),
    (WhatsNewPage, "/"),
    (NewsletterPage, "/"),
    (StoryIndexPage, BACK_PAIN_OVERVIEW.url),
]
IDS = [model.__name__ for model, _parent in PAGE_TYPES]


def add_url(model, parent):
    meta = model._meta
    return reverse("wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent.pk])


def parent_for(model, path):
    if model.max_count:  # a singleton: make room for the new one
        model.objects.all().delete()
    return Page.get_first_root_node() if path is None else page_at(path)


@pytest.mark.parametrize(("model", "parent_path"), PAGE_TYPES, ids=IDS)
def test_every_page_type_is_created_and_published_in_the_admin(admin_client, model, parent_path):
    parent = parent_for(model, parent_path)
    data = form_data(model, "Brand new page")
    data["action-publish"] = "action-publish"
    response = admin_client.post(add_url(model, parent), data)
    assert response.status_code == 302, response.context["form"].errors
    page = model.objects.get(slug="brand-new-page")
    assert page.live and page.get_parent().pk == parent.pk
    assert page.last_updated is not None
    assert [block.block_type for block in page.body][:2] == ["heading", "paragraph"]


@pytest.mark.parametrize(("model", "parent_path"), PAGE_TYPES, ids=IDS)
def test_every_page_type_is_edited_previewed_and_republished(admin_client, model, parent_path):
    parent = parent_for(model, parent_path)
    page = parent.add_child(
        instance=model(title="Draft", slug="draft", summary="First words.", live=False)
    )
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert admin_client.get(edit).status_code == 200

    data = form_data(model, "Edited title")
    preview = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert admin_client.post(preview, data).json() == {"is_valid": True, "is_available": True}
    response = admin_client.get(preview)
    assert response.status_code == 200
    assert "Edited title" in response.content.decode()

    data["action-publish"] = "action-publish"
    response = admin_client.post(edit, data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and page.title == "Edited title"
    if model is not HomePage:
        assert admin_client.get(page.url).status_code == 200


WRONG_PLACES = [
    (ConditionPage, "/"),  # a condition belongs in a section
    (ProductGuidePage, ABOUT.url),
    (SectionPage, BACK_PAIN_TYPES.url),  # sections hang off the home page only
    (ArticlePage, MUSCLE_SPASMS.url),
    (WhatsNewPage, BACK_PAIN_TYPES.url),
    (ConditionPage, LEARN_MORE.url),  # a section about the site holds no health pages
    (ProductGuidePage, BACK_PAIN_TYPES.url),
    (StoryIndexPage, BACK_PAIN_PRODUCTS.url),
]


@pytest.mark.parametrize(("model", "parent_path"), WRONG_PLACES)
def test_the_tree_refuses_a_page_in_the_wrong_place(admin_client, model, parent_path):
    parent = page_at(parent_path)
    assert not model.can_create_at(parent)
    data = form_data(model, "Misplaced")
    data["action-publish"] = "action-publish"
    response = admin_client.post(add_url(model, parent), data)
    assert response.status_code in (302, 403)
    assert not model.objects.filter(slug="misplaced").exists()


def test_a_second_singleton_is_refused():
    home = page_at("/")
    assert not WhatsNewPage.can_create_at(home)
    assert not NewsletterPage.can_create_at(home)


def test_hero_image_needs_alt_text_unless_decorative(admin_client):
    parent = page_at(BACK_PAIN_OVERVIEW.url)
    data = form_data(ArticlePage, "With a picture")
    data.update({"hero_image": Image.objects.first().pk, "hero_image_alt": ""})
    response = admin_client.post(add_url(ArticlePage, parent), data)
    assert response.status_code == 200
    assert "hero_image_alt" in response.context["form"].errors

    data["hero_image_decorative"] = "on"
    response = admin_client.post(add_url(ArticlePage, parent), data)
    assert response.status_code == 302


def with_everything(model, data):
    """`data` with a source, tags, a related page, and a condition's product guide."""
    source = {"title": "Low back pain and sciatica in over 16s", "publisher": "NICE", "year": 2020}
    related = page_at(SCIATICA.url).pk
    data = {
        **data,
        **nested_form_data(
            {
                "sources": streamfield([("source", source)]),
                "related_picks": inline_formset([{"target": related}]),
            }
        ),
        "tags": "sciatica, posture",
    }
    if model is ConditionPage:
        guide = page_at(CHAIRS.url).pk
        data.update(nested_form_data({"guide_links": inline_formset([{"guide": guide}])}))
    return data


@pytest.mark.parametrize(("model", "parent_path"), PAGE_TYPES, ids=IDS)
@pytest.mark.parametrize("complete", [False, True], ids=["bare", "with-sources-and-guides"])
def test_every_page_type_previews_before_it_is_first_saved(
    admin_client, model, parent_path, complete
):
    parent = parent_for(model, parent_path)
    meta = model._meta
    preview = reverse(
        "wagtailadmin_pages:preview_on_add", args=[meta.app_label, meta.model_name, parent.pk]
    )
    data = form_data(model, "Not saved yet")
    if complete:
        data = with_everything(model, data)
    assert admin_client.post(preview, data).json() == {"is_valid": True, "is_available": True}
    response = admin_client.get(preview)
    assert response.status_code == 200
    assert "Not saved yet" in response.content.decode()
    if complete and model is ConditionPage:
        assert "Chairs for Back Pain" in response.content.decode()
    assert not model.objects.filter(slug="not-saved-yet").exists()


def test_the_add_page_chooser_describes_each_type_and_offers_only_what_fits(admin_client):
    def offered(path):
        add = reverse("wagtailadmin_pages:add_subpage", args=[page_at(path).pk])
        return admin_client.get(add).content.decode()

    about = offered(LEARN_MORE.url)
    assert "A plain page of text" in about and "A form readers fill in" in about
    assert "Sciatica" not in about and "Buying guide" not in about.lower()
    health = offered(BACK_PAIN_TYPES.url)
    assert "A condition, such as Sciatica, in fixed sections" in health
    assert "Health advice written as one flowing text" in health


def test_a_new_page_is_shown_in_menus_unless_the_editor_says_not(admin_client):
    form = admin_client.get(add_url(StandardPage, page_at(LEARN_MORE.url))).content.decode()
    checkbox = (
        form.split('name="show_in_menus"')[0].rsplit("<input", 1)[1]
        + form.split('name="show_in_menus"')[1].split(">")[0]
    )
    assert "checked" in checkbox
    assert "listed in the site menu" in form
    assert "about 155 characters" in form  # the meta description's length hint
