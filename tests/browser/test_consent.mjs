// test_consent.mjs: the staff hand the tablet over (and are logged out), a
// participant signs a secrecy waiver on it (768×1024, touch) with a drawn
// signature and gets the copy; the staff take it back by logging in on the
// lock screen; the SUS consent in Arabic (right to left); and the
// participant revokes the waiver on the tablet, each consent on its own
// with a confirmation, the SUS consent left in force. Screenshots
// of each screen go to OUT/screenshots/consent-*.png; axe-core checks every
// participant screen. The referral is a fixture for the running insats
// Case Manager Grästorp, whose staff member personal.cm takes consent.
import {
	axe, BASE, check, consentTabletTest, drawSignature, eq, go, LANDSCAPE, lockScreenLogin, PORTRAIT, prepareConsent,
	screenshot, sql, step,
} from "./lib.mjs";

// The participant, a fixture (fixtureReferral()).
const PERSON = { born: "1985061", first: "Tablett", last: "Testsson", gender: "man" };

await consentTabletTest("consent browser test", PERSON, async ({ referral, page }) => {
	let consent = "";

	// The staff take the tablet back: the lock screen's staff login.
	async function staffLogin() {
		await page.goto(`${BASE}/surfplatta`);
		await lockScreenLogin(page);
	}
	// After a handover: the staff member is logged out, the tablet has its own session.
	async function handedOver() {
		const cookies = (await page.context().cookies()).map((c) => c.name);
		check("the staff session cookie is gone", !cookies.includes("stegvis_session"), cookies.join(","));
		check("the tablet has its own session", cookies.includes("stegvis_surfplatta"), cookies.join(","));
	}
	// The handover page's button.
	async function handOver() {
		check("the handover page says the staff are logged out",
			(await page.textContent("main")).includes("loggas du ut"));
		await go(page, "#overlamna");
		await handedOver();
	}

	await step("staff prepare a waiver for the tablet", async () => {
		consent = await prepareConsent(page, referral, { kind: "sekretess", categories: ["halsa", "arbete"] });
		check("the handover page opens", consent !== "", page.url());
		await axe(page, "consent handover page (staff)");
		await handOver();
		check("the tablet page opens", page.url().endsWith(`/samtycken/${consent}/surfplatta`), page.url());
	});

	await step("the participant reads and signs", async () => {
		eq("the page is in Swedish", await page.getAttribute("html", "lang"), "sv");
		check("the parties are listed", (await page.textContent("main")).includes("Försäkringskassan"));
		check("no staff navigation on the tablet", (await page.locator("text=Logga ut").count()) === 0);
		await axe(page, "consent signing page (portrait)");
		await page.fill("#namn", "Tablett Testsson");
		await drawSignature(page);
		const path = await page.inputValue("#signatur");
		check("the drawing becomes path data", /^M [0-9.]+ [0-9.]+( [ML] [0-9.]+ [0-9.]+)+$/.test(path), path.slice(0, 80));
		await screenshot(page, "consent-sign-portrait");
		await go(page, "#signera");
		check("the thank-you screen", (await page.textContent("main")).includes("Lämna tillbaka surfplattan"));
		await axe(page, "consent thank-you screen");
		await screenshot(page, "consent-thanks");
		const row = sql(`SELECT CONCAT(state, '|', signed_how, '|', signer_name) FROM consent WHERE id = ${consent}`)[0];
		eq("stored as given on the tablet", row, "aktiv|surfplatta|Tablett Testsson");
		const points = Number(sql(`SELECT (LENGTH(signature_svg) - LENGTH(REPLACE(REPLACE(signature_svg, 'M', ''), 'L', ''))) FROM consent WHERE id = ${consent}`)[0]);
		check("the signature is stored with its points", points >= 9, `points ${points}`);
	});

	await step("the participant's copy", async () => {
		await go(page, "#kopia");
		check("the copy shows the drawn signature", (await page.locator("svg.signature path").count()) === 1);
		await axe(page, "consent copy");
		await screenshot(page, "consent-copy");
	});

	await step("the staff take the tablet back on the lock screen", async () => {
		await page.goto(`${BASE}/surfplatta`);
		await axe(page, "the lock screen with the staff login");
		await screenshot(page, "consent-lock-screen");
		await staffLogin();
		check("the staff are logged in again", page.url().endsWith("/start"), page.url());
	});

	await step("the SUS consent in Arabic, right to left, in landscape", async () => {
		await page.setViewportSize(LANDSCAPE);
		await prepareConsent(page, referral, { kind: "sus", lang: "ar" });
		await handOver();
		eq("lang is Arabic", await page.getAttribute("html", "lang"), "ar");
		eq("dir is rtl", await page.getAttribute("html", "dir"), "rtl");
		await axe(page, "SUS consent in Arabic (landscape)");
		await page.check("#svar-ja");
		await page.fill("#namn", "تابلت");
		await drawSignature(page);
		await screenshot(page, "consent-sus-arabic-landscape");
		await go(page, "#signera");
		const sus = sql(`SELECT CONCAT(state, '|', answer) FROM consent WHERE referral_id = ${referral} AND kind = 'sus'`)[0];
		eq("the SUS answer is stored", sus, "aktiv|ja");
	});

	await step("revoking on the tablet is as easy as giving, one consent at a time", async () => {
		await page.setViewportSize(PORTRAIT);
		await staffLogin();
		await page.goto(`${BASE}/samtycken/${consent}`);
		await go(page, "form:has(input[name=till][value=aterkalla]) button[type=submit]");
		await handedOver();
		check("the revocation page opens", page.url().endsWith(`/samtycken/${consent}/aterkalla`), page.url());
		const text = await page.textContent("main");
		check("it offers the waiver", text.includes("Återkalla hela sekretesslättnaden"));
		check("and the SUS consent, on its own", text.includes("Återkalla samtycket till SUS"));
		check("saying what each does", text.includes("Ditt samtycke till SUS gäller som förut.")
			&& text.includes("Sekretesslättnaden gäller som förut."));
		await axe(page, "consent revoke page");
		await screenshot(page, "consent-revoke");
		await go(page, "#rv-waiver-all");
		check("asks for confirmation", (await page.textContent("h1")).includes("Vill du återkalla?"));
		eq("nothing revoked yet", sql(`SELECT state FROM consent WHERE id = ${consent}`)[0], "aktiv");
		await axe(page, "consent revoke confirmation");
		await screenshot(page, "consent-revoke-confirm");
		await go(page, "#bekrafta");
		check("the revocation is confirmed", (await page.textContent("main")).includes("gäller nu"));
		eq("the waiver is revoked", sql(`SELECT state FROM consent WHERE id = ${consent}`)[0], "aterkallad");
		eq("the SUS consent stays in force",
			sql(`SELECT state FROM consent WHERE referral_id = ${referral} AND kind = 'sus'`)[0], "aktiv");
	});
});
