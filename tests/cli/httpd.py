"""A small HTTP server for the CLI tests of `crosscheck watch`: serves a
folder on 127.0.0.1 only, answers conditional requests with 304, and logs
every request as one JSON line. Python's standard library only.

    python3 tests/cli/httpd.py ROOT PORT_FILE LOG_FILE [LIFETIME_SECONDS]

The chosen port (the system picks a free one) is written to PORT_FILE once
the server listens. Query parameters change the answer:
    ?status=N   answer with status N (and a short body)
    ?sleep=S    wait S seconds before answering (a slow server)
The server stops by itself after LIFETIME_SECONDS (default 120).
"""
import email.utils
import gzip
import hashlib
import json
import os
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = os.path.realpath(sys.argv[1])
PORT_FILE = sys.argv[2]
LOG_FILE = sys.argv[3]
LIFETIME = float(sys.argv[4]) if len(sys.argv) > 4 else 120.0
LOG_LOCK = threading.Lock()

TYPES = {
    ".rss": "application/rss+xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".xml": "application/xml",
    ".html": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}


def log(entry):
    with LOG_LOCK, open(LOG_FILE, "a", encoding="utf-8") as f:
        f.write(json.dumps(entry) + "\n")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # quiet: the JSON log says it all
        pass

    def answer(self, status, body=b"", headers=()):
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if body and accepts_gzip:
            body = gzip.compress(body)
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        if body and accepts_gzip:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def do_GET(self):
        received = time.time()
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        entry = {
            "t": received,
            "path": url.path,
            "query": url.query,
            "if_none_match": self.headers.get("If-None-Match"),
            "if_modified_since": self.headers.get("If-Modified-Since"),
            "user_agent": self.headers.get("User-Agent"),
        }
        if "sleep" in query:
            time.sleep(float(query["sleep"][0]))
        status = self.respond(url.path, query)
        entry["status"] = status
        log(entry)

    def respond(self, path, query):
        if "status" in query:
            status = int(query["status"][0])
            self.answer(status, b"server says %d\n" % status, [("Content-Type", "text/plain")])
            return status
        file = os.path.realpath(os.path.join(ROOT, urllib.parse.unquote(path).lstrip("/")))
        if not file.startswith(ROOT + os.sep) or not os.path.isfile(file):
            self.answer(404, b"not found\n", [("Content-Type", "text/plain")])
            return 404
        with open(file, "rb") as f:
            body = f.read()
        etag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
        mtime = int(os.path.getmtime(file))
        last_modified = email.utils.formatdate(mtime, usegmt=True)
        headers = [("ETag", etag), ("Last-Modified", last_modified)]
        if self.not_modified(etag, mtime):
            self.answer(304, b"", headers)
            return 304
        kind = TYPES.get(os.path.splitext(file)[1], "application/octet-stream")
        self.answer(200, body, headers + [("Content-Type", kind)])
        return 200

    def not_modified(self, etag, mtime):
        match = self.headers.get("If-None-Match")
        if match is not None:
            return etag in [m.strip() for m in match.split(",")] or match.strip() == "*"
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                return mtime <= email.utils.parsedate_to_datetime(since).timestamp()
            except (TypeError, ValueError):
                return False
        return False


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    tmp = PORT_FILE + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % server.server_address[1])
    os.replace(tmp, PORT_FILE)  # readers never see half a port
    threading.Timer(LIFETIME, server.shutdown).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
