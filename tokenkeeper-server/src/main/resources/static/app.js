// Progressive enhancements for the web UI; every page works without them.
(function () {
	"use strict";

	// A repository permission weaker than the project permission is not a valid pair: hide that choice.
	function pairPermissions(project) {
		var repository = document.getElementById(project.getAttribute("data-pairs-with"));
		if (!repository) {
			return;
		}
		function update() {
			var min = Number(project.selectedOptions[0].getAttribute("data-level"));
			Array.prototype.forEach.call(repository.options, function (option) {
				option.disabled = Number(option.getAttribute("data-level")) < min;
			});
			if (repository.selectedOptions[0].disabled) {
				var first = Array.prototype.find.call(repository.options, function (option) { return !option.disabled; });
				repository.value = first.value;
			}
		}
		project.addEventListener("change", update);
		update();
	}

	function copyButton(button) {
		var field = document.getElementById(button.getAttribute("data-copy"));
		var status = document.getElementById("copy-status");
		button.addEventListener("click", function () {
			field.focus();
			field.select();
			function done(message) {
				if (status) {
					status.textContent = message;
				}
			}
			if (navigator.clipboard && window.isSecureContext) {
				navigator.clipboard.writeText(field.value).then(function () {
					done("Copied to the clipboard.");
				}, function () {
					done("Press Ctrl+C (or \u2318+C) to copy the selected secret.");
				});
			}
			else {
				done("Press Ctrl+C (or \u2318+C) to copy the selected secret.");
			}
		});
	}

	document.addEventListener("DOMContentLoaded", function () {
		document.querySelectorAll("select[data-pairs-with]").forEach(pairPermissions);
		document.querySelectorAll("button[data-copy]").forEach(copyButton);
	});
}());
