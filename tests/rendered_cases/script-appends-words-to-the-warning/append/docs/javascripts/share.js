document$.subscribe(function () {
  document.querySelector(".admonition.danger > p:last-child")?.append(" Unless it feels good.");
});
