document.addEventListener("click", function (event) {
  if (!(event.target instanceof Element) || !event.target.closest('[data-action="start"]')) return;
  setTimeout(function () { document.querySelector(".follow-along__safety").style.visibility = "hidden"; }, 200);
});
