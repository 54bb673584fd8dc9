// The kiosk keeps the answer the participant sees (issue 16, review), in
// Chromium on a 768x1024 tablet:
//  - a save whose first try reached the server but whose reply was lost,
//    the tablet then offline: while the answer waits its fields are locked
//    (the participant cannot choose again unseen while the retry carries
//    the old answer) and the status says the answer is kept; once back
//    online the page moves on and the answer stored is the one shown;
//  - the idle lock fires while offline: no browser error page, nothing of
//    the answer left on the screen, a lock message in the participant's
//    language, and the lock screen once the network is back.
// axe on the new screens; screenshots in OUT/screenshots.
import {
	axe, check, done, enterCode, eq, go, insatsIdOf, kioskStatus, launch, loseFirstReply, newCode, pathOf, PORTRAIT,
	screenshot, sql, staffPage, step, tablet,
} from "./lib.mjs";

const browser = await launch();
const sp = await staffPage(browser, "personal.fv");
const next = ".kiosk-nav button[value=nasta]";
const QUEST = "Öppna Hur går det i insatsen? (exempel) på surfplatta";

// A participation of Friska Vindar (the questionnaire is anonymous, so any).
function freshParticipation(offset) {
	return sql(`SELECT p.id FROM participation p WHERE p.insats_id = ${insatsIdOf("Friska Vindar 2.0")}
		AND p.status = 'inskriven' ORDER BY p.id LIMIT 1 OFFSET ${offset}`)[0];
}

async function start(pid, lang, clock) {
	const code = await newCode(sp, pid, QUEST);
	const [cid] = sql("SELECT MAX(id) FROM questionnaire_code");
	const ctx = await tablet(browser, PORTRAIT);
	const page = await ctx.newPage();
	if (clock) await page.clock.install();
	await enterCode(page, code);
	await go(page, `button[lang=${lang}]`);
	return { ctx, page, cid };
}

// The answers stored with the code (anonymous: its draft), "pos=value".
function stored(cid) {
	return sql(`SELECT CONCAT(i.position, '=', d.value_int) FROM questionnaire_draft_answer d
		JOIN questionnaire_item i ON i.id = d.item_id WHERE d.code_id = ${cid} ORDER BY i.position`);
}

await step("the reply is lost, the tablet offline: the answer shown is the one kept", async () => {
	const pid = freshParticipation(0);
	check("a participation to test with", !!pid);
	const { ctx, page, cid } = await start(pid, "so");
	await page.click("label[for=svar-2]");
	// The first try reaches the server; its reply is lost.
	await loseFirstReply(page, "**/enkat/fraga/1");
	await ctx.setOffline(true);
	await page.click(next);
	const status = await kioskStatus(page);
	check("the status says, in Somali, that the answer is kept", status.includes("Jawaabtaadu way kaydsan tahay"), status);
	eq("the first try arrived: 1=2 stored", stored(cid).join(","), "1=2");
	check("while it waits the answer's choices are locked", await page.isDisabled("#svar-5"));
	check("... the chosen one still shown", await page.isChecked("#svar-2"));
	await screenshot(page, "pending-01-locked");
	await axe(page, "a screen whose answer waits");
	// The participant tries to choose again and presses next.
	await page.click("label[for=svar-5]", { force: true });
	check("choosing again does nothing while it waits", !(await page.isChecked("#svar-5")) && await page.isChecked("#svar-2"));
	await page.click(next);
	await ctx.setOffline(false);
	await page.waitForURL("**/enkat/fraga/2", { timeout: 40000 });
	eq("back online it moves on; stored once, as shown", stored(cid).join(","), "1=2");
	await go(page, ".kiosk-nav button[value=tillbaka]");
	eq("back on question 1 the stored answer is checked", await page.$eval("input[name=svar]:checked", (e) => e.value).catch(() => "none"), "2");
	check("... and the fields are free again", !(await page.isDisabled("#svar-5")));
	await ctx.close();
});

await step("the idle lock while offline: a local lock, then the lock screen", async () => {
	const pid = freshParticipation(1);
	const { ctx, page } = await start(pid, "ar", true);
	await page.click("label[for=svar-4]");
	const question = (await page.textContent("legend")).trim();
	await ctx.setOffline(true);
	let errorPage = false;
	page.on("framenavigated", (f) => { if (f === page.mainFrame() && f.url().startsWith("chrome-error:")) errorPage = true; });
	await page.clock.fastForward("05:01");
	await page.waitForSelector(".tablet-locked");
	const text = await page.textContent("main");
	check("no browser error page", !errorPage && pathOf(page) === "/enkat/fraga/1", page.url());
	check("nothing of the question or its answer left", !text.includes(question) &&
		(await page.locator("input, textarea, form").count()) === 0, text);
	check("a lock message in Arabic", text.includes("تم قفل الشاشة"), text);
	eq("... in the page's language and direction", await page.evaluate(() => document.documentElement.lang + " " + document.documentElement.dir), "ar rtl");
	await screenshot(page, "pending-02-idle-offline");
	await axe(page, "the idle lock offline");
	await ctx.setOffline(false);
	await page.waitForURL("**/surfplatta?sprak=ar", { timeout: 20000 });
	check("back online: the lock screen, in Arabic", (await page.locator("#kod").count()) === 1 &&
		(await page.evaluate(() => document.documentElement.lang)) === "ar");
	await ctx.close();
});

await browser.close();
done();
