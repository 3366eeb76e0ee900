// vnu.test.js — every HTML file of the site passes the Nu HTML Checker (vnu-jar from
// npm, run with Debian's Java) with zero errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { promisify } from "node:util";

const require = createRequire(import.meta.url);
const vnu = require.resolve("vnu-jar/build/dist/vnu.jar");

test("Nu HTML Checker: zero errors on every page", async () => {
  let out;
  try {
    out = await promisify(execFile)("java", ["-jar", vnu, "--errors-only", "--skip-non-html", "--format", "json",
      process.env.SITE_DIR], { maxBuffer: 64 << 20 });
  } catch (e) {
    out = e; // vnu exits 1 when it finds errors; the report is on stderr either way
  }
  const report = JSON.parse(out.stderr || "{\"messages\":[]}");
  const errors = report.messages.filter((m) => m.type === "error" || m.subType === "fatal")
    .map((m) => `${m.url.replace(/^file:.*?\/e2e-site/, "")}:${m.lastLine}: ${m.message}`);
  assert.deepEqual(errors, [], errors.slice(0, 40).join("\n"));
});
