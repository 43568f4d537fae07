"""The newsletter's e-mails, each rendered from templates as plain text and HTML.

Links are absolute, built from the Wagtail Site's root URL (never from the Host header of a
request, which a visitor chooses). Headers hold only what we made: the recipient's validated
address, signed links, and subjects that were checked to be one line.
"""

import uuid

from django.core.mail import EmailMultiAlternatives
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse

from wagtail.models import Site

from healthsite import content_security

from . import tokens
from .models import NewsletterPage, NewsletterSettings


def newsletter_site():
    """The site the newsletter belongs to: the one serving its page, else the default."""
    page = NewsletterPage.objects.live().first()
    return (page and page.get_site()) or Site.objects.get(is_default_site=True)


def confirm_url(site, subscriber):
    token = tokens.for_confirming(subscriber.key)
    return site.root_url + reverse("newsletter:confirm", args=[token])


def unsubscribe_url(site, key):
    token = tokens.for_unsubscribing(key)
    return site.root_url + reverse("newsletter:unsubscribe", args=[token])


def render(template, context):
    """(plain text, HTML) of newsletter/email/<template>.txt and .html."""
    return (
        render_to_string(f"newsletter/email/{template}.txt", context),
        render_to_string(f"newsletter/email/{template}.html", context),
    )


def message(subject, template, context, to, unsubscribe=None):
    text, html = render(template, {**context, "unsubscribe_url": unsubscribe})
    headers = {}
    if unsubscribe:
        # RFC 8058: mail programs show their own Unsubscribe button and POST to the link.
        headers = {
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    email = EmailMultiAlternatives(" ".join(subject.split()), text, to=[to], headers=headers)
    email.attach_alternative(html, "text/html")
    return email


def confirmation(subscriber, site):
    """Asks a new (or returning) subscriber to confirm their address. It names nobody: the
    address was typed by someone who may not own it."""
    newsletter = NewsletterSettings.current(site)
    context = {
        "newsletter": newsletter,
        "site": site,
        "confirm_url": confirm_url(site, subscriber),
        "days": tokens.CONFIRM_FOR.days,
    }
    subject = f"Please confirm your subscription to {newsletter.name}"
    return message(subject, "confirm", context, subscriber.email)


def already_subscribed(subscriber, site):
    """The answer to a signup for an address that is already subscribed."""
    newsletter = NewsletterSettings.current(site)
    context = {"newsletter": newsletter, "site": site}
    subject = f"You are already subscribed to {newsletter.name}"
    unsubscribe = unsubscribe_url(site, subscriber.key)
    return message(subject, "already_subscribed", context, subscriber.email, unsubscribe)


class IssueEmail:
    """An issue, rendered once and then addressed to each subscriber."""

    def __init__(self, issue, site):
        self.issue = issue
        self.site = site
        self.newsletter = NewsletterSettings.current(site)
        self.pages = []
        for choice in issue.pages.all():
            page = choice.page
            # A page unpublished since it was chosen is left out, not linked to a 404.
            url = page.get_full_url() if page.live else None
            if url:
                self.pages.append({"title": page.title, "summary": page.summary, "url": url})

    def context(self, first_name, key):
        return {
            "issue": self.issue,
            "pages": self.pages,
            "newsletter": self.newsletter,
            "site": self.site,
            "first_name": first_name,
            "unsubscribe_url": unsubscribe_url(self.site, key),
        }

    def to(self, address, first_name, key, subject_prefix=""):
        context = self.context(first_name, key)
        subject = subject_prefix + self.issue.subject
        return message(subject, "issue", context, address, context["unsubscribe_url"])

    def for_subscriber(self, subscriber):
        return self.to(subscriber.email, subscriber.first_name, subscriber.key)


def editor_copy(issue, user):
    """The issue as subscribers will get it, sent to the editor's own address (its
    unsubscribe link leads to the real page, for a made-up subscriber)."""
    email = IssueEmail(issue, newsletter_site())
    return email.to(user.email, user.first_name, uuid.uuid4(), subject_prefix="[Test] ")


def preview(issue, text=False):
    """The issue's e-mail for the admin's preview panel."""
    email = IssueEmail(issue, newsletter_site())
    plain, html = render("issue", email.context("", uuid.uuid4()))
    if text:
        return HttpResponse(plain, content_type="text/plain; charset=utf-8")
    response = HttpResponse(html)
    response["Content-Security-Policy"] = content_security.policy("email")
    return response
