// test_tablet_languages.mjs: the consent tablet in Somali, Dari and
// Tigrinya (issue 16, items 1, 2, 5, 8b and 8d). The staff prepare each
// consent in the participant's language and hand the tablet over; the
// participant signs the Somali waiver by drawing, the Dari SUS consent by
// drawing after a missing signature was named in the error summary, and
// the Tigrinya waiver with the keyboard only, by typing the full name and
// confirming it. What staff typed carries lang="sv"; the Ethiopic font
// loads. The lock screen offers every language by its own name and gives
// a code error in Tigrinya. axe-core checks every screen; screenshots go
// to OUT/screenshots/lang-*.png. The referral is a fixture for the running
// insats Case Manager Grästorp (personal.cm).
import {
	axe, BASE, check, consentTabletTest, drawSignature, eq, go, LANDSCAPE, lockScreenLogin, PORTRAIT,
	prepareAndHandOver, screenshot, sql, step, tabTo,
} from "./lib.mjs";

const PURPOSE = "Planera stödet tillsammans";

// The participant, a fixture (fixtureReferral()).
const PERSON = { born: "1990041", first: "Saba", last: "Tesfay", gender: "kvinna" };

await consentTabletTest("tablet languages browser test", PERSON, async ({ referral, page }) => {
	async function staffLogin() {
		await page.goto(`${BASE}/surfplatta`);
		await lockScreenLogin(page);
	}
	// Staff prepare a consent of kind in lang and hand the tablet over;
	// the consent's id.
	const prepareAndHandOverIn = (kind, lang) =>
		prepareAndHandOver(page, referral, { kind, lang, purpose: PURPOSE });

	await step("the staff choose among the six languages", async () => {
		await page.goto(`${BASE}/samtycken/ansokan/${referral}/ny?typ=sekretess`);
		const codes = await page.$$eval("#sprak option", (os) => os.map((o) => o.value));
		eq("every participant language, in the table's order", codes.join(" "), "sv en ar so fa-AF ti");
		await axe(page, "prepare a consent, the language list (staff)");
	});

	await step("Somali: the waiver signed by drawing", async () => {
		const c = await prepareAndHandOverIn("sekretess", "so");
		eq("the page is Somali", await page.getAttribute("html", "lang"), "so");
		const text = await page.textContent("main");
		check("the text is Somali", text.includes("Oggolaanshaha ka dhaafista sirta"));
		check("the words are Somali", text.includes("Waan oggolahay"));
		check("the category is Somali", text.includes("Fasaxa jirrada iyo caafimaadka"));
		await axe(page, "consent signing page in Somali");
		await page.fill("#namn", "Saba Tesfay");
		await drawSignature(page);
		await screenshot(page, "lang-so-sign");
		await go(page, "#signera");
		check("thanks in Somali", (await page.textContent("main")).includes("Mahadsanid."));
		await axe(page, "consent thanks in Somali");
		eq("stored as drawn", sql(`SELECT CONCAT(state, '|', signed_with) FROM consent WHERE id = ${c}`)[0], "aktiv|ritad");
	});

	await step("Dari: the SUS consent, a missing signature named, then drawn", async () => {
		await staffLogin();
		await page.setViewportSize(LANDSCAPE);
		const c = await prepareAndHandOverIn("sus", "fa-AF");
		eq("the page is Dari", await page.getAttribute("html", "lang"), "fa-AF");
		eq("right to left", await page.getAttribute("html", "dir"), "rtl");
		await axe(page, "SUS consent in Dari (landscape)");
		await page.check("#svar-ja");
		await page.fill("#namn", "Farid Ahmadi");
		await go(page, "#signera");
		const link = page.locator('.error-summary a[href="#signatur-grupp"]');
		eq("the signature error is named in the summary", await link.count(), 1);
		check("... in Dari", (await link.textContent()).includes("امضا کنید"));
		eq("the pad is described by the error",
			await page.getAttribute("#signatur-yta", "aria-describedby"), "signatur-fel");
		eq("the typed name field too",
			(await page.getAttribute("#namnunderskrift", "aria-describedby")).includes("signatur-fel"), true);
		eq("the name is kept", await page.inputValue("#namn"), "Farid Ahmadi");
		await axe(page, "SUS consent in Dari, signature missing");
		await screenshot(page, "lang-fa-AF-error");
		await page.check("#svar-ja");
		await drawSignature(page);
		await go(page, "#signera");
		eq("stored as drawn, yes", sql(`SELECT CONCAT(state, '|', answer, '|', signed_with) FROM consent WHERE id = ${c}`)[0],
			"aktiv|ja|ritad");
		await page.setViewportSize(PORTRAIT);
	});

	await step("Tigrinya: the waiver signed with the keyboard only, by typed name", async () => {
		await staffLogin();
		const c = await prepareAndHandOverIn("sekretess", "ti");
		eq("the page is Tigrinya", await page.getAttribute("html", "lang"), "ti");
		const purpose = page.locator(`p[lang=sv]:has-text("${PURPOSE}")`);
		eq("the purpose staff typed carries lang=sv", await purpose.count(), 1);
		check("the parties too", (await page.locator('li > span[lang=sv]:has-text("Försäkringskassan")').count()) === 1);
		await page.evaluate(() => document.fonts.ready);
		check("the Ethiopic font is loaded", await page.evaluate(() =>
			[...document.fonts].some((f) => f.family.includes("Stegvis Ethiopic") && f.status === "loaded")));
		await axe(page, "consent signing page in Tigrinya");
		await screenshot(page, "lang-ti-sign");
		await tabTo(page, "#namn");
		await page.keyboard.type("Saba Tesfay");
		await tabTo(page, "#namnunderskrift");
		await page.keyboard.type("Saba Tesfay");
		await go(page, () => page.keyboard.press("Enter"));
		const link = page.locator('.error-summary a[href="#namnunderskrift"]');
		eq("not confirmed: named in the summary", await link.count(), 1);
		check("... in Tigrinya", (await link.textContent()).includes("ምልክት ግበሩሉ"));
		check("the field is marked invalid", (await page.getAttribute("#namnunderskrift", "aria-invalid")) === "true");
		await axe(page, "consent in Tigrinya, typed name not confirmed");
		await screenshot(page, "lang-ti-typed-error");
		eq("still a draft", sql(`SELECT state FROM consent WHERE id = ${c}`)[0], "utkast");
		await tabTo(page, "#namnbekraftelse");
		await page.keyboard.press("Space");
		await tabTo(page, "#signera");
		await go(page, () => page.keyboard.press("Enter"));
		check("thanks in Tigrinya", (await page.textContent("main")).includes("የቐንየልና።"));
		eq("stored as a typed name, no drawing",
			sql(`SELECT CONCAT_WS('|', state, signed_with, signer_name, signature_svg IS NULL) FROM consent WHERE id = ${c}`)[0],
			"aktiv|namn|Saba Tesfay|1");
		await tabTo(page, "#kopia");
		await go(page, () => page.keyboard.press("Enter"));
		check("the copy says typed name", (await page.textContent("main")).includes("ብዝተጻሕፈ ስም ዝተፈረመ"));
		eq("and shows no drawing", await page.locator("svg.signature").count(), 0);
		await axe(page, "consent copy in Tigrinya, typed name");
		await screenshot(page, "lang-ti-copy");
	});

	await step("the lock screen in every language, a code error in Tigrinya", async () => {
		await page.goto(`${BASE}/surfplatta`);
		const names = await page.$$eval(".kiosk-langs a", (as) => as.map((a) => `${a.lang}:${a.textContent}`));
		eq("every language by its own name", names.join(" "),
			"sv:Svenska en:English ar:العربية so:Soomaali fa-AF:دری ti:ትግርኛ");
		await axe(page, "lock screen with the languages");
		await go(page, ".kiosk-langs a[lang=ti]");
		eq("the lock screen is Tigrinya", await page.getAttribute("html", "lang"), "ti");
		await page.fill("#kod", "00000000");
		await go(page, "button.kiosk-primary");
		const err = await page.textContent("#kod-fel");
		check("a wrong code is told in Tigrinya", err.includes("እዚ ኮድ የለን።"), err);
		eq("the code field is described by it", await page.getAttribute("#kod", "aria-describedby"), "kod-fel");
		await axe(page, "lock screen in Tigrinya, a wrong code");
		await screenshot(page, "lang-ti-lock-error");
	});
});
