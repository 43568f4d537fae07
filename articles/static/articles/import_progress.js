// The import's progress page goes on to the next batch by itself; without scripts, its
// Continue button does the same.
document.querySelectorAll("form[data-import-continue]").forEach((form) => {
  window.setTimeout(() => form.submit(), 300);
});
