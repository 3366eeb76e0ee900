// budget.test.js — the pages' own performance budget: no third-party requests, CSS
// under 20 KB, JavaScript under 10 KB and optional (every page works without it).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { serve } from "./server.js";
import { launch } from "./browser.js";
import { pages } from "./pages.js";

const site = process.env.SITE_DIR;
let server, browser;
before(async () => { server = await serve(site); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function files(dir, ext) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...await files(p, ext));
    else if (p.endsWith(ext)) out.push(p);
  }
  return out;
}

// What a visitor downloads: all the CSS (one file on every page) and the scripts
// of the page that loads the most.
test("CSS under 20 KB and no page loads more than 10 KB of JavaScript", async () => {
  let css = 0, worst = 0, worstPage = "";
  for (const f of await files(site, ".css")) css += (await stat(f)).size;
  for (const f of await files(site, ".html")) {
    const html = await readFile(f, "utf8");
    let js = 0;
    for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) {
      const rel = m[1].replace(/^\//, "").replace(/[?#].*$/, "");
      js += (await stat(join(site, rel))).size;
    }
    if (js > worst) [worst, worstPage] = [js, f];
  }
  assert.ok(css > 0 && css < 20 * 1024, `CSS is ${css} bytes`);
  assert.ok(worst > 0 && worst < 10 * 1024, `${worstPage} loads ${worst} bytes of JavaScript`);
});

test("no page loads anything from another site", async () => {
  for (const f of await files(site, ".html")) {
    const html = await readFile(f, "utf8");
    const loads = [...html.matchAll(/<(?:script|img|iframe|source)\b[^>]*\bsrc="([^"]+)"|<link\b[^>]*\bhref="([^"]+)"/g)]
      .map((m) => m[1] || m[2]).filter((u) => /^(https?:)?\/\//.test(u) && !/rel="canonical"|rel="alternate"/.test(u));
    const canonical = [...html.matchAll(/<link rel="(?:canonical|alternate)"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
    const foreign = loads.filter((u) => !canonical.includes(u));
    assert.deepEqual(foreign, [], f);
  }
  for (const path of pages) {
    const page = await browser.newPage();
    const requests = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(server.url + path);
    await page.waitForLoadState("networkidle");
    assert.deepEqual(requests.filter((u) => !u.startsWith(server.url)), [], path);
    await page.close();
  }
});

test("every page type works without JavaScript", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  for (const path of pages) {
    const page = await context.newPage();
    const res = await page.goto(server.url + path);
    assert.ok(res.status() === 200 || path === "/404.html", path);
    assert.ok((await page.locator("h1").count()) >= 1, path + " has its heading");
    await page.close();
  }
  const page = await context.newPage();
  await page.goto(server.url + "/insats/sjuharad/aktiv-halsa/remiss/");
  assert.ok(await page.locator(".blankett[data-print] input").count() > 5, "the form is there to fill in and print");
  assert.equal(await page.locator(".no-script").isVisible(), true, "and says how to print it");
  await page.goto(server.url + "/");
  assert.ok(await page.locator(".picker a").count() >= 13, "the kommun picker is plain links");
  await context.close();
});
