"""People's public profiles: /people/ and /people/<slug>/."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from healthsite.models import ContentPage

from .models import Person


def person(request, slug):
    person = get_object_or_404(Person.objects.select_related("photo"), slug=slug)
    pages = ContentPage.objects.live().public().order_by("title").only("title", "url_path")
    return TemplateResponse(
        request,
        "editorial/person.html",
        {
            "person": person,
            "canonical_path": person.get_absolute_url(),
            "written": pages.filter(author=person),
            "reviewed": pages.filter(reviewed_by=person),
        },
    )


def people(request):
    return TemplateResponse(
        request, "editorial/people.html", {"people": Person.objects.select_related("photo")}
    )
