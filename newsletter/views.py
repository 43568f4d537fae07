"""Readers' side of the newsletter: the signup every box posts, and the links in e-mails.

No CSRF cookie here (pages are cached for everyone): a signup proves itself as every public
form does (privacy/public_forms.py); a link's signed token is its own authority. Opening a
link only shows a button: mail scanners open links, people press buttons.
"""

import logging
import smtplib

from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from privacy.public_forms import (
    count_refusal,
    refuse_too_many,
    refused_before_reading,
    same_origin,
    too_many,
)

from . import emails, personal_data, subscriptions, tokens
from .forms import SignupForm
from .models import NewsletterSettings, Subscriber

logger = logging.getLogger(__name__)

GROUP = "newsletter-signup"
SIGNUPS_PER_HOUR = "5/h"  # accepted signups from one address


def signup(page, request):
    """A signup from any box on the site (they all post to the newsletter page)."""
    if refused := refused_before_reading(request, GROUP, page):
        return refused
    site = page.get_site()
    newsletter = NewsletterSettings.current(site)
    form = SignupForm(request.POST, wording=newsletter.privacy_version)
    context = page.get_context(request)
    if not form.is_valid():
        count_refusal(request, GROUP)
        return TemplateResponse(
            request, page.get_template(request), {**context, "newsletter_form": form}
        )
    if too_many(request, group=GROUP, rate=SIGNUPS_PER_HOUR):
        return refuse_too_many(request)
    data = form.cleaned_data
    source = (
        Subscriber.Source.NEWSLETTER_PAGE
        if data["source"] == page.url
        else Subscriber.Source.PAGE_BOX
    )
    try:
        subscriptions.sign_up(
            request,
            site,
            email=data["email"],
            first_name=data["first_name"],
            source=source,
            page_path=data["source"],
            wording=data["wording"],
        )
    except (smtplib.SMTPException, OSError):
        logger.exception("Newsletter signup: the e-mail could not be sent")
        outcome = "not-sent"
    else:
        outcome = "sent"
    return TemplateResponse(
        request,
        page.get_template(request),
        {**context, "newsletter_form": form, "newsletter_outcome": outcome},
    )


def answer(request, template, status=200, **context):
    """A page answering a link from an e-mail."""
    context = {
        "newsletter": NewsletterSettings.current(emails.newsletter_site()),
        "confirm_days": tokens.CONFIRM_FOR.days,
        "kept_days": personal_data.UNSUBSCRIBED_DAYS,
        **context,
    }
    return TemplateResponse(request, f"newsletter/{template}.html", context, status=status)


def bad_link(request, expired=False):
    """A link that was changed, or is too old: say so kindly, and offer to sign up again."""
    return answer(request, "bad_link", status=410 if expired else 400, expired=expired)


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    try:
        key = tokens.confirming(token)
    except tokens.Expired:
        return bad_link(request, expired=True)
    except tokens.Invalid:
        return bad_link(request)
    if request.method != "POST":
        return answer(request, "confirm")
    if not same_origin(request):
        return answer(request, "confirm", status=403, refused=True)
    subscriber = Subscriber.objects.filter(key=key).first()
    # Unsubscribed since: only a new signup (a new consent) subscribes the address again.
    if subscriber is None or subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        return bad_link(request, expired=True)
    subscriber.confirm()
    return answer(request, "confirmed")


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    try:
        key = tokens.unsubscribing(token)
    except tokens.Invalid:
        return bad_link(request)
    if request.method != "POST":
        return answer(request, "unsubscribe")
    # No Origin check: mail programs POST here themselves (RFC 8058 one-click unsubscribe).
    Subscriber.objects.filter(key=key).exclude(status=Subscriber.Status.UNSUBSCRIBED).update(
        status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at=timezone.now()
    )
    return answer(request, "unsubscribed")
