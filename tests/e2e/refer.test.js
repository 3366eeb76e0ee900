// refer.test.js — the referrer's route (issue 13 §3): on an insats that takes referrals,
// the box "Remittera hit" with a tel:/mailto: contact and the referral steps is within
// the FIRST screen at phone and desktop size (what is visible, not only in the HTML);
// reached from a kommun page (?kommun=<slug>) that kommun's contact is shown first;
// axe finds nothing on the new states; screenshots in artifacts/.
// SITE_DIR: the example built with --now 2015-06-01, when Sjuhärad's insatser are
// open (at SITE_DIR's 2020-06-01 no example insats takes referrals).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { mkdir } from "node:fs/promises";
import { serve } from "./server.js";
import { launch } from "./browser.js";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const INSATS = "/insats/sjuharad/aktiv-halsa/"; // open in 2015, places in all eight kommuner
const ONE = "/insats/sjuharad/unga-vagval/"; // open in 2015, a place in Borås only
const sizes = { 375: { width: 375, height: 667 }, 1280: { width: 1280, height: 800 } };
let server, browser;

before(async () => {
  assert.ok(process.env.SITE_DIR, "SITE_DIR must name the example built with --now 2015-06-01");
  server = await serve(process.env.SITE_DIR);
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); });

/* The top of el in the viewport, or Infinity when it is not shown. */
async function top(loc) {
  if (!(await loc.isVisible())) return Infinity;
  const box = await loc.boundingBox();
  return box ? box.y : Infinity;
}

async function axe(page) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  const found = result.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.slice(0, 3).map((n) => "    " + n.target.join(" ")).join("\n"));
  assert.deepEqual(found, [], found.join("\n"));
  assert.ok(result.passes.length > 10, "axe really ran");
}

for (const [size, viewport] of Object.entries(sizes)) {
  test(`referrer at ${size} px: from Borås to an open insats, contact and steps on the first screen`, async () => {
    const page = await browser.newPage({ viewport });
    await page.goto(server.url + "/kommun/boras/");
    // the kommun's own contact is at the top of the kommun page, as links
    const kc = page.locator(".kommun-contact").first();
    assert.ok((await top(kc)) < viewport.height, "the kommun contact is on the kommun page's first screen");
    assert.equal(await kc.locator('a[href^="tel:"]').first().getAttribute("href"), "tel:+46701740606");
    // the insats is linked with ?kommun=boras and opens with the box under the lead
    const link = page.locator(`a[href="${INSATS}?kommun=boras"]`).first();
    await link.click();
    await page.waitForURL("**" + INSATS + "?kommun=boras");
    // screenshots first, so that a failure below still leaves what the screen showed
    const art = new URL("./artifacts/", import.meta.url);
    await mkdir(art, { recursive: true });
    await page.screenshot({ path: new URL(`insats-remiss-${size}.png`, art).pathname });
    await page.screenshot({ path: new URL(`insats-remiss-${size}-full.png`, art).pathname, fullPage: true });
    const box = page.locator("section.refer");
    assert.equal(await box.locator("h2").textContent(), "Remittera hit");
    assert.match(await box.locator(".status").textContent(), /^Tar emot remisser/);
    const contact = box.locator('a[href^="tel:"], a[href^="mailto:"]').first();
    const steps = box.locator(".refer-how");
    const tc = await top(contact), ts = await top(steps);
    assert.ok(tc < viewport.height, `a tel:/mailto: link is visible on the first screen (top ${tc}, height ${viewport.height})`);
    assert.ok(ts < viewport.height, `the referral steps start on the first screen (top ${ts}, height ${viewport.height})`);
    // the script put Borås's contact first, visibly
    const chosen = box.locator(".refer-chosen");
    assert.ok(await chosen.isVisible(), "the chosen kommun's contact is shown");
    assert.match(await chosen.textContent(), /^Din kontakt i Borås: Lokalt uppdragsteam Borås, tel 070-174 06 06, team\.boras@example\.se$/);
    assert.equal(await chosen.locator('a[href^="tel:"]').getAttribute("href"), "tel:+46701740606");
    assert.ok((await top(chosen.locator('a[href^="tel:"]'))) < viewport.height, "its phone is on the first screen");
    // funding comes after the box, at the end
    const order = await page.evaluate(() => {
      const b = document.querySelector("section.refer"), t = document.getElementById("platser");
      return b && t ? !!(b.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING) : null;
    });
    assert.equal(order, true, "the funding table follows the box");
    await axe(page);
    await page.close();
  });
}

test("without JavaScript every kommun's contact is in the box and nothing is hidden that matters", async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: sizes[375] });
  const page = await ctx.newPage();
  await page.goto(server.url + INSATS + "?kommun=boras");
  const items = page.locator(".kommun-contacts li");
  assert.equal(await items.count(), 8, "all eight Sjuhärad kommuner");
  assert.equal(await page.locator(".refer-chosen").isVisible(), false);
  await page.locator(".kommun-contacts summary").click();
  assert.ok(await items.filter({ hasText: "Borås" }).locator('a[href="tel:+46701740606"]').isVisible());
  assert.ok(await items.filter({ hasText: "Borås" }).locator('a[href="mailto:team.boras@example.se"]').isVisible());
  await ctx.close();
  // the same state (no kommun chosen, the list closed) with axe, which needs scripts
  const page2 = await browser.newPage({ viewport: sizes[375] });
  await page2.goto(server.url + INSATS);
  assert.equal(await page2.locator(".refer-chosen").isVisible(), false);
  await axe(page2);
  await page2.close();
});

test("an insats without a referral block says that nothing is known, and axe is quiet", async () => {
  const page = await browser.newPage({ viewport: sizes[1280] });
  await page.goto(server.url + "/insats/alv-och-kust/vaxtverkstan-pa-tjorn/");
  assert.match(await page.locator("section.refer .status").textContent(), /^Uppgift saknas om remisser/);
  await axe(page);
  await page.close();
});

test("the place's address links to OpenStreetMap, and the page requests nothing from elsewhere", async () => {
  const page = await browser.newPage({ viewport: sizes[1280] });
  const foreign = [];
  page.on("request", (r) => { if (!r.url().startsWith(server.url)) foreign.push(r.url()); });
  await page.goto(server.url + ONE);
  const osm = page.locator('a[href^="https://www.openstreetmap.org/"]');
  assert.equal(await osm.getAttribute("href"),
    "https://www.openstreetmap.org/?mlat=57.72101&mlon=12.94012#map=17/57.72101/12.94012");
  assert.deepEqual(foreign, []);
  await page.close();
});

for (const [size, viewport] of Object.entries(sizes)) {
  test(`an insats in one kommun shows that kommun's contact on the first screen at ${size} px, without a script`, async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false, viewport });
    const page = await ctx.newPage();
    await page.goto(server.url + ONE);
    await mkdir(new URL("./artifacts/", import.meta.url), { recursive: true });
    await page.screenshot({ path: new URL(`insats-en-kommun-${size}.png`, new URL("./artifacts/", import.meta.url)).pathname });
    const line = page.locator("section.refer .refer-contact").first();
    assert.match(await line.textContent(), /^Kontakt i Borås: Lokalt uppdragsteam Borås · Tel 070-174 06 06 · team\.boras@example\.se$/);
    const tel = line.locator('a[href="tel:+46701740606"]');
    assert.ok((await top(tel)) < viewport.height, "the phone is on the first screen");
    assert.ok((await top(page.locator("section.refer .refer-how"))) < viewport.height, "the steps start on the first screen");
    await ctx.close();
  });
}
