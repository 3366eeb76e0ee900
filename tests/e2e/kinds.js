// kinds.js — one page of every page kind of src/plan/plan.c (sg_page_kinds), by kind name,
// for the Lighthouse runs and the screenshots (lighthouse.test.js, screenshots.test.js).
// Every path but /sidor/ is one of pages.js; the example site lists all its sidor in the
// footer, so /sidor/ exists only on the variant site of sidor-site.js.
import { readFile, writeFile, mkdtemp, cp } from "node:fs/promises";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { tmpdir } from "node:os";
import { join } from "node:path";

// (a Map: in the order of plan.c, which an object would not keep for the kind "404")
export const kinds = new Map([
  ["home", "/"],
  ["kommun", "/kommun/boras/"],
  ["forbund", "/forbund/sjuharad/"],
  ["insats", "/insats/sjuharad/aktiv-halsa/"],
  ["kategori", "/kategori/forberedande/"],
  ["ekonomi", "/forbund/sjuharad/ekonomi/2015/"],
  ["nyhetsbrev-lista", "/nyhetsbrev/"],
  ["nyhetsbrev", "/nyhetsbrev/2015-02-lokala-uppdragsteam/"],
  ["nyhetsbrev-epost", "/nyhetsbrev/2015-02-lokala-uppdragsteam/epost.html"],
  ["evenemang-lista", "/evenemang/"],
  ["evenemang", "/evenemang/2020-09-far-natverket/"],
  ["dokument", "/dokument/"],
  ["blankett", "/blanketter/remiss/"],
  ["remiss", "/insats/sjuharad/aktiv-halsa/remiss/"],
  ["sida", "/sidor/om-portalen/"],
  ["sidor", "/sidor/"],
  ["sok", "/sok/"],
  ["tillganglighet", "/tillganglighetsredogorelse/"],
  ["404", "/404.html"],
  ["kommun-utskrift", "/kommun/boras/utskrift/"],
  ["personuppgifter", "/personuppgifter/"],
  ["verksamhetsplan", "/forbund/sjuharad/verksamhetsplan/2015/"],
]);

/** the kinds that exist only on the variant site (sidorSite) */
export const onVariant = new Set(["sidor"]);

const repo = new URL("../../", import.meta.url).pathname;

/** The names of sg_page_kinds in src/plan/plan.c, read from its table. */
export async function planKinds() {
  const c = await readFile(join(repo, "src/plan/plan.c"), "utf8");
  const table = c.slice(c.indexOf("const sg_page_kind_def sg_page_kinds["));
  return [...table.slice(0, table.indexOf("};")).matchAll(/\[SG_PAGE_\w+\]\s*=\s*\{"([^"]+)"/g)].map((m) => m[1]);
}

/** The example site as the e2e site is built (Makefile, E2E_SITE) but with the page
 * "Om portalen" out of the footer (`footer: false`), so the site has the list /sidor/.
 * Built with $SOFGEN into a new temporary directory; returns the site's directory. */
export async function sidorSite() {
  if (!process.env.SOFGEN) throw new Error("SOFGEN must name the sofgen binary (make e2e sets it)");
  const dir = await mkdtemp(join(tmpdir(), "sofgen-sidor-"));
  await cp(join(repo, "content"), join(dir, "content"), { recursive: true });
  const page = join(dir, "content/sidor/om-portalen.md");
  const text = await readFile(page, "utf8");
  if (!text.startsWith("---\n")) throw new Error(page + " does not start with front matter");
  await writeFile(page, "---\nfooter: false\n" + text.slice(4));
  await promisify(execFile)(process.env.SOFGEN, ["build", "--now", "2015-06-01T12:00", "--build-future",
    "--content", join(dir, "content"), "--out", join(dir, "site")], { cwd: repo });
  return join(dir, "site");
}
