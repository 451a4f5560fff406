# Varnish in front of Opstap: keeps what the application marks public, bans by prefix on
# PURGE from Wagtail's frontend cache. The backend's address is filled in where it is
# run (the benchmark and the tests write BACKEND_HOST and BACKEND_PORT); in production,
# put the application server's address here, and the purging server's in "purgers".
vcl 4.1;

backend default {
    .host = "BACKEND_HOST";
    .port = "BACKEND_PORT";
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # A page's URL bans it and everything under it; a language root, the language.
        ban("req.http.host == " + req.http.host + " && req.url ~ ^" + req.url);
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Signed-in people never share a page.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Under a language prefix the language is in the URL: one copy, whatever the browser asks.
    if (req.url ~ "^/[a-z]{2}(-[a-z]+)?/") {
        unset req.http.Accept-Language;
    }
    # The builtin VCL would pass any request with a cookie; what a response depends on is
    # the backend's to say (see vcl_backend_response), and the cookie still reaches it.
    return (hash);
}

sub vcl_backend_response {
    if (beresp.http.Cache-Control !~ "public" || beresp.http.Set-Cookie || beresp.http.Vary ~ "(?i)cookie") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
