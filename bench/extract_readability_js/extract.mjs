// Main-text extraction with Mozilla's Readability (@mozilla/readability) on jsdom,
// for the speed comparison of bench/extract.sh.
//
//   node extract.mjs [--limit N] [--json] DIR OUTDIR
//
// DIR holds evaldata.json and html/<file>.gz (the trafilatura evaluation set).
// For every page, in evaldata.json's order, the page is read, gunzipped and
// decoded outside the timer (as bench/extract_readability.py decodes it); then
// `new JSDOM(html, {url})` and `new Readability(document).parse()` are timed, and
// the article's textContent (empty when Readability finds none) goes to
// OUTDIR/<file>.txt, to be scored by `crosscheck eval extract --system-output OUTDIR`.
// jsdom runs with its defaults: no scripts, no subresources loaded.
//
// Prints pages, extraction seconds, pages per second and errors; with --json one
// JSON object. Node runs the script on one thread (its garbage collector may use
// helper threads): pin it to a core with taskset for one-core figures.
//
// Dependencies: `npm ci` in this folder, or `npm ci --prefix DIR` on a copy of
// package.json and package-lock.json, with NODE_PATH=DIR/node_modules.

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";

// Resolved through NODE_PATH as well (ES imports ignore it), so node_modules may
// live outside the source tree.
const require = createRequire(import.meta.url);
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

const SYSTEM = "readability.js";

function usage() {
  process.stderr.write("usage: node extract.mjs [--limit N] [--json] DIR OUTDIR\n");
  process.exit(2);
}

const positional = [];
let limit = 0;
let asJson = false;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === "--limit" && i + 1 < argv.length) limit = parseInt(argv[++i], 10) || 0;
  else if (argv[i] === "--json") asJson = true;
  else if (argv[i].startsWith("--")) usage();
  else positional.push(argv[i]);
}
if (positional.length !== 2) usage();
const [dir, outdir] = positional;

// UTF-8 if the bytes are valid UTF-8; else the charset the page declares
// (<meta charset> or http-equiv, first 16 KB), read as the WHATWG Encoding
// Standard reads its label; else windows-1252.
const META_CHARSET = /<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)/i;
function decode(bytes) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8
  }
  const m = META_CHARSET.exec(bytes.subarray(0, 16384).toString("latin1"));
  if (m) {
    try {
      return new TextDecoder(m[1].toLowerCase()).decode(bytes);
    } catch {
      // a label the Encoding Standard does not know
    }
  }
  return new TextDecoder("windows-1252").decode(bytes);
}

const virtualConsole = new VirtualConsole(); // jsdom's CSS and parse complaints go nowhere

// The timed part. The caller closes dom.window afterwards, outside the timer.
function extract(html, url) {
  const dom = new JSDOM(html, { url, virtualConsole });
  let text = "";
  try {
    const article = new Readability(dom.window.document).parse();
    text = article && article.textContent ? article.textContent : "";
  } catch (err) {
    dom.window.close();
    throw err;
  }
  return { text, dom };
}

const evaldata = JSON.parse(readFileSync(join(dir, "evaldata.json"), "utf8"));
mkdirSync(outdir, { recursive: true });
// One tiny page first, so that no first-call set-up (module loading, JIT) is counted.
extract("<html><body><p>warm up</p></body></html>", "https://example.org/").dom.window.close();

const entries = Object.entries(evaldata);
const total = limit > 0 ? Math.min(limit, entries.length) : entries.length;
let pages = 0;
let errors = 0;
let empty = 0;
let ms = 0;
for (const [url, item] of entries) {
  if (pages >= total) break;
  const name = item.file;
  const html = decode(gunzipSync(readFileSync(join(dir, "html", name + ".gz"))));
  let text = "";
  let dom = null;
  const start = performance.now();
  try {
    ({ text, dom } = extract(html, url));
  } catch {
    errors++; // a crash is an empty result, scored as an all-miss
  }
  ms += performance.now() - start;
  if (dom) dom.window.close();
  pages++;
  if (!text) empty++;
  writeFileSync(join(outdir, name + ".txt"), text);
  if (!asJson && pages % 250 === 0 && pages < total)
    process.stderr.write(`${SYSTEM}: ${pages}/${total} pages\n`);
}

const seconds = ms / 1000;
const pps = seconds > 0 ? pages / seconds : 0;
if (asJson) {
  console.log(JSON.stringify({
    system: SYSTEM, pages, seconds: Math.round(seconds * 1000) / 1000,
    pages_per_second: Math.round(pps * 100) / 100, errors, empty,
  }));
} else {
  console.log(`${SYSTEM}: ${pages} pages in ${seconds.toFixed(2)} s of extraction: ` +
              `${pps.toFixed(1)} pages/s; ${errors} errors, ${empty} empty`);
}
