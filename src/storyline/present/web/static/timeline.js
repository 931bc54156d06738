// Timeline events: open one to fetch its evidence sentences (once), close it to hide them.
// One delegated listener instead of htmx attributes on every event keeps big pages fast.
(function () {
  "use strict";
  function toggle(button) {
    var li = button.parentElement;
    var open = button.getAttribute("aria-expanded") === "true";
    button.setAttribute("aria-expanded", open ? "false" : "true");
    var box = li.querySelector(".b");
    if (box) {
      box.hidden = open;
      return;
    }
    box = document.createElement("div");
    box.className = "b";
    box.textContent = "loading\u2026";
    li.appendChild(box);
    var params = new URLSearchParams();
    var state = document.getElementById("tl-state");
    if (state) {
      new FormData(state).forEach(function (value, key) { params.append(key, value); });
    }
    params.set("i", li.getAttribute("data-i"));
    params.set("date", button.querySelector("time").textContent);
    htmx.ajax("GET", "/timeline/evidence?" + params.toString(), { target: box, swap: "innerHTML", source: li });
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".events button.t");
    if (button) {
      toggle(button);
    }
  });
})();
