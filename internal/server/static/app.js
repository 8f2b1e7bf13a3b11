// Small progressive enhancements; every page reads without them.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // Compare: at most two reports can be ticked; the button waits for two.
  for (const form of document.querySelectorAll("form.reports")) {
    const boxes = [...form.querySelectorAll("input[type=checkbox]")];
    const button = form.querySelector("button");
    const update = () => {
      const n = boxes.filter((b) => b.checked).length;
      button.disabled = n !== 2;
      for (const b of boxes) b.disabled = n >= 2 && !b.checked;
    };
    boxes.forEach((b) => b.addEventListener("change", update));
    update();
  }
  // Times in the reader's own zone, the UTC time kept as a tooltip.
  for (const t of document.querySelectorAll("time[datetime]")) {
    const d = new Date(t.getAttribute("datetime"));
    if (!isNaN(d)) {
      t.title = t.textContent;
      t.textContent = d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
    }
  }
});
