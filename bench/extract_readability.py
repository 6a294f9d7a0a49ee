#!/usr/bin/python3
"""Main-text extraction with Debian's python3-readability (readability-lxml), for
the speed comparison of bench/extract.sh.

    extract_readability.py [--limit N] [--json] DIR OUTDIR

DIR holds evaldata.json and html/<file>.gz (the trafilatura evaluation set).
For every page, in evaldata.json's order, the page is read, gunzipped and
decoded outside the timer; then Document(html).summary() and the conversion of
its HTML into plain text (block elements on lines of their own) are timed.
The text goes to OUTDIR/<file>.txt (an error leaves an empty file), to be
scored by `crosscheck eval extract --system-output OUTDIR`.

Prints pages, extraction seconds, pages per second and errors; with --json one
JSON object. Single-threaded: pin it to a core with taskset for one-core figures.
"""

import argparse
import gzip
import json
import logging
import os
import re
import sys
import time

import lxml.html
from readability import Document

SYSTEM = "readability-lxml"

# Elements whose text stands on lines of its own in the plain text.
BLOCK = frozenset(
    "address article aside blockquote body br caption dd div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section table tbody td "
    "tfoot th thead tr ul".split()
)

META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
# The WHATWG Encoding Standard's reading of the two labels it widens (as browsers
# and jsdom do), so that both competitors get the same text.
WIDER = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
         "ascii": "cp1252", "gb2312": "gb18030", "gbk": "gb18030"}


def decode(data):
    """UTF-8 if the bytes are valid UTF-8; else the charset the page declares
    (<meta charset> or http-equiv, first 16 KB); else windows-1252."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = META_CHARSET.search(data[:16384])
    if m:
        label = m.group(1).decode("ascii").lower()
        label = WIDER.get(label, label)
        try:
            return data.decode(label, "replace")
        except LookupError:
            pass
    return data.decode("cp1252", "replace")


def html_to_text(markup):
    """The text of an HTML fragment, block elements separated by newlines."""
    if not markup or not markup.strip():
        return ""
    root = lxml.html.fromstring(markup)
    parts = []

    def walk(el):
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag.lower() in BLOCK
        if block:
            parts.append("\n")
        if isinstance(el.tag, str) and el.text:  # skip comments' and PIs' text
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(root)
    text = "".join(parts)
    return re.sub(r"\n\s*\n+", "\n", text).strip()


def extract(html):
    return html_to_text(Document(html).summary())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir")
    ap.add_argument("outdir")
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages")
    ap.add_argument("--json", action="store_true", help="one JSON object of figures")
    args = ap.parse_args()
    logging.disable(logging.CRITICAL)  # readability logs every page it finds hard

    with open(os.path.join(args.dir, "evaldata.json"), encoding="utf-8") as f:
        evaldata = json.load(f)
    os.makedirs(args.outdir, exist_ok=True)
    # One tiny page first, so that no first-call set-up is counted.
    extract("<html><body><p>warm up</p></body></html>")

    pages = errors = empty = 0
    seconds = 0.0
    for item in evaldata.values():
        if args.limit and pages >= args.limit:
            break
        name = item["file"]
        with gzip.open(os.path.join(args.dir, "html", name + ".gz"), "rb") as f:
            html = decode(f.read())
        start = time.perf_counter()
        try:
            text = extract(html)
        except Exception:  # a crash is an empty result, scored as an all-miss
            text = ""
            errors += 1
        seconds += time.perf_counter() - start
        pages += 1
        if not text:
            empty += 1
        with open(os.path.join(args.outdir, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)

    pps = pages / seconds if seconds > 0 else 0.0
    if args.json:
        print(json.dumps({"system": SYSTEM, "pages": pages, "seconds": round(seconds, 3),
                          "pages_per_second": round(pps, 2), "errors": errors, "empty": empty}))
    else:
        print(f"{SYSTEM}: {pages} pages in {seconds:.2f} s of extraction: {pps:.1f} pages/s; "
              f"{errors} errors, {empty} empty")
    return 0


if __name__ == "__main__":
    sys.exit(main())
