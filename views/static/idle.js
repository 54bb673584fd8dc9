/* idle.js: the tablets' idle lock (the questionnaire kiosk and the consent
 * tablet), progressive enhancement: without JavaScript a meta refresh in
 * <noscript> does the same, and the server locks an idle session anyway.
 * After data-idle-seconds on <body> without a touch, key or pointer event,
 * go to the lock screen (data-idle-url). The lock screen speaks the
 * participant's language: the kiosk's URL names it already
 * ("/surfplatta?sprak=ti"); one that names none gets the page's own
 * language (<html lang>, the consent's on the consent tablet) unless that
 * is Swedish, the lock screen's own. The server takes only a language of
 * its own and shows Swedish for anything else. CSP: served from 'self',
 * no inline script. */
(function () {
	"use strict";
	var body = document.body;
	var secs = parseInt(body.getAttribute("data-idle-seconds") || "0", 10);
	var url = body.getAttribute("data-idle-url");
	if (!(secs > 0 && url)) {
		return;
	}
	var lang = document.documentElement.getAttribute("lang") || "";
	if (url.indexOf("?") < 0 && lang !== "" && lang !== "sv") {
		url += "?sprak=" + encodeURIComponent(lang);
	}
	var timer = null;
	var locked = false;
	/* ---- Locked without a network (issue 16) ----
	 * Going to the lock screen offline would show the browser's own "no
	 * internet" page (in its language, and with the page still behind
	 * the back button). Instead the page itself locks: everything in it
	 * goes (the answer on the screen, and any answer still waiting to be
	 * saved: kiosk.js drops it on "tablet:locked"), a calm message in the
	 * participant's language takes its place (data-idle-locked, bound by
	 * the server in the page's language) and the lock screen follows as
	 * soon as the network is back. A navigation that fails although the
	 * browser thinks it is online is found by asking for the lock screen
	 * first. */
	var lockHere = function () {
		if (locked) return;
		locked = true;
		document.dispatchEvent(new CustomEvent("tablet:locked"));
		var main = document.querySelector("main") || body;
		var p = document.createElement("p");
		p.className = "tablet-locked";
		p.setAttribute("role", "status");
		p.textContent = body.getAttribute("data-idle-locked") || "";
		main.replaceChildren(p);
		document.title = p.textContent || document.title;
		var waiting = null;
		var back = function () {
			clearTimeout(waiting);
			if (!navigator.onLine) return; /* "online" calls again */
			fetch(url, { credentials: "same-origin", cache: "no-store" }).then(function () {
				window.location.replace(url);
			}, function () {
				waiting = setTimeout(back, 15000);
			});
		};
		window.addEventListener("online", back);
		back();
	};
	var lock = function () {
		if (!navigator.onLine || !window.fetch) {
			if (!navigator.onLine) lockHere();
			else window.location.replace(url);
			return;
		}
		fetch(url, { credentials: "same-origin", cache: "no-store" }).then(function () {
			window.location.replace(url);
		}, lockHere);
	};
	var arm = function () {
		if (locked) return;
		if (timer !== null) {
			clearTimeout(timer);
		}
		timer = setTimeout(lock, secs * 1000);
	};
	["pointerdown", "keydown", "input", "touchstart", "scroll"].forEach(function (ev) {
		window.addEventListener(ev, arm, { passive: true });
	});
	arm();
})();
