// Preview of the status texts' Markdown (core/markdown.py): a button under each textarea that carries
// data-markdown-preview (the preview URL) posts its text and shows the HTML the server renders.
// The server escapes everything it does not turn into markup, so the answer is inserted as it comes.
(function () {
  "use strict";

  function csrfToken(form) {
    const input = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function setUp(textarea) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "btn btn-sm btn-outline-secondary mt-1";
    button.textContent = textarea.dataset.previewButton || "Preview";
    const region = document.createElement("div");
    region.className = "markdown-preview status-text mt-2";
    region.id = textarea.id + "-preview";
    region.setAttribute("aria-live", "polite");
    region.hidden = true;
    button.setAttribute("aria-controls", region.id);
    const anchor = textarea.closest(".mb-3") || textarea;
    anchor.appendChild(button);
    anchor.appendChild(region);
    button.addEventListener("click", function () {
      const body = new FormData();
      body.append("text", textarea.value);
      fetch(textarea.dataset.markdownPreview, {
        method: "POST",
        body: body,
        headers: { "X-CSRFToken": csrfToken(textarea.form) },
        credentials: "same-origin",
      })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(String(response.status));
          }
          return response.text();
        })
        .then(function (html) {
          region.innerHTML = html;
          region.hidden = false;
        })
        .catch(function () {
          region.textContent = textarea.dataset.previewFailed || "";
          region.hidden = false;
        });
    });
  }

  document.querySelectorAll("textarea[data-markdown-preview]").forEach(setUp);
})();
