/* kiosk.js: progressive enhancement for the questionnaire pages; every
 * page works without it (a meta refresh in <noscript> does the idle lock).
 *  - Idle lock: after data-idle-seconds without a touch, key or pointer
 *    event, go to the lock screen (data-idle-url); the server lets go of
 *    the code too, and the answers stay saved.
 *  - VAS: a slider next to the number field, for touch. It starts without
 *    a value (no thumb shown, the number field empty) and writes the
 *    number field, which is what is sent. Keyboard and screen readers can
 *    use either. */
(function () {
	"use strict";
	var body = document.body;
	var secs = parseInt(body.getAttribute("data-idle-seconds") || "0", 10);
	var url = body.getAttribute("data-idle-url");
	if (secs > 0 && url) {
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
	}
	var num = document.querySelector(".kiosk-vas-number");
	if (num) {
		var range = document.createElement("input");
		range.type = "range";
		range.min = "0";
		range.max = "100";
		range.step = "1";
		range.className = "kiosk-vas-range";
		range.setAttribute("aria-labelledby", "fraga");
		var sync = function () {
			if (num.value === "") {
				range.classList.add("unset");
				range.value = "50";
				range.setAttribute("aria-valuetext", "–");
			} else {
				range.classList.remove("unset");
				range.value = num.value;
				range.removeAttribute("aria-valuetext");
			}
		};
		range.addEventListener("input", function () {
			num.value = range.value;
			range.classList.remove("unset");
			range.removeAttribute("aria-valuetext");
		});
		num.addEventListener("input", sync);
		sync();
		num.parentNode.insertBefore(range, num.parentNode.querySelector(".kiosk-vas-label"));
	}
})();
