// Where the popover opens: next to the tray icon, on the side away from the panel, inside the work
// area. Pure: the OS hands us the rectangles.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const GAP = 4;

const clamp = (v: number, min: number, max: number) => Math.max(min, Math.min(v, Math.max(min, max)));

/**
 * `tray` is the icon's bounds (empty on Linux, where Electron can't tell), `workArea` the display's
 * area without panels. The popover is centred on the icon and opens downwards from a top panel
 * (macOS menu bar), upwards from a bottom taskbar, sideways from a side taskbar; without icon bounds it
 * sits in the work area's corner nearest the panel (top right by default).
 */
export function popoverPosition(tray: Rect, size: { width: number; height: number }, workArea: Rect): { x: number; y: number } {
  const right = workArea.x + workArea.width;
  const bottom = workArea.y + workArea.height;
  const maxX = right - size.width;
  const maxY = bottom - size.height;
  if (tray.width <= 0 || tray.height <= 0) return { x: clamp(maxX - GAP, workArea.x, maxX), y: workArea.y + GAP };

  const cx = tray.x + tray.width / 2;
  const cy = tray.y + tray.height / 2;
  const centredX = Math.round(cx - size.width / 2);
  const centredY = Math.round(cy - size.height / 2);
  if (tray.y + tray.height <= workArea.y + 1) return { x: clamp(centredX, workArea.x, maxX), y: workArea.y + GAP }; // panel above
  if (tray.y >= bottom - 1) return { x: clamp(centredX, workArea.x, maxX), y: maxY - GAP }; // panel below
  if (tray.x >= right - 1) return { x: maxX - GAP, y: clamp(centredY, workArea.y, maxY) }; // panel on the right
  if (tray.x + tray.width <= workArea.x + 1) return { x: workArea.x + GAP, y: clamp(centredY, workArea.y, maxY) }; // panel on the left
  // The icon is inside the work area (e.g. an overflow flyout): below it if there is room, else above.
  const below = tray.y + tray.height + GAP;
  return { x: clamp(centredX, workArea.x, maxX), y: below <= maxY ? below : clamp(tray.y - size.height - GAP, workArea.y, maxY) };
}
