// Renders scripts/icons/icon.svg to the PNG sizes browsers ask for, in Debian's Chromium so the
// result is the same on every machine: public/icon/<size>.png (on) and public/icon/off-<size>.png.
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SIZES = [16, 32, 48, 96, 128];
const svg = readFileSync('scripts/icons/icon.svg', 'utf8');
const variants = { '': '#1d4ed8', 'off-': '#6b7280' };

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage();
for (const [prefix, color] of Object.entries(variants))
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px;--bg:${color}}</style>${svg}`,
    );
    writeFileSync(
      `public/icon/${prefix}${size}.png`,
      await page.screenshot({ omitBackground: true }),
    );
  }
await browser.close();
console.log(`public/icon: ${SIZES.join(', ')} px, on and off`);
