from django.contrib.auth.models import Permission
from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import promotions
from .models import Synonym
from .reports import SearchTermsView

VIEW_SEARCH_TERMS = "search.view_searchquerycount"


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = "Search synonyms"
    # Beside Wagtail's "Promoted search results": the other way editors tune search.
    add_to_settings_menu = True
    list_display = ["term", "page"]
    # A plain substring match: a short list, and "sciat" should find "sciatic pain".
    search_backend_name = None
    search_fields = ["term"]
    ordering = ["term"]


register_snippet(SynonymViewSet)


@hooks.register("register_admin_urls", order=-1)
def refuse_promoting_a_page_twice_for_a_term():
    # Wagtail's promoted results views at their own addresses, listed before Wagtail's so that
    # these serve them: its links (reverse("wagtailsearchpromotions:add")) lead here.
    return [
        path("searchpicks/add/", promotions.CreateView.as_view(), name="search_promotions_add"),
        path(
            "searchpicks/<int:query_id>/",
            promotions.EditView.as_view(),
            name="search_promotions_edit",
        ),
    ]


@hooks.register("register_admin_urls")
def register_search_terms_report_urls():
    return [
        path("reports/search-terms/", SearchTermsView.as_view(), name="search_terms_report"),
        path(
            "reports/search-terms/results/",
            SearchTermsView.as_view(results_only=True),
            name="search_terms_report_results",
        ),
    ]


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_SEARCH_TERMS)


@hooks.register("construct_reports_menu")
def drop_wagtails_empty_search_terms_report(request, menu_items):
    # Wagtail's own lists Query.add_hit counts, which this site never makes (a reader's search
    # writes nothing): ours counts them in the cache and lists them.
    theirs = reverse("wagtailsearchpromotions:search_terms")
    menu_items[:] = [item for item in menu_items if item.url != theirs]


@hooks.register("register_reports_menu_item")
def register_search_terms_report_menu_item():
    return SearchTermsMenuItem(
        "Search terms",
        reverse("search_terms_report"),
        name="search-terms",
        icon_name="search",
        order=1300,
    )


@hooks.register("register_permissions")
def register_search_terms_permission():
    # So admins can let editors see the report in Settings → Groups.
    app_label, codename = VIEW_SEARCH_TERMS.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)
