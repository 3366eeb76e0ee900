// print-forms.test.js — a form that is printed never sends anything, with or without
// JavaScript. On every form page (the forms on their own and each insats' referral
// form) of the example site and of fixtures/one-field (forms with a single single-line
// field, where a browser submits a <form> on Enter even without a submit button; neither
// site has `forms.action`, so every form is printed) the browser types in each
// single-line field and presses Enter, and Enter in every other control: no request may
// leave the page and the address must stay the same. Without JavaScript nothing but the
// HTML can stop a submission, so the page must hold no <form> that the fields belong to (the
// footer's newsletter subscription is only a link to the form on the front page there).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { serve } from "./server.js";
import { launch } from "./browser.js";

const sites = { example: process.env.SITE_DIR, oneField: process.env.FORMS_SITE_DIR };
const servers = {}, urls = {};
let browser;

/* Site-relative URLs of the pages that load blankett.js (every form page). */
async function formPages(site, dir = site) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...await formPages(site, path));
    else if (entry.name === "index.html" && (await readFile(path, "utf8")).includes("/blankett.js\""))
      found.push("/" + relative(site, dir).split(sep).join("/") + "/");
  }
  return found.sort();
}

before(async () => {
  assert.ok(sites.example, "SITE_DIR must name the built example site");
  assert.ok(sites.oneField, "FORMS_SITE_DIR must name the site built from fixtures/one-field");
  for (const [name, dir] of Object.entries(sites)) {
    urls[name] = await formPages(dir);
    servers[name] = await serve(dir);
  }
  browser = await launch();
});
after(async () => { await browser?.close(); for (const s of Object.values(servers)) s.close(); });

/* What a person would type: something valid for the field, so no check stops Enter. */
function sample(type, personnummer) {
  if (personnummer) return "19121212-1212";
  if (type === "email") return "namn@exempel.se";
  if (type === "tel") return "033-12 34 56";
  if (type === "date") return "01022020";
  return "Test";
}

async function tryToSend(javaScriptEnabled) {
  assert.ok(urls.example.includes("/blanketter/remiss/"), "the form on its own is found: " + urls.example);
  assert.ok(urls.example.some((u) => /^\/insats\/.+\/remiss\/$/.test(u)), "referral pages are found");
  assert.deepEqual(urls.oneField, ["/blanketter/fritext/", "/blanketter/kort/", "/insats/sjuharad/aktiv-halsa/remiss/"]);
  const context = await browser.newContext({ javaScriptEnabled });
  try {
    for (const [name, url] of Object.entries(urls).flatMap(([n, us]) => us.map((u) => [n, u]))) {
      const page = await context.newPage();
      await page.goto(servers[name].url + url);
      const start = page.url();
      const left = [];
      // the browser fetches the site's icon by itself, after the page has loaded: not the form sending
      page.on("request", (r) => {
        if (!/^\/(favicon|apple-touch-icon)\.png$/.test(new URL(r.url()).pathname)) left.push(r.method() + " " + r.url());
      });
      page.on("framenavigated", (f) => { if (f === page.mainFrame()) left.push("navigation to " + f.url()); });
      assert.equal(await page.locator("[data-print]").count(), 1, url + " is a printed form");
      // the HTML itself: no form element, no control that belongs to one
      const owned = await page.evaluate(() => ({
        forms: document.forms.length,
        owned: Array.from(document.querySelectorAll("input, select, textarea, button"))
          .filter((el) => el.form || el.hasAttribute("form")).map((el) => el.id || el.name),
      }));
      assert.deepEqual(owned, { forms: 0, owned: [] }, url + ": fields that a browser could send");
      // the footer's newsletter subscription (site.yaml's newsletter_signup) is a link here, not a form
      if (name === "example")
        assert.equal(await page.locator("footer .newsletter-signup a[href='/#sidfot-nyhetsbrev']").count(), 1,
          url + ": the newsletter form is linked, not on the page");
      const controls = await page.locator("[data-print] input, [data-print] select, [data-print] textarea").all();
      assert.ok(controls.length >= 2, url + " has fields");
      let typed = 0;
      for (const el of controls) {
        const info = await el.evaluate((e) => ({
          id: e.id, type: e.type, pnr: e.hasAttribute("data-personnummer"), multi: e.tagName === "TEXTAREA",
        }));
        await el.focus();
        if (!["radio", "checkbox", "select-one", "textarea"].includes(info.type)) {
          await page.keyboard.type(sample(info.type, info.pnr)); // the read-only Insats field ignores it
          typed++;
        }
        if (!info.multi) await page.keyboard.press("Enter");
        await page.waitForTimeout(20);
        assert.deepEqual(left, [], `${url}: Enter in #${info.id} (${info.type}) made a request`);
      }
      if (url !== "/blanketter/fritext/") assert.ok(typed >= 1, url + ": single-line fields typed in: " + typed);
      await page.waitForTimeout(300);
      assert.deepEqual(left, [], url + ": a request left the page");
      assert.equal(page.url(), start, url + ": the address is unchanged");
      await page.close();
    }
  } finally {
    await context.close();
  }
}

test("a printed form sends nothing on Enter with JavaScript off", async () => {
  await tryToSend(false);
});

test("a printed form sends nothing on Enter with JavaScript on", async () => {
  await tryToSend(true);
});
