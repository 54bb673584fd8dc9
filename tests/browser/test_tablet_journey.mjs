// test_tablet_journey.mjs: issue 16's "done when", end to end. For each of
// the six participant languages a participant, on a 768x1024 tablet:
//  (a) chooses the language on the lock screen, types the questionnaire
//      code, finds the language preselected, answers every question of the
//      quality-of-life start measurement while the network drops once
//      (context.setOffline() before "next", then back), sends, and "Klar"
//      lands on the lock screen in that language;
//  (b) signs a secrecy waiver on the consent tablet;
//  (c) revokes one party of it, or all of it.
// Touch (taps, a drawn signature) and the keyboard only (Tab, Space, Enter
// and typing: the typed-name signature) alternate over the languages, so
// each kind covers questionnaire, signing and revoking. After each journey
// the database must hold every answer exactly once, the consent with its
// language, its text version and how it was signed, and the revocation;
// nothing in any web storage. axe on each new screen; screenshots in
// OUT/screenshots/journey-*.png. The participants are fixtures in the
// running insats Case Manager Grästorp (personal.cm).
import {
	BASE, PORTRAIT, axe, check, drawSignature, eq, freshPersonnummer, go, insatsIdOf, kioskStatus, launch, lockScreenLogin,
	newCode, noWebStorage, orgOf, pathOf, prepareAndHandOver, runWith, screenshot, sql, staffIdOf, staffPage, step,
	tabTo, tablet,
} from "./lib.mjs";

const CM = insatsIdOf("Case Manager");
const FK_STAFF = staffIdOf("remittent.fk");
const FK_ORG = orgOf("remittent.fk");
const CM_STAFF = staffIdOf("personal.cm");

// Language, how the participant works, their name, the words the screens
// must show in it (the lock screen's heading, the offline message's first
// sentence), and what they revoke.
const JOURNEYS = [
	{ lang: "sv", how: "touch", name: "Anna Berg", title: "Enkät", offline: "Ingen anslutning just nu.", revoke: "party" },
	{ lang: "en", how: "keys", name: "Grace Miller", title: "Questionnaire", offline: "No connection right now.", revoke: "all" },
	{ lang: "ar", how: "touch", name: "Amal Haddad", title: "استبيان", offline: "لا يوجد اتصال الآن.", revoke: "all" },
	{ lang: "so", how: "keys", name: "Hodan Warsame", title: "Su'aalo", offline: "Hadda xiriir ma jiro.", revoke: "party" },
	{ lang: "fa-AF", how: "touch", name: "Farid Ahmadi", title: "پرسشنامه", offline: "فعلاً اتصال وجود ندارد.", revoke: "party" },
	{ lang: "ti", how: "keys", name: "Saba Tesfay", title: "መጠይቕ", offline: "ሕጂ መራኸቢ የለን።", revoke: "all" },
];
const RTL = new Set(["ar", "fa-AF"]);

// A person admitted to Case Manager Grästorp today: referral and
// participation ids.
function fixture(first, last) {
	const pnr = freshPersonnummer("1985062");
	const [ref, pid] = sql(`INSERT INTO person (personnummer, id_kind, birth_year) VALUES ('${pnr}', 'personnummer', 1985);
		SET @person = LAST_INSERT_ID();
		INSERT INTO referral (person_id, insats_id, remittent_id, organisation_id, status, submitted_at, decided_at, decided_by)
		VALUES (@person, ${CM}, ${FK_STAFF}, ${FK_ORG}, 'antagen', UTC_TIMESTAMP(), UTC_TIMESTAMP(), ${CM_STAFF});
		SET @ref = LAST_INSERT_ID();
		INSERT INTO referral_person (referral_id, first_name, last_name, gender) VALUES (@ref, '${first}', '${last}', 'kvinna');
		INSERT INTO participation (referral_id, person_id, insats_id, status, start_date, planned_end_date)
		VALUES (@ref, @person, ${CM}, 'inskriven', CURDATE(), CURDATE() + INTERVAL 180 DAY);
		SET @pid = LAST_INSERT_ID();
		INSERT INTO participation_person (participation_id, first_name, last_name, gender) VALUES (@pid, '${first}', '${last}', 'kvinna');
		SELECT @ref; SELECT @pid;`);
	return { ref, pid };
}

const browser = await launch();
// A step that fails does so at once, not after playwright's 30 s.
const TIMEOUT = 8000;
const sp = await staffPage(browser, "personal.cm");
sp.context().setDefaultTimeout(TIMEOUT);
const urlOf = (page) => { const u = new URL(page.url()); return u.pathname + u.search; };

// The participant's way of doing things: tap (touch) or the keyboard.
function hands(page, how) {
	return {
		// Press a link or button (and wait for the page it leads to).
		press: (sel) => go(page, how === "touch" ? () => page.tap(sel) : async () => {
			await tabTo(page, sel);
			await page.keyboard.press("Enter");
		}),
		// Type into a field.
		type: async (sel, text) => {
			if (how === "touch") {
				await page.tap(sel);
				await page.fill(sel, text);
			} else {
				await tabTo(page, sel);
				await page.keyboard.type(text);
			}
		},
		// Tick a radio or checkbox.
		tick: async (sel) => {
			if (how === "touch") {
				await page.tap(`label[for=${sel.slice(1)}]`);
			} else {
				await tabTo(page, sel);
				await page.keyboard.press("Space");
			}
		},
	};
}

// The lock screen in lang: its <html lang>, and its language link current.
async function lockIn(page, lang) {
	return pathOf(page) === "/surfplatta" && (await page.getAttribute("html", "lang")) === lang &&
		(await page.getAttribute(`.kiosk-langs a[lang="${lang}"]`, "aria-current")) === "true";
}

async function journey(j, n) {
	const L = j.lang;
	const [first, last] = j.name.split(" ");
	const { ref, pid } = fixture(first, last);
	const ctx = await tablet(browser, PORTRAIT);
	ctx.setDefaultTimeout(TIMEOUT);
	const page = await ctx.newPage();
	const h = hands(page, j.how);
	const tag = `${L} (${j.how === "touch" ? "touch" : "keyboard only"})`;

	// ---- (a) the questionnaire ----
	const code = await newCode(sp, pid, "Öppna Startmätning på surfplatta");
	await page.goto(`${BASE}/surfplatta`);
	await h.press(`.kiosk-langs a[lang="${L}"]`);
	check(`${tag}: the lock screen speaks the language chosen`, await lockIn(page, L), urlOf(page));
	await h.type("#kod", code);
	await h.press("button.kiosk-primary");
	eq(`${tag}: the code leads to the language page, the lock screen's language with it`, urlOf(page), `/enkat/sprak?sprak=${L}`);
	eq(`${tag}: ... which speaks it`, await page.getAttribute("html", "lang"), L);
	eq(`${tag}: ... in its direction`, await page.getAttribute("html", "dir"), RTL.has(L) ? "rtl" : "ltr");
	eq(`${tag}: ... and has it preselected`, await page.getAttribute("button.kiosk-lang[aria-current=true]", "lang"), L);
	eq(`${tag}: ... focused, so Enter takes it`, await page.evaluate(() => document.activeElement.getAttribute("lang")), L);
	await axe(page, `the language page, ${L} preselected`);
	await screenshot(page, `journey-${n}-${L}-1-language`);
	if (j.how === "touch")
		await go(page, () => page.tap(`button.kiosk-lang[lang="${L}"]`));
	else
		await go(page, () => page.keyboard.press("Enter"));
	eq(`${tag}: question 1`, pathOf(page), "/enkat/fraga/1");
	eq(`${tag}: ... in the language`, await page.getAttribute("html", "lang"), L);
	eq(`${tag}: ... its idle lock returns to the lock screen in it`, await page.getAttribute("body", "data-idle-url"),
		L === "sv" ? "/surfplatta" : `/surfplatta?sprak=${L}`);
	const [cid, rid] = sql(`SELECT CONCAT(id, ' ', response_id) FROM questionnaire_code WHERE participation_id = ${pid}`)[0].split(" ");
	check(`${tag}: the code's response`, /^[0-9]+ [0-9]+$/.test(`${cid} ${rid}`));

	// Items 1-2 are VAS 0-100, 3-6 scales 1-5. Each answer, as stored.
	const want = [];
	for (let i = 1; i <= 6; i++) {
		const next = ".kiosk-nav button[value=nasta]";
		if (i <= 2) {
			if (j.how === "touch") {
				// A tap on the slider at 3/4 chooses (about 75).
				const box = await page.locator(".kiosk-vas-range").boundingBox();
				const x = RTL.has(L) ? 0.25 : 0.75;
				await page.touchscreen.tap(box.x + box.width * x, box.y + box.height / 2);
				want.push(await page.inputValue("#svar"));
			} else {
				await h.type("#svar", String(40 + i));
				want.push(String(40 + i));
			}
		} else {
			const v = 1 + ((i + n) % 5);
			if (j.how === "touch") {
				await h.tick(`#svar-${v}`);
			} else {
				// Tab reaches the group's first choice; Space takes it.
				await tabTo(page, "input[name=svar]");
				await page.keyboard.press("Space");
			}
			want.push(j.how === "touch" ? String(v) : "1");
		}
		if (i === 3) {
			// The network drops as next is pressed, then comes back.
			await ctx.setOffline(true);
			if (j.how === "touch") await page.tap(next);
			else {
				await tabTo(page, next);
				await page.keyboard.press("Enter");
			}
			const said = await kioskStatus(page);
			eq(`${tag}: offline, the page stays`, pathOf(page), "/enkat/fraga/3");
			check(`${tag}: ... and says so in the language`, said.startsWith(j.offline), said);
			eq(`${tag}: ... nothing of it stored yet`, sql(`SELECT COUNT(*) FROM questionnaire_answer a JOIN questionnaire_item i ON i.id = a.item_id
				WHERE a.response_id = ${rid} AND i.position = 3`)[0], "0");
			check(`${tag}: ... nothing in web storage`, await noWebStorage(page));
			await screenshot(page, `journey-${n}-${L}-2-offline`);
			await ctx.setOffline(false);
			await page.waitForURL("**/enkat/fraga/4");
		} else if (j.how === "touch") {
			await go(page, () => page.tap(next));
		} else {
			await tabTo(page, next);
			await go(page, () => page.keyboard.press("Enter"));
		}
	}
	eq(`${tag}: after the last question, the send page`, pathOf(page), "/enkat/skicka");
	eq(`${tag}: every answer stored exactly once, as given`,
		sql(`SELECT GROUP_CONCAT(CONCAT(i.position, ':', n, ':', v) ORDER BY i.position SEPARATOR ' ') FROM
			(SELECT item_id, COUNT(*) n, MAX(value_int) v FROM questionnaire_answer WHERE response_id = ${rid} GROUP BY item_id) a
			JOIN questionnaire_item i ON i.id = a.item_id`)[0],
		want.map((v, i) => `${i + 1}:1:${v}`).join(" "));
	await h.press(".kiosk-nav button.kiosk-primary");
	eq(`${tag}: sent`, sql(`SELECT CONCAT(status, ' ', language) FROM questionnaire_response WHERE id = ${rid}`)[0], `inskickad ${L}`);
	eq(`${tag}: ... still every answer once`, sql(`SELECT CONCAT(COUNT(*), ' ', COUNT(DISTINCT item_id)) FROM questionnaire_answer WHERE response_id = ${rid}`)[0], "6 6");
	eq(`${tag}: the thanks speaks the language`, await page.getAttribute("html", "lang"), L);
	await h.press("a.kiosk-primary");
	check(`${tag}: "Klar" lands on the lock screen in the language`, await lockIn(page, L), urlOf(page));
	eq(`${tag}: ... its words`, (await page.textContent("h1")).trim(), j.title);
	check(`${tag}: no web storage after the questionnaire`, await noWebStorage(page));

	// ---- (b) signing the waiver on the consent tablet ----
	await lockScreenLogin(page);
	const c = await prepareAndHandOver(page, ref, { kind: "sekretess", lang: L, purpose: "Planera stödet tillsammans" });
	eq(`${tag}: the consent page speaks the language`, await page.getAttribute("html", "lang"), L);
	await h.type("#namn", j.name);
	if (j.how === "touch") {
		await drawSignature(page);
		await screenshot(page, `journey-${n}-${L}-3-sign`);
		await h.press("#signera");
	} else {
		await h.type("#namnunderskrift", j.name);
		await h.tick("#namnbekraftelse");
		await screenshot(page, `journey-${n}-${L}-3-sign`);
		await h.press("#signera");
	}
	eq(`${tag}: signed, in the language and the current text version, ${j.how === "touch" ? "drawn" : "by typed name"}`,
		sql(`SELECT CONCAT_WS('|', c.state, c.language, t.language, t.is_current, c.signed_how, c.signed_with, c.signer_name)
			FROM consent c JOIN consent_text t ON t.id = c.text_id WHERE c.id = ${c}`)[0],
		`aktiv|${L}|${L}|1|surfplatta|${j.how === "touch" ? "ritad" : "namn"}|${j.name}`);
	eq(`${tag}: ... the text is the language's newest (of the förbund)`, sql(`SELECT c.text_id = (SELECT MAX(t.id)
		FROM consent_text t JOIN insats i ON i.forbund_id = t.forbund_id JOIN referral r ON r.insats_id = i.id
		WHERE r.id = c.referral_id AND t.kind = 'sekretess' AND t.language = '${L}') FROM consent c WHERE c.id = ${c}`)[0], "1");
	await h.press(`a[href="/surfplatta?sprak=${L}"]`);
	check(`${tag}: "Klar" after signing lands on the lock screen in the language`, await lockIn(page, L), urlOf(page));

	// ---- (c) revoking it, one party or all ----
	await lockScreenLogin(page);
	await page.goto(`${BASE}/samtycken/${c}/aterkalla`);
	await go(page, "#overlamna");
	eq(`${tag}: the revocation page speaks the language`, await page.getAttribute("html", "lang"), L);
	await axe(page, `the revocation page in ${L}`);
	const party = sql(`SELECT p.id FROM consent_party p WHERE p.consent_id = ${c} AND p.organisation_id = ${FK_ORG}`)[0];
	await h.press(j.revoke === "all" ? "#rv-waiver-all" : `a[href$="part=${party}"]`);
	await screenshot(page, `journey-${n}-${L}-4-revoke-confirm`);
	await h.press("#bekrafta");
	if (j.revoke === "all")
		eq(`${tag}: the whole waiver revoked`, sql(`SELECT CONCAT(state, ' ', ended_at IS NOT NULL) FROM consent WHERE id = ${c}`)[0], "aterkallad 1");
	else
		eq(`${tag}: the party revoked, the rest of the waiver in force`, sql(`SELECT CONCAT(c.state, ' ',
			(SELECT GROUP_CONCAT(state ORDER BY p.id = ${party} DESC) FROM consent_party p WHERE p.consent_id = c.id AND p.id = ${party}), ' ',
			(SELECT COUNT(*) FROM consent_party p WHERE p.consent_id = c.id AND p.state = 'aktiv') > 0)
			FROM consent c WHERE c.id = ${c}`)[0], "aktiv aterkallad 1");
	check(`${tag}: "Klar" after revoking goes to the lock screen in the language`,
		(await page.locator(`a[href="/surfplatta?sprak=${L}"]`).count()) === 1);
	check(`${tag}: nothing in web storage, the whole journey`, await noWebStorage(page));
	// Left alone: the idle lock (its 5 minutes on a fake clock) lands on
	// the lock screen in the language too.
	const idle = Number(await page.getAttribute("body", "data-idle-seconds"));
	await page.clock.install();
	await page.reload();
	await go(page, () => page.clock.fastForward(idle * 1000 + 1000));
	check(`${tag}: idle after revoking: the lock screen in the language`, await lockIn(page, L), urlOf(page));
	await ctx.close();
}

await runWith(browser, "tablet journey browser test", async () => {
	check("fixtures: Case Manager and its staff", !!CM && !!CM_STAFF && !!FK_ORG);
	for (const [n, j] of JOURNEYS.entries())
		await step(`the journey in ${j.lang}`, () => journey(j, n + 1));

	// A code let go by staff while the tablet shows a question: the next
	// press lands on the lock screen in the participant's language.
	await step("a released code: the lock screen in the participant's language", async () => {
		const { pid } = fixture("Hodan", "Ali");
		const code = await newCode(sp, pid, "Öppna Startmätning på surfplatta");
		const ctx = await tablet(browser, PORTRAIT);
		const page = await ctx.newPage();
		await page.goto(`${BASE}/surfplatta?sprak=so`);
		await page.fill("#kod", code);
		await go(page, "button.kiosk-primary");
		await go(page, "button.kiosk-lang[lang=so]");
		await sp.goto(`${BASE}/deltagande/${pid}`);
		await go(sp, () => sp.getByRole("button", { name: /Släpp surfplattan/ }).click());
		await go(page, ".kiosk-nav button[value=nasta]");
		check("released: the lock screen in Somali", await lockIn(page, "so"), urlOf(page));
		await ctx.close();
	});
});
