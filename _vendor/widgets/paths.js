// Ours (not vendored): tell require.js that the widget manager's modules live next to this file, so
// the font files it loads resolve to this book's copy instead of a path relative to each page.
(function () {
  var src = document.currentScript.src;
  var dir = src.substring(0, src.lastIndexOf("/"));
  require.config({ paths: {
    "@jupyter-widgets/html-manager/dist": dir,
    "@jupyter-widgets/html-manager": dir + "/html-manager",
  } });
})();
