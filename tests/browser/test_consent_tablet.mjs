// test_consent_tablet.mjs: from a consent tablet session, every route in
// the route table (`stegvis routes`, ids filled in with real records:
// another person's participation, the participant's own application,
// another consent, ...) gives the lock screen and nothing of any person;
// only the consent's own pages are served, and they show nothing of anyone
// else. Then the idle lock after five minutes, with and without
// JavaScript. The first tablet session is made by a real handover; for
// the sweep each route gets a fresh tablet session written to the database
// (the first page outside the tablet ends the session, and a handover per
// route would be a staff login each), exactly as the handover writes it.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
	BASE, PORTRAIT, axe, check, eq, fixtureReferral, go, insatsIdOf, launch, login, notOk, ok, orgOf, pathOf, runWith,
	screenshot, sql, staffIdOf, step, tablet,
} from "./lib.mjs";

const BIN = process.env.BIN;
const CM = insatsIdOf("Case Manager");
const FK_STAFF = staffIdOf("remittent.fk");
const FK_ORG = orgOf("remittent.fk");

const fixturePerson = (first, last) => fixtureReferral({ born: "1979031", first, last, gender: "kvinna" });

// An aktiv waiver (Försäkringskassan and the insats) of referral ref.
function fixtureWaiver(ref) {
	return sql(`INSERT INTO consent (referral_id, kind, state, answer, text_id, language,
		  direction_obtain, direction_disclose, purpose, valid_from, valid_until, signed_how,
		  signer_name, paper_date, taken_by, signed_at)
		SELECT ${ref}, 'sekretess', 'aktiv', 'ja', t.id, 'sv', 1, 1, 'Testets syfte',
		  CURDATE(), CURDATE() + INTERVAL 1 YEAR, 'papper', 'Test', CURDATE(), ${FK_STAFF}, UTC_TIMESTAMP()
		FROM referral r JOIN insats i ON i.id = r.insats_id JOIN consent_text t ON t.forbund_id = i.forbund_id
		  AND t.kind = 'sekretess' AND t.language = 'sv' AND t.is_current = 1 WHERE r.id = ${ref};
		SET @c = LAST_INSERT_ID();
		INSERT INTO consent_party (consent_id, organisation_id, insats_id) VALUES (@c, ${FK_ORG}, NULL), (@c, NULL, ${CM});
		INSERT INTO consent_consent_category (consent_id, category_code) VALUES (@c, 'arbete');
		SELECT @c;`)[0];
}

function fixtureSus(ref) {
	return sql(`INSERT INTO consent (referral_id, kind, state, answer, text_id, language, valid_from,
		  signed_how, paper_date, taken_by, signed_at)
		SELECT ${ref}, 'sus', 'aktiv', 'ja', t.id, 'sv', CURDATE(), 'papper', CURDATE(), ${FK_STAFF}, UTC_TIMESTAMP()
		FROM referral r JOIN insats i ON i.id = r.insats_id JOIN consent_text t ON t.forbund_id = i.forbund_id
		  AND t.kind = 'sus' AND t.language = 'sv' AND t.is_current = 1 WHERE r.id = ${ref};
		SELECT LAST_INSERT_ID();`)[0];
}

const hash = (token) => execFileSync("b2sum", ["-l", "256"], { input: token, encoding: "utf8" }).split(" ")[0];
const alive = (token) => sql(`SELECT COUNT(*) FROM tablet_session WHERE token_hash = UNHEX('${hash(token)}')`)[0];

// A tablet session for consent, handed over by staff, as
// session_tablet_create() writes it; the cookie set in ctx.
async function tabletSession(ctx, consent, staff) {
	const token = randomBytes(32).toString("hex");
	const csrf = randomBytes(32).toString("hex");
	sql(`INSERT INTO tablet_session (token_hash, consent_id, staff_id, csrf_token, created_at, last_seen_at, remote_addr)
		VALUES (UNHEX('${hash(token)}'), ${consent}, ${staff}, '${csrf}', UTC_TIMESTAMP(), UTC_TIMESTAMP(), '127.0.0.1')`);
	await ctx.clearCookies();
	await ctx.addCookies([{ name: "stegvis_surfplatta", value: token, url: BASE, httpOnly: true, sameSite: "Strict" }]);
	return { token, csrf };
}

// The words nothing served to the tablet may hold: every fixture person's
// names, another participant's, any personnummer, the staff navigation.
function leaks(text, names) {
	const found = names.filter((n) => n && text.includes(n));
	// (not inside a hex token such as a CSRF value)
	if (/(^|[^0-9a-f])(19|20)[0-9]{6}-?[0-9]{4}([^0-9a-f]|$)/.test(text)) found.push("a personnummer");
	if (text.includes("Logga ut")) found.push("the staff navigation");
	return found;
}

const browser = await launch();
await runWith(browser, "consent tablet browser test", async () => {
	const own = fixturePerson("Egen", "Deltagarsson");
	const waiver = fixtureWaiver(own);
	const sus = fixtureSus(own);
	const other = fixturePerson("Annan", "Grannsson");
	const otherConsent = fixtureWaiver(other);
	const [participation, pLast, pFirst] = sql(`SELECT CONCAT_WS('|', p.id, pe.last_name, pe.first_name)
		FROM participation p JOIN referral r ON r.id = p.referral_id JOIN participation_person pe ON pe.participation_id = p.id
		WHERE r.insats_id = ${CM} ORDER BY p.id LIMIT 1`)[0].split("|");
	const staff = sql("SELECT id FROM staff WHERE username = 'personal.cm'")[0];
	check("fixtures", [own, waiver, sus, other, otherConsent, participation, staff].every((v) => /^[0-9]+$/.test(v || "")));
	// The participant's own name may show on their own consent's pages
	// (the copy); nothing else may show anywhere.
	const strangers = ["Grannsson", pLast, `${pFirst} ${pLast}`];
	const everyone = ["Deltagarsson", ...strangers];

	await step("a real handover starts the tablet session", async () => {
		const ctx = await tablet(browser, PORTRAIT);
		const page = await login(ctx, "personal.cm");
		await page.goto(`${BASE}/samtycken/${waiver}/aterkalla`);
		check("staff get the handover page", (await page.textContent("h1")).includes("Lämna surfplattan"));
		await go(page, "#overlamna");
		eq("the revocation page on the tablet", pathOf(page), `/samtycken/${waiver}/aterkalla`);
		const row = sql(`SELECT CONCAT(consent_id, '|', staff_id) FROM tablet_session ORDER BY id DESC LIMIT 1`)[0];
		eq("its session: this consent, handed over by personal.cm", row, `${waiver}|${staff}`);
		await page.goto(`${BASE}/deltagare`);
		eq("the address bar: /deltagare gives the lock screen", pathOf(page), "/surfplatta");
		check("... with nothing of anyone", leaks(await page.content(), everyone).length === 0);
		await screenshot(page, "consent-tablet-locked");
		await ctx.close();
	});

	const lines = execFileSync(BIN, ["routes"], { encoding: "utf8" }).split("\n").filter((l) => /^(GET|POST) /.test(l));
	check("the route table is read", lines.length > 50, `${lines.length} routes`);
	const mine = new Set(["GET /samtycken/:id/surfplatta", "POST /samtycken/:id/surfplatta",
		"GET /samtycken/:id/kopia", "GET /samtycken/:id/aterkalla", "POST /samtycken/:id/aterkalla"]);
	// Real records for the :params, per route.
	function fill(pattern, consent) {
		return pattern.replace(/:[a-z]+/g, (p) => {
			if (pattern.startsWith("/deltagande/")) return participation;
			if (pattern.startsWith("/samtycken/ansokan/")) return own;
			if (pattern.startsWith("/samtycken/")) return consent;
			if (pattern.startsWith("/inkorg/") || pattern.startsWith("/ansokningar/")) return own;
			if (pattern.startsWith("/admin/insatser/")) return CM;
			if (p === ":lista") return "utbildning";
			if (p === ":token") return "0".repeat(64);
			return "1";
		});
	}

	await step("every route from the tablet session: the lock screen, nothing of any person", async () => {
		const ctx = await tablet(browser, PORTRAIT);
		const page = await ctx.newPage();
		let probed = 0;
		for (const line of lines) {
			const [method, pattern] = line.split(" ");
			const ids = pattern.startsWith("/samtycken/:id") ? [otherConsent, waiver] : [otherConsent];
			for (const id of ids) {
				if (id === waiver && mine.has(`${method} ${pattern}`)) continue; // served: below
				const path = fill(pattern, id);
				const desc = `${method} ${path}`;
				const s = await tabletSession(ctx, waiver, staff);
				const problems = [];
				probed++;
				if (method === "GET") {
					const resp = await page.goto(`${BASE}${path}`);
					const first = resp.request().redirectedFrom();
					const text = await page.content();
					const where = pathOf(page);
					if (where !== "/surfplatta" || !text.includes("Personal: logga in"))
						problems.push(`ended on ${where} (${resp.status()})`);
					else if (path !== "/surfplatta" && !(first && (await first.response()).status() === 303))
						problems.push("no 303 to the lock screen");
					problems.push(...leaks(text, everyone));
				} else {
					const form = { csrf: s.csrf, samtycke: id, part: "alla", bekrafta: "ja",
						anvandarnamn: "personal.cm", losenord: "fel" };
					const resp = await page.request.post(`${BASE}${path}`, { form, maxRedirects: 0 });
					if (path === "/logga-in") {
						// The staff login, which the lock screen offers: a
						// wrong password (and no login cookie) gets nobody in.
						if (resp.status() === 303) problems.push("logged in");
					} else if (resp.status() !== 303 || resp.headers().location !== "/surfplatta") {
						problems.push(`${resp.status()} ${resp.headers().location || ""}`);
					}
					problems.push(...leaks(await resp.text(), everyone));
				}
				if (path !== "/logga-in" && alive(s.token) !== "0") problems.push("the tablet session lives on");
				if (problems.length) notOk(`tablet: ${desc}: the lock screen, nothing of any person`, problems.join("; "));
				else ok(`tablet: ${desc}: ${method === "POST" && path === "/logga-in" ? "the staff login only" : "the lock screen"}, nothing of any person`);
			}
		}
		ok(`${probed} routes and ids probed from a tablet session`);
		eq("the other consent is untouched", sql(`SELECT state FROM consent WHERE id = ${otherConsent}`)[0], "aktiv");
		eq("the tablet's own consent is untouched", sql(`SELECT state FROM consent WHERE id = ${waiver}`)[0], "aktiv");
		await ctx.close();
	});

	await step("the consent's own pages are served, with nothing of anyone else", async () => {
		const ctx = await tablet(browser, PORTRAIT);
		const page = await ctx.newPage();
		const s = await tabletSession(ctx, waiver, staff);
		for (const path of [`/samtycken/${waiver}/surfplatta`, `/samtycken/${waiver}/kopia`,
			`/samtycken/${waiver}/aterkalla`]) {
			const resp = await page.goto(`${BASE}${path}`);
			eq(`GET ${path}: served`, resp.status(), 200);
			eq(`GET ${path}: not redirected`, pathOf(page), path);
			const leaked = leaks(await page.content(), strangers);
			check(`GET ${path}: nothing of anyone else`, leaked.length === 0, leaked.join(", "));
		}
		const resp = await page.request.post(`${BASE}/samtycken/${waiver}/aterkalla`,
			{ form: { csrf: s.csrf, samtycke: waiver, part: "alla" }, maxRedirects: 0 });
		eq("POST without confirmation: the confirmation", resp.status(), 200);
		check("... in which nothing of anyone else", leaks(await resp.text(), strangers).length === 0);
		eq("the session lives on", alive(s.token), "1");
		await ctx.close();
	});

	await step("the idle lock: five minutes", async () => {
		const ctx = await tablet(browser, PORTRAIT);
		const page = await ctx.newPage();
		await page.clock.install();
		const s = await tabletSession(ctx, waiver, staff);
		await page.goto(`${BASE}/samtycken/${waiver}/aterkalla`);
		check("the revocation page", (await page.textContent("h1")).includes("Återkalla"));
		await axe(page, "the tablet's revocation page");
		await page.clock.fastForward("04:00");
		eq("four minutes: still there", pathOf(page), `/samtycken/${waiver}/aterkalla`);
		await page.clock.fastForward("01:01");
		await page.waitForURL("**/surfplatta");
		ok("five minutes idle: the lock screen");
		check("... with nothing of anyone", leaks(await page.content(), everyone).length === 0);
		eq("the tablet session is over", alive(s.token), "0");
		await ctx.close();
	});

	await step("the idle lock without JavaScript", async () => {
		const ctx = await tablet(browser, PORTRAIT, { javaScriptEnabled: false });
		const page = await ctx.newPage();
		await tabletSession(ctx, waiver, staff);
		await page.goto(`${BASE}/samtycken/${waiver}/aterkalla`);
		eq("a meta refresh to the lock screen after 300 s",
			await page.locator('meta[http-equiv="refresh"]').getAttribute("content"), "300;url=/surfplatta");
		await ctx.close();
	});
});
