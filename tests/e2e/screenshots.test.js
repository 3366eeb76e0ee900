// screenshots.test.js — every page kind (kinds.js) at 375 and 1280 px width, full page,
// into artifacts/<kind>-375.png and <kind>-1280.png; at 375 px no page may be wider than
// the screen (it would scroll sideways). Also: kinds.js names every kind of src/plan/plan.c.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile, rm } from "node:fs/promises";
import { serve } from "./server.js";
import { launch } from "./browser.js";
import { pages } from "./pages.js";
import { kinds, onVariant, planKinds, sidorSite } from "./kinds.js";

const dir = new URL("./artifacts/", import.meta.url);
const widths = { 375: { width: 375, height: 812 }, 1280: { width: 1280, height: 900 } };
let server, variant, variantDir, browser;

before(async () => {
  assert.ok(process.env.SITE_DIR, "SITE_DIR must name the built site");
  server = await serve(process.env.SITE_DIR);
  variantDir = await sidorSite();
  variant = await serve(variantDir);
  browser = await launch();
  await mkdir(dir, { recursive: true });
});
after(async () => {
  await browser?.close(); server?.close(); variant?.close();
  if (variantDir) await rm(new URL("..", "file://" + variantDir + "/"), { recursive: true, force: true });
});

test("kinds.js has one page of every page kind of src/plan/plan.c, from pages.js", async () => {
  const names = await planKinds();
  assert.ok(names.length >= 20, "read the kinds of plan.c: " + names.join(", "));
  assert.deepEqual([...kinds.keys()].sort(), [...names].sort());
  for (const [kind, path] of kinds)
    if (!onVariant.has(kind)) assert.ok(pages.includes(path), `${kind}: ${path} is not in pages.js`);
});

for (const [kind, path] of kinds) {
  test(`screenshots of ${kind} (${path}) at 375 and 1280 px`, async () => {
    for (const [width, viewport] of Object.entries(widths)) {
      const page = await browser.newPage({ viewport });
      const response = await page.goto((onVariant.has(kind) ? variant : server).url + path);
      assert.equal(response.status(), 200, `${path} is served`);
      const wide = await page.evaluate(() => document.scrollingElement.scrollWidth);
      if (width === "375") assert.ok(wide <= 375, `${path} at 375 px is ${wide} px wide: it scrolls sideways`);
      const file = new URL(`${kind}-${width}.png`, dir);
      await rm(file, { force: true });
      await page.screenshot({ path: file.pathname, fullPage: true });
      const png = await readFile(file);
      assert.ok(png.length > 1000 && png.subarray(1, 4).toString() === "PNG", `${file.pathname} was written`);
      assert.equal(png.readUInt32BE(16), width === "375" ? 375 : 1280, "the picture is as wide as the screen");
      await page.close();
    }
  });
}
