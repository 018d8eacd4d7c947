document$.subscribe(function () {
  setTimeout(function () { document.getElementById("steps")?.scrollIntoView(); }, 1500);
});
