#!/usr/bin/env python3
"""serve_rebuild.py SOFGEN DIR ROOT RUNS — one changed insats in `sofgen serve`: the time
from writing the file to the rebuilt page being served, RUNS times. Prints raw.tsv lines
(n, "serve", run, seconds, peak KiB of the server, 0). Stdlib only."""
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request

sofgen, d, root, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
n = re.sub(r"\D", "", os.path.basename(d.rstrip("/")))
content = os.path.join(d, "sofgen", "content")
s = socket.socket()
s.bind(("127.0.0.1", 0))
port = s.getsockname()[1]
s.close()
server = subprocess.Popen([sofgen, "serve", "--content", content, "--templates", os.path.join(root, "templates"),
                           "--assets", os.path.join(root, "assets"), "--port", str(port)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
folder = os.path.join(content, "insatser", "f01")
name = sorted(os.listdir(folder))[0]
path = os.path.join(folder, name)
url = f"http://127.0.0.1:{port}/insats/f01/{name[:-3]}/"
original = open(path, encoding="utf-8").read()


def page():
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8")
    except Exception:
        return ""


try:
    deadline = time.time() + 600
    while "<h1>" not in page():
        if time.time() > deadline or server.poll() is not None:
            sys.exit(1)
        time.sleep(0.1)
    for run in range(1, runs + 1):
        marker = f"Bänkmärke {run}"
        text = re.sub(r"^title: (.*)$", lambda m: f"title: {m.group(1)} {marker}", original, count=1, flags=re.M)
        time.sleep(0.5)
        t0 = time.perf_counter()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        while marker not in page():
            if time.perf_counter() - t0 > 600:
                sys.exit(1)
            time.sleep(0.002)
        secs = time.perf_counter() - t0
        rss = 0
        for line in open(f"/proc/{server.pid}/status"):
            if line.startswith("VmHWM:"):
                rss = int(line.split()[1])
        print(f"{n}\tserve\t{run}\t{secs:.3f}\t{rss}\t0")
        print(f"  serve one-file rebuild run {run}: {secs * 1000:.0f} ms", file=sys.stderr)
finally:
    with open(path, "w", encoding="utf-8") as f:
        f.write(original)
    server.terminate()
    server.wait(timeout=30)
