// test_consent_rtl.mjs: dates and ranges on right-to-left consent pages
// (issue 21, item 10, and its review). On the Arabic and the Dari waiver
// the period is said in words, "من <start> إلى <end>" / "از <start> تا
// <end>", each ISO date isolated left-to-right, so a right-to-left reader
// meets the start date first; the Arabic copy too, where the signer's
// name and the time are joined by the Arabic comma. The parties' names are
// isolated inside their list items, so the bullets stay on the right.
// The visual order is measured from the rendered boxes; screenshots go to
// OUT/screenshots/rtl-*.png. The referral is a fixture for the running
// insats Case Manager Grästorp (personal.cm).
import {
	axe, BASE, check, consentTabletTest, eq, go, lockScreenLogin, prepareAndHandOver, screenshot, sql, step,
} from "./lib.mjs";

const PERSON = { born: "1988092", first: "Layla", last: "Haddad", gender: "kvinna" };

// The consent's period as stored: [from, until], YYYY-MM-DD.
const periodOf = (c) => sql(`SELECT CONCAT(valid_from, ' ', valid_until) FROM consent WHERE id = ${c}`)[0].split(" ");

// The period on page: the paragraph's direction, its text, the two
// dates' isolates (their direction), and where the from-word, the start
// date, the until-word and the end date are rendered (left and right
// edges of each).
async function rangeOnPage(page) {
	return page.$eval(".date-range", (el) => {
		const [a, b] = el.querySelectorAll("bdi");
		const box = (n) => {
			const r = document.createRange();
			r.selectNodeContents(n);
			const b = r.getBoundingClientRect();
			return { left: b.left, right: b.right };
		};
		const words = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
		return {
			dir: getComputedStyle(el).direction,
			text: el.textContent.replace(/\s+/g, " ").trim(),
			fromWord: words[0].textContent.trim(), fromWordX: box(words[0]),
			untilWord: words[1].textContent.trim(), untilWordX: box(words[1]),
			from: a.textContent, fromX: box(a), fromDir: getComputedStyle(a).direction,
			until: b.textContent, untilX: box(b), untilDir: getComputedStyle(b).direction,
		};
	});
}

// The period reads in the page's own order: the from-word, the start
// date, the until-word, the end date, in the DOM (logical order) and,
// right to left, on screen; each date isolated left-to-right.
function readsInOrder(desc, got, [from, until], [fromWord, untilWord]) {
	eq(`${desc}: the paragraph runs right to left`, got.dir, "rtl");
	eq(`${desc}: logical order: from-word, start, until-word, end`, got.text,
		`${fromWord} ${from} ${untilWord} ${until}`);
	eq(`${desc}: the first date is the start`, got.from, from);
	eq(`${desc}: the dates are isolated left-to-right`, `${got.fromDir} ${got.untilDir}`, "ltr ltr");
	check(`${desc}: right to left on screen: from-word, start, until-word, end`,
		got.fromWordX.left >= got.fromX.right - 1 && got.fromX.left >= got.untilWordX.right - 1 &&
			got.untilWordX.left >= got.untilX.right - 1, JSON.stringify(got));
}

await consentTabletTest("RTL dates browser test", PERSON, async ({ referral, page }) => {
	await step("Arabic: the waiver's period reads in its own order", async () => {
		const c = await prepareAndHandOver(page, referral, { kind: "sekretess", lang: "ar" });
		eq("the page is Arabic", await page.getAttribute("html", "lang"), "ar");
		eq("right to left", await page.getAttribute("html", "dir"), "rtl");
		const got = await rangeOnPage(page);
		readsInOrder("Arabic signing page", got, periodOf(c), ["من", "إلى"]);
		const li = await page.$eval("ul.big-list li", (el) => ({
			dir: getComputedStyle(el).direction,
			span: getComputedStyle(el.querySelector("span[lang=sv]")).direction,
		}));
		eq("Arabic signing page: a party's item runs right to left (the bullet on the right)", li.dir, "rtl");
		eq("... its Swedish name isolated left-to-right", li.span, "ltr");
		await page.locator(".date-range").scrollIntoViewIfNeeded();
		await screenshot(page, "rtl-ar-period");
		await axe(page, "consent signing page in Arabic");
		await page.fill("#namn", "Layla Haddad");
		await page.fill("#namnunderskrift", "Layla Haddad");
		await page.check("#namnbekraftelse");
		await go(page, "#signera");
		eq("signed", sql(`SELECT state FROM consent WHERE id = ${c}`)[0], "aktiv");
		await go(page, "#kopia");
		readsInOrder("Arabic copy", await rangeOnPage(page), periodOf(c), ["من", "إلى"]);
		const signer = await page.$eval('article.copy bdi:has-text("Europe/Stockholm")', (el) => el.parentElement.textContent);
		check("Arabic copy: the signer and the time joined by the Arabic comma",
			signer.includes("Layla Haddad، ") && !signer.includes(","), signer);
		const signed = page.locator('article.copy bdi:has-text("Europe/Stockholm")');
		eq("Arabic copy: the signing time and its zone in one isolate", await signed.count(), 1);
		eq("... left-to-right", await signed.evaluate((el) => getComputedStyle(el).direction), "ltr");
		await screenshot(page, "rtl-ar-copy");
	});

	await step("Dari: the waiver's period reads in its own order", async () => {
		await page.goto(`${BASE}/surfplatta`);
		await lockScreenLogin(page);
		const c = await prepareAndHandOver(page, referral, { kind: "sekretess", lang: "fa-AF" });
		eq("right to left", await page.getAttribute("html", "dir"), "rtl");
		readsInOrder("Dari signing page", await rangeOnPage(page), periodOf(c), ["از", "تا"]);
		await page.locator(".date-range").scrollIntoViewIfNeeded();
		await screenshot(page, "rtl-fa-AF-period");
	});
});
