// test_summary_print.mjs: the summary to the remittent and the
// participation page printed on A4 (issue 15, items 2 and 11;
// views/static/stegvis.css, @media print). In print media no form, button,
// navigation or access-log table is visible, and the document (the
// förbund/insats heading, the person, the version and its text) is; the
// printed text of a participation page (ended, and ongoing with mid-term
// follow-ups) holds the case data and none of the screen's tools. The
// demo's participation with a corrected summary (version 2, app/demo_summary.c)
// is read by its insats staff and by its remittent. PDFs and screenshots:
// OUT/screenshots/sammanfattning-*.png, OUT/sammanfattning-*.pdf.
import { writeFileSync, mkdirSync } from "node:fs";
import { BASE, OUT, axe, check, done, eq, launch, login, screenshot, sql, step } from "./lib.mjs";

const A4 = { w: 595.92, h: 842.88 }; // points
// The demo participation whose summary has a second version, its referral,
// a staff member of its insats and its remittent.
const [pid, rid, staff, remittent] = sql(`SELECT p.id, p.referral_id,
	(SELECT MIN(s.username) FROM staff_insats si JOIN staff s ON s.id = si.staff_id
	 WHERE si.insats_id = p.insats_id AND s.username LIKE 'personal.%'), r.username
	FROM participation p JOIN referral f ON f.id = p.referral_id JOIN staff r ON r.id = f.remittent_id
	WHERE p.id = (SELECT MIN(participation_id) FROM participation_summary WHERE version_no = 2)`)[0].split("\t");

// Visible elements matching sel on page.
async function shown(page, sel) {
	const all = page.locator(sel);
	const n = await all.count();
	let k = 0;
	for (let i = 0; i < n; i++)
		if (await all.nth(i).isVisible())
			k++;
	return [k, n];
}

// Print media on page: none of the screen tools, and the PDF is A4.
async function printed(page, name, what) {
	await page.emulateMedia({ media: "print" });
	for (const sel of ["form", "button", "nav", "textarea", "input:not([type=hidden])", ".no-print", "#vem-har-tittat", "section:has(> #vem-har-tittat) table"]) {
		const [k, n] = await shown(page, sel);
		eq(`${name}, print media: no ${sel} is visible (of ${n})`, k, 0);
	}
	for (const sel of what)
		check(`${name}, print media: ${sel} is visible`, (await shown(page, sel))[0] > 0);
	await screenshot(page, `sammanfattning-${name}-print`);
	await page.emulateMedia({ media: null });
	const pdf = await page.pdf({ format: "A4", printBackground: true });
	mkdirSync(OUT, { recursive: true });
	writeFileSync(`${OUT}/sammanfattning-${name}.pdf`, pdf);
	const box = pdf.toString("latin1").match(/\/MediaBox \[([^\]]*)\]/);
	const [, , w, h] = box ? box[1].trim().split(/\s+/).map(Number) : [0, 0, 0, 0];
	check(`${name}: the PDF is A4`, Math.abs(w - A4.w) < 1 && Math.abs(h - A4.h) < 1, `${w} x ${h}`);
}

// The screen's tools on /deltagande/:id: links to other forms, the edit
// link of each mid-term follow-up, the lost-tablet help. None of them is
// in the printed text; the words of a whole word ("Ändra", not
// "Ändringar").
const SCREEN_ONLY = ["Ändra kontaktuppgifter", "Rätta inskrivningen", "öppna igen eller markera som felregistrerat",
	"Samtycken och historik", "Ändra", "Surfplattan borttappad eller trasig?", "Lägg till rad"];
const word = (w) => new RegExp(`(^|[^\\p{L}])${w.replace(/[?]/g, "\\?")}([^\\p{L}]|$)`, "u");

// The printed text of /deltagande/:id on page (print media): none of
// SCREEN_ONLY, no heading without content (the open one's "Avslut"), and
// the case data (each of data).
async function printedCase(page, name, data) {
	await page.emulateMedia({ media: "print" });
	const text = await page.locator("body").innerText();
	for (const w of SCREEN_ONLY)
		check(`${name}, printed: no "${w}"`, !word(w).test(text));
	for (const w of data)
		check(`${name}, printed: "${w}" is there`, text.includes(w), w);
	const empty = await page.evaluate(() => [...document.querySelectorAll("h2")].filter((h) => h.checkVisibility())
		.filter((h) => {
			for (let e = h.nextElementSibling; e && e.tagName !== "H2"; e = e.nextElementSibling)
				if (e.checkVisibility() && e.innerText.trim() !== "")
					return false;
			return true;
		}).map((h) => h.textContent));
	eq(`${name}, printed: no heading without content`, empty.join(", "), "");
	await page.emulateMedia({ media: null });
	return text;
}

// An ongoing demo participation with mid-term follow-ups (app/demo_midterm.c),
// its first follow-up's attendees and a staff member of its insats.
const [open, openWho, openStaff] = sql(`SELECT p.id, (SELECT m.attendees FROM participation_midterm m
	WHERE m.participation_id = p.id ORDER BY m.held_date, m.id LIMIT 1),
	(SELECT MIN(s.username) FROM staff_insats si JOIN staff s ON s.id = si.staff_id
	 WHERE si.insats_id = p.insats_id AND s.username LIKE 'personal.%')
	FROM participation p WHERE p.status = 'inskriven' AND p.id = (SELECT MIN(m.participation_id)
	FROM participation_midterm m JOIN participation q ON q.id = m.participation_id WHERE q.status = 'inskriven')`)[0].split("\t");

check("the demo has a corrected summary", pid && staff && remittent, `${pid} ${staff} ${remittent}`);
check("the demo has an ongoing participation with mid-term follow-ups", open && openWho && openStaff,
	`${open} ${openWho} ${openStaff}`);
const browser = await launch();

await step("the staff's summary page", async () => {
	const ctx = await browser.newContext({ viewport: { width: 1100, height: 900 } });
	const page = await login(ctx, staff);
	await page.goto(`${BASE}/deltagande/${pid}/sammanfattning`);
	check("on screen the correction form is there", await page.locator("form textarea").first().isVisible());
	check("on screen version 2 is shown", (await page.locator(".summary-doc h2").textContent()).includes("Version 2"));
	await screenshot(page, "sammanfattning-staff-screen");
	await axe(page, "the staff's summary page");
	await printed(page, "staff", [".summary-forbund", ".summary-doc", "h1"]);
	await page.goto(`${BASE}/deltagande/${pid}`);
	check("on screen the participation page has its access log", await page.locator("#vem-har-tittat").isVisible());
	await printed(page, "deltagande", ["h1", "dl.facts", "#sammanfattning"]);
	const h1 = (await page.locator("h1").textContent()).trim();
	await printedCase(page, "deltagande (ended)", [h1, "Startdatum", "Individuell plan", "Sammanfattande dokumentation"]);
	await ctx.close();
});

await step("an ongoing participation's page", async () => {
	const ctx = await browser.newContext({ viewport: { width: 1100, height: 900 } });
	const page = await login(ctx, openStaff);
	await page.goto(`${BASE}/deltagande/${open}`);
	check("on screen an ongoing one has its edit links", await page.locator("#mittuppfoljning + table a", { hasText: "Ändra" }).first().isVisible());
	check("and the consent link", await page.getByRole("link", { name: "Samtycken och historik" }).isVisible());
	check("and the lost-tablet help", await page.getByText("Surfplattan borttappad eller trasig?").first().isVisible());
	await printed(page, "deltagande-open", ["h1", "dl.facts", "#mittuppfoljning"]);
	await printedCase(page, "deltagande (ongoing)",
		[(await page.locator("h1").textContent()).trim(), "Mittuppföljningar", openWho, "Startdatum"]);
	await ctx.close();
});

await step("the remittent's summary page", async () => {
	const ctx = await browser.newContext({ viewport: { width: 1100, height: 900 } });
	const page = await login(ctx, remittent);
	await page.goto(`${BASE}/ansokningar/${rid}/sammanfattning`);
	const doc = page.locator(".summary-doc");
	if (await doc.count() === 0) {
		check("the remittent sees the summary (the demo's waiver names their organisation)", false,
			await page.locator("main").textContent());
	} else {
		check("the latest version is shown", (await doc.locator("h2").textContent()).includes("Version 2"));
		check("version 1 is listed as superseded", (await page.locator("main").textContent()).includes("Ersatt av en senare version"));
		await screenshot(page, "sammanfattning-remittent-screen");
		await axe(page, "the remittent's summary page");
		await printed(page, "remittent", [".summary-forbund", ".summary-insats", ".summary-doc"]);
		await page.goto(`${BASE}/ansokningar/${rid}/sammanfattning?version=1`);
		check("version 1 opens", (await doc.locator("h2").textContent()).includes("Version 1"));
	}
	await ctx.close();
});

await browser.close();
done();
