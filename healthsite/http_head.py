"""A HEAD request gets GET's headers and no body (RFC 9110). Django's views write the body
anyway; gunicorn drops it itself, but logs a warning for every HEAD request (feed readers and
monitors send them all day), so the body goes here, first and last in the middleware."""


class HeadWithoutBodyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "HEAD":
            # Content-Length stays: it tells the client the size GET would send.
            if response.streaming:
                response.streaming_content = []
            else:
                response.content = b""
        return response
