from django.urls import path

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import NewsletterIssue, Subscriber
from .personal_data import SUBSCRIBERS


class IssueViewSet(SnippetViewSet):
    model = NewsletterIssue
    icon = "mail"
    menu_label = "Issues"
    index_view_class = admin_views.IssueIndexView
    add_view_class = admin_views.IssueCreateView
    edit_view_class = admin_views.IssueEditView
    inspect_view_class = admin_views.IssueInspectView
    inspect_view_enabled = True
    inspect_view_fields = ["subject", "status", "pages", "queued_at", "queued_by", "sent_at"]
    copy_view_enabled = False  # a copy would carry the original's "sent" status
    list_display = [
        "subject",
        "status",
        Column("progress_summary", label="E-mails"),
        "queued_at",
    ]
    list_filter = ["status"]
    search_fields = ["subject"]
    search_backend_name = None  # a plain substring match: "stretch" finds "stretches"

    def get_queryset(self, request):
        return NewsletterIssue.objects.with_progress()

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "send-test/<int:pk>/",
                self.construct_view(admin_views.SendTestView),
                name="send_test",
            ),
            path("queue/<int:pk>/", self.construct_view(admin_views.QueueView), name="queue"),
        ]


# What the admin shows of a subscriber, and what the CSV export holds.
SUBSCRIBER_FIELDS = [
    "email",
    "first_name",
    "status",
    "created_at",
    "confirmed_at",
    "unsubscribed_at",
    "consent_at",
    "consent_source",
    "consent_page",
    "consent_wording",
]


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    url_prefix = "newsletter/subscribers"
    url_namespace = "newsletter_subscribers"
    icon = "user"
    menu_label = "Subscribers"
    index_view_class = admin_views.SubscriberIndexView
    inspect_view_class = admin_views.SubscriberInspectView
    delete_view_class = admin_views.EraseView
    inspect_view_enabled = True
    inspect_view_fields = [*SUBSCRIBER_FIELDS, "deliveries"]
    copy_view_enabled = False
    add_to_reference_index = False
    list_display = ["email", "first_name", "status", "consent_source", "created_at"]
    list_filter = ["status", "consent_source"]
    search_fields = ["email", "first_name"]
    search_backend_name = None
    list_export = SUBSCRIBER_FIELDS
    export_filename = "newsletter-subscribers"

    # Subscribers come only from signup boxes: no view adds or edits one, none links there.
    @property
    def add_view(self):
        return admin_views.refuse

    @property
    def edit_view(self):
        return admin_views.refuse

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(add_url_name=None, edit_url_name=None, **kwargs)

    def get_permissions_to_register(self):
        return (
            super()
            .get_permissions_to_register()
            .exclude(codename__in=["add_subscriber", "change_subscriber"])
        )


class NewsletterViewSetGroup(ViewSetGroup):
    menu_label = "Newsletter"
    menu_icon = "mail"
    items = (IssueViewSet, SubscriberViewSet)


register_snippet(NewsletterViewSetGroup)


@hooks.register("register_actions")
def register_erase_action(registry):
    registry.register(Subscriber, admin_views.EraseSubscriber)


@hooks.register("register_personal_data")
def register_subscribers_personal_data():
    return SUBSCRIBERS


@hooks.register("register_log_actions")
def register_queue_log_action(actions):
    actions.register_action(
        "newsletter.queue", "Queue for subscribers", "Queued to be sent to subscribers"
    )
