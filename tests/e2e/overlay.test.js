// overlay.test.js — `sofgen serve`'s overlay in chromium (issue 15 §3, nothing lost
// silently): on a copy of the one-field fixture, an insats with an unknown key builds with
// a warning, and every page shows it in a section of its own (⚠ heading, amber, role
// status), never as an error; a misplaced `contact:` block in another file then fails the
// build, and the page shows the error (✖ heading, red, role alert) above the warning.
// SOFGEN names the binary (default ../../build/release/sofgen).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { launch } from "./browser.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const repo = join(here, "..", "..");
const sofgen = process.env.SOFGEN || join(repo, "build", "release", "sofgen");
const artifacts = new URL("./artifacts/", import.meta.url);
let dir, serve, browser, url, log = "";

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "sofgen-overlay-"));
  await cp(join(here, "fixtures", "one-field", "content"), join(dir, "content"), { recursive: true });
  const insats = join(dir, "content", "insatser", "sjuharad", "aktiv-halsa.md");
  const text = await readFile(insats, "utf8");
  await writeFile(insats, text.replace("year: 2015\n", "year: 2015\nanteckning: ej klar\n"));
  serve = spawn(sofgen, ["serve", "--content", join(dir, "content"), "--templates", join(repo, "templates"),
    "--assets", join(repo, "assets"), "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  serve.stdout.setEncoding("utf8");
  serve.stderr.setEncoding("utf8");
  serve.stderr.on("data", (chunk) => { log += chunk; });
  url = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`sofgen serve did not start:\n${log}`)), 20000);
    let out = "";
    serve.stdout.on("data", (chunk) => {
      out += chunk;
      const m = out.match(/serving .* on (http:\/\/\S+\/)/);
      if (m) { clearTimeout(timer); ok(m[1]); }
    });
    serve.on("exit", (code) => fail(new Error(`sofgen serve exited ${code}:\n${log}`)));
  });
  browser = await launch();
  await mkdir(artifacts, { recursive: true });
});

after(async () => {
  await browser?.close();
  serve?.kill("SIGTERM");
  if (dir) await rm(dir, { recursive: true, force: true });
});

/* the overlay's sections as the reader meets them */
async function overlay(page) {
  return page.evaluate(() => {
    const box = document.getElementById("sofgen-overlay");
    if (!box) return null;
    const part = (id) => {
      const s = document.getElementById(id);
      if (!s) return null;
      return { heading: s.querySelector("h2").textContent, colour: getComputedStyle(s.querySelector("h2")).color,
        items: [...s.querySelectorAll("li")].map((li) => li.textContent) };
    };
    return { role: box.getAttribute("role"), errors: part("sofgen-errors"), warnings: part("sofgen-warnings") };
  });
}

test("a warning of a good build is shown apart from errors, and an error above it", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url + "insats/sjuharad/aktiv-halsa/");
  await page.waitForSelector("#sofgen-warnings", { timeout: 10000 });
  let o = await overlay(page);
  assert.equal(o.role, "status", "warnings alone do not interrupt as an alert");
  assert.equal(o.errors, null, "no error section for a build that succeeded");
  assert.equal(o.warnings.heading, "\u26a0 sofgen: 1 warning");
  assert.deepEqual(o.warnings.items, [
    `${dir}/content/insatser/sjuharad/aktiv-halsa.md:4:13: warning: unknown key 'anteckning' in an insats is ignored`]);
  assert.equal(o.warnings.colour, "rgb(138, 90, 0)");
  await page.screenshot({ path: fileURLToPath(new URL("overlay-warning.png", artifacts)) });

  // a contact block not indented breaks the build: the error comes first, the warning stays
  const insats = join(dir, "content", "insatser", "sjuharad", "aktiv-halsa.md");
  const text = await readFile(insats, "utf8");
  await writeFile(insats, text.replace("year: 2015\n", "year: 2015\ncontact:\nname: Anna Berg\n"));
  await page.waitForSelector("#sofgen-errors", { timeout: 10000 });
  o = await overlay(page);
  assert.equal(o.role, "alert");
  assert.equal(o.errors.heading, "\u2716 sofgen: the site could not be rebuilt (1 error)");
  assert.equal(o.errors.colour, "rgb(179, 0, 27)");
  assert.deepEqual(o.errors.items, [
    `${dir}/content/insatser/sjuharad/aktiv-halsa.md:5:7: error: 'name' is not a key of an insats; it looks like it ` +
    "belongs to 'contact:' above \u2014 indent it under 'contact:'"]);
  assert.equal(o.warnings.heading, "\u26a0 sofgen: 1 warning");
  const order = await page.evaluate(() => [...document.querySelectorAll("#sofgen-overlay > section")].map((s) => s.id));
  assert.deepEqual(order, ["sofgen-errors", "sofgen-warnings"]);
  await page.screenshot({ path: fileURLToPath(new URL("overlay-error-and-warning.png", artifacts)) });
  await page.close();
});
