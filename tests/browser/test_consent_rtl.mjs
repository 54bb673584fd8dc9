// test_consent_rtl.mjs: dates and ranges on right-to-left consent pages
// (issue 21, item 10). On the Arabic and the Dari waiver the period's two
// ISO dates and their dash are isolated left-to-right, so the range reads
// "from – until" from left to right, as a Latin date range is written,
// instead of being reversed by the page's direction; the Arabic copy too.
// The visual order is measured from the rendered boxes; screenshots go to
// OUT/screenshots/rtl-*.png. The referral is a fixture for the running
// insats Case Manager Grästorp (personal.cm).
import {
	axe, BASE, check, consentTabletTest, eq, go, lockScreenLogin, prepareAndHandOver, screenshot, sql, step,
} from "./lib.mjs";

const PERSON = { born: "1988092", first: "Layla", last: "Haddad", gender: "kvinna" };

// The consent's period as stored: [from, until], YYYY-MM-DD.
const periodOf = (c) => sql(`SELECT CONCAT(valid_from, ' ', valid_until) FROM consent WHERE id = ${c}`)[0].split(" ");

// The period's range on page: its direction, its text, and the left edges
// of the two dates and the dash as rendered.
async function rangeOnPage(page) {
	return page.$eval(".date-range", (el) => {
		const [a, b] = el.querySelectorAll("bdi");
		const r = document.createRange();
		const dash = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent.includes("–"));
		r.selectNodeContents(dash);
		return {
			dir: getComputedStyle(el).direction,
			text: el.textContent,
			from: a.textContent, fromX: a.getBoundingClientRect().left,
			until: b.textContent, untilX: b.getBoundingClientRect().left,
			dashX: r.getBoundingClientRect().left,
		};
	});
}

// The range reads from left to right: from, the dash, until.
function readsLeftToRight(desc, got, [from, until]) {
	eq(`${desc}: the range is isolated left-to-right`, got.dir, "ltr");
	eq(`${desc}: its text is from – until`, got.text, `${from} – ${until}`);
	eq(`${desc}: the first date is the start`, got.from, from);
	check(`${desc}: the start is left of the dash, the dash left of the end`,
		got.fromX < got.dashX && got.dashX < got.untilX, JSON.stringify(got));
}

await consentTabletTest("RTL dates browser test", PERSON, async ({ referral, page }) => {
	await step("Arabic: the waiver's period reads left to right", async () => {
		const c = await prepareAndHandOver(page, referral, { kind: "sekretess", lang: "ar" });
		eq("the page is Arabic", await page.getAttribute("html", "lang"), "ar");
		eq("right to left", await page.getAttribute("html", "dir"), "rtl");
		const got = await rangeOnPage(page);
		readsLeftToRight("Arabic signing page", got, periodOf(c));
		await page.locator(".date-range").scrollIntoViewIfNeeded();
		await screenshot(page, "rtl-ar-period");
		await axe(page, "consent signing page in Arabic");
		await page.fill("#namn", "Layla Haddad");
		await page.fill("#namnunderskrift", "Layla Haddad");
		await page.check("#namnbekraftelse");
		await go(page, "#signera");
		eq("signed", sql(`SELECT state FROM consent WHERE id = ${c}`)[0], "aktiv");
		await go(page, "#kopia");
		readsLeftToRight("Arabic copy", await rangeOnPage(page), periodOf(c));
		const signed = page.locator('article.copy bdi:has-text("UTC")');
		eq("Arabic copy: the signing time and UTC in one isolate", await signed.count(), 1);
		eq("... left-to-right", await signed.evaluate((el) => getComputedStyle(el).direction), "ltr");
		await screenshot(page, "rtl-ar-copy");
	});

	await step("Dari: the waiver's period reads left to right", async () => {
		await page.goto(`${BASE}/surfplatta`);
		await lockScreenLogin(page);
		const c = await prepareAndHandOver(page, referral, { kind: "sekretess", lang: "fa-AF" });
		eq("right to left", await page.getAttribute("html", "dir"), "rtl");
		readsLeftToRight("Dari signing page", await rangeOnPage(page), periodOf(c));
		await page.locator(".date-range").scrollIntoViewIfNeeded();
		await screenshot(page, "rtl-fa-AF-period");
	});
});
