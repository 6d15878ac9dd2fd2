// A form marked data-submit-once sends once: its submit buttons are disabled after the first submit, so a
// double click does not post twice. (The server refuses a second commit of a preview anyway.)
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-submit-once")) return;
  if (form.dataset.submitted) {
    event.preventDefault();
    return;
  }
  form.dataset.submitted = "1";
  // Disabled after this turn: a button disabled now would drop out of the data being sent.
  window.setTimeout(() => {
    form.querySelectorAll('button[type="submit"], input[type="submit"]').forEach((button) => {
      button.disabled = true;
    });
  }, 0);
});

// Back from the next page (back-forward cache): the form can be sent again.
window.addEventListener("pageshow", (event) => {
  if (!event.persisted) return;
  document.querySelectorAll("form[data-submit-once]").forEach((form) => {
    delete form.dataset.submitted;
    form.querySelectorAll('button[type="submit"], input[type="submit"]').forEach((button) => {
      button.disabled = false;
    });
  });
});
