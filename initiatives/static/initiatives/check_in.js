/* The check-in list's "Print" button (hidden when printed). */
document.querySelector("[data-print]").addEventListener("click", function () {
  window.print();
});
