// referrer.test.js — a handläggare in Borås looking for something for a 22-year-old
// on försörjningsstöd (issue 13 §4), on the example built at 2015-06-01 (SITE_DIR:
// Sjuhärad's insatser are open then): from the front page choose Borås, filter by age
// and target group, see the results, open one that takes referrals. Asserts on what is
// visible at 1280 and 375 px, the filters kept in the address, word-start matching,
// the phone menu without script, the print list, axe on each new state, and
// screenshots into artifacts/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { mkdir } from "node:fs/promises";
import { serve } from "./server.js";
import { launch } from "./browser.js";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const site = process.env.SITE_DIR;
const artifacts = new URL("./artifacts/", import.meta.url);
const sizes = { desktop: { width: 1280, height: 800 }, phone: { width: 375, height: 667 } };
let server, browser;

before(async () => {
  assert.ok(site, "SITE_DIR must name the example built with --now 2015-06-01T12:00");
  server = await serve(site);
  browser = await launch();
  await mkdir(artifacts, { recursive: true });
});
after(async () => { await browser?.close(); server?.close(); });

async function axe(page, what) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  const found = result.violations.map((v) => `${v.id}: ${v.help} ` + v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", "));
  assert.deepEqual(found, [], `${what}: ${found.join("\n")}`);
}

/* true when the element's box is inside the first screen (no scrolling) */
async function inFirstScreen(locator) {
  const box = await locator.boundingBox();
  const vp = locator.page().viewportSize();
  return box !== null && box.y >= 0 && box.y + Math.min(box.height, 40) <= vp.height && box.x >= 0 && box.x < vp.width;
}

for (const [size, viewport] of Object.entries(sizes)) {
  test(`the referrer's way at ${size} width: Borås, age 22, försörjningsstöd, an open insats`, async () => {
    const page = await browser.newPage({ viewport });
    await page.goto(server.url + "/");
    // the kommun picker comes before the search form, and is on the first screen
    const boras = page.locator(".picker a", { hasText: "Borås" }).first();
    const pickerY = (await page.locator("#kommuner").boundingBox()).y;
    const formY = (await page.locator("#sok-rubrik").boundingBox()).y;
    assert.ok(pickerY < formY, "the kommun picker comes first");
    assert.ok(await page.locator("#kommuner").isVisible());
    await page.screenshot({ path: new URL(`referrer-front-${size}.png`, artifacts).pathname, fullPage: false });
    await axe(page, `front at ${size}`);
    await boras.scrollIntoViewIfNeeded();
    await Promise.all([page.waitForURL("**/kommun/boras/"), boras.click()]);

    // the kommun page: the first insats is visible without scrolling past a form
    const firstCard = page.locator("main .card").first();
    assert.ok(await inFirstScreen(firstCard.locator("h3")), "the first insats' title is on the first screen");
    assert.equal(await page.locator("main form").count(), 0, "no form on the kommun page");
    await page.screenshot({ path: new URL(`referrer-kommun-${size}.png`, artifacts).pathname, fullPage: false });
    await axe(page, `kommun at ${size}`);
    // a card's facts at a glance
    const card = page.locator(".card", { has: page.locator("h3 a", { hasText: "Första steget" }) });
    const facts = await card.locator(".card-facts").innerText();
    for (const fact of ["Status", "Pågående", "Tar emot remisser", "Ålder", "16–64 år", "Målgrupp", "försörjningsstöd", "Längd", "Var", "Borås"])
      assert.ok(facts.includes(fact), `'${fact}' on the card: ${facts}`);
    assert.ok(!(await card.innerText()).includes("Planerade deltagare"), "no planned participants on a card");

    // to the search, with the kommun already chosen
    await Promise.all([page.waitForURL("**/sok/?kommun=boras"), page.click("text=Sök och filtrera bland insatserna i Borås")]);
    assert.equal(await page.inputValue("#sok-kommun"), "boras");
    await page.fill("#sok-alder", "22");
    await page.check("#sok-malgrupp-forsorjningsstod");
    await page.check("#sok-oppen");
    await page.waitForFunction(() => location.search.includes("malgrupp=forsorjningsstod"));
    const params = new URL(page.url()).searchParams;
    assert.equal(params.get("kommun"), "boras");
    assert.equal(params.get("alder"), "22");
    assert.equal(params.get("oppen"), "1");
    const results = page.locator(".sok-resultat li");
    await page.waitForFunction(() => document.querySelectorAll(".sok-resultat li").length > 0);
    const titles = await results.locator("h3 a").allInnerTexts();
    assert.ok(titles.includes("Första steget"), titles.join(", "));
    assert.match(await page.locator(".sok-antal").innerText(), /^\d+ insats(er)?$/);
    assert.ok(await results.first().isVisible());
    await page.screenshot({ path: new URL(`referrer-sok-${size}.png`, artifacts).pathname, fullPage: true });
    await axe(page, `search results at ${size}`);

    // the address restores the search (shared, bookmarked)
    const shared = page.url();
    const again = await browser.newPage({ viewport });
    await again.goto(shared);
    await again.waitForFunction(() => document.querySelectorAll(".sok-resultat li").length > 0);
    assert.equal(await again.inputValue("#sok-alder"), "22");
    assert.ok(await again.isChecked("#sok-malgrupp-forsorjningsstod"));
    assert.ok(await again.isChecked("#sok-oppen"));
    assert.deepEqual(await again.locator(".sok-resultat h3 a").allInnerTexts(), titles);
    await again.close();

    // open a result that takes referrals
    const open = page.locator(".sok-resultat li", { hasText: "Tar emot remisser" }).locator("h3 a", { hasText: "Första steget" });
    await Promise.all([page.waitForURL("**/insats/sjuharad/forsta-steget/"), open.click()]);
    assert.equal(await page.locator("h1").innerText(), "Första steget");
    assert.ok(await page.getByText("Tar emot remisser").first().isVisible());
    // who to call and how to refer, on the first screen of the insats page
    const call = page.locator('.refer a[href^="tel:"], .refer a[href^="mailto:"]').first();
    assert.ok(await inFirstScreen(call), "a tel: or mailto: contact on the first screen");
    assert.ok(await inFirstScreen(page.locator(".refer-how h3").first()), "the referral steps on the first screen");
    await page.screenshot({ path: new URL(`referrer-insats-${size}.png`, artifacts).pathname, fullPage: false });
    await axe(page, `insats at ${size}`);
    await page.close();
  });
}

test("a synonym in the address finds its target group; words match from their start", async () => {
  const page = await browser.newPage({ viewport: sizes.desktop });
  await page.goto(server.url + "/sok/?malgrupp=ekonomiskt-bistand");
  assert.ok(await page.isChecked("#sok-malgrupp-forsorjningsstod"), "ekonomiskt bistånd is a word for försörjningsstöd");
  await page.waitForFunction(() => document.querySelectorAll(".sok-resultat li").length > 0);
  assert.ok((await page.locator(".sok-resultat h3 a").allInnerTexts()).includes("Första steget"));
  // free text: a synonym finds the insatser of its term
  await page.goto(server.url + "/sok/?q=ekonomiskt+bist%C3%A5nd");
  assert.equal(await page.inputValue("#sok-text"), "ekonomiskt bistånd");
  await page.waitForFunction(() => document.querySelectorAll(".sok-resultat li").length > 0);
  assert.ok((await page.locator(".sok-resultat h3 a").allInnerTexts()).includes("Första steget"));
  // "unga" finds unga vuxna, never Svenljunga
  await page.goto(server.url + "/sok/?q=unga&struktur=1");
  await page.waitForFunction(() => document.querySelector(".sok-antal").textContent !== "");
  const texts = await page.locator(".sok-resultat li").allInnerTexts();
  assert.ok(texts.length > 0);
  for (const t of texts) assert.match(t, /(^|[^a-zåäö])unga/i, "a match on a word's start: " + t);
  await page.goto(server.url + "/sok/?q=svenljunga");
  await page.waitForFunction(() => document.querySelector(".sok-antal").textContent !== "");
  const svenljunga = await page.locator(".sok-resultat h3 a").allInnerTexts();
  await page.goto(server.url + "/sok/?q=unga");
  await page.waitForFunction(() => document.querySelector(".sok-antal").textContent !== "");
  const unga = await page.locator(".sok-resultat h3 a").allInnerTexts();
  const onlySvenljunga = svenljunga.filter((t) => !unga.includes(t));
  assert.ok(onlySvenljunga.length > 0, `what is found by 'svenljunga' is not found by 'unga': ${onlySvenljunga.join(", ")}`);
  await page.close();
});

test("strukturövergripande work is left out of results unless asked for", async () => {
  const page = await browser.newPage({ viewport: sizes.desktop });
  await page.goto(server.url + "/sok/?q=dialog");
  await page.waitForFunction(() => document.querySelector(".sok-antal").textContent !== "");
  const without = await page.locator(".sok-resultat h3 a").allInnerTexts();
  assert.ok(!without.includes("Ökad dialog med närvårdssamverkan"), without.join(", "));
  await page.check("#sok-struktur");
  await page.waitForFunction(() => location.search.includes("struktur=1"));
  await page.waitForFunction(() => [...document.querySelectorAll(".sok-resultat h3 a")].some((a) => a.textContent === "Ökad dialog med närvårdssamverkan"));
  await axe(page, "search with strukturövergripande");
  await page.close();
});

test("on a phone the menu is one button that opens without script", async () => {
  const context = await browser.newContext({ viewport: sizes.phone, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.url + "/kommun/boras/");
  const button = page.locator("nav summary", { hasText: "Meny" });
  assert.ok(await button.isVisible());
  assert.ok(!(await page.locator(".nav-wide").isVisible()), "the wide menu is hidden on a phone");
  const sok = page.locator(".nav-narrow a", { hasText: "Sök" });
  assert.ok(!(await sok.isVisible()), "closed at first");
  assert.ok(await inFirstScreen(page.locator("main .card h3").first()), "the first insats on the first screen");
  await button.click();
  assert.ok(await sok.isVisible(), "the menu opens without JavaScript");
  await page.screenshot({ path: new URL("referrer-menu-phone.png", artifacts).pathname });
  await context.close();
  const withScript = await browser.newPage({ viewport: sizes.phone });
  await withScript.goto(server.url + "/kommun/boras/");
  await withScript.locator("nav summary").click();
  assert.ok(await withScript.locator(".nav-narrow a", { hasText: "Sök" }).isVisible());
  await axe(withScript, "the open phone menu");
  await withScript.close();
  const wide = await browser.newPage({ viewport: sizes.desktop });
  await wide.goto(server.url + "/kommun/boras/");
  assert.ok(!(await wide.locator("nav summary").isVisible()), "no menu button on a wide screen");
  assert.ok(await wide.locator(".nav-wide a", { hasText: "Sök" }).isVisible());
  await wide.close();
});

test("the print list of Borås: what takes referrals, with how to refer, on few A4 pages", async () => {
  for (const [size, viewport] of Object.entries(sizes)) {
    const page = await browser.newPage({ viewport });
    await page.goto(server.url + "/kommun/boras/");
    await Promise.all([page.waitForURL("**/kommun/boras/utskrift/"), page.click("text=Utskriftsvänlig lista")]);
    assert.match(await page.locator("h1").innerText(), /Insatser som tar emot remisser för den som bor i Borås/);
    assert.equal(await page.locator("main form, main select, main input").count(), 0, "no form");
    assert.ok(!(await page.locator("main").innerText()).includes("tkr"), "no funding");
    const items = page.locator(".utskrift > li");
    assert.ok((await items.count()) >= 10);
    const first = items.filter({ hasText: "Första steget" });
    assert.ok((await first.innerText()).includes("16–64 år"));
    assert.ok((await first.innerText()).includes("Så remitterar du"));
    await axe(page, `print list at ${size}`);
    await page.screenshot({ path: new URL(`referrer-print-${size}.png`, artifacts).pathname, fullPage: true });
    if (size === "desktop") {
      await page.emulateMedia({ media: "print" });
      assert.ok(!(await page.locator(".site-header nav").isVisible()), "no menu on paper");
      assert.ok(!(await page.locator(".site-footer").isVisible()), "no footer on paper");
      const pdf = await page.pdf({ format: "A4" });
      const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
      assert.ok(pages >= 1 && pages <= 6, `the list fits on few A4 pages: ${pages}`);
    }
    await page.close();
  }
});
