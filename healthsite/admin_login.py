"""The admin's sign-in, rate-limited against password guessing.

Counted per address and per username in the shared cache. Past the limit the form answers 429
with the same words whether the username exists or not, and refuses even the right password
until the hour is over, so guessing gains nothing.
"""

from django_ratelimit.core import is_ratelimited

from django.contrib import messages
from django.utils.decorators import method_decorator
from django.views.decorators.debug import sensitive_post_parameters

from wagtail.admin.views.account import LoginView

# Attempts allowed in an hour: from one address (a shared office may have a few editors), and
# for one username (from anywhere).
PER_ADDRESS = "30/h"
PER_USERNAME = "10/h"
REFUSAL = (
    "Too many sign-in attempts. Please wait an hour and try again, or ask an administrator to "
    "reset your password."
)


@method_decorator(sensitive_post_parameters("password"), name="dispatch")
class RateLimitedLoginView(LoginView):
    def post(self, request, *args, **kwargs):
        # Both counted on every attempt: `or` would spare the username once the address is over.
        by_address = is_ratelimited(
            request, group="admin-login", key="ip", rate=PER_ADDRESS, method="POST", increment=True
        )
        by_username = is_ratelimited(
            request,
            group="admin-login-username",
            key=lambda group, request: request.POST.get("username", "").strip().lower(),
            rate=PER_USERNAME,
            method="POST",
            increment=True,
        )
        if by_address or by_username:
            messages.error(request, REFUSAL)
            response = self.get(request, *args, **kwargs)
            response.status_code = 429
            return response
        return super().post(request, *args, **kwargs)
