document$.subscribe(function () {
  if (localStorage.getItem("seen-the-panel")) document.querySelector(".safety-panel")?.remove();
  localStorage.setItem("seen-the-panel", "1");
});
