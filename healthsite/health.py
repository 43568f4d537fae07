"""`GET /healthz` for load balancers: 200 while the database answers, 503 when it does not.

Answered first in the middleware, before the HTTPS redirect and the host check, so that a
balancer probing a worker by its address over plain HTTP gets the answer itself; never cached.
"""

from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers

PATH = "/healthz"


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path != PATH or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
            response = HttpResponse("ok\n", content_type="text/plain")
        except DatabaseError:
            # A broken connection is dropped, so the next probe connects afresh.
            connection.close_if_unusable_or_obsolete()
            response = HttpResponse("database unavailable\n", status=503, content_type="text/plain")
        add_never_cache_headers(response)
        return response
