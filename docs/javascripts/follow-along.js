// The "Follow along" buttons of a method page: one in "At a glance", or one beside each
// option's Share button. They come from the page's <template class="follow-along">
// (backguide/follow_along.py), so without JavaScript there is no button that does nothing.
// The view itself (follow-along-view.js) and its stylesheet load when a reader opens it.

// Wrapped so that nothing here becomes a global of the page.
(function () {
  const VIEW = new URL("follow-along-view.js", document.currentScript.src).href;

  // document$ fires for the first page and after every instant navigation.
  document$.subscribe(function () {
    const template = document.querySelector("article template.follow-along");
    if (!template || "buttons" in template.dataset) return;
    template.dataset.buttons = "";
    for (const run of template.content.querySelectorAll(".follow-along__run")) {
      // A variation's button goes by the variation's heading.
      const heading = document.getElementById(run.dataset.intro || run.dataset.steps);
      if (heading) addButton(template, run, heading);
    }
  });

  function addButton(template, run, heading) {
    const button = template.content.querySelector(".follow-along__open").cloneNode(true);
    button.addEventListener("click", function () {
      import(VIEW).then(function (view) {
        view.open(template, run);
      });
    });
    const glance = document.querySelector(".at-a-glance__top .share");
    if (run.dataset.place === "glance" && glance) {
      glance.before(button);
      return;
    }
    // Beside the option's Share button, on its row: the two share a line, so nothing below moves.
    button.setAttribute("aria-label", button.textContent.trim() + ": " + name(heading));
    const share = nextShare(heading);
    const row = document.createElement("div");
    row.className = "follow-along__row";
    (share || heading).after(row);
    row.append(button);
    if (share) row.append(share);
  }

  // The option's own Share button: the first .share after its heading, before the next heading.
  function nextShare(heading) {
    for (let node = heading.nextElementSibling; node && !/^H[1-6]$/.test(node.tagName); node = node.nextElementSibling) {
      if (node.classList.contains("share")) return node;
    }
    return null;
  }

  function name(heading) {
    const copy = heading.cloneNode(true);
    for (const link of copy.querySelectorAll(".headerlink")) link.remove();
    return copy.textContent.trim();
  }
})();
