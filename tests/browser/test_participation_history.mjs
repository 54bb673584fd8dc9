// test_participation_history.mjs: a participation's history page
// (?visa=historik) and its older pages of the change history (keyset,
// "Äldre ändringar") at 320 CSS px: reached by the links a user follows
// (the page's "Hela ändringshistoriken", then "Äldre ändringar" and back
// with "De senaste ändringarna"); each page no wider than the screen,
// axe-clean (WCAG 2.1 AA), with a screenshot in OUT/screenshots. The
// fixture: 230 changes (long values) of personal.tramp's first
// ongoing participation, so the history has an older page.
import { BASE, axe, check, done, eq, launch, login, screenshot, sql, staffIdOf, step } from "./lib.mjs";

const SMALL = { width: 320, height: 640 };
// An ongoing one: reading an ended participation's page ends a waiver
// whose case has closed, which the summary tests' remittent needs.
const P = sql(`SELECT MIN(p.id) FROM participation p JOIN staff_insats si ON si.insats_id = p.insats_id
	JOIN staff s ON s.id = si.staff_id WHERE s.username = 'personal.tramp' AND p.status = 'inskriven'`)[0];
const TR = staffIdOf("personal.tramp");
sql(`INSERT INTO change_history (at, staff_id, record_type, record_id, field, old_value, new_value)
	SELECT UTC_TIMESTAMP(3) - INTERVAL seq MINUTE, ${TR}, 'participation', ${P}, 'hours_per_week',
	CONCAT('gammalt-', seq), CONCAT('ett-mycket-langt-varde-utan-mellanslag-', seq, '-', REPEAT('x', 60))
	FROM seq_1_to_230`);

async function fits(page, name) {
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	check(`${name}: no wider than 320 px (${width})`, width <= SMALL.width, `${width} px`);
	await screenshot(page, `participation-history-${name}`);
	await axe(page, `${name} at 320 px`);
}

const rows = (page) => page.locator("#historik ~ table").first().locator("tbody tr td[data-label='Från']").count();

const browser = await launch();
try {
	const ctx = await browser.newContext({ viewport: SMALL, deviceScaleFactor: 1 });
	await step("the history pages at 320 px", async () => {
		const page = await login(ctx, "personal.tramp");
		const res = await page.goto(`${BASE}/deltagande/${P}`);
		eq("the participation page answers", res.status(), 200);
		await Promise.all([page.waitForNavigation(), page.click("a:has-text('Hela ändringshistoriken')")]);
		check("the link leads to the history page", page.url().includes("visa=historik"), page.url());
		eq("… with the latest 200 changes", await rows(page), 200);
		await fits(page, "latest");
		await Promise.all([page.waitForNavigation(), page.click("a:has-text('Äldre ändringar')")]);
		check("'Äldre ändringar' leads to an older page", page.url().includes("fore="), page.url());
		const older = await rows(page);
		check(`… with the older changes (${older})`, older >= 1 && older <= 200, `${older}`);
		check("… the fixture's among them",
			(await page.locator("#historik ~ table").first().textContent()).includes("gammalt-"));
		await fits(page, "older");
		await Promise.all([page.waitForNavigation(), page.click("a:has-text('De senaste ändringarna')")]);
		eq("'De senaste ändringarna' leads back", await rows(page), 200);
	});
	await ctx.close();
} finally {
	await browser.close();
}
done();
