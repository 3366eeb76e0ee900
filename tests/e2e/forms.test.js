// forms.test.js — a referral form in a real browser: filled in wrongly, it shows the
// error summary with links to the fields; the personnummer check digit is checked;
// nothing is ever sent (no request leaves the page while printing is attempted).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve } from "./server.js";
import { launch } from "./browser.js";

const site = process.env.SITE_DIR;
let server, browser, page;

before(async () => {
  assert.ok(site, "SITE_DIR must name the built site");
  server = await serve(site);
  browser = await launch();
  page = await browser.newPage();
});
after(async () => { await browser?.close(); server?.close(); });

test("an empty referral form shows an error summary that links to each field", async () => {
  const requests = [];
  page.on("request", (r) => requests.push(r.method() + " " + r.url()));
  await page.goto(server.url + "/insats/sjuharad/aktiv-halsa/remiss/");
  assert.equal(await page.inputValue("#f-insats"), "Aktiv hälsa", "pre-filled with the insats");
  const before = requests.length;
  await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
  await page.click("[data-print-button]");
  const summary = page.locator("#felsammanfattning");
  assert.equal(await summary.isVisible(), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), "felsammanfattning", "focus moves to the summary");
  const links = await summary.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.ok(links.length >= 3, "one link per missing required field: " + links);
  for (const href of links) assert.equal(await page.locator(href).count(), 1, href + " points at a field");
  const texts = await summary.locator("a").allTextContents();
  assert.equal(new Set(texts).size, texts.length, "each message says which field: " + texts);
  assert.equal(await page.evaluate(() => window.__printed === true), false, "an invalid form is not printed");
  // following a link puts the focus on the field
  await summary.locator("a").first().click();
  assert.equal(await page.evaluate(() => "#" + document.activeElement.id), links[0]);
  assert.equal(requests.length, before, "nothing was requested or sent");
});

test("personnummer: a wrong check digit is an error, the right one is accepted", async () => {
  await page.goto(server.url + "/insats/sjuharad/aktiv-halsa/remiss/");
  const pnr = page.locator("input[data-personnummer]").first();
  const id = await pnr.getAttribute("id");
  await pnr.fill("19121212-1213");
  await page.click("[data-print-button]");
  const message = page.locator("#" + id + "-fel");
  assert.match(await message.textContent(), /stämmer inte/);
  assert.equal(await pnr.getAttribute("aria-invalid"), "true");
  assert.match(await pnr.getAttribute("aria-describedby"), new RegExp(id + "-fel"));
  await pnr.fill("19121212-1212");
  await page.click("[data-print-button]");
  assert.equal(await message.isVisible(), false);
  assert.equal(await pnr.getAttribute("aria-invalid"), null);
});

test("pressing Enter in a field never submits the form", async () => {
  await page.goto(server.url + "/insats/sjuharad/aktiv-halsa/remiss/");
  const url = page.url();
  const sent = [];
  page.on("request", (r) => { if (r.method() !== "GET" || r.url().includes("?")) sent.push(r.url()); });
  await page.locator("input[type=text]:not([readonly])").first().fill("Test");
  await page.keyboard.press("Enter");
  await page.waitForTimeout(200);
  assert.equal(page.url(), url);
  assert.deepEqual(sent, []);
});

test("radio buttons and checkboxes sit left of their labels, on the same line", async () => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(server.url + "/insats/sjuharad/aktiv-halsa/remiss/");
  const pairs = await page.locator(".choice").evaluateAll((els) => els.map((el) => {
    const i = el.querySelector("input").getBoundingClientRect();
    const l = el.querySelector("label").getBoundingClientRect();
    return { text: el.textContent.trim(), inputRight: i.right, labelLeft: l.left, inputMid: i.top + i.height / 2, labelTop: l.top, labelBottom: l.bottom };
  }));
  assert.ok(pairs.length >= 3, "the form has choices: " + pairs.length);
  for (const p of pairs) {
    assert.ok(p.inputRight <= p.labelLeft, `${p.text}: the box is left of its label`);
    assert.ok(p.inputMid >= p.labelTop && p.inputMid <= p.labelBottom, `${p.text}: on the label's line`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
});

test("a link styled as a button looks like one", async () => {
  await page.goto(server.url + "/insats/sjuharad/aktiv-halsa/");
  const link = page.locator("a.button-link").first();
  assert.equal(await link.count(), 1);
  const style = await link.evaluate((a) => { const s = getComputedStyle(a); return [s.backgroundColor, s.color, s.textDecorationLine]; });
  assert.deepEqual(style, ["rgb(0, 112, 60)", "rgb(255, 255, 255)", "none"]);
});

test("the footer's newsletter form POSTs the address over https, never in a web address", async () => {
  await page.goto(server.url + "/");
  const form = page.locator("footer .newsletter-signup form");
  assert.equal(await form.count(), 1, "the example site's footer has the form");
  const shape = await form.evaluate((f) => ({
    method: f.method, action: f.action,
    label: f.querySelector("label").textContent, labelFor: f.querySelector("label").htmlFor,
    input: (({ id, type, name, required, autocomplete }) => ({ id, type, name, required, autocomplete }))(f.querySelector("input")),
    button: f.querySelector("button").className,
  }));
  assert.deepEqual(shape, {
    method: "post", action: "https://nyhetsbrev.example.se/prenumerera", label: "E-postadress", labelFor: "nyhetsbrev-epost",
    input: { id: "nyhetsbrev-epost", type: "email", name: "email", required: true, autocomplete: "email" }, button: "button",
  });
  // what the browser sends: caught before it leaves the machine (no third-party request)
  const sent = [];
  await page.route("https://nyhetsbrev.example.se/**", (route) => {
    const r = route.request();
    sent.push({ method: r.method(), url: r.url(), body: r.postData() });
    return route.fulfill({ status: 200, contentType: "text/plain", body: "ok" });
  });
  const before = page.url();
  await form.locator("button").click(); // empty: the browser's own check stops it
  await page.waitForTimeout(200);
  assert.deepEqual(sent, [], "an empty address is not sent");
  assert.equal(page.url(), before);
  await form.locator("input").fill("namn@exempel.se");
  await Promise.all([page.waitForURL("https://nyhetsbrev.example.se/**"), form.locator("button").click()]);
  await page.unroute("https://nyhetsbrev.example.se/**");
  assert.deepEqual(sent, [{ method: "POST", url: "https://nyhetsbrev.example.se/prenumerera", body: "email=namn%40exempel.se" }]);
});
