/* kiosk.js: progressive enhancement for the questionnaire pages; every
 * page works without it. (The idle lock is /static/idle.js, shared with
 * the consent tablet.)
 *  - VAS: a slider next to the number field, for touch. It starts without
 *    a value (no thumb shown, the number field empty) and writes the
 *    number field, which is what is sent. Keyboard and screen readers can
 *    use either. */
(function () {
	"use strict";
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
