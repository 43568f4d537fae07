"""Public profiles of the people who write and review the site."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from .models import ContentPage, Person


def person(request, slug):
    person = get_object_or_404(Person.objects.select_related("photo"), slug=slug)
    pages = ContentPage.objects.live().public().order_by("title").only("title", "url_path")
    return TemplateResponse(
        request,
        "healthsite/person.html",
        {
            "person": person,
            "written": pages.filter(author=person),
            "reviewed": pages.filter(reviewed_by=person),
        },
    )


def people(request):
    return TemplateResponse(
        request, "healthsite/people.html", {"people": Person.objects.select_related("photo")}
    )
