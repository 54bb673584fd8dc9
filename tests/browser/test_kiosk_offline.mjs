// The questionnaire kiosk loses no answer (issue 16: 3, 6, 8a, 8c), in
// Chromium on a 768x1024 tablet:
//  - the network drops (playwright's context.setOffline()): the page stays
//    and says so calmly in the participant's language, keeps the answer in
//    memory only (no web storage), and moves on once the server has it;
//    every answer is stored exactly once, also when the server got the
//    first try and only its answer was lost;
//  - a refusal is shown as the server's page: a validation error, and the
//    lock screen when staff let go of the code meanwhile;
//  - the unset VAS: no thumb, no split track, "not answered yet", nothing
//    sent when untouched; the keyboard sets it;
//  - the buttons in their visual order, LTR and RTL; Enter means "next";
//  - the page title is not the question.
// axe on every new screen; screenshots in OUT/screenshots.
import {
	axe, BASE, check, done, enterCode, eq, go, insatsIdOf, kioskStatus, launch, loseFirstReply, newCode, noWebStorage,
	pathOf, PORTRAIT, screenshot, sql, staffPage, step, tablet,
} from "./lib.mjs";

const browser = await launch();
const sp = await staffPage(browser, "personal.fv");
const blank = await browser.newPage(); // decodes screenshots (no CSP)

const next = ".kiosk-nav button[value=nasta]";

async function start(code, lang) {
	const ctx = await tablet(browser, PORTRAIT);
	const page = await ctx.newPage();
	await enterCode(page, code);
	await go(page, `button[lang=${lang}]`);
	return { ctx, page };
}

// The colours along the middle row of an element, as the screen shows it.
async function row(locator) {
	const png = await locator.screenshot();
	return blank.evaluate(async (b64) => {
		const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
		const bmp = await createImageBitmap(new Blob([bin], { type: "image/png" }));
		const g = new OffscreenCanvas(bmp.width, bmp.height).getContext("2d");
		g.drawImage(bmp, 0, 0);
		const d = g.getImageData(0, Math.floor(bmp.height / 2), bmp.width, 1).data;
		const out = [];
		for (let i = 0; i < d.length; i += 4) out.push(`${d[i]},${d[i + 1]},${d[i + 2]}`);
		return out;
	}, png.toString("base64"));
}
const ACCENT = "11,83,148"; // --accent in stegvis.css: the thumb

// The visible buttons of the nav, left to right on the screen, as their
// DOM (= Tab) order goes.
async function navXs(page) {
	return page.$$eval(".kiosk-nav > button, .kiosk-nav > a", (els) => els.map((e) => e.getBoundingClientRect().x));
}
const increasing = (xs) => xs.every((x, i) => i === 0 || x > xs[i - 1]);
const decreasing = (xs) => xs.every((x, i) => i === 0 || x < xs[i - 1]);

const [pid] = sql(`SELECT p.id FROM participation p WHERE p.insats_id = ${insatsIdOf("Friska Vindar 2.0")} AND p.status = 'inskriven'
	AND NOT EXISTS (SELECT 1 FROM questionnaire_response r WHERE r.participation_id = p.id)
	AND NOT EXISTS (SELECT 1 FROM questionnaire_code c WHERE c.participation_id = p.id)
	ORDER BY p.id DESC LIMIT 1`);
check("a participation without measurements to test with", !!pid);

await step("Swedish: the network drops, nothing is lost", async () => {
	const code = await newCode(sp, pid, "Öppna Startmätning på surfplatta");
	const { ctx, page } = await start(code, "sv");
	// The response is made when the code is typed.
	const [cid, rid] = sql(`SELECT CONCAT(id, ' ', response_id) FROM questionnaire_code WHERE participation_id = ${pid}`)[0].split(" ");
	// "rows value" of the answer to item n.
	const answer = (n) => sql(`SELECT CONCAT(COUNT(*), ' ', IFNULL(MAX(a.value_int), '-')) FROM questionnaire_answer a
		JOIN questionnaire_item i ON i.id = a.item_id WHERE a.response_id = ${rid} AND i.position = ${n}`)[0];
	eq("question 1", pathOf(page), "/enkat/fraga/1");

	// 8c: the title is the progress and the questionnaire, not the question.
	eq("the title says where, not what", await page.title(), "Fråga 1 av 6 – Livskvalitet och hälsa");
	check("... never the question", !(await page.title()).includes((await page.textContent("h1")).trim()));

	// 8a: back, skip, next, left to right as in the DOM (and Tab order).
	check("the buttons' order on screen is their order in the page (LTR)", increasing(await navXs(page)), String(await navXs(page)));

	// 6: the unset VAS.
	eq("the VAS says it is not answered yet", (await page.textContent("#vas-unset")).trim(), "Inte besvarad än");
	check("... visibly", await page.isVisible("#vas-unset"));
	eq("... to screen readers too", await page.getAttribute(".kiosk-vas-range", "aria-valuetext"), "Inte besvarad än");
	let track = await row(page.locator(".kiosk-vas-range"));
	const at = (f) => track[Math.floor(track.length * f)];
	check("... no thumb", !track.includes(ACCENT));
	eq("... one even track, not split", at(0.1), at(0.9));
	await axe(page, "the unset VAS");
	await screenshot(page, "offline-01-vas-unset");
	await go(page, next);
	eq("untouched, next goes on", pathOf(page), "/enkat/fraga/2");
	eq("... and sends no value", answer(1), "0 -");

	// A refusal is the server's page: a VAS of 150 (the field's own limit
	// taken away, as an old browser might).
	await go(page, ".kiosk-nav button[value=tillbaka]");
	await page.$eval("#svar", (e) => e.removeAttribute("max"));
	await page.fill("#svar", "150");
	const [refused] = await Promise.all([page.waitForNavigation(), page.click(next)]);
	eq("a refused answer shows the server's page", refused.status(), 400);
	eq("... with its error", (await page.textContent("[role=alert]")).trim(), "Svaret kunde inte sparas. Kontrollera svaret eller hoppa över frågan.");
	eq("... the typed value kept", await page.inputValue("#svar"), "150");
	await axe(page, "the VAS refused");
	await page.fill("#svar", "64");
	await Promise.all([page.waitForNavigation(), page.press("#svar", "Enter")]);
	eq("Enter in the field means next", pathOf(page), "/enkat/fraga/2");
	eq("... saved", answer(1), "1 64");

	// The keyboard sets the VAS; then the network drops.
	await page.focus(".kiosk-vas-range");
	await page.keyboard.press("ArrowRight");
	eq("an arrow key on the slider sets it", await page.inputValue("#svar"), "51");
	check("... 'not answered yet' goes", !(await page.isVisible("#vas-unset")));
	track = await row(page.locator(".kiosk-vas-range"));
	check("... a thumb shows", track.includes(ACCENT));
	eq("... on a track still not split", at(0.1), at(0.9));
	await ctx.setOffline(true);
	await page.click(next);
	const said = await kioskStatus(page);
	eq("offline: the page stays", pathOf(page), "/enkat/fraga/2");
	eq("... and says so calmly, in Swedish", said,
		"Ingen anslutning just nu. Ditt svar finns kvar och skickas så snart anslutningen är tillbaka.");
	eq("... in a polite live region", await page.getAttribute(".kiosk-status", "role"), "status");
	eq("... the answer still on the screen", await page.inputValue("#svar"), "51");
	check("... kept in memory only: no web storage", await noWebStorage(page));
	await axe(page, "offline");
	await screenshot(page, "offline-02-sv-offline");
	await ctx.setOffline(false);
	await page.waitForURL("**/enkat/fraga/3");
	eq("back online: saved, and on", answer(2), "1 51");

	// The server has the answer but its reply is lost: the retry stores
	// nothing twice.
	await page.click("label[for=svar-2]");
	const tries = await loseFirstReply(page, "**/enkat/fraga/3");
	await Promise.all([page.waitForURL("**/enkat/fraga/4"), page.click(next)]);
	await page.unroute("**/enkat/fraga/3");
	eq("a reply lost: tried again, and on", tries(), 2);
	eq("... the answer stored once", answer(3), "1 2");
	eq("... written once", sql(`SELECT s.saves FROM questionnaire_screen s JOIN questionnaire_item i ON i.id = s.item_id
		WHERE s.code_id = ${cid} AND i.position = 3`)[0], "1");

	// Offline, and staff let go of the code meanwhile: the lock screen.
	await page.click("label[for=svar-3]");
	await ctx.setOffline(true);
	await page.click(next);
	await kioskStatus(page);
	await sp.goto(`${BASE}/deltagande/${pid}`);
	await Promise.all([sp.waitForNavigation(), sp.getByRole("button", { name: /Släpp surfplattan/ }).click()]);
	await ctx.setOffline(false);
	await page.waitForURL("**/surfplatta");
	check("released meanwhile: the server's lock screen, not tried forever", (await page.textContent("main")).includes("Skriv koden"));
	eq("... nothing stored for it", answer(4), "0 -");
	check("... and still nothing in web storage", await noWebStorage(page));
	await screenshot(page, "offline-03-released");
	await ctx.close();
});

await step("Arabic (RTL): the network drops", async () => {
	const code = await newCode(sp, pid, "Öppna Hur går det i insatsen? (exempel) på surfplatta");
	const [cid] = sql("SELECT MAX(id) FROM questionnaire_code"); // the newest: just made
	const { ctx, page } = await start(code, "ar");
	eq("right to left", await page.getAttribute("html", "dir"), "rtl");
	const title = await page.title();
	check("the title is the progress in Arabic", title.startsWith("السؤال 1 من "), title);
	check("... never the question", !title.includes((await page.textContent("legend")).trim()), title);
	check("the buttons' order on screen is their order in the page (RTL)", decreasing(await navXs(page)), String(await navXs(page)));
	await page.click("label[for=svar-2]");
	await ctx.setOffline(true);
	await page.click(next);
	eq("offline: the message in Arabic", await kioskStatus(page), "لا يوجد اتصال الآن. إجابتك محفوظة وستُرسل فور عودة الاتصال.");
	check("... no web storage", await noWebStorage(page));
	await axe(page, "offline, Arabic");
	await screenshot(page, "offline-04-ar-offline");
	await ctx.setOffline(false);
	await page.waitForURL("**/enkat/fraga/2");
	eq("back online: the anonymous answer stored once", sql(`SELECT CONCAT(COUNT(*), ' ', MAX(d.value_int)) FROM questionnaire_draft_answer d
		JOIN questionnaire_item i ON i.id = d.item_id WHERE d.code_id = ${cid} AND i.position = 1`)[0], "1 2");
	await ctx.close();
});

await browser.close();
done();
