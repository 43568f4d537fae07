"""People's public profiles: /people/ and /people/<slug>/."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import Truncator

from healthsite.models import ContentPage
from seo import page_nodes, structured_data
from seo.templatetags.seo_tags import site_for

from .models import Person

PEOPLE_DESCRIPTION = "The people who write and medically review the pages of this site."


def person(request, slug):
    person = get_object_or_404(Person.objects.select_related("photo"), slug=slug)
    pages = ContentPage.objects.live().public().order_by("title").only("title", "url_path")
    path = person.get_absolute_url()
    title = f"{person.name}, {person.role}" if person.role else person.name
    description = Truncator(f"{title}: {person.bio}" if person.bio else title).words(40)
    site = site_for(request)
    return TemplateResponse(
        request,
        "editorial/person.html",
        {
            "person": person,
            "canonical_path": path,
            "meta_title": person.name,
            "meta_description": description,
            "meta_type": "profile",
            "structured_data": site
            and page_nodes.for_view(
                site,
                path,
                person.name,
                description,
                trail=[("People", reverse("people")), (person.name, path)],
                main_entity=structured_data.person(person, site.root_url),
            ),
            "written": pages.filter(author=person),
            "reviewed": pages.filter(reviewed_by=person),
        },
    )


def people(request):
    path = reverse("people")
    site = site_for(request)
    return TemplateResponse(
        request,
        "editorial/people.html",
        {
            "people": Person.objects.select_related("photo"),
            "canonical_path": path,
            "meta_title": "People",
            "meta_description": PEOPLE_DESCRIPTION,
            "structured_data": site
            and page_nodes.for_view(
                site, path, "People", PEOPLE_DESCRIPTION, trail=[("People", path)]
            ),
        },
    )
