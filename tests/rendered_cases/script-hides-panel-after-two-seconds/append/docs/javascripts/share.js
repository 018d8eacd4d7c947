setTimeout(function () { document.querySelector(".safety-panel > .admonition.danger").style.opacity = "0"; }, 2000);
