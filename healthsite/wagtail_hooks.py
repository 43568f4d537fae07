from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Person


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
    add_to_admin_menu = True
    list_display = ["name", "role", "credentials"]


register_snippet(PersonViewSet)
