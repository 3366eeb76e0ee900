#!/usr/bin/env python3
"""report.py RAW.tsv RESULTS.md RESULTS.svg — the benchmark table and plot (stdlib only)."""
import csv
import statistics
import sys
from collections import defaultdict

raw, md_path, svg_path = sys.argv[1:4]
rows = defaultdict(list)
files = {}
for r in csv.DictReader(open(raw), delimiter="\t"):
    key = (int(r["n"]), r["tool"])
    rows[key].append((float(r["seconds"]), int(r["peak_kib"])))
    if r["files"] != "0":
        files[key] = int(r["files"])

ns = sorted({n for n, _ in rows})


def stat(n, tool, i=0):
    v = [x[i] for x in rows.get((n, tool), [])]
    return (statistics.median(v), min(v), max(v)) if v else None


def fmt_s(s):
    return "–" if not s else f"{s[0]:.2f} s ({s[1]:.2f}–{s[2]:.2f})"


def fmt_mib(s):
    return "–" if not s else f"{s[0] / 1024:.0f} MiB"


out = ["| N insatser | sofgen build | Hugo build | Hugo / sofgen | cp -a of the output (I/O floor) | "
       "sofgen / floor | peak RSS sofgen | peak RSS Hugo | pages/s sofgen | pages/s Hugo | one-file rebuild in serve |",
       "|" + "---|" * 11]
for n in ns:
    s, h, c = stat(n, "sofgen"), stat(n, "hugo"), stat(n, "copy")
    srv = stat(n, "serve")
    ratio = f"{h[0] / s[0]:.1f}×" if s and h else "–"
    floor = f"{s[0] / c[0]:.2f}×" if s and c else "–"
    ps = f"{files.get((n, 'sofgen'), 0) / s[0]:,.0f}" if s else "–"
    ph = f"{files.get((n, 'hugo'), 0) / h[0]:,.0f}" if h else "–"
    rebuild = "–" if not srv else f"{srv[0] * 1000:.0f} ms ({srv[1] * 1000:.0f}–{srv[2] * 1000:.0f})"
    out.append(f"| {n:,} | {fmt_s(s)} | {fmt_s(h)} | {ratio} | {fmt_s(c)} | {floor} | "
               f"{fmt_mib(stat(n, 'sofgen', 1))} | {fmt_mib(stat(n, 'hugo', 1))} | {ps} | {ph} | {rebuild} |")
runs = max(len(v) for v in rows.values())
out.append("")
out.append(f"Median of {runs} runs (min–max in brackets); files written: " +
           ", ".join(f"N={n:,}: sofgen {files.get((n, 'sofgen'), 0):,}, Hugo {files.get((n, 'hugo'), 0):,}" for n in ns) + ".")
open(md_path, "w").write("\n".join(out) + "\n")

# the plot: build time against N for both tools (N evenly spaced, time linear)
W, H, L, B = 640, 400, 70, 50
tmax = max(stat(n, t)[0] for n in ns for t in ("sofgen", "hugo") if stat(n, t)) * 1.1
x = lambda i: L + (W - L - 20) * (i / max(1, len(ns) - 1))
y = lambda t: H - B - (H - B - 20) * (t / tmax)
svg = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" height="{H}" role="img" '
       f'aria-labelledby="t d"><title id="t">Build time against catalogue size</title>',
       '<desc id="d">' + "; ".join(f"N={n}: " + ", ".join(f"{t} {stat(n, t)[0]:.2f} s" for t in ("sofgen", "hugo") if stat(n, t))
                                  for n in ns) + "</desc>",
       f'<rect width="{W}" height="{H}" fill="#fff"/>',
       f'<line x1="{L}" y1="{H - B}" x2="{W - 10}" y2="{H - B}" stroke="#333"/><line x1="{L}" y1="20" x2="{L}" y2="{H - B}" stroke="#333"/>']
for k in range(5):
    t = tmax * k / 4
    svg.append(f'<text x="{L - 8}" y="{y(t) + 4:.0f}" text-anchor="end" font-size="12">{t:.1f} s</text>')
for i, n in enumerate(ns):
    svg.append(f'<text x="{x(i):.0f}" y="{H - B + 18}" text-anchor="middle" font-size="12">{n:,}</text>')
svg.append(f'<text x="{(W + L) / 2:.0f}" y="{H - 10}" text-anchor="middle" font-size="12">insatser</text>')
for tool, colour in (("sofgen", "#0b3d62"), ("hugo", "#b10e1e")):
    pts = [(x(i), y(stat(n, tool)[0])) for i, n in enumerate(ns) if stat(n, tool)]
    svg.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="' +
               " ".join(f"{a:.1f},{b:.1f}" for a, b in pts) + '"/>')
    for a, b in pts:
        svg.append(f'<circle cx="{a:.1f}" cy="{b:.1f}" r="3" fill="{colour}"/>')
    svg.append(f'<text x="{pts[-1][0] - 5:.0f}" y="{pts[-1][1] - 8:.0f}" text-anchor="end" font-size="13" fill="{colour}">{tool}</text>')
svg.append("</svg>")
open(svg_path, "w").write("\n".join(svg) + "\n")
