from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .admin_views import ModerateView, ModerationForm, SubmissionFilterSet, SubmissionIndexView
from .models import StorySubmission
from .moderation import APPROVE, CHANGE, REJECT
from .permissions import ModerationPolicy
from .personal_data import STORY_SUBMISSIONS

# Before anything asks for the policy of submissions (Wagtail would make a default one).
register_permission_policy(StorySubmission, ModerationPolicy(StorySubmission))


class StorySubmissionViewSet(ModelViewSet):
    model = StorySubmission
    name = "story_submissions"
    url_prefix = "reader-stories"
    icon = "openquote"
    menu_label = "Reader stories"
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = SubmissionIndexView
    edit_view_class = ModerateView
    copy_view_enabled = False
    filterset_class = SubmissionFilterSet
    list_display = [
        "title",
        "teller",
        Column("status", label="Status", accessor="get_status_display"),
        "received",
    ]
    ordering = ["-received"]
    search_fields = ["title", "teller", "email", "story"]
    list_export = [
        "received",
        "get_status_display",
        "title",
        "story",
        "teller",
        "email",
        "consent",
        "published_url",
        "decided_by",
        "decided_at",
        "note",
    ]
    export_headings = {"get_status_display": "Status", "published_url": "Published at"}
    export_filename = "reader-stories"
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("teller"),
            FieldPanel("story"),
            FieldPanel("note"),
            MultiFieldPanel(
                [
                    FieldPanel("received", read_only=True),
                    FieldPanel("email", read_only=True),
                    FieldPanel("consent", read_only=True),
                    FieldPanel("status", read_only=True),
                    FieldPanel("page", read_only=True),
                    FieldPanel("decided_by", read_only=True),
                    FieldPanel("decided_at", read_only=True),
                ],
                heading="About this submission",
            ),
        ],
        base_form_class=ModerationForm,
    )


@hooks.register("register_admin_viewset")
def register_story_submissions():
    return StorySubmissionViewSet()


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    actions.register_action(APPROVE, "Approve and publish", "Approved and published")
    actions.register_action(REJECT, "Reject", "Rejected")
    actions.register_action(CHANGE, "Change the reader's words", "Changed the reader's words")


@hooks.register("register_personal_data")
def register_story_personal_data():
    return STORY_SUBMISSIONS
