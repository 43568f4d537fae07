"""The admin's newsletter views beyond Wagtail's own: an issue's progress page with its
actions (a test to oneself, sending to subscribers), and the subscribers' listing, export
and erasure."""

import smtplib

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property

from wagtail.actions.delete import DeleteAction
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import BaseOperationView, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log
from wagtail.snippets.views import snippets

from privacy.spreadsheets import SafeCsvMixin

from .emails import editor_copy
from .models import Delivery, NewsletterIssue, Subscriber

WAITING = {Delivery.Status.PENDING, Delivery.Status.SENDING}
# Spreadsheet programs run a cell starting with one of these as a formula.


def issue_url(name, issue):
    return reverse(NewsletterIssue.snippet_viewset.get_url_name(name), args=[issue.pk])


class IssueIndexView(snippets.IndexView):
    def get_edit_url(self, instance):
        # Once queued, an issue no longer changes: its title leads to its progress instead.
        return super().get_edit_url(instance) if instance.is_draft else None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.get_inspect_url(instance):
            buttons.append(send_button(instance))
        return buttons


class IssueCreateView(snippets.CreateView):
    def get_success_url(self):
        # What comes next for a new issue: a test to oneself, then sending.
        return issue_url("inspect", self.object)


class IssueEditView(snippets.EditView):
    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons, send_button(self.object)]


def send_button(issue):
    label = "Send or test" if issue.is_draft else "Progress"
    return Button(label, url=issue_url("inspect", issue), icon_name="mail", priority=5)


class IssueInspectView(snippets.InspectView):
    """Where an editor sends a test, sends the issue to subscribers, and follows progress."""

    template_name = "newsletter/admin/issue_inspect.html"
    page_title = "Send"
    sending_fields = {"queued_at", "queued_by", "sent_at"}

    def get_fields_context(self):
        return [
            self.get_context_for_field(name)
            for name in self.fields
            if not (self.object.is_draft and name in self.sending_fields)
        ]

    def get_pages_display_value(self):
        return ", ".join(
            choice.page.title + ("" if choice.page.live else " (not published: left out)")
            for choice in self.object.pages.select_related("page")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        issue = self.object
        context.update(
            issue=issue,
            progress=[
                (Delivery.Status(state).label, count)
                for state, count in issue.progress().items()
                if issue.status != issue.Status.SENT or state not in WAITING
            ],
            can_test=issue.is_draft and self.user_has_permission("change"),
            can_send=issue.is_draft and self.user_has_permission("send"),
            test_url=issue_url("send_test", issue),
            queue_url=issue_url("queue", issue),
            own_address=self.request.user.email,
        )
        return context


class SendTestView(PermissionCheckedMixin, BaseOperationView):
    """Sends the issue, as subscribers will get it, to the editor's own address."""

    model = NewsletterIssue
    permission_required = "change"

    def perform_operation(self):
        address = self.request.user.email
        if not address:
            messages.error(
                self.request, "Your account has no e-mail address: add one in Account first."
            )
            return
        try:
            editor_copy(self.object, self.request.user).send()
        except (smtplib.SMTPException, OSError) as error:
            messages.error(self.request, f"The test could not be sent: {error}")
        else:
            messages.success(self.request, f"Test sent to {address}.")

    def get_success_url(self):
        return issue_url("inspect", self.object)


class QueueView(PermissionCheckedMixin, WagtailAdminTemplateMixin, BaseOperationView):
    """Asks for confirmation, then queues the issue for the `send_newsletter` command."""

    model = NewsletterIssue
    permission_required = "send"
    template_name = "newsletter/admin/queue.html"
    page_title = "Send to subscribers"
    header_icon = "mail"

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        index = reverse(NewsletterIssue.snippet_viewset.get_url_name("list"))
        return [
            *self.breadcrumbs_items,
            {"url": index, "label": "Newsletter issues"},
            {"url": issue_url("inspect", self.object), "label": str(self.object)},
            {"url": "", "label": self.page_title},
        ]

    def get(self, request, *args, **kwargs):
        if not self.object.is_draft:
            return redirect(self.get_success_url())
        return self.render_to_response(self.get_context_data())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            issue=self.object,
            subscribers=Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED).count(),
            inspect_url=issue_url("inspect", self.object),
        )
        return context

    def perform_operation(self):
        queued = NewsletterIssue.objects.filter(
            pk=self.object.pk, status=NewsletterIssue.Status.DRAFT
        ).update(
            status=NewsletterIssue.Status.QUEUED,
            queued_at=timezone.now(),
            queued_by=self.request.user,
        )
        if queued:
            log(self.object, "newsletter.queue", user=self.request.user)
            messages.success(
                self.request,
                f"“{self.object}” is queued: sending starts within a minute. "
                "Follow its progress here.",
            )
        else:
            messages.warning(self.request, f"“{self.object}” was already sent or queued.")

    def get_success_url(self):
        return issue_url("inspect", self.object)


def refuse(request, *args, **kwargs):
    """Subscribers come only from signup boxes, with the reader's consent: nobody adds or
    edits one in the admin."""
    raise PermissionDenied


class SubscriberIndexView(SafeCsvMixin, generic.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        for button in buttons:
            if button.url == self.get_delete_url(instance):
                button.label = "Erase"
        return buttons


class SubscriberInspectView(generic.InspectView):
    def get_field_label(self, field_name, field):
        if field_name == "deliveries":
            return "Newsletters e-mailed"
        return super().get_field_label(field_name, field)

    def get_deliveries_display_value(self):
        deliveries = self.object.deliveries.select_related("issue").order_by("created_at")
        return (
            "; ".join(
                f"{delivery.issue}: {delivery.get_status_display().lower()}"
                for delivery in deliveries
            )
            or "None yet"
        )


class EraseView(generic.DeleteView):
    """Deleting a subscriber erases them: their deliveries go too, and the admin's log keeps
    that a subscriber was erased, not who."""

    template_name = "newsletter/admin/confirm_erase.html"
    page_title = "Erase"

    @property
    def confirmation_message(self):
        return (
            "Erase this subscriber? Their address, name and consent, and the record of every "
            "newsletter e-mailed to them, are deleted for good."
        )

    def get_success_message(self):
        return "Subscriber erased."


class EraseSubscriber(DeleteAction):
    def _delete(self):
        with transaction.atomic():
            log(
                instance=self.instance,
                action="wagtail.delete",
                user=self.user,
                title="A newsletter subscriber",
                deleted=True,
            )
            return self.instance.delete()
