// test_text_limits.mjs: the character count (views/static/teckenantal.js)
// in a real browser, on the remittent's application form. A pasted text
// over the limit is never cut: the field keeps all of it, the count says
// how many characters too many, and the server refuses it with everything
// kept. Without JavaScript the hint "Du kan skriva upp till N tecken."
// stays. Characters are counted as the server counts them: an emoji is
// one, a line break is one. Screenshots: OUT/screenshots/textlimit-*.png.
import { BASE, axe, check, done, eq, insatsIdOf, launch, login, screenshot, step } from "./lib.mjs";

const browser = await launch();
// "x" repeated, with an emoji and a line break in it: n characters.
function text(n) {
	return "😀\n" + "x".repeat(n - 2);
}
const codePoints = (s) => [...s].length;

await step("the count follows what is typed and pasted", async () => {
	const ctx = await browser.newContext({ viewport: { width: 1024, height: 900 } });
	const page = await login(ctx, "remittent.fk");
	await page.goto(`${BASE}/ansokningar/ny`);
	const bak = page.locator("#bakgrund");
	eq("the text area has no hard maxlength", await bak.getAttribute("maxlength"), null);
	eq("it declares its limit", await bak.getAttribute("data-maxtecken"), "4000");
	const status = page.locator("#bakgrund-antal ~ .teckenantal-status");
	eq("the count starts at the limit", await status.textContent(), "Du har 4000 tecken kvar.");
	check("the hint is left to screen readers (described by it)",
		(await bak.getAttribute("aria-describedby")).split(" ").includes("bakgrund-antal") &&
		await page.locator("#bakgrund-antal").evaluate((e) => e.classList.contains("visually-hidden")));
	check("the visible count is hidden from screen readers",
		await status.getAttribute("aria-hidden") === "true");
	await page.locator("#fornamn").fill("");
	await page.locator("#fornamn").type("Åsa😀x");
	eq("five characters typed, an emoji counted once",
		await page.locator("#fornamn-antal ~ .teckenantal-status").textContent(), "Du har 95 tecken kvar.");
	await bak.fill(text(4001));
	eq("a pasted text over the limit is kept whole", codePoints(await bak.inputValue()), 4001);
	eq("the count says how many too many", await status.textContent(), "Du har 1 tecken för mycket.");
	check("the field is marked", await bak.evaluate((e) => e.classList.contains("teckenantal-over")));
	await page.waitForFunction(() => {
		const live = document.querySelector("#bakgrund-antal ~ [aria-live]");
		return live && live.textContent === "Du har 1 tecken för mycket.";
	}, null, { timeout: 5000 });
	check("a pause later the live region says it too", true);
	await screenshot(page, "textlimit-over");
	await bak.fill(text(4000));
	eq("exactly the limit, a line break counted once", await status.textContent(), "Du har 0 tecken kvar.");
	check("the mark goes", !(await bak.evaluate((e) => e.classList.contains("teckenantal-over"))));
	await axe(page, "the application form with its character counts");

	// Sent over the limit: refused next to the field, nothing lost.
	await bak.fill(text(4001));
	await page.fill("#personnummer", "19850101-0000");
	await page.fill("#efternamn", "Textsson");
	await page.selectOption("#insats", insatsIdOf("Case Manager"));
	await Promise.all([page.waitForNavigation(), page.click("button[value=spara]")]);
	check("the server says by how much",
		(await page.locator("#bakgrund-fel").textContent()).includes("Du har skrivit 4001 tecken, 1 för mycket."));
	eq("and gives the whole text back", codePoints(await page.locator("#bakgrund").inputValue()), 4001);
	eq("the count shows it again", await page.locator("#bakgrund-antal ~ .teckenantal-status").textContent(),
		"Du har 1 tecken för mycket.");
	await screenshot(page, "textlimit-refused");
	await ctx.close();
});

await step("without JavaScript the hint stays and nothing is cut", async () => {
	const ctx = await browser.newContext({ javaScriptEnabled: false });
	const page = await login(ctx, "remittent.fk");
	await page.goto(`${BASE}/ansokningar/ny`);
	eq("the hint is there", (await page.locator("#bakgrund-antal").textContent()).trim(),
		"Du kan skriva upp till 4000 tecken.");
	check("and visible", await page.locator("#bakgrund-antal").isVisible());
	await page.locator("#bakgrund").fill(text(4100));
	eq("a long paste is not cut", codePoints(await page.locator("#bakgrund").inputValue()), 4100);
	await screenshot(page, "textlimit-nojs");
	await ctx.close();
});

await browser.close();
done();
