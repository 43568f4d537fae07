"""The moderation queue in the admin: the list of submissions (opening on those waiting), the
screen where an editor corrects a story and approves or rejects it, and the CSV export."""

import django_filters

from django import forms
from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.urls import reverse

from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic import EditView, IndexView

from privacy.spreadsheets import SafeCsvMixin

from . import moderation, text
from .models import StorySubmission

ALL = "all"
PENDING = StorySubmission.Status.PENDING


class StatusFilter(django_filters.ChoiceFilter):
    def filter(self, qs, value):
        return qs if value == ALL else qs.filter(status=value)


class SubmissionFilterSet(WagtailFilterSet):
    """The queue opens on the stories waiting for a decision."""

    status = StatusFilter(
        label="Status",
        choices=[*StorySubmission.Status.choices, (ALL, "All")],
        empty_label=None,
        initial=PENDING,
        widget=forms.RadioSelect,
    )

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and not data.get("status"):
            data = data.copy()
            data["status"] = PENDING
        super().__init__(data, *args, **kwargs)

    class Meta:
        model = StorySubmission
        fields = ["status"]


class SubmissionIndexView(SafeCsvMixin, IndexView):
    pass


class ModerationForm(WagtailAdminModelForm):
    """Edits a waiting story; approving or rejecting it is checked here too."""

    EDITABLE = ("title", "story", "teller")

    def __init__(self, *args, decision=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.decision = decision
        if not self.instance.is_pending:
            # Once published, the story is edited as a page; a rejected one stays as it was.
            for name in self.EDITABLE:
                self.fields[name].disabled = True

    @property
    def words_changed(self):
        """The reader's fields this form changes, compared as cleaned (a browser sends a
        textarea's line breaks as CRLF: no change)."""
        return [
            name
            for name in self.EDITABLE
            if name in self.cleaned_data and self.cleaned_data[name] != self.initial.get(name)
        ]

    def clean_title(self):
        return text.one_line(self.cleaned_data["title"])

    def clean_teller(self):
        return text.one_line(self.cleaned_data["teller"])

    def clean_story(self):
        return text.multiline(self.cleaned_data["story"])

    def clean(self):
        cleaned_data = super().clean()
        if self.decision not in ("approve", "reject"):
            return cleaned_data
        if not self.instance.is_pending:
            raise forms.ValidationError(
                f"This story was already {self.instance.get_status_display().lower()}."
            )
        if self.decision == "reject" and not cleaned_data.get("note"):
            self.add_error("note", "Say in a few words why the story is not published.")
        if self.decision == "approve":
            refusal = moderation.why_not_approve(self.instance, self.for_user, self.words_changed)
            if refusal:
                raise forms.ValidationError(refusal)
        if self.decision == "approve" and not self.instance.consent:
            raise forms.ValidationError("The reader did not agree to publication.")
        if self.decision == "approve" and moderation.story_index() is None:
            raise forms.ValidationError(
                "There is no Tell Your Story page to publish it under: create it first."
            )
        return cleaned_data


class ModerateView(EditView):
    template_name = "stories/admin/moderate.html"
    actions = ["edit", "approve", "reject"]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "decision": self.action}

    def save_instance(self):
        changed = self.form.words_changed
        submission = super().save_instance()
        if changed:
            moderation.record_change(submission, self.request.user, changed)
        if self.action == "approve":
            moderation.approve(submission, self.request.user)
        elif self.action == "reject":
            moderation.reject(submission, self.request.user)
        return submission

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user_model = get_user_model()
        context["changed_by"] = user_model.objects.filter(pk__in=moderation.changed_by(self.object))
        context["may_approve"] = moderation.why_not_approve(self.object, self.request.user) is None
        return context

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except moderation.AlreadyDecided:
            messages.error(
                self.request, "Another editor decided on this story first: nothing was changed."
            )
            return redirect(self.get_edit_url())

    def get_success_message(self):
        if self.action == "approve":
            return f"Story '{self.object}' published."
        if self.action == "reject":
            return f"Story '{self.object}' rejected."
        return super().get_success_message()

    def get_success_buttons(self):
        page = self.object.page
        if self.action == "approve" and page:
            return [
                messages.button(page.url, "View live", new_window=True),
                messages.button(reverse("wagtailadmin_pages:edit", args=[page.pk]), "Edit page"),
            ]
        return super().get_success_buttons()
