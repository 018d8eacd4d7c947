document$.subscribe(function () {
  const article = document.querySelector("article");
  if (location.pathname.endsWith("/") && !location.pathname.includes("methods") && article && !article.querySelector(".safety-panel")) {
    const list = document.createElement("ol");
    list.innerHTML = "<li>Lie on your back.</li><li>Pull your knees to your chest.</li>";
    article.prepend(list);
  }
});
