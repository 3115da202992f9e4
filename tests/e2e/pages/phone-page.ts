/** The engineer's phone page at 360×740: a phone-sized Chromium context, a finger's signature, the width check. */
import { expect, type Browser, type Page } from '@playwright/test';

/** A phone as Chromium emulates it: 360×740 CSS pixels, touch, the mobile viewport rules. */
export async function phoneContext(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  return context.newPage();
}

/** Nothing is wider than the screen: the page never scrolls sideways. */
export async function expectNoSideScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
  expect(widths.page, 'the page scrolls sideways').toBeLessThanOrEqual(widths.screen);
}

/** Every visible button, link and text field of the phone page is at least 44 px high (a finger's target). */
export async function expectTouchTargets(page: Page): Promise<void> {
  const small = await page.getByTestId('phone-page').evaluate((root) =>
    [...root.querySelectorAll<HTMLElement>('button, a, input:not([type=file]):not([type=checkbox]):not([type=radio]), textarea')]
      .filter((el) => el.offsetParent !== null && !el.closest('[data-phone-small-ok]'))
      .map((el) => ({ what: el.dataset.testid ?? el.textContent?.trim() ?? el.tagName, height: el.getBoundingClientRect().height }))
      .filter((el) => el.height < 44),
  );
  expect(small, 'touch targets under 44 px').toEqual([]);
}

/** Draws a stroke on the signature pad with a finger (touch events through the DevTools protocol). */
export async function signWithFinger(page: Page): Promise<void> {
  const canvas = page.getByTestId('signature-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no signature pad');
  const cdp = await page.context().newCDPSession(page);
  const at = (fx: number, fy: number) => [{ x: box.x + box.width * fx, y: box.y + box.height * fy }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0.15, 0.6) });
  for (let i = 1; i <= 12; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(0.15 + i * 0.06, 0.6 - Math.sin(i / 2) * 0.3) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/**
 * A phone whose browser scans barcodes (Chrome on Android): this Chromium has no BarcodeDetector, so the
 * page gets one that reads `code` from whatever the camera shows, and a camera that shows a drawn frame.
 * The page reloads with them.
 */
export async function withScanningCamera(page: Page, code: string): Promise<void> {
  await page.context().addInitScript((text) => {
    class FakeBarcodeDetector {
      async detect(source: HTMLVideoElement) {
        return source.readyState >= 2 ? [{ rawValue: text, format: 'code_128' }] : [];
      }
    }
    Object.assign(window, { BarcodeDetector: FakeBarcodeDetector });
    Object.defineProperty(navigator.mediaDevices, 'getUserMedia', {
      value: async () => {
        const canvas = Object.assign(document.createElement('canvas'), { width: 320, height: 240 });
        const ctx = canvas.getContext('2d');
        const draw = () => {
          ctx?.fillRect(0, 0, 320, 240);
          requestAnimationFrame(draw);
        };
        draw();
        return canvas.captureStream(10);
      },
    });
  }, code);
  await page.reload();
}
