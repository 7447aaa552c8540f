import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { popoverPosition, type Rect } from '../../../electron/shell/popover-position';

const SIZE = { width: 380, height: 520 };

describe('popoverPosition', () => {
  it('opens below a macOS menu bar icon, centred on it', () => {
    const work: Rect = { x: 0, y: 25, width: 1440, height: 875 };
    expect(popoverPosition({ x: 1200, y: 0, width: 24, height: 24 }, SIZE, work)).toEqual({ x: 1022, y: 29 });
  });

  it('opens above a Windows taskbar icon, kept inside the screen', () => {
    const work: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
    expect(popoverPosition({ x: 1800, y: 1044, width: 24, height: 32 }, SIZE, work)).toEqual({ x: 1540, y: 516 });
  });

  it('opens beside a taskbar on the left or right', () => {
    expect(popoverPosition({ x: 0, y: 700, width: 40, height: 24 }, SIZE, { x: 48, y: 0, width: 1872, height: 1080 })).toEqual({ x: 52, y: 452 });
    expect(popoverPosition({ x: 1880, y: 10, width: 40, height: 24 }, SIZE, { x: 0, y: 0, width: 1872, height: 1080 })).toEqual({ x: 1488, y: 0 });
  });

  it('uses the top-right corner when the OS does not say where the icon is (Linux)', () => {
    expect(popoverPosition({ x: 0, y: 0, width: 0, height: 0 }, SIZE, { x: 0, y: 27, width: 1920, height: 1053 })).toEqual({ x: 1536, y: 31 });
  });

  it('always lands inside the work area (any icon place, any screen)', () => {
    const rect = fc.record({ x: fc.integer({ min: -3000, max: 3000 }), y: fc.integer({ min: -3000, max: 3000 }), width: fc.integer({ min: 0, max: 64 }), height: fc.integer({ min: 0, max: 64 }) });
    const work = fc.record({ x: fc.integer({ min: -2000, max: 2000 }), y: fc.integer({ min: -2000, max: 2000 }), width: fc.integer({ min: 400, max: 4000 }), height: fc.integer({ min: 540, max: 3000 }) });
    fc.assert(
      fc.property(rect, work, (tray, area) => {
        const p = popoverPosition(tray, SIZE, area);
        expect(p.x).toBeGreaterThanOrEqual(area.x);
        expect(p.y).toBeGreaterThanOrEqual(area.y);
        expect(p.x + SIZE.width).toBeLessThanOrEqual(area.x + area.width);
        expect(p.y + SIZE.height).toBeLessThanOrEqual(area.y + area.height);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
