/* Search as you type: every search box marked data-autocomplete becomes a WAI-ARIA 1.2
   combobox with a listbox of suggestions. Without this script it stays a plain GET form,
   so everything here is an extra and any failure leaves the form as it was. */
(function () {
    "use strict";

    var MIN_LENGTH = 2; // the server suggests nothing for shorter text
    var DELAY = 150; // ms: one request per pause in typing, not one per key
    var TYPES = { condition: "Condition", article: "Article", product: "Product guide", page: "Page" };

    function part(name, text) {
        var span = document.createElement("span");
        span.className = "autocomplete__" + name;
        span.textContent = text; // never innerHTML: titles and synonyms are editors' text
        return span;
    }

    function enhance(input) {
        var endpoint = input.getAttribute("data-autocomplete");
        var list = document.createElement("ul");
        var status = document.createElement("div");
        var options = [], active = -1, timer, controller;

        list.id = input.id + "-suggestions";
        list.className = "autocomplete";
        list.hidden = true;
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", "Suggestions");
        // A live region is only announced if it is in the page before its text changes.
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        input.form.append(list, status);
        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", list.id);

        function setActive(index) {
            if (options[active]) options[active].setAttribute("aria-selected", "false");
            active = index;
            if (index < 0) {
                input.removeAttribute("aria-activedescendant");
                return;
            }
            options[index].setAttribute("aria-selected", "true");
            input.setAttribute("aria-activedescendant", options[index].id);
            options[index].scrollIntoView({ block: "nearest" });
        }

        function toggle(expanded) {
            if (!expanded) setActive(-1);
            list.hidden = !expanded;
            input.setAttribute("aria-expanded", String(expanded));
        }

        function show(results) {
            setActive(-1);
            options = results.map(function (result, index) {
                var option = document.createElement("li");
                option.id = list.id + "-" + index;
                option.className = "autocomplete__option";
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.setAttribute("data-url", result.url);
                option.append(part("title", result.title));
                if (result.synonym) option.append(" ", part("synonym", "(" + result.synonym + ")"));
                option.append(" ", part("type", TYPES[result.type] || TYPES.page));
                return option;
            });
            list.replaceChildren.apply(list, options);
            status.textContent = options.length === 0 ? "No suggestions"
                : options.length + (options.length === 1 ? " suggestion" : " suggestions");
            toggle(options.length > 0);
        }

        function clear() {
            clearTimeout(timer);
            if (controller) controller.abort();
            options = [];
            list.replaceChildren();
            status.textContent = "";
            toggle(false);
        }

        function suggest(query) {
            var url = new URL(endpoint, location.href);
            url.searchParams.set("q", query);
            controller = new AbortController();
            fetch(url, { signal: controller.signal })
                .then(function (response) {
                    if (!response.ok) throw new Error("HTTP " + response.status);
                    return response.json();
                })
                .then(function (data) {
                    // The reader may have typed on while this was on its way.
                    if (query === input.value.trim()) show(data.results || []);
                })
                .catch(function (error) {
                    if (error.name !== "AbortError") clear();
                });
        }

        function follow(option) {
            var target = new URL(option.getAttribute("data-url"), location.href);
            if (target.protocol === "https:" || target.protocol === "http:") location.assign(target.href);
        }

        input.addEventListener("input", function () {
            var query = input.value.trim();
            clearTimeout(timer);
            if (controller) controller.abort();
            setActive(-1);
            if (query.length < MIN_LENGTH) return clear();
            timer = setTimeout(suggest, DELAY, query);
        });

        input.addEventListener("keydown", function (event) {
            if (event.isComposing) return; // keys confirming an input method's text
            var step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
            if (step && options.length) {
                event.preventDefault();
                toggle(true);
                // Down from the box goes to the first option, Up to the last; both wrap.
                setActive(active < 0 ? (step > 0 ? 0 : options.length - 1)
                    : (active + step + options.length) % options.length);
            } else if (event.key === "Enter" && !list.hidden && active >= 0) {
                event.preventDefault();
                follow(options[active]);
            } else if (event.key === "Escape") {
                // Chromium would otherwise clear a search box on the first Escape.
                event.preventDefault();
                if (!list.hidden) return toggle(false);
                input.value = "";
                clear();
            }
        });

        input.addEventListener("blur", function () { toggle(false); });
        input.form.addEventListener("submit", clear);
        // Keep focus in the box while an option is pressed, so blur does not close the list
        // before the click lands.
        list.addEventListener("mousedown", function (event) { event.preventDefault(); });
        list.addEventListener("click", function (event) {
            var option = event.target.closest("[role=option]");
            if (option) follow(option);
        });
    }

    // Older browsers keep the plain form rather than half a combobox.
    if (!window.AbortController || !Element.prototype.replaceChildren) return;
    document.querySelectorAll("input[data-autocomplete]").forEach(enhance);
})();
