/* kiosk.js: progressive enhancement for the questionnaire pages; every
 * page works without it. (The idle lock is /static/idle.js, shared with
 * the consent tablet.)
 *  - VAS: a slider next to the number field, for touch. Until a value is
 *    chosen it shows no thumb, one even track and "not answered yet"
 *    (#vas-unset), and the number field stays empty, so nothing is sent.
 *    A tap, a drag or a key on the slider chooses; it writes the number
 *    field, which is what is sent. Keyboard and screen readers can use
 *    either.
 *  - Saving (forms with data-kiosk-save): the answer is sent with fetch and
 *    the page moves on only once the server has it. Without a network the
 *    page stays, says so calmly in its live region (.kiosk-status, in the
 *    respondent's language) and tries again with a growing pause (and at
 *    once when the browser is back online), never two at a time. The
 *    answer waits in this page's memory only: nothing is written to any
 *    web storage on a shared tablet. Whatever the server answers is shown
 *    as its own page would be: where it redirects (the next screen, the
 *    lock screen when the code was let go or the session ended), or, for
 *    a refusal such as a validation error, the form is sent once more the
 *    ordinary way so the browser shows the server's page. A retry whose
 *    first try did arrive stores nothing twice: the screen's key
 *    ("nyckel") makes the server take each screen once. */
(function () {
	"use strict";

	/* ---- VAS ---- */
	var num = document.querySelector(".kiosk-vas-number");
	if (num) {
		var state = document.getElementById("vas-unset");
		var range = document.createElement("input");
		range.type = "range";
		range.min = "0";
		range.max = "100";
		range.step = "1";
		range.className = "kiosk-vas-range";
		range.setAttribute("aria-labelledby", "fraga");
		var unsetText = state ? state.textContent : "";
		var show = function (set) {
			range.classList.toggle("unset", !set);
			if (set) range.removeAttribute("aria-valuetext");
			else range.setAttribute("aria-valuetext", unsetText);
			if (state) state.hidden = set;
		};
		var sync = function () {
			var set = num.value !== "";
			if (set) range.value = num.value;
			else range.value = "50";
			show(set);
		};
		var choose = function () {
			num.value = range.value;
			show(true);
		};
		range.addEventListener("input", choose);
		/* A tap on the very middle changes no value: it chooses too. */
		range.addEventListener("pointerup", function () {
			if (range.classList.contains("unset")) choose();
		});
		num.addEventListener("input", sync);
		sync();
		var before = state || num.parentNode.querySelector(".kiosk-vas-label");
		num.parentNode.insertBefore(range, before);
	}

	/* ---- Saving with fetch ---- */
	var form = document.querySelector("form[data-kiosk-save]");
	var status = form && form.querySelector(".kiosk-status");
	if (!form || !status || !window.fetch || !window.URLSearchParams || !window.FormData) {
		return;
	}
	var body = null; /* the answer being saved: in memory only */
	var inflight = false;
	var native = false;
	var pending = null; /* the button that was pressed */
	var timer = null;
	var pause = 0;
	var say = function (text) {
		if (status.textContent !== text) status.textContent = text;
	};
	/* ---- The answer is locked while it waits (issue 16) ----
	 * From the press until the server has it, the answer shown is the
	 * one being sent: its fields are read-only (text, number) or disabled
	 * (boxes, radios, the slider), so the participant cannot choose
	 * again unseen while a retry carries the old answer (the status says
	 * it is kept and will be sent). A refusal unlocks before the form is
	 * sent the ordinary way; a page brought back from the cache is
	 * unlocked. The server has the other side: a form shown before the
	 * answer's last save that gives another answer comes back with the
	 * stored one (409, page_quest.c). */
	var locked = [];
	var lock = function () {
		var els = form.querySelectorAll("input, textarea");
		for (var i = 0; i < els.length; i++) {
			var el = els[i];
			if (el.type === "hidden" || el.disabled || el.readOnly) continue;
			if (el.tagName === "TEXTAREA" || el.type === "number" || el.type === "text") {
				el.readOnly = true;
				locked.push([el, "readOnly"]);
			} else {
				el.disabled = true;
				locked.push([el, "disabled"]);
			}
		}
		form.setAttribute("aria-busy", "true");
	};
	var unlock = function () {
		for (var i = 0; i < locked.length; i++) locked[i][0][locked[i][1]] = false;
		locked = [];
		form.removeAttribute("aria-busy");
	};
	/* The idle lock (idle.js) took the page: the answer waiting goes with
	 * it, never sent for the next person to find saved. */
	document.addEventListener("tablet:locked", function () {
		body = null;
		clearTimeout(timer);
	});
	window.addEventListener("pageshow", function (ev) {
		if (ev.persisted && body === null) unlock();
	});
	var retry = function () {
		say(status.getAttribute("data-offline") || "");
		pause = Math.min(pause ? pause * 2 : 1000, 30000);
		clearTimeout(timer);
		/* A little jitter, so tablets that lost the same network do not
		 * all come back at the same moment. */
		timer = setTimeout(send, pause + Math.floor(Math.random() * 500));
	};
	var send = function () {
		if (inflight || body === null) return;
		clearTimeout(timer);
		inflight = true;
		/* A slow first try says it is saving; once offline, the offline
		 * words stay until the answer is in (no chatter at each try). */
		var slow = pause ? null : setTimeout(function () {
			if (inflight) say(status.getAttribute("data-saving") || "");
		}, 1000);
		fetch(form.action, {
			method: "POST",
			body: body,
			credentials: "same-origin",
			redirect: "follow",
			cache: "no-store",
		}).then(function (res) {
			inflight = false;
			clearTimeout(slow);
			if (res.status === 502 || res.status === 503 || res.status === 504) {
				retry(); /* the server is away: as good as offline */
				return;
			}
			body = null;
			if (res.redirected) {
				window.location.assign(res.url);
				return;
			}
			/* A refusal: the server's own page, the ordinary way. */
			unlock();
			native = true;
			form.requestSubmit(pending);
		}, function () {
			inflight = false;
			clearTimeout(slow);
			retry();
		});
	};
	form.addEventListener("submit", function (ev) {
		if (native || !("submitter" in ev)) return; /* the ordinary way */
		ev.preventDefault();
		/* An answer waits already: any button tries it again now; it is
		 * never replaced by another one the server may not see. */
		if (body !== null) {
			send();
			return;
		}
		var data = new FormData(form);
		if (ev.submitter && ev.submitter.name) data.append(ev.submitter.name, ev.submitter.value);
		pending = ev.submitter;
		body = new URLSearchParams(data);
		lock();
		send();
	});
	window.addEventListener("online", function () {
		if (body !== null && !inflight) send();
	});
})();
