"""The one coding each request is answered in: brotli, gzip or none ("identity").

Clients word Accept-Encoding in countless ways ("gzip, deflate, br, zstd", "br;q=1.0, gzip;q=0.8,
*;q=0.1"…). Each request's header is reduced to one of three codings before anything reads it,
so that the page cache and any cache in front keep at most three copies of an address.
"""

# In order of preference: brotli is the smaller, and every browser asking for it takes gzip too.
CODINGS = ("br", "gzip")
IDENTITY = "identity"
# Longer headers are no browser's; they get the body as it is.
LONGEST_HEADER = 1024


def weight(parameters):
    """The q-value in an Accept-Encoding entry's parameters (";q=0.5"), 1 when absent; 0 for
    anything unreadable."""
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "q":
            try:
                q = float(value)
            except ValueError:
                return 0.0
            return q if 0 <= q <= 1 else 0.0
    return 1.0


def best_coding(header):
    """ "br", "gzip" or "identity": the coding the client weighs highest, brotli on a tie."""
    if len(header) > LONGEST_HEADER:
        return IDENTITY
    weights = {}
    for entry in header.split(","):
        name, *parameters = entry.split(";")
        weights[name.strip().lower()] = weight(parameters)

    def weighed(coding):
        return weights.get(coding, weights.get("*", 0.0))

    chosen = max(CODINGS, key=weighed)
    return chosen if weighed(chosen) > 0 else IDENTITY


def accepted_coding(request):
    """The one coding `request` is answered in. Its Accept-Encoding is rewritten to name only
    that, so that everything below (the compression middleware, whitenoise) agrees with the
    page cache's key."""
    coding = getattr(request, "accepted_coding", None)
    if coding is None:
        coding = best_coding(request.META.get("HTTP_ACCEPT_ENCODING", ""))
        request.META["HTTP_ACCEPT_ENCODING"] = coding
        request.accepted_coding = coding
    return coding
