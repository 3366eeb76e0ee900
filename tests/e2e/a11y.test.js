// a11y.test.js — WCAG 2.1 A and AA in a real browser: axe-core on one page of every
// page type, keyboard use (skip link, visible focus, the kommun picker), and
// screenshots of the front, a kommun and an insats page at phone and desktop width.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { mkdir } from "node:fs/promises";
import { serve } from "./server.js";
import { launch } from "./browser.js";
import { pages } from "./pages.js";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
let server, browser;

before(async () => {
  assert.ok(process.env.SITE_DIR, "SITE_DIR must name the built site");
  server = await serve(process.env.SITE_DIR);
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); });

for (const path of pages) {
  test(`axe: no WCAG 2.1 A/AA violations on ${path}`, async () => {
    const page = await browser.newPage();
    await page.goto(server.url + path);
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(() =>
      // eslint-disable-next-line no-undef
      axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
    const found = result.violations.map((v) =>
      `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.slice(0, 3).map((n) => "    " + n.target.join(" ")).join("\n"));
    assert.deepEqual(found, [], found.join("\n"));
    assert.ok(result.passes.length > 10, "axe really ran");
    await page.close();
  });
}

test("keyboard: the skip link comes first, is visible when focused and moves to the content", async () => {
  const page = await browser.newPage();
  await page.goto(server.url + "/insats/sjuharad/aktiv-halsa/");
  await page.keyboard.press("Tab");
  const skip = await page.evaluate(() => {
    const el = document.activeElement, r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return { cls: el.className, text: el.textContent, x: r.left, w: r.width, outline: s.outlineStyle, ow: parseFloat(s.outlineWidth) };
  });
  assert.equal(skip.cls, "skip");
  assert.ok(skip.x >= 0 && skip.w > 0, "on screen when focused");
  assert.ok(skip.outline !== "none" && skip.ow >= 2, "focus is visible: " + JSON.stringify(skip));
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "main");
  await page.close();
});

test("keyboard: every link and control shows a visible focus", async () => {
  const page = await browser.newPage();
  await page.goto(server.url + "/insats/sjuharad/aktiv-halsa/remiss/");
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const f = await page.evaluate(() => {
      const el = document.activeElement, s = getComputedStyle(el);
      return { tag: el.tagName, id: el.id, outline: s.outlineStyle, ow: parseFloat(s.outlineWidth), shadow: s.boxShadow };
    });
    if (f.tag === "BODY") break;
    assert.ok((f.outline !== "none" && f.ow >= 2) || f.shadow !== "none", "no visible focus on " + JSON.stringify(f));
  }
  await page.close();
});

test("keyboard: the kommun picker works without a mouse", async () => {
  const page = await browser.newPage();
  await page.goto(server.url + "/");
  let found = false;
  for (let i = 0; i < 200 && !found; i++) {
    await page.keyboard.press("Tab");
    found = await page.evaluate(() => document.activeElement.closest(".picker") !== null &&
      document.activeElement.textContent.trim() === "Borås");
  }
  assert.ok(found, "Borås can be reached with Tab");
  await Promise.all([page.waitForURL("**/kommun/boras/"), page.keyboard.press("Enter")]);
  assert.match(await page.textContent("h1"), /Borås/);
  await page.close();
});

test("screenshots at phone and desktop width", async () => {
  const dir = new URL("./artifacts/", import.meta.url);
  await mkdir(dir, { recursive: true });
  const shots = { front: "/", kommun: "/kommun/boras/", insats: "/insats/sjuharad/aktiv-halsa/" };
  for (const [name, path] of Object.entries(shots)) {
    for (const [size, viewport] of Object.entries({ phone: { width: 375, height: 812 }, desktop: { width: 1280, height: 900 } })) {
      const page = await browser.newPage({ viewport });
      await page.goto(server.url + path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path} at ${size} width scrolls sideways by ${overflow}px`);
      await page.screenshot({ path: new URL(`${name}-${size}.png`, dir).pathname, fullPage: true });
      await page.close();
    }
  }
});
