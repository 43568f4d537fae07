"""Wagtail's promoted search results, refusing to promote a page (or link) twice for one search
term. The contrib app's add and edit views build their formset themselves and take no setting
for it, so these subclasses serve the same addresses (search/wagtail_hooks.py)."""

from django import forms
from django.utils.functional import cached_property

from wagtail.contrib.search_promotions import views
from wagtail.contrib.search_promotions.forms import SearchPromotionsFormSet
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string


def target(page, url):
    """What a promotion leads to: its page, or its link give or take a closing slash."""
    return ("page", page.pk) if page else ("link", (url or "").strip().rstrip("/"))


class DistinctPromotionsFormSet(SearchPromotionsFormSet):
    """The promotions of one search term, each page or link at most once."""

    def __init__(self, *args, query_string="", **kwargs):
        super().__init__(*args, **kwargs)
        # The term the promotions are saved under (the edit view can move them to another).
        self.query_string = normalise_query_string(query_string)

    def saved_elsewhere(self):
        """The term's promotions already saved and not among these forms (adding promotions
        for a term that has some, or moving promotions to such a term)."""
        here = [form.instance.pk for form in self.forms if form.instance.pk]
        return (
            SearchPromotion.objects.filter(query__query_string=self.query_string)
            .exclude(pk__in=here)
            .select_related("page")
        )

    def clean(self):
        super().clean()
        seen = {target(p.page, p.external_link_url) for p in self.saved_elsewhere()}
        term = self.query_string
        problems = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not (form.instance.pk or form.has_changed()):
                continue
            page, url = data.get("page"), data.get("external_link_url")
            if not (page or url):
                continue
            key = target(page, url)
            if key in seen:
                label = page.title if page else url
                field = "page" if page else "external_link_url"
                form.add_error(field, f"“{label}” is already promoted for “{term}”.")
                problems.append(label)
            seen.add(key)
        if problems:
            names = ", ".join(f"“{label}”" for label in problems)
            verb = "is" if len(problems) == 1 else "are"
            raise forms.ValidationError(
                f"{names} {verb} already promoted for “{term}”: each page or link can be "
                "promoted only once for a search term."
            )


class DistinctPromotionsMixin:
    @cached_property
    def searchpicks_formset(self):
        post = self.request.POST if self.request.method == "POST" else None
        return DistinctPromotionsFormSet(
            post,
            instance=self.object,
            query_string=self.request.POST.get("query_string", ""),
        )


class CreateView(DistinctPromotionsMixin, views.CreateView):
    pass


class EditView(DistinctPromotionsMixin, views.EditView):
    pass
