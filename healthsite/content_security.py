"""Content-Security-Policy: a strict one for readers' pages, Wagtail's needs for the admin, an
e-mail's for a newsletter issue's preview. HTML pages also get Cross-Origin-Opener-Policy and
Cross-Origin-Resource-Policy (same-origin); feeds, images and documents do not, so that feed
readers and webmail may still load them.

Readers' pages load only the site's own scripts and styles, with nothing inline, so a page kept
in the shared cache needs no per-response nonce. The admin gets its own policy: Wagtail's editor
starts its widgets with inline scripts and shows uploads before they are saved.
"""

from csp.constants import HEADER, SELF
from csp.middleware import CSPMiddleware
from csp.utils import build_policy

from django.conf import settings

# Set on a response by django-csp's decorators: a view's own policy, built for it.
VIEW_POLICY = ("_csp_config", "_csp_update", "_csp_replace", "_csp_exempt")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def __init__(self, get_response):
        super().__init__(get_response)
        # The settings do not change while serving: each header is built once, not on every
        # response (a tenth of the time a page from the cache takes).
        self.headers = {}

    def process_response(self, request, response):
        if response.get("Content-Type", "").startswith("text/html"):
            response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
            response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if HEADER in response:  # a preview's, set as Wagtail served it to the editor
            return response
        if any(hasattr(response, name) for name in VIEW_POLICY):
            return super().process_response(request, response)
        if request.path_info.startswith("/admin/"):
            kind = "admin"
        elif getattr(request, "is_preview", False):
            kind = "preview"
        else:
            kind = "public"
        if kind not in self.headers:
            self.headers[kind] = policy(kind)
        response[HEADER] = self.headers[kind]
        return response


def policy(kind):
    if kind == "admin":
        return build_policy(config=settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
    if kind == "email":
        return build_policy(config=settings.EMAIL_PREVIEW_CONTENT_SECURITY_POLICY["DIRECTIVES"])
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    if kind == "preview":
        # A preview is the page as readers get it, shown framed in the editor.
        directives = {**directives, "frame-ancestors": [SELF]}
    return build_policy(config=directives)
