document$.subscribe(function () {
  if (innerWidth < 380) document.querySelector(".safety-panel").hidden = true;
});
