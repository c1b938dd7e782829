#
# Varnish in front of the site's load balancer (deploy/haproxy/site.cfg), as its CDN.
#
# This file is a template: VCL cannot read environment variables, so three placeholders are
# replaced before varnishd loads it:
#   @BACKEND_HOST@  the load balancer's address, e.g. 127.0.0.1
#   @BACKEND_PORT@  its port, e.g. 8080 (LB_BIND in site.cfg)
#   @PURGERS@       the addresses allowed to PURGE and BAN, one per line: the machines that
#                   run the task worker (it sends the purges) and the app servers,
#                   each written as "10.0.0.5"; (at least one)
# For example:
#   sed -e 's/@BACKEND_HOST@/127.0.0.1/' -e 's/@BACKEND_PORT@/8080/' \
#       -e 's/@PURGERS@/"127.0.0.1";/' site.vcl > /etc/varnish/site.vcl
# tests/cluster/processes.py (render_vcl) does the same for the tests.
#
# The app decides what may be cached through Cache-Control (s-maxage for public pages;
# private or no-store for anything personal); Varnish's builtin VCL, which runs after each
# subroutine below that does not return, already honours it and never stores a response that
# sets a cookie. This file only adds what the builtin cannot know about the site.
#
vcl 4.1;

import std;

backend default {
    .host = "@BACKEND_HOST@";
    .port = "@BACKEND_PORT@";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 30s;
}

acl purgers {
    @PURGERS@
}

sub vcl_recv {
    # Lower-case the Host first, so that purges and bans name the same objects as readers.
    call vcl_req_host;
    unset req.http.X-Cache;

    # On publish the app sends PURGE <path> with the page's Host.
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        return (purge);
    }
    # BAN drops every object of this Host whose path matches the regex in X-Ban-Url.
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.Host || !req.http.X-Ban-Url) {
            return (synth(400, "Host and X-Ban-Url are required"));
        }
        # On the copies of the request's Host and path stored with each object (see
        # vcl_backend_response), so that the ban lurker can drop them in the background.
        if (std.ban("obj.http.X-Host == " + req.http.Host +
                    " && obj.http.X-Url ~ " + req.http.X-Ban-Url)) {
            return (synth(200, "Banned"));
        }
        return (synth(400, std.ban_error()));
    }

    # Only reads are cached; forms and everything else go to the app.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(django-)?admin(/|\?|$)") {
        return (pass);
    }
    # Signed-in users and low-data readers get pages made for them.
    if (req.http.Cookie ~ "(^|;)\s*sessionid=" || req.http.Cookie ~ "(^|;)\s*lowdata=1\s*(;|$)") {
        return (pass);
    }

    # The root redirects by language: keep only the language cookie there, and hash on it
    # (vcl_hash). Everywhere else no cookie changes the answer, so readers with analytics or
    # CSRF cookies still share the cached copy.
    if (req.url ~ "^/(\?|$)" && req.http.Cookie ~ "(^|;)\s*django_language=") {
        set req.http.Cookie = regsub(req.http.Cookie,
            "^(?:.*;)?\s*(django_language=[^;]*).*$", "\1");
    } else {
        unset req.http.Cookie;
    }
    # The builtin would pass on any Cookie left (the root's language): it is skipped, so its
    # one other rule for reads is repeated here.
    if (req.http.Authorization) {
        return (pass);
    }
    return (hash);
}

sub vcl_hash {
    # Only the root can still carry a cookie here: its language.
    if (req.http.Cookie && req.url ~ "^/(\?|$)") {
        hash_data(req.http.Cookie);
    }
}

sub vcl_hit {
    set req.http.X-Cache = "HIT";
}

sub vcl_miss {
    set req.http.X-Cache = "MISS";
}

sub vcl_pass {
    set req.http.X-Cache = "PASS";
}

sub vcl_backend_response {
    # What a BAN matches on (removed again in vcl_deliver).
    set beresp.http.X-Url = bereq.url;
    set beresp.http.X-Host = bereq.http.Host;

    # Varnish would keep a response without Cache-Control or Expires for its default TTL;
    # the app marks everything it wants cached, so anything else is not.
    if (!beresp.http.Cache-Control && !beresp.http.Expires) {
        set beresp.ttl = 0s;
    }
    # A stale copy is served for a little while if the backend fails to refresh it.
    set beresp.grace = 30s;
}

sub vcl_backend_error {
    set beresp.http.Content-Type = "text/plain; charset=utf-8";
    set beresp.http.Retry-After = "5";
    set beresp.http.Cache-Control = "no-store";
    set beresp.body = "The site is unavailable for a moment. Please try again shortly.";
    return (deliver);
}

sub vcl_deliver {
    # A response that may not be stored (its first fetch, then hit-for-miss) is a pass too.
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } else {
        set resp.http.X-Cache = req.http.X-Cache;
    }
    unset resp.http.X-Url;
    unset resp.http.X-Host;
}

sub vcl_synth {
    # Short plain answers to purges, bans and refusals (no Guru Meditation page).
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    set resp.http.Cache-Control = "no-store";
    set resp.body = "" + resp.status + " " + resp.reason + {"
"};
    return (deliver);
}
