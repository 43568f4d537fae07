"""Password guessing is stopped without locking anyone out.

- Sign-in: only failures count, per username and address together (10 an hour) and per address
  (30 an hour, for one address guessing many usernames). A successful sign-in clears its
  pair's count, so nobody can lock an editor out from elsewhere, and good sign-ins never count.
  The refusal says when to try again, in the same words whether the username exists or not.
- Password reset: at most 3 e-mails an hour to one address (further requests get the usual
  answer and send nothing, so the form tells nothing), 10 requests an hour from one address.
- The password of a private page or collection of documents: failures count per restriction
  and address (10 an hour) and per address (30).

Counted in the shared `counters` cache (django-ratelimit), so every worker sees the same
counts, and no page kept in the cache can push them out.
"""

import hashlib
from functools import wraps

from django_ratelimit.core import get_usage

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.views.decorators.debug import sensitive_post_parameters

from wagtail import views as wagtail_views
from wagtail.admin.views.account import LoginView, PasswordResetView
from wagtail.documents.views import serve as documents_serve

from .counting import counters
from .parsing import client_ip

PER_PAIR = "10/h"  # failed sign-ins for one username from one address
PER_ADDRESS = "30/h"  # failed sign-ins from one address, whatever the usernames
RESETS_PER_EMAIL = "3/h"
RESETS_PER_ADDRESS = "10/h"
PRIVATE_TRIES = "10/h"
PRIVATE_TRIES_PER_ADDRESS = "30/h"


def minutes(seconds):
    count = max(1, (seconds + 59) // 60)
    return f"{count} minute{'s' if count != 1 else ''}"


def digest(text):
    """What is tried (a username, an e-mail), as a short key that does not show it."""
    return hashlib.sha256(text.encode()).hexdigest()[:32]


REFUSED = "Too many failed sign-ins."


def refusal(seconds):
    return (
        f"{REFUSED} Please try again in {minutes(seconds)}, or ask an administrator to reset "
        "your password."
    )


def limiter(group, rate, key):
    """Reads (or, with increment=True, adds one to) the count of `key` in `group`."""

    def usage(request, increment=False):
        return get_usage(
            request, group=group, key=lambda _group, _request: key, rate=rate, increment=increment
        )

    return usage


class Failures:
    """Failed attempts of one kind, for a pair (what is tried, from where) and for the address
    alone. A success starts the pair afresh: its key carries a generation that success bumps."""

    def __init__(self, name, per_pair, per_address):
        self.name, self.per_pair, self.per_address = name, per_pair, per_address

    def limiters(self, request, subject):
        address = client_ip(request)
        generation = counters.get(self.generation_key(subject, address), 0)
        pair = f"{digest(subject)}|{address}|{generation}"
        return [
            limiter(f"{self.name}-pair", self.per_pair, pair),
            limiter(f"{self.name}-address", self.per_address, address),
        ]

    def generation_key(self, subject, address):
        return f"{self.name}-generation:{digest(subject)}|{address}"

    def wait(self, request, subject):
        """Seconds until `subject` may be tried again from this address; 0: now."""
        usages = [usage(request) for usage in self.limiters(request, subject)]
        return max((u["time_left"] for u in usages if u and u["count"] >= u["limit"]), default=0)

    def failed(self, request, subject):
        for usage in self.limiters(request, subject):
            usage(request, increment=True)

    def succeeded(self, request, subject):
        key = self.generation_key(subject, client_ip(request))
        counters.set(key, counters.get(key, 0) + 1, timeout=24 * 60 * 60)


SIGN_INS = Failures("admin-login", PER_PAIR, PER_ADDRESS)
PRIVATE_PASSWORDS = Failures("private-password", PRIVATE_TRIES, PRIVATE_TRIES_PER_ADDRESS)


@method_decorator(sensitive_post_parameters("password"), name="dispatch")
class RateLimitedLoginView(LoginView):
    def post(self, request, *args, **kwargs):
        username = request.POST.get("username", "").strip().lower()
        wait = SIGN_INS.wait(request, username)
        if wait:
            messages.error(request, refusal(wait))
            response = self.get(request, *args, **kwargs)
            response.status_code = 429
            response["Retry-After"] = str(wait)
            return response
        response = super().post(request, *args, **kwargs)
        if request.user.is_authenticated:
            SIGN_INS.succeeded(request, username)
        else:
            SIGN_INS.failed(request, username)
        return response


class RateLimitedPasswordResetView(PasswordResetView):
    """Wagtail's reset form: every answer looks the same; past the limits nothing is sent."""

    def post(self, request, *args, **kwargs):
        by_address = limiter("password-reset-address", RESETS_PER_ADDRESS, client_ip(request))
        usage = by_address(request, increment=True)
        if usage and usage["should_limit"]:
            return TemplateResponse(request, "too_many.html", status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        email = form.cleaned_data.get("email", "").strip().lower()
        usage = limiter("password-reset-email", RESETS_PER_EMAIL, digest(email))(
            self.request, increment=True
        )
        if usage and usage["should_limit"]:
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


def password_tries_limited(view):
    """Wagtail's password form of a private page or collection, its failures counted per
    restriction and address."""

    @wraps(view)
    def limited(request, *args, **kwargs):
        subject = f"{view.__module__}:{next(iter(kwargs.values()), '')}"
        if request.method == "POST":
            wait = PRIVATE_PASSWORDS.wait(request, subject)
            if wait:
                response = TemplateResponse(request, "too_many.html", status=429)
                response["Retry-After"] = str(wait)
                return response
        response = view(request, *args, **kwargs)
        if request.method == "POST":
            if response.status_code in (301, 302):
                PRIVATE_PASSWORDS.succeeded(request, subject)
            else:
                PRIVATE_PASSWORDS.failed(request, subject)
        return response

    return limited


authenticate_with_password = password_tries_limited(wagtail_views.authenticate_with_password)
authenticate_document_password = password_tries_limited(documents_serve.authenticate_with_password)
