// cms.test.js — the web editor (issue 15 §1): a copy of the example site in a git repository,
// with `cms: {backend: local}`, served by `sofgen serve --cms` (decap-server as its child).
// In chromium, an editor creates an insats through Decap CMS's form (title, SUS category,
// age, a place with its kommun, participants and funds) and publishes it; the file written
// must pass `sofgen check`, and a rebuild shows the new insats page with those facts. An
// existing insats whose place gives figures per year (`years:`, which the form does not show)
// is edited and saved: the years must survive. The admin page must make no request to
// another host, and decap-server must stop when serve stops.
// Needs SOFGEN (the binary) and the Decap files (make decap; found beside the binary or in
// SOFGEN_DECAP_DIR). With SCREENSHOTS set to a folder, the steps are photographed there for
// the editors' guide (make screenshots writes docs/bilder/).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch } from "./browser.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const SOFGEN = process.env.SOFGEN || join(ROOT, "build/release/sofgen");
const NOW = "2026-12-04";
const MULTI = `---
title: Flerårig
area: individinriktad
category: förberedande
summary: "Före."
places:
  - municipality: Borås
    years:
      2018: {participants: 10, funds: {forbund: 100}}
      2019: {funds: {forbund: 110}}
start: 2018-01-01
end: 2019-12-31
reviewed: 2026-11-20
---

Ett prov på en insats över två år.
`;
let dir, serve, serveUrl, cmsPort, browser;
const hosts = new Set();
const SHOTS = process.env.SCREENSHOTS;

// A picture of the page for the editors' guide, when SCREENSHOTS names a folder.
async function shot(page, name, locator) {
  if (!SHOTS) return;
  await page.waitForTimeout(500); // let the editor's transitions settle
  if (locator) await locator.screenshot({ path: join(SHOTS, name) });
  else await page.screenshot({ path: join(SHOTS, name) });
}

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.on("error", fail);
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

function answers(port) {
  return new Promise((ok) => {
    const c = connect(port, "127.0.0.1");
    c.on("connect", () => { c.destroy(); ok(true); });
    c.on("error", () => ok(false));
  });
}

async function until(what, fn, ms = 60000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function sofgen(args) {
  return spawnSync(SOFGEN, args, { cwd: dir, encoding: "utf8" });
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "sofgen-cms-"));
  for (const d of ["content", "templates", "assets"]) await cp(join(ROOT, d), join(dir, d), { recursive: true });
  await appendFile(join(dir, "content/site.yaml"), "cms:\n  backend: local\n");
  await writeFile(join(dir, "content/insatser/sjuharad/flerarig.md"), MULTI);
  const git = (...a) => assert.equal(spawnSync("git", a, { cwd: dir }).status, 0, `git ${a.join(" ")}`);
  git("init", "-q");
  git("add", "-A");
  git("-c", "user.name=Test", "-c", "user.email=test@example.se", "commit", "-qm", "site");
  cmsPort = await freePort();
  serve = spawn(SOFGEN, ["serve", "--cms", "--port", "0", "--cms-port", String(cmsPort)],
    { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  serve.stdout.on("data", (b) => { out += b; });
  serve.stderr.on("data", (b) => { out += b; });
  serveUrl = await until("sofgen serve --cms to start", () => {
    const m = out.match(/web editor is at (http:\/\/127\.0\.0\.1:\d+)\/admin\//);
    return m && m[1];
  }, 60000);
  assert.match(out, /sofgen serve: built \d+ pages/, out); // the copy builds without errors
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (serve && serve.exitCode === null) serve.kill("SIGTERM");
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function openEditor(hash) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.setDefaultTimeout(90000); // a 5 MB bundle on a busy machine
  page.on("request", (r) => hosts.add(new URL(r.url()).hostname));
  await page.goto(serveUrl + "/admin/", { waitUntil: "domcontentloaded", timeout: 180000 });
  await page.getByRole("button", { name: "Logga in" }).click(); // local: no account, Swedish locale
  await page.waitForFunction(() => document.documentElement.lang === "sv"); // Decap sets it from `locale`
  await page.goto(serveUrl + "/admin/" + hash);
  return page;
}

async function choose(page, label, text) {
  await page.getByLabel(label).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

async function publish(page) {
  await page.getByRole("button", { name: "Publicera" }).click();
  await page.getByText("Publicera nu").click();
}

test("an insats created in the web editor passes sofgen check and gets its page", { timeout: 600000 }, async () => {
  const admin = await (await fetch(serveUrl + "/admin/")).text();
  assert.match(admin, /<html lang="sv">/);
  assert.match(admin, /<script src="\/admin\/decap-cms\.js"><\/script>/);
  const page = await openEditor("#/collections/insatser-sjuharad");
  await page.getByText("Gröna vägen").first().waitFor();
  await shot(page, "redigeraren-samlingar.png");
  await page.goto(serveUrl + "/admin/#/collections/insatser-sjuharad/new");
  // the kommun list of Sjuhärad's collection offers its members, not Älv & Kust's
  await page.getByLabel("Insatsens namn").fill("Steg för steg");
  await choose(page, "SUS-kategori", "Förbered");
  await page.getByLabel("Från ålder").fill("18");
  await page.getByLabel("Till ålder").fill("29");
  await shot(page, "redigeraren-ny-insats.png");
  await page.getByRole("button", { name: /platser, deltagare och medel/i }).click();
  await page.getByLabel("Kommun (tom").click();
  const options = await page.getByRole("option").allTextContents();
  assert.ok(options.includes("Borås") && options.includes("Vårgårda"), options.join(", "));
  assert.ok(!options.includes("Kungälv"), "a kommun of another förbund is not offered: " + options.join(", "));
  await page.keyboard.type("Borå");
  await page.keyboard.press("Enter");
  await page.getByLabel("Deltagare").fill("25");
  await page.getByLabel("Förbundsmedel").fill("120");
  await page.getByLabel("Senast granskad").fill("2026-12-01");
  await page.getByLabel("Deltagare").scrollIntoViewIfNeeded();
  await shot(page, "redigeraren-plats.png");
  await publish(page);

  // decap-server writes the file with the slug sofgen would give the title (ö → o)
  const file = join(dir, "content/insatser/sjuharad/steg-for-steg.md");
  const text = await until("the new insats file", () => readFile(file, "utf8").catch(() => null));
  assert.match(text, /^title: Steg för steg$/m);
  assert.match(text, /^category: förberedande$/m);
  assert.match(text, /municipality: Borås/);

  const check = sofgen(["check", "--now", NOW]);
  assert.equal(check.status, 0, check.stderr);
  assert.doesNotMatch(check.stderr, /: (error|warning):/, check.stderr);
  assert.match(check.stderr, /content is valid \(41 insatser/);

  // serve rebuilt: the page is there with the facts entered
  const url = serveUrl + "/insats/sjuharad/steg-for-steg/";
  const html = await until("the rebuilt insats page", async () => {
    const r = await fetch(url);
    return r.ok ? r.text() : null;
  });
  const textOf = (h) => h.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ");
  for (const fact of ["Steg för steg", "Förberedande", "18–29 år", "Borås 25 120"])
    assert.ok(textOf(html).includes(fact), `the served page shows '${fact}'`);
  if (SHOTS) {
    await page.goto(url);
    await shot(page, "redigeraren-insatsens-sida.png");
  }

  // and so does a build of the files as saved
  const build = sofgen(["build", "--now", NOW, "--out", join(dir, "out")]);
  assert.equal(build.status, 0, build.stderr);
  const built = textOf(await readFile(join(dir, "out/insats/sjuharad/steg-for-steg/index.html"), "utf8"));
  for (const fact of ["Steg för steg", "Förberedande", "18–29 år", "Borås 25 120"])
    assert.ok(built.includes(fact), `the built page shows '${fact}'`);
  await page.close();
});

test("saving an insats keeps the figures per year that the form does not show", { timeout: 600000 }, async () => {
  const page = await openEditor("#/collections/insatser-sjuharad/entries/flerarig");
  await page.getByLabel("Sammanfattning").fill("Efter.");
  await publish(page);
  const file = join(dir, "content/insatser/sjuharad/flerarig.md");
  const text = await until("the saved insats", async () => {
    const t = await readFile(file, "utf8");
    return t.includes("Efter.") ? t : null;
  });
  assert.match(text, /years:/, text);
  const build = sofgen(["build", "--now", NOW, "--out", join(dir, "out2")]);
  assert.equal(build.status, 0, build.stderr);
  const html = (await readFile(join(dir, "out2/insats/sjuharad/flerarig/index.html"), "utf8"))
    .replace(/<[^>]*>/g, " ").replace(/\s+/g, " ");
  assert.ok(html.includes("Efter."), "the new summary");
  for (const year of ["2018", "2019"]) assert.ok(html.includes(year), `the year ${year} is still there`);
  assert.ok(html.includes("100") && html.includes("110"), "both years' funds are still there");
  await page.close();
});

test("the admin page asks no other host, and decap-server stops with serve", { timeout: 60000 }, async () => {
  assert.ok(hosts.size > 0, "requests were seen");
  assert.deepEqual([...hosts], ["127.0.0.1"], "every request of the editor went to this computer");
  assert.ok(await answers(cmsPort), "decap-server runs while serve does");
  serve.kill("SIGTERM");
  await until("serve to stop", () => serve.exitCode !== null, 20000);
  assert.equal(serve.exitCode, 0);
  assert.equal(await answers(cmsPort), false, "decap-server stopped with serve");
});
