// The country list of the document form (resources.forms.CountryFilterWidget), made shorter
// as you type. Progressive enhancement only: without this file it is a plain list of
// checkboxes. A text box above the list hides the countries whose name does not contain what
// is typed (a two-letter code such as "GB" finds its country too); ticked countries always
// stay in view. Escape empties the box; Enter in it does not submit the form. Forms added to
// the page later (the multiple upload's edit forms, the chooser's upload tab) get their box
// when they appear.
(function () {
    "use strict";
    if (window.countryFilterLoaded) {
        // The chooser's upload tab may load this file a second time.
        return;
    }
    window.countryFilterLoaded = true;

    var counter = 0;

    function plain(text) {
        return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
    }

    // The element to hide for one country: the checkbox's own row, else its label.
    function rowOf(input) {
        var label = input.closest("label") || input;
        var parent = label.parentElement;
        return parent && parent.querySelectorAll("input[type=checkbox]").length === 1
            ? parent
            : label;
    }

    function enhance(widget) {
        if (widget.hasAttribute("data-country-filter-ready")) {
            return;
        }
        widget.setAttribute("data-country-filter-ready", "");
        var inputs = Array.prototype.slice.call(widget.querySelectorAll("input[type=checkbox]"));
        if (!inputs.length) {
            return;
        }
        var entries = inputs.map(function (input) {
            var label = input.closest("label");
            return {
                input: input,
                row: rowOf(input),
                name: plain(label ? label.textContent : ""),
                code: input.value.toLowerCase(),
            };
        });

        counter += 1;
        var id = (inputs[0].name || "countries") + "-filter-" + counter;
        var box = document.createElement("div");
        box.className = "country-filter__box";
        var label = document.createElement("label");
        label.className = "country-filter__label";
        label.htmlFor = id;
        label.textContent = widget.getAttribute("data-country-filter-label");
        var search = document.createElement("input");
        search.type = "search";
        search.id = id;
        search.className = "country-filter__input";
        search.autocomplete = "off";
        search.spellcheck = false;
        var list = widget.querySelector("div[id]");
        if (list) {
            search.setAttribute("aria-controls", list.id);
        }
        var status = document.createElement("p");
        status.className = "country-filter__status";
        status.setAttribute("aria-live", "polite");
        box.append(label, search, status);
        widget.insertBefore(box, widget.firstChild);

        function update() {
            var wanted = plain(search.value);
            var shown = 0;
            entries.forEach(function (entry) {
                var visible =
                    !wanted ||
                    entry.input.checked ||
                    entry.name.indexOf(wanted) !== -1 ||
                    entry.code === wanted;
                entry.row.hidden = !visible;
                if (visible) {
                    shown += 1;
                }
            });
            status.textContent = wanted
                ? widget
                      .getAttribute("data-country-filter-status")
                      .replace("{shown}", shown)
                      .replace("{total}", entries.length)
                : "";
        }

        search.addEventListener("input", update);
        search.addEventListener("keydown", function (event) {
            if (event.key === "Enter") {
                event.preventDefault();
            } else if (event.key === "Escape" && search.value) {
                // Only the box is emptied; a dialog around the form stays open.
                event.preventDefault();
                event.stopPropagation();
                search.value = "";
                update();
            }
        });
    }

    function enhanceAll(root) {
        if (root.matches && root.matches("[data-country-filter]")) {
            enhance(root);
        }
        if (root.querySelectorAll) {
            root.querySelectorAll("[data-country-filter]").forEach(enhance);
        }
    }

    function start() {
        enhanceAll(document);
        new MutationObserver(function (changes) {
            changes.forEach(function (change) {
                change.addedNodes.forEach(enhanceAll);
            });
        }).observe(document.body, { childList: true, subtree: true });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
