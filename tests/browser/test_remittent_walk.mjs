// test_remittent_walk.mjs: issue 15's "Done when": a remittent, walking
// their own application from draft to summary in the browser, sees every
// step within the waiver. Through the pages only, as the users would:
// remittent.fk writes a draft to Case Manager Grästorp, opens it again and
// submits it (the consent to be taken at the VISA visit); personal.cm
// records the paper waiver (Försäkringskassan and the insats, disclosure,
// arbete and planering), admits with a start date and a contact person,
// saves a plan with two activities, records two mid-term follow-ups,
// extends the planned end, ends the participation (arbete) and writes the
// summary (a draft, then sent); remittent.fk sees each on /ansokningar/:id
// (never the follow-ups' internal notes), the summary among the news of
// the next login, on its own page and printed on A4; then personal.cm
// records an oral revocation of the waiver and remittent.fk sees only that
// the participation and a summary exist. SQL only reads (the contact
// person's name, a free personnummer). The walk happens in one day (the
// start cannot precede the application's arrival). Every page passes axe,
// no console errors; a screenshot per page in OUT/screenshots/walk-*.png,
// the summary's PDF in OUT/walk-sammanfattning.pdf. Each step builds on
// the one before: after an exception the rest are skipped (not ok).
import { mkdirSync, writeFileSync } from "node:fs";
import {
	axe, BASE, check, eq, launch, login, notOk, OUT, runWith, screenshot, sql,
} from "./lib.mjs";

// The insats: running (its period open), taking applications, staffed by
// STAFF. (The demo's other individual insatser have decided periods that
// ended years ago: no waiver can be taken for them through the pages.)
const INSATS = "Case Manager Grästorp";
const STAFF = "personal.cm";
const REMITTENT = "remittent.fk";
const A4 = { w: 595.92, h: 842.88 }; // points
// The contact person as the staff record names them.
const [STAFF_NAME, STAFF_EMAIL] = sql(`SELECT display_name, email FROM staff WHERE username = '${STAFF}'`)[0].split("\t");

// The Swedish day offset days from today, YYYY-MM-DD (the server's days
// are Europe/Stockholm's).
function day(offset) {
	return new Date(Date.now() + offset * 86400000).toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
}

// A valid personnummer (Luhn) no person has, as people write it:
// ÅÅÅÅMMDD-NNNN.
function freshPnr() {
	for (;;) {
		const born = `19${70 + Math.floor(Math.random() * 30)}${String(1 + Math.floor(Math.random() * 12)).padStart(2, "0")}${String(1 + Math.floor(Math.random() * 28)).padStart(2, "0")}`;
		const nine = born.slice(2) + String(100 + Math.floor(Math.random() * 800));
		let sum = 0;
		for (let i = 0; i < 9; i++) {
			const d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
			sum += d > 9 ? d - 9 : d;
		}
		const pnr = `19${nine}${(10 - (sum % 10)) % 10}`;
		if (sql(`SELECT COUNT(*) FROM person WHERE personnummer = '${pnr}'`)[0] === "0")
			return `${pnr.slice(0, 8)}-${pnr.slice(8)}`;
	}
}

const tag = String(Date.now() % 1000000);
const FIRST = `Vandra${tag}`;
const LAST = "Stegsson";
const PNR = freshPnr();
const PLAN = [["Promenadgrupp", "4"], ["Arbetsträning i köket", "6"]];
// The walk happens in one day: the start cannot be before the day the
// application came in, a follow-up is not in the future.
const MIDTERMS = [
	{ date: day(0), who: "Deltagaren, kontaktpersonen", note: `Intern anteckning ett ${tag}` },
	{ date: day(0), who: "Deltagaren, remittenten och kontaktpersonen", note: `Intern anteckning två ${tag}` },
];
const START = day(0);
const PLANNED_END = day(30);
const EXTENDED_END = day(60);
const EXTENSION_REASON = "Praktiken behöver mer tid";
const END = day(0);
const SUMMARY = {
	gjort: `Promenader och arbetsträning, ${tag}.`,
	resultat: "Arbetar nu halvtid i köket.",
	egen_syn: "Jag orkar mer än förut.",
	nasta_steg: "Fortsatt anställning med stöd.",
	vem: "Arbetsgivaren och Försäkringskassan",
};

// The console errors of every page a context opens.
const consoleErrors = [];
function watch(page, who) {
	page.on("console", (m) => {
		if (m.type() === "error")
			consoleErrors.push(`${who} ${page.url()}: ${m.text()}`);
	});
	page.on("pageerror", (e) => consoleErrors.push(`${who} ${page.url()}: ${e.message}`));
	return page;
}

// Each page the walk shows: a screenshot and the axe check.
let shot = 0;
async function seen(page, name) {
	await screenshot(page, `walk-${String(++shot).padStart(2, "0")}-${name}`);
	await axe(page, `walk: ${name}`);
}

// The text of the dd after the dt named dt inside scope (a selector),
// trimmed; null if there is no such dt.
async function fact(page, scope, dt) {
	return page.evaluate(([s, d]) => {
		const root = document.querySelector(s);
		if (!root)
			return null;
		for (const t of root.querySelectorAll("dt"))
			if (t.textContent.trim() === d)
				return t.nextElementSibling ? t.nextElementSibling.textContent.replace(/\s+/g, " ").trim() : null;
		return null;
	}, [scope, dt]);
}

// The error messages a form page shows, for a failure's line.
async function errorsOn(page) {
	return (await page.locator(".alert, p.error").allInnerTexts()).join(" / ");
}

// Send a form (action: a selector to click or a function that clicks)
// and wait for the page that follows; an exception with the page's error
// messages if the answer is an error (a refused form is 400 or 409).
async function send(page, action) {
	const [resp] = await Promise.all([page.waitForNavigation(),
		typeof action === "function" ? action() : page.click(action)]);
	if (!resp || resp.status() >= 400)
		throw new Error(`${resp ? resp.status() : "no answer"} at ${page.url()}: ${await errorsOn(page)}`);
	return resp;
}

// The rows of the table after the heading h3 in the follow section, each
// as its cells' trimmed texts joined by " | ".
async function rowsAfter(page, h3) {
	return page.evaluate((h) => {
		const head = [...document.querySelectorAll("section.follow h3")].find((e) => e.textContent.trim() === h);
		const table = head && head.nextElementSibling && head.nextElementSibling.tagName === "TABLE" ? head.nextElementSibling : null;
		return table ? [...table.querySelectorAll("tbody tr")].map((tr) =>
			[...tr.cells].map((c) => c.textContent.trim()).join(" | ")) : [];
	}, h3);
}

// A step of the walk: each builds on the one before, so after an
// exception the rest are skipped, each one "not ok" line.
let broken = "";
async function step(desc, fn) {
	if (broken) {
		notOk(desc, `skipped: ${broken} failed`);
		return;
	}
	try {
		await fn();
	} catch (e) {
		broken = desc.split(" ")[0];
		notOk(desc, e && e.message ? e.message : e);
	}
}

const browser = await launch();
await runWith(browser, "the remittent's walk", async () => {
	const remCtx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	remCtx.setDefaultTimeout(10000);
	const rem = watch(await login(remCtx, REMITTENT), REMITTENT);
	const staffCtx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	staffCtx.setDefaultTimeout(10000);
	const fv = watch(await login(staffCtx, STAFF), STAFF);
	check("the contact person is known", STAFF_NAME && STAFF_EMAIL, STAFF_NAME);
	const FOLLOW = "section.follow";
	let rid = "";
	let pid = "";

	// The remittent's application page, fresh.
	async function application(name) {
		await rem.goto(`${BASE}/ansokningar/${rid}`);
		await seen(rem, name);
		return rem.locator("main").innerText();
	}

	await step("1. remittent.fk writes a draft, opens it again and submits it", async () => {
		await rem.goto(`${BASE}/ansokningar/ny`);
		await seen(rem, "ansokan-ny");
		await rem.fill("#personnummer", PNR);
		await rem.fill("#fornamn", FIRST);
		await rem.fill("#efternamn", LAST);
		await rem.selectOption("#kon", "kvinna");
		await rem.fill("#adress", "Storgatan 1");
		await rem.fill("#postnummer", "46130");
		await rem.fill("#ort", "Trollhättan");
		await rem.fill("#kommun", "Trollhättan");
		await rem.selectOption("#insats", { label: INSATS });
		await rem.fill("#visa-datum", day(-40));
		await rem.check("#forsorjning-sjukpenning");
		await rem.selectOption("#tid-forsorjning", { index: 1 });
		await rem.selectOption("#utbildning", { index: 1 });
		await rem.fill("#bakgrund", "Lång sjukskrivning efter en olycka.");
		await rem.fill("#mal", "Tillbaka till arbete på halvtid.");
		await rem.fill("#behov", "Struktur och stöd i vardagen.");
		await rem.check("#samtycke-vid-visa");
		await send(rem, "button[name=atgard][value=spara]");
		const m = rem.url().match(/\/ansokningar\/([0-9]+)/);
		rid = m ? m[1] : "";
		if (!rid)
			throw new Error(`the draft is not saved: ${rem.url()}: ${await errorsOn(rem)}`);
		eq("its status is a draft", (await rem.locator(".ref-status").textContent()).trim(), "Utkast");
		await seen(rem, "ansokan-utkast");
		await send(rem, () => rem.getByRole("link", { name: "Ändra ansökan" }).click());
		eq("the draft opens again with what was typed", await rem.inputValue("#fornamn"), FIRST);
		check("and the personnummer", (await rem.locator("main form").innerText()).includes(`Personnummer: ${PNR}`));
		check("and the consent marker", await rem.isChecked("#samtycke-vid-visa"));
		await seen(rem, "ansokan-andra");
		await send(rem, "button[name=atgard][value=skicka]");
		eq("submitted", (await rem.locator(".ref-status").textContent()).trim(), "Inskickad");
		await seen(rem, "ansokan-inskickad");
	});

	await step("2. personal.cm records the waiver signed on paper", async () => {
		await fv.goto(`${BASE}/inkorg/${rid}`);
		check("the application is in the inbox", (await fv.locator("h1").textContent()).includes(FIRST));
		await seen(fv, "inkorg-ansokan");
		await fv.goto(`${BASE}/samtycken/ansokan/${rid}`);
		await seen(fv, "samtycken");
		await send(fv, () => fv.getByRole("link", { name: "Ny sekretesslättnad" }).click());
		const parties = fv.locator("input[name=part]");
		for (let i = 0; i < await parties.count(); i++) {
			const label = (await fv.locator(`label[for="${await parties.nth(i).getAttribute("id")}"]`).textContent()).trim();
			if (label.startsWith("Försäkringskassan") || label === `${INSATS} (insatsen)`)
				await parties.nth(i).check();
			else
				await parties.nth(i).uncheck();
		}
		for (const c of ["arbete", "planering"])
			await fv.check(`#kategori-${c}`);
		await fv.check("#inhamta");
		await fv.check("#lamna");
		await fv.fill("#syfte", "Planera och följa insatsen med Försäkringskassan.");
		await fv.fill("#fran", day(-35));
		await fv.fill("#till", day(90));
		await fv.check("#satt-papper");
		await fv.fill("#pappersdatum", day(-35));
		await seen(fv, "samtycke-ny-ifylld");
		await send(fv, "main form button[type=submit]");
		if (!/\/samtycken\/[0-9]+\?givet=1$/.test(fv.url()))
			throw new Error(`the consent is not given: ${fv.url()}: ${await errorsOn(fv)}`);
		const status = (await fact(fv, "main", "Status")) || "";
		check("the waiver is in force", status.startsWith("Gäller"), status);
		const text = await fv.locator("main").innerText();
		for (const w of ["Försäkringskassan", `${INSATS}`, "Planering", "Arbete", "Insatsen får lämna uppgifter till parterna."])
			check(`the waiver names ${w}`, text.includes(w), w);
		await seen(fv, "samtycke-givet");
	});

	await step("3. personal.cm admits it; remittent.fk sees the start and the contact person", async () => {
		await fv.goto(`${BASE}/inkorg/${rid}`);
		await fv.fill("#an-start", START);
		await fv.fill("#an-slut", PLANNED_END);
		await fv.selectOption("#an-kontakt", { label: STAFF_NAME });
		await fv.fill("#an-timmar", "10");
		await send(fv, () => fv.getByRole("button", { name: "Anta och skriv in" }).click());
		const m = fv.url().match(/\/deltagande\/([0-9]+)/);
		pid = m ? m[1] : "";
		if (!pid)
			throw new Error(`no participation page: ${fv.url()}: ${await errorsOn(fv)}`);
		await seen(fv, "deltagande-antagen");
		await application("ansokan-antagen");
		eq("the status is antagen", (await rem.locator(".ref-status").textContent()).trim(), "Antagen");
		eq("the participation's status", await fact(rem, FOLLOW, "Status"), "Inskriven");
		eq("the start date", await fact(rem, FOLLOW, "Startdatum"), START);
		eq("the planned end", await fact(rem, FOLLOW, "Planerat slut"), PLANNED_END);
		eq("the contact person", await fact(rem, FOLLOW, "Kontaktperson"),
			`${STAFF_NAME}, ${STAFF_EMAIL}`);
	});

	await step("4. a plan with two activities and two mid-term follow-ups", async () => {
		// Each form opens on its own page (?form=x), from the page's link.
		await fv.goto(`${BASE}/deltagande/${pid}`);
		await fv.getByRole("link", { name: "Ändra planen" }).click();
		for (let i = 0; i < PLAN.length; i++) {
			await fv.fill(`#aktivitet-${i + 1}`, PLAN[i][0]);
			await fv.fill(`#timmar-${i + 1}`, PLAN[i][1]);
		}
		await send(fv, () => fv.getByRole("button", { name: "Spara planen" }).click());
		for (const mt of MIDTERMS) {
			await fv.getByRole("link", { name: "Registrera en mittuppföljning" }).click();
			await fv.fill("#mt-datum", mt.date);
			await fv.fill("#mt-deltog", mt.who);
			await fv.fill("#mt-anteckning", mt.note);
			await send(fv, () => fv.getByRole("button", { name: "Spara mittuppföljningen" }).click());
			check(`the staff see the note "${mt.note}"`, (await fv.locator("main").innerText()).includes(mt.note));
		}
		await seen(fv, "deltagande-plan-mitt");
		const text = await application("ansokan-plan-mitt");
		eq("the plan's activities and hours", (await rowsAfter(rem, "Planen")).join("; "),
			PLAN.map(([a, h]) => `${a} | ${h}`).join("; "));
		eq("the hours a week, the plan's sum", await fact(rem, FOLLOW, "Timmar per vecka"), "10");
		eq("both mid-term follow-ups, with the date and who attended", (await rowsAfter(rem, "Mittuppföljningar")).join("; "),
			MIDTERMS.map((mt) => `${mt.date} | ${mt.who}`).join("; "));
		for (const mt of MIDTERMS)
			check(`not the internal note "${mt.note}"`, !text.includes(mt.note));
	});

	await step("5. the planned end extended", async () => {
		await fv.goto(`${BASE}/deltagande/${pid}?form=forlangning`);
		await fv.fill("#fl-slut", EXTENDED_END);
		await fv.fill("#fl-orsak", EXTENSION_REASON);
		await send(fv, () => fv.getByRole("button", { name: "Förläng" }).click());
		await seen(fv, "deltagande-forlangd");
		await application("ansokan-forlangd");
		eq("the extension", (await rowsAfter(rem, "Förlängningar")).join("; "),
			`${PLANNED_END} | ${EXTENDED_END} | ${EXTENSION_REASON}`);
		eq("the new planned end", await fact(rem, FOLLOW, "Planerat slut"), EXTENDED_END);
	});

	await step("6. the participation ended (arbete)", async () => {
		await fv.goto(`${BASE}/deltagande/${pid}?form=avslut`);
		await fv.fill("#en-datum", END);
		await fv.selectOption("#en-orsak", "arbete");
		eq("the end reason's label on the staff form",
			(await fv.locator("#en-orsak option:checked").textContent()).trim(), "Arbete");
		await fv.selectOption("#en-syss", "arbete");
		await fv.check("#en-forsorjning-lon");
		await send(fv, () => fv.getByRole("button", { name: "Avsluta deltagandet" }).click());
		await seen(fv, "deltagande-avslutad");
		await application("ansokan-avslutad");
		eq("the participation's status", await fact(rem, FOLLOW, "Status"), "Avslutad");
		eq("the end date", await fact(rem, FOLLOW, "Slutdatum"), END);
		eq("the end reason (the waiver names arbete)", await fact(rem, FOLLOW, "Avslutsorsak"), "Arbete");
		eq("no summary yet", await fact(rem, FOLLOW, "Sammanfattning"), "Inte skickad ännu");
	});

	await step("7. the summary: a draft, then sent; news, the page, print and PDF", async () => {
		await fv.goto(`${BASE}/deltagande/${pid}/sammanfattning`);
		await fv.fill("#sf-gjort", SUMMARY.gjort);
		await fv.fill("#sf-resultat", SUMMARY.resultat);
		await fv.fill("#sf-egen-syn", SUMMARY.egen_syn);
		await fv.fill("#sf-nasta-steg", SUMMARY.nasta_steg);
		await fv.fill("#sf-vem", SUMMARY.vem);
		await send(fv, "button[name=atgard][value=spara]");
		eq("the draft keeps the text", await fv.inputValue("#sf-gjort"), SUMMARY.gjort);
		await seen(fv, "sammanfattning-utkast");
		await application("ansokan-utkast-finns");
		eq("a draft is no summary to the remittent", await fact(rem, FOLLOW, "Sammanfattning"), "Inte skickad ännu");
		check("no link to a summary", await rem.locator(`a[href="/ansokningar/${rid}/sammanfattning"]`).count() === 0);
		await rem.goto(`${BASE}/ansokningar/${rid}/sammanfattning`);
		check("the summary page has no document", await rem.locator(".summary-doc").count() === 0);
		check("and says none was sent", (await rem.locator("main").innerText()).includes("Insatsen har inte skickat någon sammanfattning ännu."));
		await seen(rem, "sammanfattning-inget-an");

		await fv.goto(`${BASE}/deltagande/${pid}/sammanfattning`);
		await send(fv, "button[name=atgard][value=skicka]");
		await seen(fv, "sammanfattning-skickad");

		// The next login: the summary among the news since the last visit.
		await send(rem, () => rem.getByRole("button", { name: "Logga ut" }).click());
		check("logged out", (await rem.context().cookies()).every((c) => c.name !== "stegvis_session"));
		await rem.goto(`${BASE}/logga-in`);
		await rem.fill("#anvandarnamn", REMITTENT);
		await rem.fill("#losenord", "stegvis-demo");
		await send(rem, "button[type=submit]:not(.linkbutton)");
		await rem.goto(`${BASE}/start`);
		const news = await rem.evaluate(() => [...document.querySelectorAll("section.news tbody tr")].map((tr) =>
			[...tr.cells].slice(1).map((c) => c.textContent.trim()).join(" | ")));
		for (const kind of ["Sammanfattning skickad", "Avslut", "Start"]) {
			check(`the start page's news: ${kind}`, news.includes(`${kind} | ${FIRST} ${LAST} | ${INSATS}`), news.join("; "));
		}
		await seen(rem, "start-nytt");

		const text = await application("ansokan-sammanfattning");
		const sent = (await fact(rem, FOLLOW, "Sammanfattning")) || "";
		check("the application page says when it was sent (Swedish time)",
			new RegExp(`^Skickad ${END} [0-9]{2}:[0-9]{2} \\(svensk tid\\)\\. Läs sammanfattningen$`).test(sent), sent);
		check("no internal note", !MIDTERMS.some((mt) => text.includes(mt.note)));
		await send(rem, () => rem.getByRole("link", { name: "Läs sammanfattningen" }).click());
		eq("the link leads to the summary page", new URL(rem.url()).pathname, `/ansokningar/${rid}/sammanfattning`);
		const doc = rem.locator(".summary-doc");
		check("version 1 is shown", (await doc.locator("h2").textContent()).startsWith("Version 1, skickad "));
		const docText = await doc.innerText();
		for (const [k, v] of Object.entries(SUMMARY))
			check(`the summary's ${k}`, docText.includes(v), v);
		await seen(rem, "sammanfattning-las");

		await rem.emulateMedia({ media: "print" });
		for (const sel of ["nav", "form", "button", "input:not([type=hidden])", "textarea", ".no-print", "#vem-har-tittat"]) {
			const all = rem.locator(sel);
			let visible = 0;
			for (let i = 0; i < await all.count(); i++)
				if (await all.nth(i).isVisible())
					visible++;
			eq(`printed: no ${sel} is visible`, visible, 0);
		}
		check("printed: the document is", await doc.isVisible());
		await screenshot(rem, `walk-${String(++shot).padStart(2, "0")}-sammanfattning-utskrift`);
		await rem.emulateMedia({ media: null });
		const pdf = await rem.pdf({ format: "A4", printBackground: true });
		mkdirSync(OUT, { recursive: true });
		writeFileSync(`${OUT}/walk-sammanfattning.pdf`, pdf);
		const box = pdf.toString("latin1").match(/\/MediaBox \[([^\]]*)\]/);
		const [, , w, h] = box ? box[1].trim().split(/\s+/).map(Number) : [0, 0, 0, 0];
		check("the PDF is A4", Math.abs(w - A4.w) < 1 && Math.abs(h - A4.h) < 1, `${w} x ${h}`);
	});

	await step("8. the waiver revoked orally: only that things exist", async () => {
		await fv.goto(`${BASE}/samtycken/ansokan/${rid}`);
		const link = fv.locator("main table a[href^='/samtycken/']").filter({ hasText: /^Sekretesslättnad$/ });
		const href = (await link.count()) ? await link.first().getAttribute("href") : "";
		check("the consents list links the waiver", /^\/samtycken\/[0-9]+$/.test(href || ""), href);
		await fv.goto(`${BASE}${href}`);
		await fv.check("#rv-alla");
		await fv.check("#hur-muntligt");
		await fv.fill("#skal", "Deltagaren ringde.");
		await send(fv, () => fv.getByRole("button", { name: "Registrera återkallelsen" }).click());
		const status = (await fact(fv, "main", "Status")) || "";
		check("the waiver is revoked", status.startsWith("Återkallat"), status);
		await seen(fv, "samtycke-aterkallat");

		const text = await application("ansokan-aterkallad");
		const follow = await rem.locator("main").innerText(); // the page that shows only that it exists
		check("the page says the participation exists", follow.includes("Deltagandet finns (Avslutad)."), follow);
		for (const w of [START, EXTENDED_END, END, STAFF_NAME, ...PLAN.map((p) => p[0]),
			...MIDTERMS.map((mt) => mt.who), EXTENSION_REASON, "Läs sammanfattningen", "Avslutsorsak"])
			check(`the application page no longer shows "${w}"`, !follow.includes(w), w);
		check("no internal note", !MIDTERMS.some((mt) => text.includes(mt.note)));
		await rem.goto(`${BASE}/ansokningar/${rid}/sammanfattning`);
		const sum = await rem.locator("main").innerText();
		check("the summary page says a summary exists", sum.includes("Det finns en sammanfattning från insatsen."), sum);
		check("and no document", await rem.locator(".summary-doc").count() === 0);
		for (const v of Object.values(SUMMARY))
			check(`not "${v}"`, !sum.includes(v));
		await seen(rem, "sammanfattning-dold");
	});

	eq("no console errors", consoleErrors.join("; "), "");
	await remCtx.close();
	await staffCtx.close();
});
