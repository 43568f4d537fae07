"""The page as an editor's form describes it, before it is saved: what the live checks in the
page editor measure. Nothing is validated or saved; text half typed is measured as it is."""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models

from wagtail.fields import StreamField

from ..models import LayTerm

# Fields whose value the form gives as readers will see it (text, ticks, stream content).
TEXT_FIELDS = (StreamField, models.CharField, models.TextField, models.BooleanField)


def draft_from_form(page, parent, request):
    """`page` with the text fields the editor's form posted, and the names of the terms the
    form marks as explained."""
    form_class = type(page).get_edit_handler().get_form_class()
    form = form_class(
        request.POST, request.FILES, instance=page, for_user=request.user, parent_page=parent
    )
    for name in form.fields:
        try:
            model_field = page._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if isinstance(model_field, TEXT_FIELDS):
            try:
                value = form[name].data
            except (KeyError, ValueError, TypeError, ValidationError):
                continue  # a field the form did not send whole: measured as it was saved
            setattr(page, name, value)
    return page, explained_in_form(form)


def explained_in_form(form):
    formset = getattr(form, "formsets", {}).get("explained_terms")
    if formset is None:
        return []
    ids = []
    for item in formset.forms:
        if "DELETE" in item.fields and item["DELETE"].data:
            continue
        value = item["term"].data
        if value and str(value).isdigit():
            ids.append(int(value))
    return list(LayTerm.objects.filter(pk__in=ids).values_list("term", flat=True))
