// Questionnaires on a tablet in Chromium (768x1024 portrait, 1024x768
// landscape): a linked quality-of-life measurement in Swedish, an anonymous
// end questionnaire in Arabic (RTL), the idle lock and resuming with the
// same code, the back button after sending, the flow without JavaScript,
// and axe-core on every kind of page. Screenshots in OUT/screenshots.
import {
	axe, BASE, check, done, enterCode, eq, go, insatsIdOf, LANDSCAPE, launch, newCode, ok, pathOf, PORTRAIT, screenshot,
	sql, staffPage, step, tablet,
} from "./lib.mjs";

const browser = await launch();
const sp = await staffPage(browser, "personal.fv");

const [pid] = sql(`SELECT p.id FROM participation p WHERE p.insats_id = ${insatsIdOf("Friska Vindar 2.0")} AND p.status = 'inskriven'
	AND NOT EXISTS (SELECT 1 FROM questionnaire_response r WHERE r.participation_id = p.id)
	ORDER BY p.id DESC LIMIT 1`);
check("a participation without measurements to test with", !!pid);

await step("Swedish, portrait: a linked start measurement", async () => {
	await sp.goto(`${BASE}/deltagande/${pid}`);
	await axe(sp, "the participation page with its questionnaires");
	const code = await newCode(sp, pid, "Öppna Startmätning på surfplatta");
	check("the staff get an 8-digit code", /^\d{8}$/.test(code), code);
	await axe(sp, "the staff's code page");
	await screenshot(sp, "staff-code");
	const ctx = await tablet(browser, PORTRAIT);
	const page = await ctx.newPage();
	await page.goto(`${BASE}/surfplatta`);
	await axe(page, "lock screen");
	await screenshot(page, "sv-01-lock-portrait");
	await page.fill("#kod", `${code.slice(0, 4)} ${code.slice(4)}`);
	await go(page, "button.kiosk-primary");
	eq("the code leads to the language choice", pathOf(page), "/enkat/sprak");
	await axe(page, "language choice");
	await screenshot(page, "sv-02-language");
	const names = await page.locator("button.kiosk-lang").allTextContents();
	eq("languages by their own names", names.join(","), "Svenska,English,العربية,Soomaali,دری,ትግርኛ");
	eq("Arabic's button is right-to-left", await page.getAttribute("button[lang=ar]", "dir"), "rtl");
	await go(page, "button[lang=sv]");
	eq("question 1", pathOf(page), "/enkat/fraga/1");
	eq("the page is Swedish", await page.getAttribute("html", "lang"), "sv");
	eq("the VAS has no preset value", await page.inputValue("#svar"), "");
	check("the VAS slider starts unset", await page.locator(".kiosk-vas-range.unset").count() === 1);
	await axe(page, "VAS question");
	await screenshot(page, "sv-03-vas-portrait");
	// Keyboard: the slider moves and fills the number that is sent.
	await page.focus(".kiosk-vas-range");
	await page.keyboard.press("ArrowRight");
	check("the arrow key on the slider sets a value", (await page.inputValue("#svar")) !== "");
	// Touch: tap the slider near its right end.
	const box = await page.locator(".kiosk-vas-range").boundingBox();
	await page.touchscreen.tap(box.x + box.width * 0.9, box.y + box.height / 2);
	const tapped = Number(await page.inputValue("#svar"));
	check("a tap on the slider sets a value near its place", tapped >= 80 && tapped <= 100, String(tapped));
	await page.fill("#svar", "64");
	await go(page, ".kiosk-nav button[value=nasta]");
	eq("saved and on to question 2", pathOf(page), "/enkat/fraga/2");
	await go(page, "button[value=hoppa]");
	eq("skipping goes on", pathOf(page), "/enkat/fraga/3");
	await axe(page, "scale question");
	await screenshot(page, "sv-04-scale-portrait");
	await page.click("label[for=svar-4]");
	await go(page, ".kiosk-nav button[value=nasta]");
	await go(page, "button[value=tillbaka]");
	eq("back goes to question 3", pathOf(page), "/enkat/fraga/3");
	check("the saved answer is shown again", await page.isChecked("#svar-4"));
	await go(page, ".kiosk-nav button[value=nasta]");
	for (let n = 4; n <= 6; n++) {
		await page.click("label[for=svar-3]");
		await go(page, ".kiosk-nav button[value=nasta]");
	}
	eq("after the last question the send page", pathOf(page), "/enkat/skicka");
	check("it counts the answers", (await page.textContent("main")).includes("Du har svarat på 5 av 6 frågor."));
	await axe(page, "send page");
	await screenshot(page, "sv-05-send");
	await go(page, "button.kiosk-primary");
	eq("the thank-you page", pathOf(page), "/enkat/tack");
	await axe(page, "thank-you page");
	await screenshot(page, "sv-06-thanks");
	const [answers] = sql(`SELECT COUNT(*) FROM questionnaire_answer a JOIN questionnaire_response r ON r.id = a.response_id
		WHERE r.participation_id = ${pid} AND r.measurement = 'start' AND r.status = 'inskickad'`);
	eq("five answers stored, linked to the participation", answers, "5");
	await page.goBack();
	await page.waitForLoadState();
	eq("the back button after sending reaches only the lock screen", pathOf(page), "/surfplatta");
	const text = await page.textContent("main");
	check("... which shows nothing of the answers", !text.includes("Livskvalitet") && !text.includes("Skicka"), text);
	await screenshot(page, "sv-07-back-after-send");
	await ctx.close();
});

await step("Arabic, landscape: an anonymous end questionnaire", async () => {
	const code = await newCode(sp, pid, "Öppna När insatsen slutar (exempel) på surfplatta");
	const ctx = await tablet(browser, LANDSCAPE);
	const page = await ctx.newPage();
	await enterCode(page, code);
	await go(page, "button[lang=ar]");
	eq("Arabic: lang", await page.getAttribute("html", "lang"), "ar");
	eq("Arabic: right to left", await page.getAttribute("html", "dir"), "rtl");
	const seen = new Set();
	for (let n = 1; n < 20 && pathOf(page).startsWith("/enkat/fraga/"); n++) {
		let kind = "text";
		if (await page.locator(".kiosk-vas-number").count()) kind = "vas";
		else if (await page.locator("input[type=checkbox][name=svar]").count()) kind = "multi";
		else if (await page.locator(".kiosk-scale").count()) kind = "scale";
		else if (await page.locator("input[type=radio]").count()) kind = "single";
		if (!seen.has(kind)) {
			seen.add(kind);
			await axe(page, `Arabic ${kind} question`);
			await screenshot(page, `ar-${String(n).padStart(2, "0")}-${kind}-landscape`);
		}
		if (kind === "vas") await page.fill("#svar", "55");
		else if (kind === "text") await page.fill("#svar", "شكراً");
		else if (kind === "multi") {
			await page.click("label[for=svar-1]");
			await page.click("label[for=svar-2]");
		} else await page.click("label[for=svar-1]");
		await go(page, ".kiosk-nav button[value=nasta]");
	}
	check("every kind of question was seen", ["scale", "single", "multi"].every((k) => seen.has(k)), [...seen].join(","));
	eq("the send page", pathOf(page), "/enkat/skicka");
	check("the send button is in Arabic", (await page.textContent("button.kiosk-primary")).trim() === "إرسال");
	await page.setViewportSize(PORTRAIT);
	await screenshot(page, "ar-20-send-portrait");
	await go(page, "button.kiosk-primary");
	eq("the thank-you page in Arabic", (await page.textContent("h1")).trim(), "شكراً لك!");
	eq("... right to left", await page.getAttribute("html", "dir"), "rtl");
	await screenshot(page, "ar-21-thanks-portrait");
	// Response ids are random (no order): find it by its language.
	const [row] = sql(`SELECT CONCAT(COUNT(*), ' ', IFNULL(MAX(participation_id), 'NULL'), ' ', MIN(status))
		FROM questionnaire_response WHERE language = 'ar'`);
	eq("stored in Arabic, anonymous, sent", row, "1 NULL inskickad");
	await ctx.close();
});

await step("idle lock and resume with the same code", async () => {
	const code = await newCode(sp, pid, "Öppna Hur går det i insatsen? (exempel) på surfplatta");
	const ctx = await tablet(browser, PORTRAIT);
	const page = await ctx.newPage();
	await page.clock.install();
	await enterCode(page, code);
	await go(page, "button[lang=sv]");
	await page.click("label[for=svar-2]");
	await go(page, ".kiosk-nav button[value=nasta]");
	eq("on question 2", pathOf(page), "/enkat/fraga/2");
	const question = (await page.textContent("legend")).trim();
	await page.clock.fastForward("05:01");
	await page.waitForURL("**/surfplatta");
	ok("idle for five minutes: the lock screen");
	const text = await page.textContent("main");
	check("... showing nothing of the questionnaire", !text.includes(question) && !text.includes("Fråga"), text);
	await screenshot(page, "idle-01-locked");
	await page.fill("#kod", code);
	await go(page, "button.kiosk-primary");
	eq("the same code resumes at the first unanswered question", pathOf(page), "/enkat/fraga/2");
	await page.goto(`${BASE}/enkat/fraga/1`);
	// Anonymous: the answer is kept and counted, but a new sitting (maybe
	// someone else who knows the code) is not shown it.
	check("the answer given before idle is not shown again", !(await page.isChecked("#svar-2")));
	await page.goto(`${BASE}/enkat/skicka`);
	check("... but it is kept and counted", (await page.textContent("main")).includes("Du har svarat på 1 av"));
	await screenshot(page, "idle-02-resumed");
	await ctx.close();
});

await step("without JavaScript", async () => {
	const code = await newCode(sp, pid, "Öppna Hur går det i insatsen? (exempel) på surfplatta");
	const ctx = await tablet(browser, PORTRAIT, { javaScriptEnabled: false });
	const page = await ctx.newPage();
	await enterCode(page, code);
	await go(page, "button[lang=en]");
	eq("English", await page.getAttribute("html", "lang"), "en");
	check("the idle lock is a meta refresh", await page.locator('meta[http-equiv="refresh"]').count() === 1);
	await page.click("label[for=svar-5]");
	await go(page, ".kiosk-nav button[value=nasta]");
	while (pathOf(page).startsWith("/enkat/fraga/")) await go(page, "button[value=hoppa]");
	eq("skipping to the end", pathOf(page), "/enkat/skicka");
	await go(page, "button.kiosk-primary");
	eq("sent without JavaScript", (await page.textContent("h1")).trim(), "Thank you!");
	await screenshot(page, "nojs-thanks");
	await ctx.close();
});

await browser.close();
done();
