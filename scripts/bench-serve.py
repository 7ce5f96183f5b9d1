#!/usr/bin/env python3
"""Measure `portal serve` rebuild latency on the shared benchmark corpus.

Times, on a generated bilingual site, from saving a file to the live-reload
event that open pages receive:
  * one post edited   -> `event: reload`, and -> the edited page fetched again
  * one template edited -> `event: reload`

Usage:
    scripts/bench-serve.py [--posts 10000] [--runs 5] [--portal PATH] [--corpus-script PATH]

Stdlib only. Generates the corpus into a temporary folder (removed at the end
unless --keep), copies the repository's Templates/ into it so there is a theme
file to edit, starts `portal serve --port 0`, listens to /__portal/events and
prints min / median / max per kind of edit.
"""

import argparse
import os
import queue
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def find_portal(explicit):
    if explicit:
        return explicit
    for flavour in ("release", "debug"):
        path = os.path.join(ROOT, ".build", flavour, "portal")
        if os.path.exists(path):
            return path
    sys.exit("no portal binary: run `swift build -c release` first or pass --portal")


def read_lines(stream, sink):
    for line in iter(stream.readline, ""):
        sink.put(line.rstrip("\n"))


class EventListener:
    """Reads /__portal/events on a thread; events land in a queue with their arrival time."""

    def __init__(self, port):
        self.events = queue.Queue()
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        self.sock.sendall(b"GET /__portal/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        self.sock.settimeout(None)
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self):
        buffer = b""
        while True:
            try:
                chunk = self.sock.recv(65536)
            except OSError:
                return
            if not chunk:
                return
            now = time.monotonic()
            buffer += chunk
            for name in re.findall(rb"event: (\w+)\n", buffer):
                self.events.put((name.decode(), now))
            buffer = buffer[buffer.rfind(b"\n") + 1:]

    def drain(self):
        while not self.events.empty():
            self.events.get_nowait()

    def wait(self, name, timeout):
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            try:
                got, at = self.events.get(timeout=left)
            except queue.Empty:
                return None
            if got == name:
                return at
            if got == "error":
                return None

    def close(self):
        self.sock.close()


def edit(path, marker):
    """Appends a line and closes the file, as an editor's save does."""
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(marker)


def fetch(port, url_path):
    """GET url_path from the preview; returns the body."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(f"GET {url_path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                return data
            data += chunk


def measure(listener, path, marker_for, runs, timeout, port=None, page=None):
    """Save -> reload event times, and (with page) save -> page fetched with the new text."""
    times, fetched = [], []
    for i in range(runs):
        listener.drain()
        marker = marker_for(i)
        started = time.monotonic()
        edit(path, marker)
        at = listener.wait("reload", timeout)
        if at is None:
            print(f"  run {i + 1}: no reload event within {timeout} s", file=sys.stderr)
            continue
        times.append(at - started)
        if page:
            body = fetch(port, page)
            if marker.strip().encode() in body:
                fetched.append(time.monotonic() - started)
            else:
                print(f"  run {i + 1}: {page} did not show the edit", file=sys.stderr)
        time.sleep(0.3)
    return times, fetched


def report(label, times):
    if not times:
        print(f"{label:<28} no measurement")
        return
    print(f"{label:<28} min {min(times):7.3f} s   median {statistics.median(times):7.3f} s   max {max(times):7.3f} s   ({len(times)} runs)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--portal")
    parser.add_argument("--corpus-script", default=os.path.join(os.path.dirname(ROOT), "shared", "bench", "gen_corpus.py"))
    parser.add_argument("--timeout", type=float, default=600, help="seconds to wait for a build")
    parser.add_argument("--keep", action="store_true", help="keep the generated site")
    args = parser.parse_args()

    portal = find_portal(args.portal)
    work = tempfile.mkdtemp(prefix="portal-bench-serve-")
    site = os.path.join(work, "site")
    server = None
    listener = None
    try:
        subprocess.run([sys.executable, args.corpus_script, "--posts", str(args.posts), "--out", site],
                       check=True, stdout=subprocess.DEVNULL)
        shutil.copytree(os.path.join(ROOT, "Templates"), os.path.join(site, "Templates"))
        posts = sorted(f for f in os.listdir(os.path.join(site, "content", "posts")) if f.endswith(".en.md"))
        post_name = posts[len(posts) // 2]
        post = os.path.join(site, "content", "posts", post_name)
        # The corpus's URL: the file name without a date prefix and language (no slug in front matter).
        slug = re.sub(r"^\d{4}-\d{2}-\d{2}-", "", post_name[: -len(".en.md")])
        with open(post, encoding="utf-8") as handle:
            found_slug = re.search(r'^slug\s*[:=]\s*"?([^"\n]+)"?', handle.read(), re.M)
        page = f"/en/posts/{found_slug.group(1) if found_slug else slug}/"
        template = os.path.join(site, "Templates", "page.mustache")

        print(f"portal: {portal}")
        print(f"corpus: {args.posts} posts in {site}")
        started = time.monotonic()
        server = subprocess.Popen([portal, "serve", "--source", site, "--port", "0"],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        lines = queue.Queue()
        threading.Thread(target=read_lines, args=(server.stdout, lines), daemon=True).start()
        port = None
        deadline = time.monotonic() + args.timeout
        while port is None and time.monotonic() < deadline:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                if server.poll() is not None:
                    sys.exit("portal serve exited early")
                continue
            found = re.search(r"serving http://127\.0\.0\.1:(\d+)/", line)
            if found:
                port = int(found.group(1))
        if port is None:
            sys.exit("portal serve did not come up")
        print(f"first build and serve:       {time.monotonic() - started:7.3f} s")

        listener = EventListener(port)
        time.sleep(0.3)
        post_times, page_times = measure(listener, post, lambda i: f"\nEdited by bench-serve, run {i}.\n", args.runs, args.timeout,
                                         port=port, page=page)
        template_times, _ = measure(listener, template, lambda i: f"\n{{{{! bench-serve run {i} }}}}\n", args.runs, args.timeout)
        report("save post -> reload", post_times)
        report("save post -> page fetched", page_times)
        report("save template -> reload", template_times)
        return 0 if post_times and template_times else 1
    finally:
        if listener:
            listener.close()
        if server and server.poll() is None:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
        if args.keep:
            print(f"kept {site}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
