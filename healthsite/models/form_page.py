"""Forms readers fill in on the site, such as Contact: built by editors from fields, e-mailed to
the site's owner and kept in the admin."""

from http import HTTPMethod

from django import forms
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models
from django.template.response import TemplateResponse
from django.utils.module_loading import import_string

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import BaseForm as WagtailBaseForm
from wagtail.contrib.forms.forms import FormBuilder
from wagtail.contrib.forms.models import AbstractFormField, EmailFormMixin, FormMixin
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField

from .content_page import ContentPage

MAX_MESSAGE = 5000  # characters in a multi-line answer
SUBMISSIONS_PER_HOUR = "5/h"  # per reader's address


def protection():
    """The checks every public form passes (signed timestamp, honeypot, Origin, rate limits):
    privacy/'s, named by settings.PUBLIC_FORM_PROTECTION, since the site shell imports no app."""
    return import_string(settings.PUBLIC_FORM_PROTECTION)


class ReaderFormBuilder(FormBuilder):
    """Wagtail's form fields, with limits on what a reader can send."""

    def create_multiline_field(self, field, options):
        options["max_length"] = MAX_MESSAGE
        return super().create_multiline_field(field, options)

    def create_email_field(self, field, options):
        options["max_length"] = 254
        return super().create_email_field(field, options)


class FormField(AbstractFormField):
    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")


class FormPage(EmailFormMixin, FormMixin, ContentPage):
    """A form readers fill in, such as Contact; submissions are e-mailed and kept."""

    page_description = "A form readers fill in, such as Contact: what they send is e-mailed, kept."
    parent_page_types = ["healthsite.HomePage", "healthsite.SectionPage"]
    subpage_types = []
    allowed_http_methods = [*ContentPage.allowed_http_methods, HTTPMethod.POST]  # its form

    thank_you_text = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text="Shown after the form is sent.",
    )

    content_panels = [
        FormSubmissionsPanel(),
        *ContentPage.content_panels,
        InlinePanel("form_fields", label="Form fields"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading="E-mail",
        ),
    ]

    form_builder = ReaderFormBuilder

    def get_submissions_list_view_class(self):
        # Readers' messages listed and exported safely (privacy/ names the view in settings).
        return import_string(settings.FORM_SUBMISSIONS_LIST_VIEW)

    def get_form_class(self):
        fields = self.form_builder(self.get_form_fields()).formfields
        return type("PageForm", (protection().PublicForm, WagtailBaseForm), fields)

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            # Wagtail's FormMixin.serve does not call ContentPage.serve: serve as that does.
            if redirect := self.to_canonical_address(request):
                return redirect
            return self.rendered(super().serve(request, *args, **kwargs), request)
        # As FormMixin.serve, with the checks of every public form in their order: Origin,
        # honeypot, timestamp and fields first; only an accepted post counts toward the limit.
        checks, group = protection(), f"form-page-{self.pk}"
        if refused := checks.refused_before_reading(request, group, self):
            return refused
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        if not form.is_valid():
            checks.count_refusal(request, group)
            context = {**self.get_context(request, *args, **kwargs), "form": form}
            return self.rendered(
                TemplateResponse(request, self.get_template(request), context), request
            )
        if checks.too_many(request, group=group, rate=SUBMISSIONS_PER_HOUR):
            return checks.refuse_too_many(request)
        submission = self.process_form_submission(form)
        return self.rendered(
            self.render_landing_page(request, submission, *args, **kwargs), request
        )

    def send_mail(self, form):
        """To the site's owner; the reader's address only as Reply-To (never as the sender,
        and only once the form has validated it as an e-mail address)."""
        readers = [
            value
            for name, value in form.cleaned_data.items()
            if isinstance(form.fields[name], forms.EmailField) and value
        ]
        EmailMessage(
            subject=self.subject or f"Message from {self.title}",
            body=self.render_email(form),
            from_email=self.from_address or None,
            to=[address.strip() for address in self.to_address.split(",")],
            reply_to=readers[:1],
        ).send()

    class Meta:
        verbose_name = "form"
