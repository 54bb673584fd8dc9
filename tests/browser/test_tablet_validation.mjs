// The tablet's forms speak the participant's language also when something
// is missing (issue 16, review): the browser's own validation bubbles are
// in the browser's language, so the consent form and the lock screen's
// code form are novalidate (keeping required for assistive technology)
// and the server's translated errors show; the SUS answer's error is the
// description of its fieldset and radios. Arabic, on a 768x1024 tablet.
import { axe, BASE, check, consentTabletTest, eq, prepareAndHandOver, screenshot, step } from "./lib.mjs";

// The participant, a fixture (fixtureReferral()).
const PERSON = { born: "1990041", first: "Saba", last: "Tesfay", gender: "kvinna" };

await consentTabletTest("tablet validation browser test", PERSON, async ({ referral, page }) => {
	await step("Arabic SUS consent sent empty: the server's errors, in Arabic", async () => {
		await prepareAndHandOver(page, referral, { kind: "sus", lang: "ar" });
		eq("the page is Arabic", await page.getAttribute("html", "lang"), "ar");
		check("the name field is required for assistive technology", await page.$eval("#namn", (e) => e.required));
		check("... the form leaves the checking to the server", await page.$eval("#namn", (e) => e.form.noValidate));
		await Promise.all([page.waitForNavigation({ timeout: 5000 }), page.click("#signera")]);
		const summary = await page.textContent(".error-summary");
		check("an empty name gets the Arabic error summary", summary.includes("اكتب اسمك."), summary);
		eq("... naming the name field", await page.locator('.error-summary a[href="#namn"]').count(), 1);
		eq("... and the answer", await page.locator('.error-summary a[href="#svar-ja"]').count(), 1);
		eq("the answer's fieldset is described by its error",
			await page.$eval("#svar-ja", (e) => e.closest("fieldset").getAttribute("aria-describedby")), "svar-fel");
		for (const id of ["svar-ja", "svar-nej"])
			eq(`#${id} is described by the error`, await page.getAttribute(`#${id}`, "aria-describedby"), "svar-fel");
		check("the error says it in Arabic", (await page.textContent("#svar-fel")).includes("اختر نعم أو لا."));
		await axe(page, "SUS consent in Arabic, sent empty");
		await screenshot(page, "validation-ar-consent");
	});

	await step("the lock screen in Arabic, an empty code: the server's error", async () => {
		await page.goto(`${BASE}/surfplatta?sprak=ar`);
		eq("the lock screen is Arabic", await page.getAttribute("html", "lang"), "ar");
		check("the code field is required for assistive technology", await page.$eval("#kod", (e) => e.required));
		await Promise.all([page.waitForNavigation({ timeout: 5000 }), page.click("button.kiosk-primary")]);
		const err = await page.textContent("#kod-fel");
		check("an empty code is told in Arabic", err.includes("اكتب الرمز بثمانية أرقام."), err);
		await axe(page, "lock screen in Arabic, an empty code");
		await screenshot(page, "validation-ar-lock");
	});
});
