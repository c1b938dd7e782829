// Checks run inside a page by the browser tests (evaluated, never served by the site).
// Each returns plain data for the test to assert on and to print when it fails.
window.siteChecks = {
    ids: new Map(),
    resting: new Map(),

    describe(element) {
        const tag = element.tagName.toLowerCase();
        const text = (element.innerText || element.getAttribute("aria-label") || element.value || "")
            .trim()
            .replace(/\s+/g, " ")
            .slice(0, 50);
        const href = element.getAttribute("href");
        return `<${tag}${element.id ? "#" + element.id : ""}>${text ? ` "${text}"` : ""}${href ? ` → ${href}` : ""}`;
    },

    idOf(element) {
        if (!this.ids.has(element)) {
            this.ids.set(element, this.ids.size + 1);
        }
        return this.ids.get(element);
    },

    // Elements a keyboard user must be able to reach with Tab: links, form controls, summaries
    // and anything given a tabindex, when shown and not inert.
    focusables() {
        const selector = [
            "a[href]",
            "area[href]",
            "button:not([disabled])",
            "input:not([type=hidden]):not([disabled])",
            "select:not([disabled])",
            "textarea:not([disabled])",
            "summary",
            "iframe",
            "[contenteditable]:not([contenteditable=false])",
            "[tabindex]",
        ].join(",");
        const found = [];
        for (const element of document.querySelectorAll(selector)) {
            if (element.tabIndex < 0 || element.closest("[inert]")) {
                continue;
            }
            // (The content of a closed <details> is hidden from checkVisibility, unless the page's
            // style shows it, as the search page's filters on wide screens.)
            if (!element.checkVisibility({ visibilityProperty: true }) || !element.getClientRects().length) {
                continue;
            }
            found.push({ id: this.idOf(element), description: this.describe(element) });
            // Remember how it and its nearest ancestors look unfocused, to compare with focus.
            for (let node = element, depth = 0; node && depth < 4; node = node.parentElement, depth++) {
                if (!this.resting.has(node)) {
                    this.resting.set(node, this.ringStyle(node));
                }
            }
        }
        return found;
    },

    ringStyle(node) {
        const style = getComputedStyle(node);
        return {
            outline: style.outlineStyle === "none" ? "none" : `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor} ${style.outlineOffset}`,
            shadow: style.boxShadow,
        };
    },

    parseColour(text) {
        const match = text.match(/rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+))?\)/);
        if (!match) {
            return null;
        }
        return { r: +match[1], g: +match[2], b: +match[3], a: match[4] === undefined ? 1 : +match[4] };
    },

    luminance({ r, g, b }) {
        const channel = (value) => {
            const v = value / 255;
            return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    },

    contrast(first, second) {
        const [light, dark] = [this.luminance(first), this.luminance(second)].sort((a, b) => b - a);
        return (light + 0.05) / (dark + 0.05);
    },

    // The colour behind a node: the first opaque background colour of it or an ancestor.
    backdrop(node) {
        for (let current = node; current; current = current.parentElement) {
            const colour = this.parseColour(getComputedStyle(current).backgroundColor);
            if (colour && colour.a >= 0.99) {
                return colour;
            }
        }
        return { r: 255, g: 255, b: 255, a: 1 };
    },

    // Whether an ancestor that hides its overflow cuts into the ring drawn around a node.
    clippedBy(node, spread) {
        const box = node.getBoundingClientRect();
        for (let ancestor = node.parentElement; ancestor; ancestor = ancestor.parentElement) {
            const style = getComputedStyle(ancestor);
            if (style.overflowX === "visible" && style.overflowY === "visible") {
                continue;
            }
            const outer = ancestor.getBoundingClientRect();
            if (
                box.left - spread < outer.left - 0.5 ||
                box.top - spread < outer.top - 0.5 ||
                box.right + spread > outer.right + 0.5 ||
                box.bottom + spread > outer.bottom + 0.5
            ) {
                return this.describe(ancestor);
            }
        }
        return null;
    },

    // The element that has focus and how its focus shows: an outline or shadow that the element
    // or a near ancestor does not have at rest, not cut off, at 3:1 against what is behind it.
    focused() {
        const element = document.activeElement;
        if (!element || element === document.body || element === document.documentElement) {
            return null;
        }
        const result = { id: this.idOf(element), description: this.describe(element), ring: null, problems: [] };
        for (let node = element, depth = 0; node && depth < 4; node = node.parentElement, depth++) {
            const now = this.ringStyle(node);
            const before = this.resting.get(node) || { outline: "none", shadow: "none" };
            const style = getComputedStyle(node);
            if (now.outline !== "none" && now.outline !== before.outline) {
                const width = parseFloat(style.outlineWidth);
                const colour = this.parseColour(style.outlineColor);
                const spread = Math.max(0, width + parseFloat(style.outlineOffset));
                const behind = this.backdrop(node.parentElement || node);
                const ratio = colour ? this.contrast(colour, behind) : 0;
                const clip = this.clippedBy(node, spread);
                if (width < 2) {
                    result.problems.push(`outline on ${this.describe(node)} is ${width}px thin`);
                } else if (!colour || colour.a < 0.99 || ratio < 3) {
                    result.problems.push(`outline on ${this.describe(node)} has contrast ${ratio.toFixed(2)}:1`);
                } else if (clip) {
                    result.problems.push(`outline on ${this.describe(node)} is cut off by ${clip}`);
                } else {
                    result.ring = `outline on ${this.describe(node)} (${ratio.toFixed(1)}:1)`;
                    break;
                }
            } else if (now.shadow !== "none" && now.shadow !== before.shadow) {
                result.ring = `shadow on ${this.describe(node)}`;
                break;
            }
        }
        return result;
    },

    // Contrast of text that axe cannot judge because a picture lies behind it. Worked out for
    // the worst picture, all white or all black: the first opaque background at or above the
    // text that does not hold the picture is what the text is on; otherwise the picture, at its
    // opacity, over the background of the element holding it; then any translucent
    // backgrounds between the text and that element on top.
    worstContrast(selector) {
        const node = document.querySelector(selector);
        const style = getComputedStyle(node);
        const text = this.parseColour(style.color);
        const size = parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && +style.fontWeight >= 700);
        const box = node.getBoundingClientRect();
        const pictures = [...document.images].filter((image) => {
            const other = image.getBoundingClientRect();
            return !node.contains(image) && other.left < box.right && other.right > box.left && other.top < box.bottom && other.bottom > box.top;
        });
        const layers = [];
        let base = null;
        for (let current = node; current; current = current.parentElement) {
            const colour = this.parseColour(getComputedStyle(current).backgroundColor);
            const holds = pictures.filter((image) => current.contains(image));
            if (holds.length) {
                const under = colour && colour.a >= 0.99 ? colour : this.backdrop(current.parentElement);
                let opacity = 1;
                for (let step = holds[0]; step && step !== current; step = step.parentElement) {
                    opacity *= parseFloat(getComputedStyle(step).opacity);
                }
                const mix = (value, over) => ({
                    r: value * opacity + over.r * (1 - opacity),
                    g: value * opacity + over.g * (1 - opacity),
                    b: value * opacity + over.b * (1 - opacity),
                });
                base = [mix(255, under), mix(0, under)];
                break;
            }
            if (colour && colour.a >= 0.99) {
                base = [colour];
                break;
            }
            if (colour && colour.a > 0) {
                layers.push(colour);
            }
        }
        base = base || [{ r: 255, g: 255, b: 255 }];
        const ratios = base.map((backdrop) => {
            let result = backdrop;
            for (const layer of [...layers].reverse()) {
                result = {
                    r: layer.r * layer.a + result.r * (1 - layer.a),
                    g: layer.g * layer.a + result.g * (1 - layer.a),
                    b: layer.b * layer.a + result.b * (1 - layer.a),
                };
            }
            return this.contrast(text, result);
        });
        const ratio = Math.min(...ratios);
        return { ratio: Math.round(ratio * 100) / 100, needed: large ? 3 : 4.5, description: this.describe(node) };
    },

    // Headings in document order, including visually hidden ones (screen readers list them).
    headings() {
        return [...document.querySelectorAll("h1, h2, h3, h4, h5, h6, [role=heading]")]
            .filter((heading) => heading.checkVisibility() && !heading.closest("[aria-hidden=true]"))
            .map((heading) => ({
                level: +(heading.getAttribute("aria-level") || heading.tagName.slice(1)),
                text: heading.textContent.trim().replace(/\s+/g, " ").slice(0, 60),
            }));
    },

    // Every picture: its text alternative, whether it is marked decorative, whether it loaded.
    images() {
        return [...document.images].map((image) => ({
            src: image.currentSrc || image.src,
            alt: image.getAttribute("alt"),
            decorative:
                image.getAttribute("alt") === "" &&
                (["presentation", "none"].includes(image.getAttribute("role")) ||
                    image.closest("[aria-hidden=true]") !== null),
            loaded: image.complete && image.naturalWidth > 0,
        }));
    },

    // How far the page is wider than the window, and which elements stick out.
    overflow() {
        const root = document.documentElement;
        const width = root.clientWidth;
        const wide = [];
        if (root.scrollWidth > width) {
            for (const element of document.body.querySelectorAll("*")) {
                const box = element.getBoundingClientRect();
                if (box.width && (box.right > width + 0.5 || box.left < -0.5)) {
                    wide.push(`${this.describe(element)} ${Math.round(box.left)}..${Math.round(box.right)}`);
                }
            }
        }
        return { scrollWidth: root.scrollWidth, clientWidth: width, wide: wide.slice(0, 10) };
    },
};
