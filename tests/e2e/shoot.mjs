// Screenshots of the built site at desktop and phone widths, light and dark.
// Usage: node shoot.mjs URL OUT_PREFIX
import { launch } from './chromium.mjs';

const [url, prefix = 'shot'] = process.argv.slice(2);
const ctx = await launch();
const page = ctx.pages()[0] || (await ctx.newPage());
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
for (const [w, h, name] of [[1280, 900, 'desktop'], [390, 844, 'phone']]) {
  for (const scheme of ['light', 'dark']) {
    await page.setViewportSize({ width: w, height: h });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(url);
    await page.waitForSelector('main h1, main .card, main .load-error', { timeout: 15000 });
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${prefix}-${name}-${scheme}.png`, fullPage: false });
  }
}
await ctx.close();
