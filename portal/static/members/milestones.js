/* Member area, pledge form: "Add a milestone" copies the empty milestone row of the
   formset (its <template>) with the next index and counts it in TOTAL_FORMS.
   Loaded with defer; without JavaScript the button stays hidden and the form
   offers its spare rows only. */
(function () {
  "use strict";
  var button = document.querySelector("[data-add-milestone]");
  var template = document.querySelector("[data-milestone-template]");
  var rows = document.querySelector("[data-milestone-rows]");
  var total = document.querySelector("#id_milestones-TOTAL_FORMS");
  var max = document.querySelector("#id_milestones-MAX_NUM_FORMS");
  if (!button || !template || !rows || !total) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    var index = parseInt(total.value, 10);
    if (max && index >= parseInt(max.value, 10)) return;
    rows.insertAdjacentHTML("beforeend", template.innerHTML.replace(/__prefix__/g, String(index)));
    total.value = String(index + 1);
    var added = rows.lastElementChild.querySelector("input:not([type=hidden])");
    if (added) added.focus();
  });
})();
