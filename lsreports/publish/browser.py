"""Headless Chromium for the briefings: PDFs for printing, and what a reader's browser sees.

Chromium is optional: :func:`find_chromium` says whether it is installed (Debian:
``apt-get install chromium``). :func:`print_pdf` prints a page on A4 with the page's
print stylesheet. :func:`inspect_page` renders a page at a given width and reports what
a reader would meet: horizontal overflow, console errors, images that did not load, and
whether the Vietnamese text arrived intact. :func:`inspect_print` lays a page out as it
prints (print media, the A4 content width) and measures every table and chart in it.
"""
from __future__ import annotations

import json
import os
import re
import select
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

#: Names Chromium goes by on Debian, Ubuntu and elsewhere, in the order tried.
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
INSTALL_HINT = "install Chromium to use it (Debian/Ubuntu: sudo apt-get install chromium)"
_TIMEOUT_S = 120
_BASE_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
               "--disable-extensions", "--allow-file-access-from-files")
#: Collects errors from the first moment and writes the checks into the page once it has loaded.
_PROBE = """<script>
window.__lsrErrors = [];
window.addEventListener("error", e => window.__lsrErrors.push(String(e.message || (e.target && (e.target.src
  || e.target.href)) || "error")), true);
window.addEventListener("unhandledrejection", e => window.__lsrErrors.push("unhandled rejection: " + e.reason));
for (const level of ["error", "warn"]) { const original = console[level];
  console[level] = function (...args) { window.__lsrErrors.push(level + ": " + args.join(" "));
    return original.apply(console, args); }; }
window.addEventListener("load", () => { setTimeout(() => { const root = document.documentElement;
  const result = {scrollWidth: Math.max(root.scrollWidth, document.body.scrollWidth), errors: window.__lsrErrors,
    images: [...document.images].map(i => ({src: (i.currentSrc || i.src).slice(0, 80),
      loaded: i.complete && i.naturalWidth > 0})), text: document.body.innerText};
  parent.postMessage(JSON.stringify(result), "*"); }, 50); });
</script>"""
#: Holds the page in a frame of the width asked for (headless Chromium's window is at least
#: 500 px wide) and writes what the probe inside reports into its own document.
_FRAME = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
<iframe src="{src}" style="width:{width}px;height:{height}px;border:0;display:block"></iframe>
<script>window.addEventListener("message", e => {{ const out = document.createElement("pre");
out.id = "lsr-probe"; out.textContent = e.data; document.body.appendChild(out); }});</script></body></html>"""


#: A4 (210 mm) less the 12 mm side margins of the briefings' ``@page`` rule, in CSS px (96 per inch).
A4_CONTENT_PX = round((210 - 2 * 12) / 25.4 * 96)
#: The same on a landscape page (``@page wide`` in briefing.css: A4 landscape, the same margins).
A4_LANDSCAPE_CONTENT_PX = round((297 - 2 * 12) / 25.4 * 96)
#: Widths of the named pages of the print style sheets, in CSS px.
PAGE_WIDTHS = {"wide": A4_LANDSCAPE_CONTENT_PX}
#: Measures, in the laid-out page, every table and image: its right edge, whether an ancestor clips
#: it (an overflow box narrower than its content), the font size of its cells; and the data links.
_PRINT_PROBE = """(() => {
  const clipper = (el, top) => { const right = el.getBoundingClientRect().right;
    for (let a = el.parentElement; a && a !== top; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== "visible" && right > a.getBoundingClientRect().left + a.clientWidth + 1)
        return a.tagName.toLowerCase() + "." + String(a.className).split(" ").join("."); }
    return null; };
  const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const items = [...document.querySelectorAll("table, img")].filter(shown).map(el => {
    const box = el.getBoundingClientRect(), cell = el.querySelector("td, th");
    let named = el; while (named && ["auto", ""].includes(getComputedStyle(named).page)) named = named.parentElement;
    /* on a named page (landscape) the boxes above the one that names it are as wide as that page,
       not as this window: only the boxes inside it can cut */
    return {tag: el.tagName.toLowerCase(), right: box.right, width: box.width, clipped_by: clipper(el, named),
            page: named ? getComputedStyle(named).page : "auto",
            font_px: cell ? parseFloat(getComputedStyle(cell).fontSize) : null,
            label: (el.alt || (el.querySelector("th, td") || {}).textContent || "").trim().slice(0, 60)}; });
  return {width: document.documentElement.clientWidth, scroll_width: document.documentElement.scrollWidth,
          items: items, data_links_shown: [...document.querySelectorAll(".lsr-data-link")].filter(shown).length};
})()"""


class ChromiumMissing(RuntimeError):
    """Chromium is not installed; the message says how to install it."""


def find_chromium() -> str | None:
    """Return the path of a Chromium executable, or None when none is installed."""
    return next((path for path in map(shutil.which, CHROMIUM_NAMES) if path), None)


def _chromium() -> str:
    found = find_chromium()
    if found is None:
        raise ChromiumMissing(f"Chromium not found (tried {', '.join(CHROMIUM_NAMES)}): {INSTALL_HINT}")
    return found


def print_pdf(page: Path, pdf: Path) -> Path:
    """Print an HTML page to an A4 PDF with headless Chromium (the page's print stylesheet applies).

    Raises
    ------
    ChromiumMissing
        When Chromium is not installed.
    RuntimeError
        When Chromium wrote no PDF.
    """
    return print_pdfs([page], [pdf])[0]


def print_pdfs(pages: list[Path], pdfs: list[Path]) -> list[Path]:
    """:func:`print_pdf` for each page to the PDF at the same place in ``pdfs``, in one browser."""
    pdfs = [Path(pdf).resolve() for pdf in pdfs]
    for pdf in pdfs:
        pdf.unlink(missing_ok=True)
    printed = _devtools([(Path(page).resolve().as_uri(), None, None) for page in pages], _print_visit)
    for page, pdf, content in zip(pages, pdfs, printed):
        if not content:
            raise RuntimeError(f"Chromium wrote no PDF for {page}")
        pdf.write_bytes(content)
    return pdfs


@dataclass
class PrintItem:
    """A table or image as laid out for print: its right edge (CSS px from the page's left edge), the
    box that cuts it if any, the named page it prints on (``auto``: an A4 portrait page)."""

    tag: str
    right: float
    width: float
    clipped_by: str | None
    page: str
    font_px: float | None
    label: str


@dataclass
class PrintCheck:
    """What a page looks like laid out for print at the A4 content width."""

    width: int
    scroll_width: int
    items: list[PrintItem]
    data_links_shown: int

    def too_wide(self) -> list[PrintItem]:
        """Tables and images that reach past the printable width of their page or are cut by a box around them."""
        return [item for item in self.items
                if item.right > PAGE_WIDTHS.get(item.page, self.width) + 0.5 or item.clipped_by]


class _DevToolsPipe:
    """Headless Chromium driven over ``--remote-debugging-pipe``, so no port is opened.

    Commands go to the child's fd 3, replies come from its fd 4, each message JSON ended
    by a NUL byte.
    """

    def __init__(self, profile: str):
        to_child, self._out = os.pipe()
        self._in, from_child = os.pipe()

        def wire() -> None:  # in the child, before exec: the pipe ends on fds 3 and 4, inheritable
            read_end, write_end = os.dup(to_child), os.dup(from_child)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)
            os.set_inheritable(3, True)
            os.set_inheritable(4, True)

        self.child = subprocess.Popen([_chromium(), *_BASE_FLAGS, f"--user-data-dir={profile}",
                                       "--remote-debugging-pipe", "about:blank"], stdin=subprocess.DEVNULL,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=wire,
                                      close_fds=False)
        os.close(to_child)
        os.close(from_child)
        self._buffer, self._next_id, self.session = b"", 0, None

    def _send(self, message: dict) -> None:
        os.write(self._out, json.dumps(message).encode() + b"\0")

    def receive(self) -> dict:
        """The next message from the browser (a reply or an event)."""
        while b"\0" not in self._buffer:
            if not select.select([self._in], [], [], _TIMEOUT_S)[0]:
                raise RuntimeError(f"Chromium did not answer within {_TIMEOUT_S} s")
            chunk = os.read(self._in, 1 << 16)
            if not chunk:
                raise RuntimeError(f"Chromium closed the DevTools pipe: {self.child.stderr.read().decode()[-300:]}")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method: str, **params) -> dict:
        """Send a command (in the attached session, once there is one) and return its result."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params}
        if self.session:
            message["sessionId"] = self.session
        self._send(message)
        while True:
            reply = self.receive()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"DevTools {method}: {reply['error']}")
                return reply.get("result", {})

    def close(self) -> None:
        """Close the browser (so it leaves its profile folder); kill it if it will not go."""
        try:
            self._send({"id": 0, "method": "Browser.close"})
            self.child.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.child.kill()
            self.child.wait(timeout=_TIMEOUT_S)
        os.close(self._out)
        os.close(self._in)
        self.child.stderr.close()


def _devtools(loads: list[tuple[str, int | None, int | None]], visit: Callable[[_DevToolsPipe, str], object],
              media: str | None = None) -> list[object]:
    """Load each ``(url, width, height)`` of ``loads`` in turn in one headless Chromium (the window that size
    unless None, ``media`` emulated unless None) and return what ``visit(browser, url)`` gives once each
    page has loaded. One browser serves every page: its start costs more than a page."""
    with tempfile.TemporaryDirectory(prefix="lsreports-chromium-", ignore_cleanup_errors=True) as profile:
        browser = _DevToolsPipe(profile)
        try:
            target = browser.call("Target.createTarget", url="about:blank")["targetId"]
            browser.session = browser.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
            browser.call("Page.enable")
            if media is not None:
                browser.call("Emulation.setEmulatedMedia", media=media)
            values = []
            for url, width, height in loads:
                if width is not None:
                    browser.call("Emulation.setDeviceMetricsOverride", width=width, height=height,
                                 deviceScaleFactor=1, mobile=False)
                browser.call("Page.navigate", url=url)
                while browser.receive().get("method") != "Page.loadEventFired":
                    pass
                values.append(visit(browser, url))
            return values
        finally:
            browser.close()


def _evaluate(expression: str) -> Callable[[_DevToolsPipe, str], object]:
    """A visit for :func:`_devtools`: ``expression``'s value in the page (awaited if a promise)."""
    def visit(browser: _DevToolsPipe, url: str) -> object:
        value = browser.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in value:
            raise RuntimeError(f"the probe failed on {url}: {value['exceptionDetails']}")
        return value["result"]["value"]
    return visit


def _print_visit(browser: _DevToolsPipe, url: str) -> bytes:
    """A visit for :func:`_devtools`: the page printed as ``--print-to-pdf --no-pdf-header-footer`` prints it
    (backgrounds, the page size of its ``@page`` rules, no header or footer)."""
    import base64

    done = browser.call("Page.printToPDF", displayHeaderFooter=False, printBackground=True, preferCSSPageSize=True)
    return base64.b64decode(done["data"])


def inspect_print(page: Path, width: int = A4_CONTENT_PX) -> PrintCheck:
    """Lay a page out as it prints (print media, ``width`` px: the A4 content width) and measure it.

    The print stylesheet applies as on paper; the page is not cut into sheets, so this measures
    widths (a table or chart past the printable width, or cut by an overflow box), not page breaks.

    Raises
    ------
    ChromiumMissing
        When Chromium is not installed.
    RuntimeError
        When Chromium did not load the page or the probe failed.
    """
    return inspect_prints([page], width)[0]


def inspect_prints(pages: list[Path], width: int = A4_CONTENT_PX) -> list[PrintCheck]:
    """:func:`inspect_print` for several pages in one browser, in the order given."""
    results = _devtools([(Path(page).resolve().as_uri(), width, 1100) for page in pages], _evaluate(_PRINT_PROBE),
                        media="print")
    return [PrintCheck(width=int(result["width"]), scroll_width=int(result["scroll_width"]),
                       items=[PrintItem(**item) for item in result["items"]],
                       data_links_shown=int(result["data_links_shown"])) for result in results]


@dataclass
class PageCheck:
    """What a page looked like in the browser at one width."""

    width: int
    scroll_width: int
    errors: list[str] = field(default_factory=list)
    broken_images: list[str] = field(default_factory=list)
    images: int = 0
    text: str = ""

    @property
    def overflows(self) -> bool:
        """True when the page is wider than the window (it would scroll sideways)."""
        return self.scroll_width > self.width


#: Waits (at most 30 s) for the probe's report in the frame page; null if it never came.
_AWAIT_PROBE = """new Promise(resolve => { const started = Date.now(); const look = () => {
  const out = document.getElementById("lsr-probe");
  if (out) resolve(out.textContent); else if (Date.now() - started > 30000) resolve(null); else setTimeout(look, 20); };
  look(); })"""


def inspect_page(page: Path, width: int, height: int = 900) -> PageCheck:
    """Render a page headless at ``width`` px and report overflow, errors, images and text.

    The page is copied beside itself with a probe script as the first element of its
    ``<head>`` (so relative links still resolve) and shown in a frame exactly ``width``
    px wide; the probe records errors from the start and, once the page has loaded,
    measures it.

    Raises
    ------
    ChromiumMissing
        When Chromium is not installed.
    RuntimeError
        When the page did not finish loading.
    """
    return inspect_pages([page], [width], height)[(page, width)]


def inspect_pages(pages: list[Path], widths: list[int], height: int = 900) -> dict[tuple[Path, int], PageCheck]:
    """:func:`inspect_page` for every page at every width in one browser, keyed by ``(page, width)``."""
    files, loads = [], []
    try:
        for page in pages:
            html = Path(page).resolve().read_text(encoding="utf-8")
            probed = re.sub(r"<head[^>]*>", lambda m: m.group(0) + _PROBE, html, count=1)
            for width in widths:
                copy, frame = (Path(page).resolve().with_name(f".probe-{width}-{prefix}{Path(page).name}")
                               for prefix in ("", "frame-"))
                files += [copy, frame]
                copy.write_text(probed, encoding="utf-8")
                frame.write_text(_FRAME.format(src=copy.name, width=width, height=height), encoding="utf-8")
                loads.append((frame.as_uri(), max(width, 500) + 40, height + 40))
        reports = _devtools(loads, _evaluate(_AWAIT_PROBE), media="")
    finally:
        for file in files:
            file.unlink(missing_ok=True)
    checks = {}
    for (page, width), report in zip(((p, w) for p in pages for w in widths), reports):
        if report is None:
            raise RuntimeError(f"{Path(page).name} did not finish loading at {width} px")
        result = json.loads(report)
        checks[(page, width)] = PageCheck(width=width, scroll_width=int(result["scrollWidth"]),
                                          errors=list(result["errors"]),
                                          broken_images=[i["src"] for i in result["images"] if not i["loaded"]],
                                          images=len(result["images"]), text=result["text"])
    return checks


__all__ = ["A4_CONTENT_PX", "ChromiumMissing", "PageCheck", "PrintCheck", "PrintItem", "find_chromium",
           "inspect_page", "inspect_pages", "inspect_print", "inspect_prints", "print_pdf", "print_pdfs",
           "INSTALL_HINT"]
