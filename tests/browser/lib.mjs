// lib.mjs: what every browser test shares. Each tests/browser/test_*.mjs
// imports it, drives Debian's Chromium with playwright-core against the
// running private stack (BASE), and prints TAP lines ("ok - ..." /
// "not ok - ...") that tests/run.sh counts.
//
// Environment (set by tests/browser/run.sh from tests/run.sh):
//   BASE      the stack's URL, e.g. http://127.0.0.1:23456
//   VAR       the stack's directory (for sql(): its MariaDB socket)
//   OUT       the test output directory; screenshots go to OUT/screenshots
//   CHROMIUM  the browser binary (default /usr/bin/chromium)
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { userInfo } from "node:os";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);

export const BASE = process.env.BASE;
export const VAR = process.env.VAR;
export const OUT = process.env.OUT || "build/test-output";
export const SHOTS = `${OUT}/screenshots`;
export const PORTRAIT = { width: 768, height: 1024 };
export const LANDSCAPE = { width: 1024, height: 768 };

let failures = 0;
let ran = 0;

export function ok(desc) {
	ran++;
	console.log(`ok - ${desc}`);
}

export function notOk(desc, why) {
	ran++;
	failures++;
	console.log(`not ok - ${desc}${why ? ` (${String(why).replace(/\s+/g, " ").slice(0, 400)})` : ""}`);
}

export function check(desc, cond, why) {
	if (cond) ok(desc);
	else notOk(desc, why);
}

export function eq(desc, got, want) {
	check(desc, got === want, `got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
}

// One SQL statement as the database administrator; the first column of
// each row, as strings.
export function sql(query) {
	const out = execFileSync("mariadb", ["--no-defaults", "-S", `${VAR}/run/mysqld.sock`,
		"-u", userInfo().username, "-N", "stegvis", "-e", query], { encoding: "utf8" });
	return out.split("\n").filter((l) => l !== "");
}

// Demo rows by name: a test never writes a demo row's id.
export const insatsIdOf = (shortName) => sql(`SELECT id FROM insats WHERE short_name = '${shortName}'`)[0];
export const staffIdOf = (username) => sql(`SELECT id FROM staff WHERE username = '${username}'`)[0];
export const orgOf = (username) => sql(`SELECT organisation_id FROM staff WHERE username = '${username}'`)[0];

export async function launch() {
	return chromium.launch({
		executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
		// Root in a container has no user namespaces for the sandbox.
		args: ["--no-sandbox", "--disable-dev-shm-usage"],
	});
}

// A fresh tablet: its own cookies, a touch screen, the given viewport.
export async function tablet(browser, viewport = PORTRAIT, opts = {}) {
	return browser.newContext({ viewport, hasTouch: true, deviceScaleFactor: 1, ...opts });
}

export async function screenshot(page, name) {
	mkdirSync(SHOTS, { recursive: true });
	const path = `${SHOTS}/${name}.png`;
	await page.screenshot({ path, fullPage: true });
	return path;
}

const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

// Run axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is: one
// "ok" line, or one "not ok" line per violation with the nodes it hit.
export async function axe(page, desc) {
	// evaluate() runs outside the page's CSP, which forbids inline script.
	await page.evaluate(axeSource);
	const res = await page.evaluate(() =>
		// eslint-disable-next-line no-undef
		axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
	if (res.violations.length === 0) {
		ok(`axe: no WCAG 2.1 AA violations: ${desc}`);
		return;
	}
	for (const v of res.violations)
		notOk(`axe: ${desc}: ${v.id}`, `${v.help}; ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`);
}

// Run a named part of a test; an exception is one "not ok" line.
export async function step(desc, fn) {
	try {
		await fn();
	} catch (e) {
		notOk(desc, e && e.message ? e.message : e);
	}
}

// Log in as a demo staff member in ctx (password stegvis-demo).
export async function login(ctx, user) {
	const page = await ctx.newPage();
	await page.goto(`${BASE}/logga-in`);
	await page.fill("#anvandarnamn", user);
	await page.fill("#losenord", "stegvis-demo");
	await Promise.all([page.waitForNavigation(), page.click("button[type=submit]:not(.linkbutton)")]);
	return page;
}

// The last call of every test: its TAP plan. A test that dies before it
// prints no plan, and tests/run.sh counts that as a failure.
export function done() {
	console.log(`1..${ran}`);
	process.exitCode = failures ? 1 : 0;
}
