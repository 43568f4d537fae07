from django import template

from healthsite.models import site_of

from ..forms import SignupForm
from ..models import NewsletterPage, NewsletterSettings

register = template.Library()


@register.inclusion_tag("newsletter/signup_box.html", takes_context=True)
def newsletter_signup(context):
    """The signup box, posting to the newsletter page (nothing while it is not live). After a
    signup, it shows the form as sent or the answer: the page's context says which."""
    newsletter_page = NewsletterPage.objects.live().first()
    if newsletter_page is None:
        return {}
    newsletter = NewsletterSettings.current(site_of(newsletter_page, context.get("request")))
    form = context.get("newsletter_form")
    if form is None:
        page = context.get("page")
        form = SignupForm(source=getattr(page, "url", "") or "", wording=newsletter.privacy_version)
    return {
        "newsletter_page": newsletter_page,
        "newsletter": newsletter,
        "form": form,
        "outcome": context.get("newsletter_outcome"),
    }
