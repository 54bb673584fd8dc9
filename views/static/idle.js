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
	var arm = function () {
		if (timer !== null) {
			clearTimeout(timer);
		}
		timer = setTimeout(function () {
			window.location.replace(url);
		}, secs * 1000);
	};
	["pointerdown", "keydown", "input", "touchstart", "scroll"].forEach(function (ev) {
		window.addEventListener(ev, arm, { passive: true });
	});
	arm();
})();
