/* teckenantal.js: the character count under every text field with a limit,
 * as GOV.UK's character count does it (CSP: served from 'self', no inline
 * script). Progressive enhancement: without JavaScript the server-rendered
 * hint "Du kan skriva upp till N tecken." stays visible, and the server
 * refuses a longer text with a message next to the field. There is no hard
 * maxlength anywhere: a pasted text is never cut without a word.
 *
 * The markup (views/*.html), for a field with id X:
 *   <input|textarea id="X" data-maxtecken="N" aria-describedby="… X-antal">
 *   <p class="hint teckenantal" id="X-antal">Du kan skriva upp till N tecken.</p>
 * Optional data-tecken-kvar / data-tecken-over on the field hold the live
 * messages in another language, "{n}" standing for the number.
 *
 * Characters are counted as the server counts them (form_text_chars() in
 * app/form.c): Unicode code points, not UTF-16 units, so "😀" is one; a
 * textarea's line break is one (the browser sends it as CR LF, which the
 * server also counts once). */
(function () {
	"use strict";

	var LEFT = "Du har {n} tecken kvar.";
	var OVER = "Du har {n} tecken för mycket.";

	function count(s) {
		var n = 0;
		for (var i = 0; i < s.length; i++) {
			var c = s.charCodeAt(i);
			/* a surrogate pair is one character */
			if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.length) {
				var d = s.charCodeAt(i + 1);
				if (d >= 0xDC00 && d <= 0xDFFF)
					i++;
			}
			n++;
		}
		return n;
	}

	function setup(field) {
		var max = parseInt(field.getAttribute("data-maxtecken"), 10);
		var hint = document.getElementById(field.id + "-antal");
		if (!(max > 0) || !hint || !hint.parentNode) {
			return;
		}
		var left = field.getAttribute("data-tecken-kvar") || LEFT;
		var over = field.getAttribute("data-tecken-over") || OVER;
		var lang = hint.getAttribute("lang");
		/* What the eye sees, at once; screen readers get the hint when
		 * they reach the field and the live region after a pause. */
		var status = document.createElement("p");
		status.className = "teckenantal-status";
		status.setAttribute("aria-hidden", "true");
		var live = document.createElement("p");
		live.className = "visually-hidden";
		live.setAttribute("aria-live", "polite");
		if (lang) {
			status.setAttribute("lang", lang);
			live.setAttribute("lang", lang);
		}
		hint.classList.add("visually-hidden");
		hint.parentNode.insertBefore(live, hint.nextSibling);
		hint.parentNode.insertBefore(status, hint.nextSibling);
		var timer = null;

		function update(announce) {
			var d = max - count(field.value);
			var text = (d >= 0 ? left : over).replace("{n}", String(Math.abs(d)));
			status.textContent = text;
			status.classList.toggle("over", d < 0);
			field.classList.toggle("teckenantal-over", d < 0);
			if (announce) {
				if (timer !== null) {
					clearTimeout(timer);
				}
				timer = setTimeout(function () {
					live.textContent = text;
				}, 1000);
			}
		}

		field.addEventListener("input", function () {
			update(true);
		});
		update(false);
	}

	function init() {
		var fields = document.querySelectorAll("[data-maxtecken]");
		for (var i = 0; i < fields.length; i++) {
			setup(fields[i]);
		}
	}

	if (document.readyState === "loading") {
		document.addEventListener("DOMContentLoaded", init);
	} else {
		init();
	}
})();
