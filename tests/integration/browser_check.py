#!/usr/bin/env python3
"""Drive headless Chromium through chromedriver (W3C WebDriver, stdlib only)
over the tracuu search page.  Usage: browser_check.py DRIVER_URL BASE_URL
SCRATCHDIR.  Prints one line per check; exit status = failed checks (max 100).
"""
import base64
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

DRIVER, BASE, SCRATCH = sys.argv[1], sys.argv[2].rstrip("/") + "/", sys.argv[3]
ELEM = "element-6066-11e4-a52e-4f735466cecf"
checks = failures = 0


def check(what, cond, detail=""):
    global checks, failures
    checks += 1
    if not cond:
        failures += 1
        print("FAIL: %s %s" % (what, detail), flush=True)
    else:
        print("ok: %s" % what, flush=True)


def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(DRIVER + path, data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=120) as f:
            return json.load(f)["value"]
    except urllib.error.HTTPError as e:
        raise RuntimeError("%s %s: %s" % (method, path, e.read()[:500]))


class Session:
    def __init__(self, user_dir):
        args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900",
                "--lang=vi", "--user-data-dir=" + user_dir]
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:loggingPrefs": {"browser": "ALL"},
            "goog:chromeOptions": {"binary": "/usr/bin/chromium",
                                   "args": args}}}}
        self.id = call("POST", "/session", caps)["sessionId"]
        self.p = "/session/" + self.id

    def go(self, url):
        call("POST", self.p + "/url", {"url": url})

    def url(self):
        return call("GET", self.p + "/url")

    def find(self, css):
        v = call("POST", self.p + "/element",
                 {"using": "css selector", "value": css})
        if not isinstance(v, dict) or ELEM not in v:
            raise RuntimeError("find %s: %r" % (css, v))
        return v[ELEM]

    def find_all(self, css):
        return [e[ELEM] for e in call("POST", self.p + "/elements",
                                      {"using": "css selector", "value": css})]

    def text(self, el):
        return call("GET", self.p + "/element/%s/text" % el)

    def prop(self, el, name):
        return call("GET", self.p + "/element/%s/property/%s" % (el, name))

    def css(self, el, name):
        return call("GET", self.p + "/element/%s/css/%s" % (el, name))

    def click(self, el):
        call("POST", self.p + "/element/%s/click" % el, {})

    def type(self, el, text):
        call("POST", self.p + "/element/%s/value" % el, {"text": text})

    def script(self, js):
        return call("POST", self.p + "/execute/sync", {"script": js, "args": []})

    def size(self, w, h):
        call("POST", self.p + "/window/rect", {"width": w, "height": h})

    def shot(self, name):
        png = base64.b64decode(call("GET", self.p + "/screenshot"))
        path = os.path.join(SCRATCH, name)
        with open(path, "wb") as f:
            f.write(png)
        return path, png

    def console(self):
        try:
            return call("POST", self.p + "/se/log", {"type": "browser"})
        except RuntimeError:
            return []

    def wait_url(self, part, timeout=20):
        end = time.time() + timeout
        while time.time() < end:
            if part in self.url():
                return True
            time.sleep(0.1)
        return False

    def close(self):
        call("DELETE", self.p)


def total(s):
    return int(s.prop(s.find("#total"), "dataset")["total"])


def main():
    # the engine's own answer, for comparison with what the page shows
    with urllib.request.urlopen(BASE + "?q=dan+van+kheo&format=json") as f:
        expected = json.load(f)
    s = Session(os.path.join(SCRATCH, "chromium-profile"))
    try:
        s.go(BASE)
        check("start page title", "Tra cứu văn bản" in s.script("return document.title"))
        box = s.find('input[name="q"]')
        s.type(box, "dan van kheo")
        s.click(s.find('form.search button[type="submit"]'))
        check("submitted", s.wait_url("q=dan+van+kheo"), s.url())
        check("query kept in the box",
              s.prop(s.find('input[name="q"]'), "value") == "dan van kheo")
        n = total(s)
        check("total as the JSON API", n == expected["total"],
              "%d vs %d" % (n, expected["total"]))
        first = s.find("ol.hits li h2 a")
        first_title = s.text(first)
        want = expected["results"][0]
        check("first result as the engine ranks it",
              first_title == (want["title"] or "(không có tiêu đề)").strip(),
              repr((first_title, want["title"])))
        base0 = os.path.basename(want["path"])
        check("first result is about 'Dân vận khéo'",
              base0.startswith(("002_", "003_")), want["path"])
        first_path = s.text(s.find("ol.hits li .path"))
        check("first result path shown", first_path == want["path"], first_path)
        marks = [s.text(m).lower() for m in s.find_all("ol.hits li .snippet mark")]
        check("snippet marks the words, accents or not",
              any(m in ("dân", "vận", "khéo", "dân vận khéo", "dân vận")
                  for m in marks), repr(marks[:6]))
        header = s.find("header.top")
        check("style sheet applied under the CSP",
              s.css(header, "background-color") in ("rgb(163, 22, 27)",
                                                     "rgba(163, 22, 27, 1)"),
              s.css(header, "background-color"))
        s.shot("browser-results.png")

        # the phone layout: no sideways scrolling
        s.size(390, 844)
        wide = s.script("return [document.documentElement.scrollWidth, window.innerWidth]")
        check("phone: no horizontal scroll", wide[0] <= wide[1], repr(wide))
        s.shot("browser-phone.png")
        s.size(1280, 900)

        # a facet link narrows the search and shows the active filter
        facet = s.find("aside.facets li a")
        facet_text = s.text(facet)
        s.click(facet)
        check("facet: followed", s.wait_url("q=dan+van+kheo&"), s.url())
        active = s.find_all("p.active a")
        check("facet: active filter shown", len(active) == 1)
        check("facet: not more results", total(s) <= n)
        if active:
            s.click(active[0])
            check("facet: removed", s.wait_url("q=dan+van+kheo") and
                  not s.find_all("p.active a"), s.url() + " " + facet_text)

        # a wider query has a second page
        box = s.find('input[name="q"]')
        call("POST", s.p + "/element/%s/clear" % box, {})
        s.type(box, "dan van\ue007")   # Enter submits
        check("second query", s.wait_url("q=dan+van") and
              "kheo" not in s.url(), s.url())
        s.click(s.find('nav.pages a[rel="next"]'))
        check("page link followed", s.wait_url("page=2"), s.url())
        cur = s.text(s.find('nav.pages [aria-current="page"]'))
        check("page 2 is current", cur == "2", cur)
        check("page 2 starts at rank 11",
              s.prop(s.find("ol.hits li"), "value") == 11)

        # the document view
        s.go(BASE + "?q=dan+van+kheo")
        link = s.find("ol.hits li h2 a")
        title = s.text(link)
        s.click(link)
        check("document opened", s.wait_url("doc="), s.url())
        check("document title", s.text(s.find("main.doc h1")) == title, title)
        dmarks = s.find_all(".doctext mark")
        check("document matches marked", len(dmarks) > 0, str(len(dmarks)))
        s.shot("browser-doc.png")

        # bad input: a clear page, no crash
        s.go(BASE + "?q=%FF")
        check("bad input page", "Yêu cầu không hợp lệ" in s.text(s.find("h1")))

        csp = [e for e in s.console() if "Content Security Policy" in e.get("message", "")]
        check("no CSP violations in the console", not csp, repr(csp[:2]))
    finally:
        s.close()
    print("browser_check: %d checks, %d failed" % (checks, failures))
    return min(failures, 100)


if __name__ == "__main__":
    sys.exit(main())
