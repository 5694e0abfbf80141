"""Headless Chromium for the briefings: PDFs for printing, and what a reader's browser sees.

Chromium is optional: :func:`find_chromium` says whether it is installed (Debian:
``apt-get install chromium``). :func:`print_pdf` prints a page on A4 with the page's
print stylesheet. :func:`inspect_page` renders a page at a given width and reports what
a reader would meet: horizontal overflow, console errors, images that did not load, and
whether the Vietnamese text arrived intact.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

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
_RESULT = re.compile(r'<pre id="lsr-probe">(.*?)</pre>', re.S)


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


def _run(args: list[str]) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(prefix="lsreports-chromium-") as profile:
        return subprocess.run([_chromium(), *_BASE_FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=_TIMEOUT_S, check=False)


def print_pdf(page: Path, pdf: Path) -> Path:
    """Print an HTML page to an A4 PDF with headless Chromium (the page's print stylesheet applies).

    Raises
    ------
    ChromiumMissing
        When Chromium is not installed.
    RuntimeError
        When Chromium wrote no PDF (its error output is quoted).
    """
    pdf = Path(pdf).resolve()
    pdf.unlink(missing_ok=True)
    done = _run(["--no-pdf-header-footer", f"--print-to-pdf={pdf}", Path(page).resolve().as_uri()])
    if not pdf.exists() or pdf.stat().st_size == 0:
        raise RuntimeError(f"Chromium wrote no PDF for {page}: {done.stderr.strip()[-300:]}")
    return pdf


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
        When the page did not finish loading (Chromium's output is quoted).
    """
    page = Path(page).resolve()
    html = page.read_text(encoding="utf-8")
    probed = re.sub(r"<head[^>]*>", lambda m: m.group(0) + _PROBE, html, count=1)
    copy, frame = page.with_name(f".probe-{page.name}"), page.with_name(f".probe-frame-{page.name}")
    copy.write_text(probed, encoding="utf-8")
    frame.write_text(_FRAME.format(src=copy.name, width=width, height=height), encoding="utf-8")
    try:
        done = _run([f"--window-size={max(width, 500) + 40},{height + 40}", "--virtual-time-budget=8000",
                     "--dump-dom", frame.as_uri()])
    finally:
        copy.unlink(missing_ok=True)
        frame.unlink(missing_ok=True)
    found = _RESULT.search(done.stdout)
    if found is None:
        raise RuntimeError(f"{page.name} did not finish loading at {width} px: {done.stderr.strip()[-300:]}")
    import html as html_module

    result = json.loads(html_module.unescape(found.group(1)))
    return PageCheck(width=width, scroll_width=int(result["scrollWidth"]), errors=list(result["errors"]),
                     broken_images=[i["src"] for i in result["images"] if not i["loaded"]],
                     images=len(result["images"]), text=result["text"])


__all__ = ["ChromiumMissing", "PageCheck", "find_chromium", "inspect_page", "print_pdf", "INSTALL_HINT"]
