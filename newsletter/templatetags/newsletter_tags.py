from django import template

from wagtail.models import Page

from healthsite.models import site_of
from healthsite.one_of_a_kind import one_of_a_kind

from ..forms import SignupForm
from ..models import NewsletterPage, NewsletterSettings

register = template.Library()


@register.inclusion_tag("newsletter/signup_box.html", takes_context=True)
def newsletter_signup(context):
    """The signup box, posting to the newsletter page (nothing while it is not live). After a
    signup, it shows the form as sent or the answer: the page's context says which."""
    request = context.get("request")
    newsletter_page = one_of_a_kind(NewsletterPage, request)
    if newsletter_page is None:
        return {}
    newsletter = NewsletterSettings.current(site_of(newsletter_page, request))
    form = context.get("newsletter_form")
    if form is None:
        page = context.get("page")
        source = page.get_url(request) if isinstance(page, Page) else getattr(page, "url", "")
        form = SignupForm(source=source or "", wording=newsletter.privacy_version)
    return {
        "newsletter_page": newsletter_page,
        # With the request: Wagtail's site root paths kept on it, no lookup of its own.
        "newsletter_url": newsletter_page.get_url(request),
        "newsletter": newsletter,
        "form": form,
        "outcome": context.get("newsletter_outcome"),
    }
