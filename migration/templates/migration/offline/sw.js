/* The help finder's service worker: keeps the Migration page, the help finder, the visitor's
   last chosen country and an offline page, for reading with no connection. Nothing else. */
"use strict";

const CONFIG = {{ config|safe }};
const SAVED_HEADER = "X-Saved-On";

function finderPath(url) {
    return url.origin === self.location.origin && url.pathname === CONFIG.finder;
}

function kept(url) {
    if (url.origin !== self.location.origin) {
        return false;
    }
    if (url.pathname === CONFIG.migration || url.pathname === CONFIG.offline) {
        return url.search === "";
    }
    if (finderPath(url)) {
        const params = new URLSearchParams(url.search);
        return url.search === "" || (params.has("country") && [...params.keys()].length === 1);
    }
    return CONFIG.static.includes(url.pathname);
}

async function stamped(response) {
    const headers = new Headers(response.headers);
    headers.set(SAVED_HEADER, new Date().toISOString());
    const body = await response.blob();
    return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

async function save(request, response) {
    const cache = await caches.open(CONFIG.cache);
    const url = new URL(request.url);
    if (finderPath(url) && url.search) {
        // Only the last chosen country is kept.
        for (const old of await cache.keys()) {
            const oldUrl = new URL(old.url);
            if (finderPath(oldUrl) && oldUrl.search && oldUrl.search !== url.search) {
                await cache.delete(old);
            }
        }
    }
    await cache.put(url.href, await stamped(response));
}

self.addEventListener("install", (event) => {
    event.waitUntil(
        (async () => {
            const cache = await caches.open(CONFIG.cache);
            for (const path of [CONFIG.migration, CONFIG.finder, CONFIG.offline, ...CONFIG.static]) {
                const response = await fetch(path, { credentials: "omit" });
                if (response.ok) {
                    await cache.put(new URL(path, self.location.origin).href, await stamped(response));
                }
            }
            await self.skipWaiting();
        })()
    );
});

self.addEventListener("activate", (event) => {
    event.waitUntil(
        (async () => {
            // A new deployment's worker removes what the old one kept.
            for (const name of await caches.keys()) {
                if (name.startsWith(CONFIG.prefix) && name !== CONFIG.cache) {
                    await caches.delete(name);
                }
            }
            await self.clients.claim();
        })()
    );
});

self.addEventListener("fetch", (event) => {
    const request = event.request;
    if (request.method !== "GET") {
        return;
    }
    const url = new URL(request.url);
    if (!kept(url)) {
        if (request.mode === "navigate" && url.origin === self.location.origin) {
            // Another page of the section: the network, or the offline page without one.
            event.respondWith(
                fetch(request).catch(async () => (await caches.match(CONFIG.offline)) || Response.error())
            );
        }
        return;
    }
    // Network first, so readers see today's hours; the saved copy when there is no network.
    event.respondWith(
        (async () => {
            try {
                const response = await fetch(request);
                if (response.ok && response.type === "basic") {
                    await save(request, response.clone());
                }
                return response;
            } catch (error) {
                const saved = await caches.match(url.href);
                if (saved) {
                    return saved;
                }
                if (request.mode === "navigate") {
                    const offline = await caches.match(new URL(CONFIG.offline, url.origin).href);
                    if (offline) {
                        return offline;
                    }
                }
                throw error;
            }
        })()
    );
});
