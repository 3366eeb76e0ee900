// links.test.js — no internal link or asset reference of the built site is broken,
// including #fragments, which must name an id on the target page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, dirname, resolve } from "node:path";

const site = resolve(process.env.SITE_DIR);

async function htmlFiles(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...await htmlFiles(p));
    else if (p.endsWith(".html")) out.push(p);
  }
  return out;
}

async function target(from, url) {
  let path = url.startsWith("/") ? join(site, url) : join(dirname(from), url);
  try {
    if ((await stat(path)).isDirectory()) path = join(path, "index.html");
    await stat(path);
    return path;
  } catch {
    return null;
  }
}

test("every internal href and src points at a file, and every #fragment at an id", async () => {
  const files = await htmlFiles(site);
  assert.ok(files.length > 50, "the whole site is checked");
  const ids = new Map();
  const idsOf = async (f) => {
    if (!ids.has(f)) ids.set(f, new Set([...(await readFile(f, "utf8")).matchAll(/\bid="([^"]+)"/g)].map((m) => m[1])));
    return ids.get(f);
  };
  const broken = [];
  let checked = 0;
  for (const f of files) {
    const html = await readFile(f, "utf8");
    for (const m of html.matchAll(/\b(?:href|src)="([^"]*)"/g)) {
      const url = m[1].replace(/&amp;/g, "&");
      if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//")) continue; // https:, mailto:, tel:
      const [path, fragment] = url.split("#");
      const file = path ? await target(f, decodeURI(path.split("?")[0])) : f;
      checked++;
      if (!file) broken.push(`${f.slice(site.length)}: ${url}`);
      else if (fragment && file.endsWith(".html") && !(await idsOf(file)).has(fragment))
        broken.push(`${f.slice(site.length)}: ${url} (no id "${fragment}")`);
    }
  }
  assert.ok(checked > 1000, `${checked} links checked`);
  assert.deepEqual(broken, []);
});
