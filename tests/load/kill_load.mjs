// Load driver for tests/http/test_kill_load.sh: concurrent writers that
// each create referral drafts (POST /ansokningar/ny as a remittent), every
// draft with a unique marker in its address field. A request that timed out
// or got 502/503/504 is sent again with the SAME form (same csrf, same
// one-time key `skapanyckel` when the form carries one) until it gets an
// answer or LOAD_TRIES attempts are spent. Node's built-in fetch only.
//
// Environment:
//   BASE            http://127.0.0.1:PORT
//   LOAD_USER       a remittent account with the demo password
//   LOAD_INSATS     the insats id the drafts apply to
//   LOAD_YEAR       a birth year no person has yet (personnummer space)
//   LOAD_RUN        the run's marker prefix
//   LOAD_OUT        result file: one line per draft,
//                   marker TAB final status TAB attempts TAB milliseconds
//   LOAD_TOTAL      drafts in all (2000)
//   LOAD_WRITERS    concurrent writers (8)
//   LOAD_TRIES      attempts per draft (1: never retry) (12)
//   LOAD_TIMEOUT_MS one attempt's client time-out (10000)
//   LOAD_SECONDS    no new draft is started after this many seconds
//                   (unset: none); M below counts the drafts started
//   LOAD_READY      a file made once every writer has tried to log in
//                   (optional): a fault injector waits for it, so that
//                   the logins (slow: a password hash each) are not what
//                   it kills
//
// Prints "answered N/M", "created N", "client timeouts N", "retried 5xx N",
// "p50 ms N", "p99 ms N" (per draft, retries included), "statuses ...".
import { writeFileSync } from "node:fs";

const env = process.env;
const BASE = env.BASE;
const USER = env.LOAD_USER;
const INSATS = env.LOAD_INSATS;
const YEAR = env.LOAD_YEAR;
const RUN = env.LOAD_RUN;
const OUT = env.LOAD_OUT;
const TOTAL = Number(env.LOAD_TOTAL || 2000);
const WRITERS = Number(env.LOAD_WRITERS || 8);
const TRIES = Number(env.LOAD_TRIES || 12);
const TIMEOUT = Number(env.LOAD_TIMEOUT_MS || 10000);
const STOP = env.LOAD_SECONDS ? Date.now() + 1000 * Number(env.LOAD_SECONDS) : 0;
for (const [k, v] of Object.entries({ BASE, USER, INSATS, YEAR, RUN, OUT }))
	if (!v) throw new Error(`kill_load.mjs: ${k} is not set`);

const RETRY = new Set([502, 503, 504]);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let timeouts = 0; // attempts the client gave up on
let retried5xx = 0; // attempts answered 502/503/504
let loginFailed = 0; // writers that could not log in
let next = 0; // the next draft to send, shared by the writers
const results = [];

// The check digit of a ten-digit personnummer (Luhn over nine digits).
function luhn(nine) {
	let sum = 0;
	for (let i = 0; i < 9; i++) {
		let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
		sum += d > 9 ? d - 9 : d;
	}
	return (10 - (sum % 10)) % 10;
}

// Draft i's personnummer, ÅÅÅÅMMDD-NNNN: unique for i < 302400.
function pnr(i) {
	const mm = String(1 + (i % 12)).padStart(2, "0");
	const dd = String(1 + (Math.floor(i / 12) % 28)).padStart(2, "0");
	const nnn = String(100 + Math.floor(i / 336));
	const ten = `${YEAR.slice(2)}${mm}${dd}${nnn}`;
	return `${YEAR}${mm}${dd}-${nnn}${luhn(ten)}`;
}

function hidden(html, name) {
	const m = html.match(new RegExp(`name="${name}" value="([^"]*)"`));
	return m ? m[1] : null;
}

class Writer {
	constructor() {
		this.cookies = new Map();
		this.usesKey = true; // until a form comes without a key
		this.csrf = null;
	}
	cookieHeader() {
		return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
	}
	keep(res) {
		for (const c of res.headers.getSetCookie()) {
			const [kv] = c.split(";");
			const eq = kv.indexOf("=");
			this.cookies.set(kv.slice(0, eq).trim(), kv.slice(eq + 1));
		}
	}
	// One attempt: { status, body } or { status: "timeout" | "error" }.
	async request(path, form) {
		const init = {
			method: form ? "POST" : "GET",
			redirect: "manual",
			headers: { cookie: this.cookieHeader() },
			signal: AbortSignal.timeout(TIMEOUT),
		};
		if (form) {
			init.body = new URLSearchParams(form).toString();
			init.headers["content-type"] =
				"application/x-www-form-urlencoded";
		}
		try {
			const res = await fetch(BASE + path, init);
			this.keep(res);
			return { status: res.status, body: await res.text() };
		} catch (e) {
			const name = e.name || (e.cause && e.cause.name);
			if (name === "TimeoutError" || name === "AbortError")
				return { status: "timeout" };
			return { status: "error" };
		}
	}
	// Send until an answer; counts the failed attempts.
	async until(path, form) {
		let a;
		for (let t = 1; t <= TRIES; t++) {
			a = await this.request(path, form);
			a.tries = t;
			if (a.status === "timeout") timeouts++;
			else if (RETRY.has(a.status)) retried5xx++;
			else if (a.status !== "error") return a;
			if (t < TRIES) await sleep(50 * Math.min(t, 6));
		}
		return a;
	}
	async login() {
		const f = await this.until("/logga-in");
		const csrf = hidden(f.body || "", "csrf");
		const r = await this.until("/logga-in", {
			csrf,
			anvandarnamn: USER,
			losenord: "stegvis-demo",
		});
		return r.status === 303;
	}
	// The form for one draft: its csrf and, once the form has one, its key.
	async form() {
		if (!this.usesKey && this.csrf) return { csrf: this.csrf };
		const f = await this.until("/ansokningar/ny");
		if (f.status !== 200) return null;
		const key = hidden(f.body, "skapanyckel");
		this.csrf = hidden(f.body, "csrf");
		if (key === null) this.usesKey = false;
		return { csrf: this.csrf, key };
	}
	// The drafts, once logged in.
	async run() {
		for (;;) {
			if (STOP && Date.now() > STOP) return;
			const i = next++;
			if (i >= TOTAL) return;
			const marker = `${RUN}-${i}`;
			const t0 = Date.now();
			const f = await this.form();
			if (f === null) {
				results.push([marker, "noform", 0, Date.now() - t0]);
				continue;
			}
			const form = {
				csrf: f.csrf,
				personnummer: pnr(i),
				fornamn: "Last",
				efternamn: `Provsson${i}`,
				adress: marker,
				insats: INSATS,
				atgard: "spara",
			};
			if (f.key) form.skapanyckel = f.key;
			const a = await this.until("/ansokningar/ny", form);
			results.push([marker, a.status, a.tries, Date.now() - t0]);
		}
	}
}

const t0 = Date.now();
const writers = Array.from({ length: WRITERS }, () => new Writer());
const loggedIn = await Promise.all(writers.map((w) => w.login()));
loginFailed = loggedIn.filter((ok) => !ok).length;
if (env.LOAD_READY) writeFileSync(env.LOAD_READY, "");
await Promise.all(writers.filter((w, k) => loggedIn[k]).map((w) => w.run()));
const secs = (Date.now() - t0) / 1000;

writeFileSync(OUT, results.map((r) => r.join("\t")).join("\n") + "\n");
const answered = results.filter(
	(r) => typeof r[1] === "number" && !RETRY.has(r[1]),
).length;
const statuses = {};
for (const r of results) statuses[r[1]] = (statuses[r[1]] || 0) + 1;
const ms = results.map((r) => r[3]).sort((a, b) => a - b);
const pct = (p) => ms[Math.min(ms.length - 1, Math.floor(ms.length * p))];
console.log(`answered ${answered}/${results.length}`);
if (loginFailed) console.log(`writers not logged in ${loginFailed}`);
console.log(`created ${statuses[303] || 0}`);
console.log(`client timeouts ${timeouts}`);
console.log(`retried 5xx ${retried5xx}`);
console.log(`p50 ms ${pct(0.5)}`);
console.log(`p99 ms ${pct(0.99)}`);
console.log(`seconds ${secs.toFixed(1)}`);
console.log(
	`statuses ${Object.entries(statuses)
		.map(([k, v]) => `${k}:${v}`)
		.join(" ")}`,
);
