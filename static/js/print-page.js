// The dashboard's "Udskriv" button: the browser's print dialog (static/css/print-dashboard.css lays it out).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print-page]")) {
    window.print();
  }
});
