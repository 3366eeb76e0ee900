// verksamhetsplan.test.js — the plan document (issue 18) in chromium's print layout: a
// screenshot of its first page as printed (artifacts/verksamhetsplan-forsta-sidan.png), and
// the PDF chromium prints from it (its first two pages as verksamhetsplan-sida-1.png, -2.png), read back with pdftotext (poppler-utils): every table row
// must start and end on one line of one page. A row split across pages would leave its first
// cell on one page and its last cell on the next, so fewer lines would hold both.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "./server.js";
import { launch } from "./browser.js";

const plan = "/forbund/sjuharad/verksamhetsplan/2015/";
const artifacts = new URL("./artifacts/", import.meta.url);
let server, browser;

before(async () => {
  assert.ok(process.env.SITE_DIR, "SITE_DIR must name the built example site");
  server = await serve(process.env.SITE_DIR);
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); });

function havePdftotext() {
  try { execFileSync("pdftotext", ["-v"], { stdio: "ignore" }); return true; } catch { return false; }
}

test("the plan's first printed page, and no table row split across pages", async (t) => {
  // A4 at 96 dpi
  const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
  await page.goto(server.url + plan);
  await page.emulateMedia({ media: "print" });
  await mkdir(artifacts, { recursive: true });
  await page.screenshot({ path: fileURLToPath(new URL("verksamhetsplan-forsta-sidan.png", artifacts)) });
  assert.equal(await page.locator(".site-header").isVisible(), false, "no site header on paper");
  assert.match(await page.locator("h1").textContent(), /Verksamhetsplan med budget 2015/);

  // each row: the first word of its first cell and the first word of its last cell
  const rows = await page.$$eval(".vplan table tbody tr, .vplan table tfoot tr", (trs) => trs.map((tr) => {
    const cells = Array.from(tr.cells).map((c) => c.innerText.trim()).filter((s) => s !== "");
    const first = (s) => s.split(/\s+/)[0];
    return [first(cells[0]), first(cells[cells.length - 1])];
  }));
  assert.ok(rows.length > 40, `the plan has its tables (${rows.length} rows)`);
  if (!havePdftotext()) {
    t.skip("poppler-utils is not installed (apt-get install poppler-utils): cannot read the printed PDF");
    await page.close();
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), "sofgen-vplan-"));
  try {
    const pdf = join(dir, "plan.pdf");
    await writeFile(pdf, await page.pdf({ preferCSSPageSize: true, tagged: true, outline: true }));
    // the first two pages as printed (title page, contents), for a reader of the artifacts
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "2", pdf,
      fileURLToPath(new URL("verksamhetsplan-sida", artifacts))]);
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).replace(/\u00a0/g, " ");
    const pages = text.split("\f");
    assert.ok(pages.length >= 5, `title page, contents, sections, tables: ${pages.length} pages`);
    const lines = pages.flatMap((p) => p.split("\n"));
    const want = new Map();
    for (const [a, b] of rows) want.set(a + "\u0000" + b, (want.get(a + "\u0000" + b) || 0) + 1);
    for (const [key, n] of want) {
      const [a, b] = key.split("\u0000");
      const found = lines.filter((l) => {
        const at = l.search(new RegExp("(^|\\s)" + a.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "(\\s|$)"));
        return at >= 0 && (a === b ? true : l.indexOf(b, at + a.length) > 0);
      }).length;
      assert.ok(found >= n, `${n} row(s) from '${a}' to '${b}', but only ${found} line(s) hold both: a row is split`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
    await page.close();
  }
});
