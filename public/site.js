// What every page runs before and beside the app, as plain script (so the
// first-load wasm carries none of it, and it works before the app loads):
// - the reader's theme (light, dark or the system's, kept in localStorage),
//   applied before the first paint: this is a blocking script in <head>, so no
//   frame shows the other theme; and the header's control (#theme-choice),
//   shown only where this script runs;
// - the code blocks' copy buttons, shown once this runs;
// - the table of contents marking the section being read.
(() => {
  const root = document.documentElement;
  const stored = () => {
    try {
      return localStorage.getItem('theme');
    } catch (_) {
      return null; // storage off (private mode, blocked cookies): the system's theme
    }
  };
  const apply = (theme) => {
    if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
    else delete root.dataset.theme;
  };
  apply(stored());
  root.dataset.script = '';

  // The theme control. The app may render the header again: look it up each time.
  const syncControl = () => {
    const select = document.getElementById('theme-choice');
    if (select) select.value = root.dataset.theme ?? 'system';
  };
  document.addEventListener('change', (ev) => {
    if (ev.target.id !== 'theme-choice') return;
    const theme = ev.target.value;
    apply(theme);
    try {
      if (theme === 'system') localStorage.removeItem('theme');
      else localStorage.setItem('theme', theme);
    } catch (_) {
      // not kept: it applies to this page only
    }
  });

  // Copy buttons: the block's <code> text only; the post's status line says so.
  document.addEventListener('click', async (ev) => {
    const button = ev.target.closest?.('button.copy');
    if (!button) return;
    const code = button.parentElement.querySelector('pre code')?.textContent ?? '';
    let said = 'Copied';
    try {
      await navigator.clipboard.writeText(code);
    } catch (_) {
      said = 'Could not copy';
    }
    const status = button.closest('[data-post-body]')?.querySelector('.copy-status');
    button.textContent = said;
    if (status) status.textContent = said;
    setTimeout(() => {
      button.textContent = 'Copy';
      if (status) status.textContent = '';
    }, 2000);
  });

  // The table of contents: the link to the last section whose heading is above
  // the reading line gets aria-current, on scroll (once a frame at most).
  const READING_LINE = 120;
  let queued = false;
  const mark = () => {
    queued = false;
    const links = [...document.querySelectorAll('.toc a[data-toc]')];
    let current = null;
    for (const link of links) {
      const heading = document.getElementById(link.dataset.toc);
      if (heading && heading.getBoundingClientRect().top <= READING_LINE) current = link.dataset.toc;
    }
    for (const link of links) {
      const on = current !== null && link.dataset.toc === current;
      if (on !== link.hasAttribute('aria-current')) {
        if (on) link.setAttribute('aria-current', 'location');
        else link.removeAttribute('aria-current');
      }
    }
  };
  const queue = () => {
    if (!queued) {
      queued = true;
      requestAnimationFrame(mark);
    }
  };
  addEventListener('scroll', queue, { passive: true });
  addEventListener('popstate', queue);

  // Once the page is parsed, and again when the app has rendered it: the
  // control shows the theme, the contents mark the section.
  const rendered = () => {
    syncControl();
    queue();
  };
  addEventListener('DOMContentLoaded', rendered);
  new MutationObserver(rendered).observe(root, { attributeFilter: ['data-app'] });
})();
