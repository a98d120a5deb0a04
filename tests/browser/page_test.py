#!/usr/bin/python3
"""The analyst's page in headless Chromium (Debian's `chromium`).

Imports the sample digests (deploy/samples) into a fresh store, starts
`entente serve --http 127.0.0.1:0`, and drives the page over the Chrome
DevTools protocol on a pipe (--remote-debugging-pipe: JSON messages separated
by NUL bytes on file descriptors 3 and 4). It types in the search box, picks the
suggestion, checks the entity's timeline, follows a path to the European
Union, checks the SVG's nodes and an edge's sources, opens shared URLs
directly, and checks that the home page's live feed shows relations imported
through the gRPC server meanwhile. Screenshots go to ENTENTE_ARTIFACTS. Exits 77 (skipped) when
chromium is not installed."""

import base64
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

CHROMIUM = shutil.which("chromium")
ARTIFACTS = os.environ.get("ENTENTE_ARTIFACTS", tempfile.gettempdir())


class Browser:
    """One headless Chromium and one page, driven over the DevTools pipe."""

    def __init__(self, profile):
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()

        def move_fds():
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)

        self.process = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
             "--remote-debugging-pipe", "--user-data-dir=" + profile,
             "--window-size=1280,900", "--no-first-run", "about:blank"],
            preexec_fn=move_fds, pass_fds=(3, 4),  # Kept open: the two dup2 targets.
            stdout=subprocess.DEVNULL, stderr=open(os.path.join(profile + ".log"), "w"))
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer = b""
        self._next_id = 0
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.call("Target.attachToTarget",
                                 targetId=page["targetId"], flatten=True)["sessionId"]
        self.call("Page.enable", session=True)
        self.call("Runtime.enable", session=True)

    def close(self):
        self.process.kill()
        self.process.wait()
        os.close(self._to_chrome)
        os.close(self._from_chrome)

    def _read_message(self):
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_chrome, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, session=False, **params):
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._read_message()
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", session=True, expression=expression,
                           returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, timeout=20):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                value = self.evaluate(expression)
            except RuntimeError:  # The document is being replaced.
                value = None
            if value:
                return value
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {expression}; page text:\n" +
                             str(self.evaluate("document.body.innerText")))

    def navigate(self, url):
        # The page being left is marked, so that its own readiness is not taken for
        # the new one's (a slow server, as under the sanitizers, showed the race).
        self.evaluate("window.__left = true")
        self.call("Page.navigate", session=True, url=url)
        self.wait_for("!window.__left && document.readyState === 'complete' && "
                      "document.body !== null && document.body.dataset.ready === 'true'")

    def type_text(self, text):
        self.call("Input.insertText", session=True, text=text)

    def press_enter(self):
        # keyDown with text also types "\r", which submits a form.
        self.call("Input.dispatchKeyEvent", session=True, type="keyDown", key="Enter",
                  code="Enter", windowsVirtualKeyCode=13, text="\r")
        self.call("Input.dispatchKeyEvent", session=True, type="keyUp", key="Enter",
                  code="Enter", windowsVirtualKeyCode=13)

    def screenshot(self, name):
        data = self.call("Page.captureScreenshot", session=True, format="png")["data"]
        os.makedirs(ARTIFACTS, exist_ok=True)
        path = os.path.join(ARTIFACTS, name)
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))
        return path


class PageTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        binary = os.environ["ENTENTE_BIN"]
        samples = sorted(glob.glob(os.path.join(os.environ["ENTENTE_SAMPLES"], "*.txt")))
        cls.dir = tempfile.mkdtemp(prefix="entente-browser-")
        db = os.path.join(cls.dir, "store")
        subprocess.run([binary, "import", "--db", db, *samples], check=True,
                       stdout=subprocess.DEVNULL)
        cls.log = open(os.path.join(cls.dir, "server.log"), "w+")
        cls.server = subprocess.Popen(
            [binary, "serve", "--db", db, "--listen", "127.0.0.1:0",
             "--http", "127.0.0.1:0", "--quiet"], stderr=cls.log)
        cls.base = None
        deadline = time.monotonic() + 60
        while cls.base is None and time.monotonic() < deadline:
            cls.log.seek(0)
            log = cls.log.read()
            found = re.search(r"on (http://127\.0\.0\.1:\d+)/", log)
            cls.base = found.group(1) if found else None
            grpc = re.search(r"serving .* on (127\.0\.0\.1:\d+)", log)
            cls.grpc = grpc.group(1) if grpc else None
            if cls.server.poll() is not None:
                break
            time.sleep(0.1)
        if cls.base is None:
            cls.log.seek(0)
            raise RuntimeError("the server did not start:\n" + cls.log.read())
        cls.binary = binary
        cls.samples = samples
        cls.browser = Browser(os.path.join(cls.dir, "profile"))

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()
        cls.server.terminate()
        cls.server.wait(timeout=60)
        cls.log.close()
        shutil.rmtree(cls.dir, ignore_errors=True)

    def test_search_timeline_and_path(self):
        b = self.browser
        b.navigate(self.base + "/")
        b.evaluate("document.getElementById('search').focus()")
        b.type_text("Pakis")
        b.wait_for("[...document.querySelectorAll('#suggestions li')]"
                   ".some(li => li.dataset.id === 'country:PAK')")
        b.press_enter()
        # The entity page: its name, a chart of months, relations with quotes and outlets.
        b.wait_for("location.pathname === '/entity/country%3APAK' && "
                   "document.querySelector('h1') && "
                   "document.querySelector('h1').textContent.startsWith('Pakistan') && "
                   "document.querySelector('.chart-box canvas, table.counts')")
        text = b.evaluate("document.getElementById('view').innerText")
        self.assertIn("Timeline by month", text)
        self.assertIn("Kazakhstan", text)
        self.assertIn("partnership", text)
        self.assertIn("Dawn", text)
        self.assertGreater(b.evaluate("document.querySelectorAll('.relation').length"), 0)
        self.assertTrue(b.evaluate("document.querySelector('.relation blockquote') !== null"))
        b.screenshot("entity-pakistan.png")

        # Paths to the European Union, from the entity page's form.
        b.evaluate("document.querySelector('input[name=to]').focus()")
        b.type_text("European Union")
        b.press_enter()
        b.wait_for("document.querySelector('.paths svg g.node') !== null")
        self.assertEqual(b.evaluate("location.pathname"),
                         "/path/country%3APAK/European%20Union")
        nodes = b.evaluate("[...document.querySelectorAll('.paths svg g.node title')]"
                           ".map(t => t.textContent)")
        self.assertIn("country:PAK", nodes)
        self.assertIn("country:KAZ", nodes)
        self.assertIn("org:eu", nodes)
        labels = b.evaluate("document.querySelector('.paths svg').textContent")
        self.assertIn("partnership", labels)
        self.assertIn("2026-02-04", labels)
        # Clicking an edge shows its sources.
        b.evaluate("document.querySelector('.paths svg g.edge path')"
                   ".dispatchEvent(new MouseEvent('click', {bubbles: true}))")
        b.wait_for("document.querySelector('#edge-sources .relation') !== null")
        quote = b.evaluate("document.querySelector('#edge-sources blockquote').innerText")
        self.assertIn("Kazakhstan", quote)
        self.assertIn("Dawn", b.evaluate("document.getElementById('edge-sources').innerText"))
        b.screenshot("path-pakistan-eu.png")

    def test_live_feed_shows_imported_relations(self):
        b = self.browser
        b.navigate(self.base + "/")
        self.assertIn("Waiting for imports", b.evaluate("document.body.innerText"))
        # The page subscribes when it loads; import until the feed shows what came in
        # (importing the same digest again publishes its relations again).
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            subprocess.run([self.binary, "import", "--server", self.grpc, self.samples[0]],
                           check=True, stdout=subprocess.DEVNULL)
            if b.evaluate("document.querySelectorAll('#feed li').length > 0"):
                break
            time.sleep(0.5)
        feed = b.evaluate("document.getElementById('feed').innerText")
        self.assertIn("Kazakhstan", feed)
        self.assertEqual(b.evaluate("document.getElementById('feed-state').textContent"), "")

    def test_shared_urls_render_when_opened_directly(self):
        b = self.browser
        b.navigate(self.base + "/path/country:PAK/org:eu?k=3")
        self.assertIn("Pakistan", b.evaluate("document.querySelector('h1').innerText"))
        self.assertGreaterEqual(
            b.evaluate("document.querySelectorAll('.paths svg g.edge').length"), 2)
        b.navigate(self.base + "/pair/country:KAZ/country:PAK")
        heading = b.evaluate("document.querySelector('h1').innerText")
        self.assertEqual(heading, "Kazakhstan & Pakistan")
        self.assertGreater(b.evaluate("document.querySelectorAll('.relation').length"), 0)
        b.navigate(self.base + "/entity/Atlantis")
        self.assertIn("Atlantis", b.evaluate("document.querySelector('.error').innerText"))
        b.screenshot("pair-kazakhstan-pakistan.png")


if __name__ == "__main__":
    if CHROMIUM is None:
        print("SKIPPED: chromium is not installed (apt-get install chromium)")
        sys.exit(77)
    unittest.main()
