// On the page at a moved post's old address, placed after its meta refresh
// (which it reads): go on to the post keeping the address's #fragment (a deep
// link into a section), which a meta refresh cannot carry. Without
// JavaScript the refresh still goes to the post.
(() => {
  const refresh = document.querySelector('meta[http-equiv="refresh"]');
  const to = refresh && refresh.content.split('url=')[1];
  if (to && location.hash) location.replace(to + location.hash);
})();
