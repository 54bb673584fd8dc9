// test_reflow.mjs: every staff page reflows at 320 CSS px (WCAG 1.4.10).
// One browser, one 320×640 context per staff role (the demo accounts
// remittent.fk, personal.cm, forbund and admin); each page is visited as it
// is used (the inbox with referrals in it, a report shown, the access log
// with hits), and on each:
//   - the page is not wider than the screen
//     (document.documentElement.scrollWidth <= 320); when it is, the
//     elements and text that stick out are named;
//   - every region that scrolls sideways (a wide report table, the access
//     log) can be reached with the keyboard and has a name
//     (role="region", aria-label(ledby), tabindex="0");
//   - axe-core finds no WCAG 2.1 AA violation;
//   - a screenshot goes to OUT/screenshots/reflow-<role>-<page>.png.
// Pages are found by following links or by demo rows named, never by id.
import { BASE, axe, check, done, eq, insatsIdOf, launch, login, notOk, screenshot, sql, staffIdOf, step } from "./lib.mjs";

const SMALL = { width: 320, height: 640 };

// What sticks out past the right edge, outside a sideways-scrolling
// region: elements and text runs, for the failure message.
function overflowing() {
	const W = document.documentElement.clientWidth;
	const scrolls = (el) => {
		for (let a = el.parentElement; a; a = a.parentElement)
			if (getComputedStyle(a).overflowX !== "visible") return true;
		return false;
	};
	const out = [];
	for (const el of document.body.querySelectorAll("*")) {
		const b = el.getBoundingClientRect();
		if (b.width > 0 && b.right > W + 0.5 && !scrolls(el))
			out.push(`${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : ""}→${Math.round(b.right)}`);
	}
	const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let n = walk.nextNode(); n; n = walk.nextNode()) {
		const r = document.createRange();
		r.selectNodeContents(n);
		const b = r.getBoundingClientRect();
		if (b.width > 0 && b.right > W + 0.5 && !scrolls(n.parentElement))
			out.push(`text "${n.textContent.trim().slice(0, 30)}"→${Math.round(b.right)}`);
	}
	return out.slice(0, 6).join(", ");
}

// Every element that scrolls sideways: is it focusable and named?
function scrollRegions() {
	const bad = [];
	let n = 0;
	for (const el of document.body.querySelectorAll("*")) {
		const ox = getComputedStyle(el).overflowX;
		if ((ox !== "auto" && ox !== "scroll") || el.scrollWidth <= el.clientWidth) continue;
		n++;
		const named = el.getAttribute("aria-label") ||
			(el.getAttribute("aria-labelledby") && document.getElementById(el.getAttribute("aria-labelledby")));
		if (el.getAttribute("role") !== "region" || el.tabIndex !== 0 || !named)
			bad.push(`${el.tagName.toLowerCase()}.${el.className} role=${el.getAttribute("role")} tabindex=${el.getAttribute("tabindex")}`);
	}
	return { n, bad };
}

// Visit the page already loaded in `page` (or go to `path` first) as `role`.
async function seen(page, role, name, path) {
	await step(`${role} ${name}: reflows at 320 px`, async () => {
		if (path) {
			const res = await page.goto(`${BASE}${path}`);
			eq(`${role} ${name}: ${path} answers 200`, res.status(), 200);
		}
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		if (width <= SMALL.width) check(`${role} ${name}: no wider than 320 px (${width})`, true);
		else notOk(`${role} ${name}: no wider than 320 px`, `${width} px: ${await page.evaluate(overflowing)}`);
		const regions = await page.evaluate(scrollRegions);
		check(`${role} ${name}: its ${regions.n} sideways-scrolling region(s) are focusable and named`,
			regions.bad.length === 0, regions.bad.join("; "));
		await screenshot(page, `reflow-${role}-${name}`);
		await axe(page, `${role} ${name} at 320 px`);
	});
}

// The href of the first link matching sel on the page loaded now.
async function hrefOf(page, sel) {
	const href = await page.locator(sel).first().getAttribute("href", { timeout: 5000 });
	return href;
}

// A report with its tables: the default selection shows one.
async function report(page, role) {
	await page.goto(`${BASE}/rapporter`);
	await Promise.all([page.waitForNavigation(), page.click("form.filter button[type=submit]")]);
	check(`${role} report: a report with tables is shown`, (await page.locator("table.report").count()) > 1);
	await seen(page, role, "rapport");
}

const roles = {
	async "remittent.fk"(page, role) {
		for (const [name, path] of [["start", "/start"], ["ansokningar", "/ansokningar"], ["ny-ansokan", "/ansokningar/ny"],
			["losenord", "/losenord"], ["tvastegs", "/tvastegs"], ["formular-sparat", "/formular/sparat"]])
			await seen(page, role, name, path);
		await page.goto(`${BASE}/ansokningar`);
		await seen(page, role, "ansokan", await hrefOf(page, "main a[href^='/ansokningar/']:not([href$='/ny'])"));
		// A referral with a secrecy waiver in force: its consents, the
		// waiver, its copy, the revocation page and a new consent's form.
		const [ref, consent] = sql(`SELECT CONCAT(c.referral_id, ' ', c.id) FROM consent c
			JOIN referral r ON r.id = c.referral_id WHERE r.remittent_id = ${staffIdOf("remittent.fk")}
			AND c.kind = 'sekretess' AND c.state = 'aktiv' ORDER BY c.id LIMIT 1`)[0].split(" ");
		await seen(page, role, "samtycken", `/samtycken/ansokan/${ref}`);
		await seen(page, role, "samtycke", `/samtycken/${consent}`);
		await seen(page, role, "samtycke-kopia", `/samtycken/${consent}/kopia`);
		await seen(page, role, "samtycke-aterkalla", `/samtycken/${consent}/aterkalla`);
		await seen(page, role, "samtycke-ny", `/samtycken/ansokan/${ref}/ny?typ=sekretess`);
	},
	async "personal.cm"(page, role) {
		for (const [name, path] of [["start", "/start"], ["inkorg", "/inkorg"], ["deltagare", "/deltagare?status=alla"],
			["sus-kvalitet", "/sus/kvalitet"]])
			await seen(page, role, name, path);
		await page.goto(`${BASE}/inkorg`);
		await seen(page, role, "inkorg-ansokan", await hrefOf(page, "main a[href^='/inkorg/']"));
		await page.goto(`${BASE}/deltagare?status=alla`);
		const p = await hrefOf(page, "main a[href^='/deltagande/']");
		await seen(page, role, "deltagande", p);
		await seen(page, role, "deltagande-samtycken", await hrefOf(page, "main a[href^='/samtycken/ansokan/']"));
		await seen(page, role, "deltagande-atkomstlogg", `${p}/atkomstlogg`);
		await seen(page, role, "deltagande-kontakt", `${p}/kontaktuppgifter`);
		await seen(page, role, "deltagande-formular-sus", `${p}?form=sus`);
		// The search by personnummer (a POST), for a person in the insats.
		const pnr = sql(`SELECT p.personnummer FROM person p JOIN referral r ON r.person_id = p.id
			WHERE r.insats_id = ${insatsIdOf("Case Manager")} ORDER BY r.id LIMIT 1`)[0];
		await page.goto(`${BASE}/deltagare`);
		await page.fill("form[action='/deltagare/sok'] input[name=personnummer]", pnr);
		await Promise.all([page.waitForNavigation(), page.click("form[action='/deltagare/sok'] button[type=submit]")]);
		await seen(page, role, "deltagare-sok");
		await report(page, role);
	},
	async forbund(page, role) {
		await seen(page, role, "start", "/start");
		await seen(page, role, "sus-finsam", "/sus/finsam");
		await report(page, role);
	},
	async admin(page, role) {
		for (const [name, path] of [["admin", "/admin"], ["konton", "/admin/konton"], ["konto-ny", "/admin/konton/ny"],
			["organisationer", "/admin/organisationer"], ["organisation-ny", "/admin/organisationer/ny"],
			["insatser", "/admin/insatser"], ["insats-ny", "/admin/insatser/ny"], ["logg", "/admin/logg"],
			["logg-traffar", "/admin/logg?anvandare=admin"], ["kodlistor", "/admin/kodlistor"],
			["kodlista", "/admin/kodlistor/utbildning"], ["samtyckestexter", "/admin/samtyckestexter"],
			["admin-sus", "/admin/sus"], ["enkater", "/admin/enkater"], ["sus-finsam", "/sus/finsam"]])
			await seen(page, role, name, path);
		for (const [name, list] of [["konto", "konton"], ["organisation", "organisationer"], ["insats", "insatser"],
			["samtyckestext", "samtyckestexter"]]) {
			await page.goto(`${BASE}/admin/${list}`);
			await seen(page, role, name, await hrefOf(page, `main a[href^='/admin/${list}/']:not([href$='/ny'])`));
		}
	},
};

// An insats whose name is one long compound, as Swedish makes them: the
// forms and lists that name insatser (an account's checkboxes, a new
// referral's choices) must still fit the screen. Removed at the end.
const LONG_SLUG = `reflow-${process.pid}`;
sql(`INSERT INTO insats (forbund_id, host_organisation_id, name, short_name, slug, description,
	location, city, target_groups, direction, measurement, period_start, active)
	SELECT forbund_id, host_organisation_id,
	'Arbetsmarknadsintegrationsförberedelseutbildningsinsatsen ${process.pid}',
	'Förberedelseutbildningsinsatsen', '${LONG_SLUG}', description, location, city,
	target_groups, direction, measurement, period_start, 1
	FROM insats WHERE active = 1 ORDER BY id LIMIT 1`);

const browser = await launch();
try {
	for (const [user, visit] of Object.entries(roles)) {
		const ctx = await browser.newContext({ viewport: SMALL, deviceScaleFactor: 1 });
		await step(`${user}: the staff pages at 320 px`, async () => {
			const page = await login(ctx, user);
			await visit(page, user.replace(/\..*/, ""));
		});
		await ctx.close();
	}
} finally {
	await browser.close();
	sql(`DELETE FROM insats WHERE slug = '${LONG_SLUG}'`);
}
done();
