/* The help finder offline: installs its service worker (migration/offline.py), says when the
   page was saved for offline reading, and removes the saved copies at the visitor's request.
   No location, no tracking: nothing leaves the browser. */
(function () {
    "use strict";

    const box = document.querySelector("[data-offline]");
    if (!box || !("serviceWorker" in navigator) || !("caches" in window)) {
        return;
    }
    const status = box.querySelector("[data-offline-status]");
    const clear = box.querySelector("[data-offline-clear]");
    const save = box.querySelector("[data-offline-save]");
    const prefix = box.dataset.prefix;
    const OFF = "help-offline-off";

    async function ourCaches() {
        return (await caches.keys()).filter((name) => name.startsWith(prefix));
    }

    function formatDate(iso) {
        const lang = document.documentElement.lang || undefined;
        return new Date(iso).toLocaleDateString(lang, { year: "numeric", month: "long", day: "numeric" });
    }

    async function showState() {
        const off = localStorage.getItem(OFF) === "1";
        clear.hidden = off;
        save.hidden = !off;
        if (off) {
            status.textContent = box.dataset.removedText;
            return;
        }
        for (const name of await ourCaches()) {
            const saved = await (await caches.open(name)).match(location.href);
            if (saved && saved.headers.get("X-Saved-On")) {
                status.textContent = box.dataset.savedText.replace(
                    "%(date)s",
                    formatDate(saved.headers.get("X-Saved-On"))
                );
                box.dataset.saved = "true";
                return;
            }
        }
        status.textContent = box.dataset.savingText;
    }

    async function controlled() {
        if (navigator.serviceWorker.controller) {
            return;
        }
        await new Promise((resolve) => {
            navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true });
        });
    }

    // The saving under way, if any: removing waits for it, or it would save again afterwards.
    let saving = Promise.resolve();

    function install() {
        saving = saveForOffline().catch(() => null);
        return saving;
    }

    async function saveForOffline() {
        await navigator.serviceWorker.register(box.dataset.worker, { scope: box.dataset.scope });
        await navigator.serviceWorker.ready;
        await controlled();
        // Read this page once more through the worker, which keeps it (if it is one it keeps).
        await fetch(location.href, { credentials: "same-origin" }).catch(() => null);
        await showState();
    }

    async function remove() {
        localStorage.setItem(OFF, "1");
        // A worker that never answers must not keep the button from working: ten seconds at most.
        await Promise.race([saving, new Promise((resolve) => setTimeout(resolve, 10000))]);
        for (const registration of await navigator.serviceWorker.getRegistrations()) {
            if (registration.scope.endsWith(box.dataset.scope)) {
                await registration.unregister();
            }
        }
        for (const name of await ourCaches()) {
            await caches.delete(name);
        }
        delete box.dataset.saved;
        await showState();
    }

    clear.addEventListener("click", () => {
        remove();
    });
    save.addEventListener("click", () => {
        localStorage.removeItem(OFF);
        install();
    });

    box.hidden = false;
    if (localStorage.getItem(OFF) === "1") {
        showState();
    } else {
        showState().then(install);
    }
})();
