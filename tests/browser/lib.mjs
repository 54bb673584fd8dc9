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
	// A full-page picture of a long page (the delårsrapport) took over
	// playwright's 30 s on a loaded machine (make check, load 13): the
	// picture is a record, not a check of speed.
	await page.screenshot({ path, fullPage: true, timeout: 120000 });
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

// A test's body, with its browser: an exception that escapes the body is
// one "not ok" line (desc), the browser is closed, and the plan printed.
export async function runWith(browser, desc, body) {
	try {
		await step(desc, body);
	} finally {
		await browser.close();
	}
	done();
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

// A staff member's desktop page (1280x900, its own context), logged in.
export async function staffPage(browser, user) {
	return login(await browser.newContext({ viewport: { width: 1280, height: 900 } }), user);
}

// The path of the page's URL (no query).
export const pathOf = (page) => new URL(page.url()).pathname;

// Act and wait for the page that follows: action is a selector to click,
// or a function that does the acting (a tap, a key).
export async function go(page, action) {
	await Promise.all([page.waitForNavigation(), typeof action === "function" ? action() : page.click(action)]);
}

// Tab (only the keyboard) until the focused element matches sel.
export async function tabTo(page, sel) {
	for (let i = 0; i < 60; i++) {
		if (await page.evaluate((s) => !!document.activeElement && document.activeElement.matches(s), sel))
			return;
		await page.keyboard.press("Tab");
	}
	throw new Error(`${sel} not reached with Tab`);
}

// The day offset days from today, YYYY-MM-DD.
export function isoDay(offset) {
	const d = new Date();
	d.setDate(d.getDate() + offset);
	return d.toISOString().slice(0, 10);
}

// A fresh personnummer-shaped key starting with born (YYYYMMD, seven
// digits): the person table wants 12 digits that are unique; Luhn is not
// checked by the database.
export function freshPersonnummer(born) {
	const serial = String(100 + Math.floor(Math.random() * 800));
	return `${born}${Math.floor(Math.random() * 9)}${serial}${Math.floor(Math.random() * 10)}`;
}

// A fixture: a new person (personnummer from born, see freshPersonnummer)
// referred by remittent.fk (Försäkringskassan) to the running insats Case
// Manager Grästorp, the referral submitted ('inskickad'); its id.
export function fixtureReferral({ born, first, last, gender }) {
	const cm = insatsIdOf("Case Manager");
	return sql(`INSERT INTO person (personnummer, id_kind, birth_year)
		VALUES ('${freshPersonnummer(born)}', 'personnummer', ${born.slice(0, 4)});
		INSERT INTO referral (person_id, insats_id, remittent_id, organisation_id, status, submitted_at)
		VALUES (LAST_INSERT_ID(), ${cm}, ${staffIdOf("remittent.fk")}, ${orgOf("remittent.fk")}, 'inskickad', UTC_TIMESTAMP());
		SET @ref = LAST_INSERT_ID();
		INSERT INTO referral_person (referral_id, first_name, last_name, gender) VALUES (@ref, '${first}', '${last}', '${gender}');
		SELECT @ref;`)[0];
}

// Staff, logged in on page, prepare a consent for referral on the tablet:
// kind "sekretess" (a waiver: the categories, both directions, purpose if
// given, valid for 60 days) or "sus"; lang, if given, the participant's
// language. Sends the form; the consent's id from the handover page it
// leads to, or "" if it leads elsewhere.
export async function prepareConsent(page, referral, { kind, lang, categories = ["halsa"], purpose }) {
	await page.goto(`${BASE}/samtycken/ansokan/${referral}/ny?typ=${kind}`);
	if (lang)
		await page.selectOption("#sprak", lang);
	if (kind === "sekretess") {
		for (const c of categories)
			await page.check(`#kategori-${c}`);
		await page.check("#inhamta");
		await page.check("#lamna");
		if (purpose)
			await page.fill("#syfte", purpose);
		await page.fill("#till", isoDay(60));
	}
	await go(page, "main form button[type=submit]");
	const m = page.url().match(/\/samtycken\/([0-9]+)\/surfplatta$/);
	return m ? m[1] : "";
}

// A consent tablet test: a browser; a referral fixture (fixtureReferral()
// of person), checked; personal.cm logged in on a portrait tablet. Then
// body({ referral, page }), run as runWith() runs it; the tablet closed.
export async function consentTabletTest(desc, person, body) {
	const browser = await launch();
	await runWith(browser, desc, async () => {
		const referral = fixtureReferral(person);
		check("fixture referral created", /^[0-9]+$/.test(referral || ""));
		const ctx = await tablet(browser, PORTRAIT);
		const page = await login(ctx, "personal.cm");
		await body({ referral, page });
		await ctx.close();
	});
}

// prepareConsent(), then the handover page's button: the tablet is the
// participant's. The consent's id; an exception if there was no handover.
export async function prepareAndHandOver(page, referral, opts) {
	const consent = await prepareConsent(page, referral, opts);
	if (!consent)
		throw new Error(`no handover page: ${page.url()}`);
	await go(page, "#overlamna");
	return consent;
}

// The staff take the tablet back: log in as user (default personal.cm)
// on the lock screen the page shows.
export async function lockScreenLogin(page, user = "personal.cm") {
	await page.click("details.kiosk-staff summary");
	await page.fill("#anvandarnamn", user);
	await page.fill("#losenord", "stegvis-demo");
	await go(page, "#personal-logga-in");
}

// Draw two strokes on the consent's signature pad (#signatur-yta) with
// touch-like pointer moves.
export async function drawSignature(page) {
	await page.locator("#signatur-yta").scrollIntoViewIfNeeded();
	const box = await page.locator("#signatur-yta").boundingBox();
	const strokes = [
		[[0.1, 0.6], [0.2, 0.3], [0.3, 0.7], [0.4, 0.35], [0.5, 0.65]],
		[[0.55, 0.5], [0.7, 0.4], [0.85, 0.6], [0.9, 0.45]],
	];
	for (const s of strokes) {
		await page.mouse.move(box.x + s[0][0] * box.width, box.y + s[0][1] * box.height);
		await page.mouse.down();
		for (const [x, y] of s.slice(1))
			await page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 4 });
		await page.mouse.up();
	}
}

// Staff (staffPage) open a questionnaire on a tablet for participation
// pid: the button named button on its page; the 8-digit code it shows.
export async function newCode(sp, pid, button) {
	await sp.goto(`${BASE}/deltagande/${pid}`);
	await go(sp, () => sp.getByRole("button", { name: button }).click());
	return sp.inputValue("input[name=kod]");
}

// On the tablet's lock screen (in page), type code and send it.
export async function enterCode(page, code) {
	await page.goto(`${BASE}/surfplatta`);
	await page.fill("#kod", code);
	await go(page, "button.kiosk-primary");
}

// The kiosk's status line once it says something (offline, waiting): its
// text, trimmed.
export async function kioskStatus(page) {
	await page.waitForFunction(() => document.querySelector(".kiosk-status").textContent !== "");
	return (await page.textContent(".kiosk-status")).trim();
}

// From now on the first POST to url (a glob) reaches the server but its
// reply is lost, as when the network drops; later POSTs pass. A function
// that gives the number of POSTs tried.
export async function loseFirstReply(page, url) {
	let tries = 0;
	await page.route(url, async (route) => {
		if (route.request().method() !== "POST") return route.continue();
		if (++tries === 1) {
			await route.fetch({ maxRedirects: 0 }); // the server stores it
			return route.abort("internetdisconnected"); // ... the reply is lost
		}
		return route.continue();
	});
	return () => tries;
}

// Nothing in any web storage of the tablet (local, session, IndexedDB).
export async function noWebStorage(page) {
	return page.evaluate(async () => localStorage.length === 0 && sessionStorage.length === 0 &&
		(await indexedDB.databases()).length === 0);
}

// The last call of every test: its TAP plan. A test that dies before it
// prints no plan, and tests/run.sh counts that as a failure.
export function done() {
	console.log(`1..${ran}`);
	process.exitCode = failures ? 1 : 0;
}
