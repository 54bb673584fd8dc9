// test_report_document.mjs: the delårsrapport printed for the board
// (views/rapport_dokument.html, views/static/rapport-print.css). Printed to
// PDF on A4 by Chromium: the cover is a page of its own and every insats
// starts a new page (the PDF's named destination of each insats, from the
// table of contents, is at the top of a page that is not the cover's); in
// print media no form, navigation or other screen tool is visible. axe on
// the document and on the page where the texts are written. Screenshots:
// OUT/screenshots/delarsrapport-*.png, the PDF: OUT/delarsrapport.pdf.
import { writeFileSync, mkdirSync } from "node:fs";
import { BASE, OUT, axe, check, done, eq, insatsIdOf, launch, login, screenshot, step } from "./lib.mjs";

const DOC = `${BASE}/rapporter/delarsrapport?period=jan-aug&ar=2021`;
const A4 = { w: 595.92, h: 842.88 }; // points

// The pages of a PDF in order (object numbers), each with its MediaBox,
// and its named destinations: { pages: [{ obj, w, h }], dests: { name:
// { obj, y } } }. Chromium writes these objects uncompressed.
function pdfOutline(buf) {
	const s = buf.toString("latin1");
	const objs = new Map();
	for (const m of s.matchAll(/(\d+) 0 obj\s*(<<[\s\S]*?)\nendobj/g))
		objs.set(m[1], m[2]);
	const root = s.match(/\/Type \/Catalog[\s\S]*?\/Pages (\d+) 0 R/)[1];
	const pages = [];
	const walk = (n) => {
		const o = objs.get(n) || "";
		if (/\/Type \/Pages\b/.test(o)) {
			for (const k of o.match(/\/Kids \[([^\]]*)\]/)[1].matchAll(/(\d+) 0 R/g))
				walk(k[1]);
		} else {
			const box = (o.match(/\/MediaBox \[([^\]]*)\]/) || [, "0 0 0 0"])[1].trim().split(/\s+/).map(Number);
			pages.push({ obj: n, w: box[2], h: box[3] });
		}
	};
	walk(root);
	const dests = {};
	const dobj = s.match(/\/Dests (\d+) 0 R/);
	const dsrc = dobj ? objs.get(dobj[1]) || "" : "";
	for (const m of dsrc.matchAll(/\/([\w-]+) \[(\d+) 0 R \/XYZ [\d.]+ ([\d.]+)/g))
		dests[m[1]] = { obj: m[2], y: Number(m[3]) };
	return { pages, dests };
}

const browser = await launch();
const ctx = await browser.newContext({ viewport: { width: 1100, height: 900 } });
const page = await login(ctx, "forbund");

await step("the document on screen", async () => {
	await page.goto(DOC);
	const names = await page.locator(".doc-insats > h2").allTextContents();
	check("the document has insatser", names.length >= 2, `${names.length}`);
	check("Friska Vindar 2.0 is one of them", names.includes("Friska Vindar 2.0"));
	check("on screen the period chooser is there", await page.locator("form").first().isVisible());
	await screenshot(page, "delarsrapport-screen");
	await axe(page, "the delårsrapport");
	await page.setViewportSize({ width: 320, height: 640 });
	const w = await page.evaluate(() => document.documentElement.scrollWidth);
	check("the document is no wider than 320 px at 320 px (tables scroll)", w <= 320, `${w} px`);
	await page.setViewportSize({ width: 1100, height: 900 });
});

await step("printed: no form, no navigation", async () => {
	await page.emulateMedia({ media: "print" });
	for (const sel of ["form", "nav", "select", "input", "button", "header", "footer", ".doc-tools"]) {
		const all = page.locator(sel);
		const n = await all.count();
		let shown = 0;
		for (let i = 0; i < n; i++)
			if (await all.nth(i).isVisible())
				shown++;
		eq(`print media: no ${sel} is visible (of ${n})`, shown, 0);
	}
	check("print media: the cover and the figures are", await page.locator(".doc-cover h1").isVisible() &&
		await page.locator(".doc-insats table.report").first().isVisible());
	// Back to the default: page.pdf() prints with print media unless
	// screen media is forced.
	await page.emulateMedia({ media: null });
});

await step("printed to PDF on A4: a page per insats", async () => {
	const names = await page.locator(".doc-insats").evaluateAll((els) => els.map((e) => e.id));
	const pdf = await page.pdf({ format: "A4", printBackground: true });
	mkdirSync(OUT, { recursive: true });
	writeFileSync(`${OUT}/delarsrapport.pdf`, pdf);
	const { pages, dests } = pdfOutline(pdf);
	check("the PDF has a page per insats and the cover", pages.length >= names.length + 1,
		`${pages.length} pages, ${names.length} insatser`);
	check("every page is A4", pages.every((p) => Math.abs(p.w - A4.w) < 1 && Math.abs(p.h - A4.h) < 1),
		JSON.stringify(pages[0]));
	const at = new Map(pages.map((p, i) => [p.obj, i]));
	const starts = [];
	for (const id of names) {
		const d = dests[id];
		if (!d) {
			check(`${id}: the table of contents' link is in the PDF`, false);
			continue;
		}
		const i = at.get(d.obj);
		const top = pages[i].h;
		check(`${id} starts at the top of a page (page ${i + 1})`, Math.abs(d.y - top) < 0.5, `y ${d.y} of ${top}`);
		starts.push(i);
	}
	check("the cover is a page of its own", starts.length > 0 && starts[0] >= 1, `${starts[0]}`);
	check("every insats has pages of its own", starts.every((p, k) => k === 0 || p > starts[k - 1]),
		starts.join(","));
});

await step("the texts' page", async () => {
	const staff = await browser.newContext({ viewport: { width: 1100, height: 900 } });
	const p = await login(staff, "personal.fv");
	await p.goto(`${BASE}/rapporter/texter/${insatsIdOf("Friska Vindar 2.0")}?period=jan-aug&ar=2021`);
	eq("five sections to write", await p.locator("textarea").count(), 5);
	eq("each with its limit", await p.locator("#resultat").getAttribute("data-maxtecken"), "10000");
	await screenshot(p, "delarsrapport-texter");
	await axe(p, "the delårsrapport's text form");
	// Reflow (WCAG 1.4.10), as the other staff pages: 320 CSS px wide.
	await p.setViewportSize({ width: 320, height: 640 });
	for (const path of [`/rapporter/texter?period=jan-aug&ar=2021`, p.url().replace(BASE, "")]) {
		await p.goto(`${BASE}${path}`);
		const w = await p.evaluate(() => document.documentElement.scrollWidth);
		check(`${path.split("?")[0]}: no wider than 320 px at 320 px`, w <= 320, `${w} px`);
	}
	await axe(p, "the list of texts at 320 px");
	await staff.close();
});

await browser.close();
done();
