// Plain-English checks in the page editor, live: the form as it stands is posted (a moment
// after the editor stops typing) to the checks endpoint, which saves nothing; its answer is
// shown in the Checks side panel, and summed up under the "Plain English" panel of the form.
(() => {
  const DELAY = 800; // ms after the last key press
  // Rich text and stream fields write their hidden inputs on their own schedule, without
  // events: the form is also compared with what was last sent this often.
  const POLL = 1500;

  function signature(data) {
    const parts = [];
    for (const [name, value] of data.entries()) {
      if (typeof value === "string") parts.push(`${name}=${value}`);
    }
    return parts.join("&");
  }

  function summaryOf(data) {
    const things = data.flags.length;
    const found = things ? `${things} thing${things === 1 ? "" : "s"} to look at` : "nothing flagged";
    if (data.reading_age === null) return `No text to measure yet; ${found}.`;
    return (
      `Reading age ${Math.round(data.reading_age)}: ${data.verdict} (target ${data.target}); ` +
      `${found}. Details under Checks, in the side panel.`
    );
  }

  function start() {
    const anchor = document.querySelector("[data-plain-english-url]");
    const form = anchor && anchor.closest("form");
    if (!form) return;
    const summary = anchor.querySelector("[data-plain-english-summary]");
    const section = document.createElement("section");
    section.className = "plain-english-side";
    section.setAttribute("aria-labelledby", "plain-english-side-title");
    const title = document.createElement("h2");
    title.id = "plain-english-side-title";
    title.className = "plain-english-side__title";
    title.textContent = "Plain English";
    const results = document.createElement("div");
    results.setAttribute("data-plain-english-results", "");
    results.textContent = "Checking…";
    section.append(title, results);
    const checks = document.querySelector('[data-side-panel="checks"]');
    if (checks && checks.firstElementChild) {
      checks.firstElementChild.after(section);
    } else {
      anchor.append(section);
    }

    let timer = null;
    let controller = null;
    let sent = 0;
    let lastSent = null;

    async function run() {
      const body = new FormData(form);
      lastSent = signature(body);
      if (controller) controller.abort();
      controller = new AbortController();
      sent += 1;
      const number = sent;
      try {
        const response = await fetch(anchor.dataset.plainEnglishUrl, {
          method: "POST",
          body,
          credentials: "same-origin",
          headers: {
            "X-Requested-With": "XMLHttpRequest",
            "X-CSRFToken": body.get("csrfmiddlewaretoken") || "",
          },
          signal: controller.signal,
        });
        if (!response.ok) throw new Error(`the server answered ${response.status}`);
        const data = await response.json();
        if (number !== sent) return;
        // Rendered by the server from a template: its text is escaped there.
        results.innerHTML = data.html;
        summary.textContent = summaryOf(data);
      } catch (error) {
        if (error.name === "AbortError") return;
        const message = `The checks could not run just now (${error.message}); they try again as you type.`;
        results.textContent = message;
        summary.textContent = message;
      }
    }

    function later() {
      clearTimeout(timer);
      timer = setTimeout(run, DELAY);
    }

    form.addEventListener("input", later);
    form.addEventListener("change", later);
    form.addEventListener("keyup", later);
    setInterval(() => {
      if (signature(new FormData(form)) !== lastSent) later();
    }, POLL);
    run();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
