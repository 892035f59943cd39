// On the page at a moved post's old address: go on to the post keeping the
// address's #fragment (a deep link into a section), which the page's meta
// refresh cannot carry. Without JavaScript the refresh still goes to the post.
(() => {
  const canonical = document.querySelector('link[rel="canonical"]');
  if (canonical && location.hash) location.replace(canonical.href + location.hash);
})();
