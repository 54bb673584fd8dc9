// test_quest_upload.mjs: the questionnaire import on /admin/enkater as a
// file chosen in the browser (multipart/form-data, app/multipart.c): the
// file is imported and the page says so; a file over the loader's 512 kB
// gets the loader's message next to the file field, which is marked
// invalid and described by it (axe: WCAG 2.1 AA). Screenshots:
// OUT/screenshots/enkat-fil-*.png.
import { readFileSync } from "node:fs";
import { BASE, axe, check, eq, launch, runWith, screenshot, sql, staffPage } from "./lib.mjs";

const src = readFileSync(new URL("../../conf/questionnaires/remittent.xml", import.meta.url), "utf8");
const next = Number(sql("SELECT MAX(version) + 1 FROM questionnaire WHERE forbund_id = (SELECT MIN(id) FROM forbund) AND code = 'remittent'")[0]);
const asVersion = (v, pad = 0) =>
	src.replace('id="remittent" version="1"', `id="remittent" version="${v}"`) +
	(pad ? `<!-- ${"å".repeat(pad)} -->\n` : "");

async function upload(page, name, text) {
	await page.goto(`${BASE}/admin/enkater`);
	await page.setInputFiles("#fil", { name, mimeType: "text/xml", buffer: Buffer.from(text, "utf8") });
	await Promise.all([page.waitForNavigation(), page.click("form[action='/admin/enkater'] button[type=submit]")]);
}

const browser = await launch();
await runWith(browser, "the questionnaire upload", async () => {
	const page = await staffPage(browser, "admin");
	await upload(page, "remittent.xml", asVersion(next));
	check("a chosen file is imported", (await page.textContent("main")).includes(`remittent version ${next} är inläst`));
	eq("... once", sql(`SELECT COUNT(*) FROM questionnaire WHERE forbund_id = (SELECT MIN(id) FROM forbund) AND code = 'remittent' AND version = ${next}`)[0], "1");
	await screenshot(page, "enkat-fil-inlast");

	await upload(page, "stor.xml", asVersion(next + 1, 300000));
	const err = page.locator("#fil-fel");
	check("a file over 512 kB gets the loader's message", ((await err.textContent()) || "").includes("Filen är för stor (högst 512 kB)."));
	eq("... the file field is marked invalid", await page.getAttribute("#fil", "aria-invalid"), "true");
	check("... and described by the message", ((await page.getAttribute("#fil", "aria-describedby")) || "").split(" ").includes("fil-fel"));
	await screenshot(page, "enkat-fil-for-stor");
	await axe(page, "/admin/enkater with a refused file");
});
