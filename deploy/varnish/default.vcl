vcl 4.1;
# Varnish in front of healthsite's gunicorn workers. Readers' pages and feeds are cached for
# as long as the app's s-maxage says; the app purges them when content changes, through
# Wagtail's frontend cache (VARNISH_URL): PURGE for one page's address (with its ?page=N
# listings), BAN for everything (a change of tree, menu or settings).

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
    return (hash);
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
