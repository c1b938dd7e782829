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
})();
