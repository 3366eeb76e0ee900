// search.test.js — finding insatser in a real browser: type, filter, see the right
// results, with Swedish folding ("boras" finds Borås), words matched from their start,
// strukturövergripande work left out unless asked for, and the count announced.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { serve } from "./server.js";
import { launch } from "./browser.js";

const site = process.env.SITE_DIR;
let server, browser, index;
const fold = (s) => String(s || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
/* as sok.js: a typed word matches the start of one of the index's words */
const has = (x, word) => ("-" + x.w).includes("-" + fold(word));

before(async () => {
  server = await serve(site);
  browser = await launch();
  index = JSON.parse(await readFile(join(site, "search-index.json"), "utf8"));
});
after(async () => { await browser?.close(); server?.close(); });

async function results(page) {
  return page.locator(".sok-resultat h3 a").allTextContents();
}

test("free text with Swedish folding: 'boras' finds what Borås offers", async () => {
  const page = await browser.newPage();
  await page.goto(server.url + "/sok/");
  await page.fill("#sok-text", "boras");
  const expected = index.filter((x) => !x.x && has(x, "boras"));
  assert.ok(expected.length > 5);
  await page.waitForFunction((n) => document.querySelectorAll(".sok-resultat li").length === n, expected.length);
  assert.deepEqual((await results(page)).sort(), expected.map((x) => x.t).sort());
  assert.equal(await page.textContent(".sok-antal"), `${expected.length} insatser`);
  assert.equal(await page.getAttribute(".sok-antal", "aria-live"), "polite");
  await page.close();
});

test("filters combine: kommun, SUS category, open for referral, age", async () => {
  const page = await browser.newPage();
  await page.goto(server.url + "/sok/");
  await page.selectOption("#sok-kommun", "mark");
  await page.selectOption("#sok-kategori", "forberedande");
  await page.check("#sok-oppen");
  await page.fill("#sok-alder", "30");
  const expected = index.filter((x) => !x.x && x.k.includes("mark") && x.c.includes("forberedande") && x.o &&
    (!x.a || (30 >= x.a[0] && 30 <= x.a[1])));
  assert.ok(expected.length > 0);
  await page.waitForFunction((n) => document.querySelectorAll(".sok-resultat li").length === n, expected.length);
  assert.deepEqual((await results(page)).sort(), expected.map((x) => x.t).sort());
  await page.fill("#sok-alder", "10");
  await page.waitForFunction(() => document.querySelector(".sok-antal").textContent === "0 insatser");
  await page.close();
});

test("the filter works from the keyboard alone", async () => {
  const page = await browser.newPage();
  await page.goto(server.url + "/sok/");
  await page.focus("#sok-text");
  await page.keyboard.type("Aktiv");
  await page.keyboard.press("Tab"); // to the kommun select
  assert.equal(await page.evaluate(() => document.activeElement.id), "sok-kommun");
  await page.keyboard.press("ArrowDown"); // first kommun
  await page.waitForFunction(() => document.querySelector(".sok-antal").textContent !== "");
  const first = await page.inputValue("#sok-kommun");
  const expected = index.filter((x) => !x.x && x.k.includes(first) && has(x, "aktiv"));
  await page.waitForFunction((n) => document.querySelectorAll(".sok-resultat li").length === n, expected.length);
  await page.close();
});

test("a kommun page's search link starts from its kommun", async () => {
  const page = await browser.newPage();
  await page.goto(server.url + "/kommun/ockero/");
  await Promise.all([page.waitForURL("**/sok/?kommun=ockero"), page.click("text=Sök och filtrera bland insatserna i Öckerö")]);
  assert.equal(await page.inputValue("#sok-kommun"), "ockero");
  await page.fill("#sok-text", "aktiv");
  const expected = index.filter((x) => !x.x && x.k.includes("ockero") && has(x, "aktiv"));
  await page.waitForFunction((n) => document.querySelectorAll(".sok-resultat li").length === n, expected.length);
  assert.equal(new URL(page.url()).search, "?q=aktiv&kommun=ockero");
  await page.close();
});
