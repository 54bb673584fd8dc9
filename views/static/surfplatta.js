/* surfplatta.js: the tablet pages' small progressive enhancement (CSP:
 * served from 'self', no inline script).
 *  - The signature pad: draws with finger, pen or mouse on the canvas and
 *    writes the strokes as SVG path data ("M x y L x y ...", the grammar
 *    app/signature.c accepts) into the hidden field named by data-target.
 *    Without JavaScript, or without a pointer, the pad stays blank and
 *    the participant signs by typing their full name and confirming it
 *    (the form's second way, no script needed).
 *  - [data-print] buttons print the page. */
(function () {
	"use strict";

	function round(v) {
		return Math.max(0, Math.min(2000, Math.round(v * 10) / 10));
	}

	function setupPad(pad) {
		var canvas = pad.querySelector("canvas");
		var field = document.getElementById(pad.getAttribute("data-target"));
		var clear = pad.querySelector("button");
		if (!canvas || !field || !canvas.getContext) {
			return;
		}
		var ctx = canvas.getContext("2d");
		var path = [];
		var drawing = false;
		ctx.lineWidth = 3;
		ctx.lineCap = "round";
		ctx.lineJoin = "round";
		ctx.strokeStyle = "#1b1f24";
		pad.classList.add("ready");
		if (clear) {
			clear.hidden = false;
		}

		function point(ev) {
			var r = canvas.getBoundingClientRect();
			return {
				x: round((ev.clientX - r.left) * canvas.width / r.width),
				y: round((ev.clientY - r.top) * canvas.height / r.height)
			};
		}

		canvas.addEventListener("pointerdown", function (ev) {
			var p = point(ev);
			drawing = true;
			canvas.setPointerCapture(ev.pointerId);
			path.push("M " + p.x + " " + p.y);
			ctx.beginPath();
			ctx.moveTo(p.x, p.y);
			ev.preventDefault();
		});
		canvas.addEventListener("pointermove", function (ev) {
			// The server takes at most 60 000 bytes of path data
			// (signature.h): stop adding points well before that.
			if (!drawing || field.value.length > 59000) {
				return;
			}
			var p = point(ev);
			path.push("L " + p.x + " " + p.y);
			ctx.lineTo(p.x, p.y);
			ctx.stroke();
			field.value = path.join(" ");
			ev.preventDefault();
		});
		function stop() {
			drawing = false;
			field.value = path.join(" ");
		}
		canvas.addEventListener("pointerup", stop);
		canvas.addEventListener("pointercancel", stop);
		if (clear) {
			clear.addEventListener("click", function () {
				path = [];
				field.value = "";
				ctx.clearRect(0, 0, canvas.width, canvas.height);
			});
		}
	}

	document.addEventListener("DOMContentLoaded", function () {
		var pads = document.querySelectorAll(".signature-pad");
		for (var i = 0; i < pads.length; i++) {
			setupPad(pads[i]);
		}
		var prints = document.querySelectorAll("[data-print]");
		for (var k = 0; k < prints.length; k++) {
			prints[k].addEventListener("click", function () {
				window.print();
			});
		}
	});
}());
