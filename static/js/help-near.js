/* The help finder's "near me": asks the browser for the visitor's position only when they press
   the button, then sorts the help points on the page by distance and says how far each one is.
   The position is never sent anywhere or kept: everything happens in this page. */
(function () {
    "use strict";

    const box = document.querySelector("[data-near-me]");
    const list = document.querySelector(".help-cards");
    if (!box || !list || !("geolocation" in navigator)) {
        return;
    }
    const items = Array.from(list.children);
    if (!items.some((item) => item.querySelector("[data-lat]"))) {
        return;
    }
    const button = box.querySelector("[data-near-me-button]");
    const status = box.querySelector("[data-near-me-status]");
    const lang = document.documentElement.lang || undefined;
    const km = new Intl.NumberFormat(lang, { style: "unit", unit: "kilometer", maximumFractionDigits: 1 });

    // Great-circle distance in kilometres (haversine).
    function distance(lat1, lon1, lat2, lon2) {
        const rad = Math.PI / 180;
        const a =
            Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
            Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
        return 6371 * 2 * Math.asin(Math.sqrt(a));
    }

    function sort(position) {
        const { latitude, longitude } = position.coords;
        const measured = items.map((item, index) => {
            const card = item.querySelector("[data-lat]");
            if (!card) {
                return { item, index, km: Infinity };
            }
            const away = distance(latitude, longitude, Number(card.dataset.lat), Number(card.dataset.lon));
            const line = card.querySelector("[data-distance]");
            line.textContent = box.dataset.distanceText.replace("%(distance)s", km.format(away < 10 ? away : Math.round(away)));
            line.hidden = false;
            return { item, index, km: away };
        });
        // Places nearest first; hotlines and online services (no place) keep their order after them.
        measured.sort((a, b) => a.km - b.km || a.index - b.index);
        measured.forEach(({ item }) => list.appendChild(item));
        status.textContent = box.dataset.sortedText;
    }

    button.addEventListener("click", () => {
        status.textContent = box.dataset.askingText;
        navigator.geolocation.getCurrentPosition(sort, () => {
            status.textContent = box.dataset.failedText;
        }, { enableHighAccuracy: false, timeout: 20000, maximumAge: 600000 });
    });
    box.hidden = false;
})();
