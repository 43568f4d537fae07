vcl 4.1;
# Varnish in front of healthsite's gunicorn workers. Readers' pages and feeds are cached for
# as long as the app's s-maxage says; the app purges them when content changes, through
# Wagtail's frontend cache (VARNISH_URL): PURGE for one page's address (with its ?page=N
# listings), BAN for everything (a change of tree, menu or settings).
#
# Compression: each address is kept at most once per coding, brotli, gzip or none, as the app's
# page cache keeps it (caching/codings.py). The app compresses (Varnish has no brotli of its
# own); Varnish asks it for the one coding each copy is for, and gzips what it left plain.

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

# Who may purge: the app servers. Add their addresses when they run on other hosts.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE" || req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (req.method == "BAN") {
            ban("obj.http.x-url ~ .");
        } else {
            ban("obj.http.x-url ~ ^" + regsub(req.url, "\?.*$", "") + "(\?|$)");
        }
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Editors (logged in) always get fresh pages; readers' stray cookies don't matter.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    if (req.url ~ "^/admin/") {
        return (pass);
    }
    unset req.http.Cookie;
    # Whatever the wording ("gzip, deflate, br, zstd", "br;q=1.0, gzip;q=0.8"…), one of three:
    # brotli if accepted at all (q above 0), else gzip, else none.
    if (req.http.Accept-Encoding ~ "(?i)(^|,)\s*(br|\*)\s*(,|$|;(?!\s*q=0(\.0*)?\s*(,|$)))") {
        set req.http.X-Coding = "br";
    } elsif (req.http.Accept-Encoding ~ "(?i)(^|,)\s*gzip\s*(,|$|;(?!\s*q=0(\.0*)?\s*(,|$)))") {
        set req.http.X-Coding = "gzip";
    } else {
        set req.http.X-Coding = "identity";
    }
    # So that Varnish's own gzip handling, and the app's Vary: Accept-Encoding, see one value
    # per copy.
    set req.http.Accept-Encoding = req.http.X-Coding;
    return (hash);
}

sub vcl_hash {
    # A copy per coding; the built-in vcl_hash adds the URL and host.
    if (req.http.X-Coding) {
        hash_data(req.http.X-Coding);
    }
}

sub vcl_backend_fetch {
    # Varnish asks the app for gzip whatever the reader said: ask for this copy's coding.
    if (bereq.http.X-Coding) {
        set bereq.http.Accept-Encoding = bereq.http.X-Coding;
        unset bereq.http.X-Coding;
    }
}

sub vcl_backend_response {
    # Kept for bans ("lurker-friendly": they test the object, not the request).
    set beresp.http.x-url = bereq.url;
    # Only what the app marks public, and never with a cookie.
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "public") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # The gzip copy of a text the app left plain (public answers only: nothing secret).
    if (bereq.http.Accept-Encoding == "gzip" && !beresp.http.Content-Encoding
        && beresp.http.Content-Type ~ "^(text/|application/([\w.-]+\+)?(json|xml|javascript))") {
        set beresp.do_gzip = true;
    }
    # When the app is down, readers still get the last good copy for a while.
    set beresp.grace = 6h;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-url;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
