// Progressive enhancement only: every page works without this file.
// Videos: nothing loads from the video host until the reader presses play; then the player
// replaces the still picture in place. Without JavaScript the button is a plain link.
(function () {
    "use strict";
    document.addEventListener("click", function (event) {
        var link = event.target.closest(".video__play");
        if (!link) {
            return;
        }
        var frame = link.closest("[data-video-embed]");
        var src = frame && frame.getAttribute("data-video-embed");
        if (!src) {
            return;
        }
        event.preventDefault();
        var iframe = document.createElement("iframe");
        iframe.src = src;
        iframe.title = frame.getAttribute("data-video-title") || "";
        iframe.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
        iframe.referrerPolicy = "strict-origin-when-cross-origin";
        frame.replaceChildren(iframe);
        iframe.focus();
    });

    // "Copy link" in the share links: shown only where the browser can copy.
    document.querySelectorAll("[data-copy-link]").forEach(function (button) {
        if (!navigator.clipboard) {
            return;
        }
        button.hidden = false;
        button.addEventListener("click", function () {
            var status = button.closest(".share").querySelector("[data-copy-status]");
            navigator.clipboard.writeText(button.getAttribute("data-copy-link")).then(function () {
                status.textContent = button.getAttribute("data-copied-text");
            });
        });
    });
    // The header's menus (<details>, which work without this): one open at a time, Escape
    // closes the open one and gives focus back to its button, and the search box takes focus
    // as its panel opens. Browsers that cannot show a closed <details>' content on wide
    // screens (no ::details-content) get the menu and search box opened there instead.
    var menus = Array.prototype.slice.call(document.querySelectorAll("[data-header-menu]"));
    var wide = window.matchMedia("(min-width: 75rem)");
    var hasDetailsContent = window.CSS && CSS.supports && CSS.supports("selector(::details-content)");
    function shownInRow(menu) {
        return menu.hasAttribute("data-wide-open") && wide.matches;
    }
    menus.forEach(function (menu) {
        menu.addEventListener("toggle", function () {
            if (!menu.open || shownInRow(menu)) {
                return;
            }
            menus.forEach(function (other) {
                if (other !== menu && other.open && !shownInRow(other)) {
                    other.open = false;
                }
            });
            var field = menu.querySelector("input[type=search]");
            if (field) {
                field.focus();
            }
        });
    });
    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape") {
            return;
        }
        menus.forEach(function (menu) {
            if (menu.open && !shownInRow(menu)) {
                menu.open = false;
                menu.querySelector("summary").focus();
            }
        });
    });
    if (!hasDetailsContent) {
        var openInRow = function () {
            menus.forEach(function (menu) {
                if (menu.hasAttribute("data-wide-open")) {
                    menu.open = wide.matches;
                }
            });
        };
        openInRow();
        wide.addEventListener("change", openInRow);
    }
})();
