/* idle.js: the tablets' idle lock (the questionnaire kiosk and the consent
 * tablet), progressive enhancement: without JavaScript a meta refresh in
 * <noscript> does the same, and the server locks an idle session anyway.
 * After data-idle-seconds on <body> without a touch, key or pointer event,
 * go to the lock screen (data-idle-url). CSP: served from 'self', no
 * inline script. */
(function () {
	"use strict";
	var body = document.body;
	var secs = parseInt(body.getAttribute("data-idle-seconds") || "0", 10);
	var url = body.getAttribute("data-idle-url");
	if (!(secs > 0 && url)) {
		return;
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
