"""Content-Security-Policy: a strict one for readers' pages, Wagtail's needs for the admin.

Readers' pages load only the site's own scripts and styles, with nothing inline, so a page kept
in the shared cache needs no per-response nonce. The admin gets its own policy: Wagtail's editor
starts its widgets with inline scripts and shows uploads before they are saved.
"""

from csp.constants import SELF
from csp.middleware import CSPMiddleware

from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts
        if request.path_info.startswith("/admin/"):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        elif getattr(request, "is_preview", False):
            # A preview is the page as readers get it, shown framed in the editor.
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts
