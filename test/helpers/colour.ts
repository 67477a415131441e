/**
 * Colours as a browser paints them, for contrast and hue checks: any CSS colour (rgb, oklch,
 * oklab, what color-mix() and relative colours compute to) read back as sRGB by painting a pixel.
 */
export type Rgba = [r: number, g: number, b: number, a: number];

let pixel: CanvasRenderingContext2D | undefined;

export function srgb(color: string): Rgba {
  pixel ??= Object.assign(document.createElement('canvas'), { width: 1, height: 1 }).getContext('2d', { willReadFrequently: true })!;
  pixel.clearRect(0, 0, 1, 1);
  pixel.fillStyle = color;
  pixel.fillRect(0, 0, 1, 1);
  const [r = 0, g = 0, b = 0, a = 0] = pixel.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a / 255];
}

export const hex = ([r, g, b]: Rgba) => `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;

/** Hue in degrees, or undefined for greys, near-whites and near-transparent colours (no hue to speak of). */
export function hue([r, g, b, a]: Rgba): number | undefined {
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (a < 0.2 || d < 40) return undefined;
  const h = max === r ? (g - b) / d : max === g ? 2 + (b - r) / d : 4 + (r - g) / d;
  return (h * 60 + 360) % 360;
}

/** WCAG relative luminance and contrast ratio. */
export function luminance([r, g, b]: Rgba) {
  const f = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}

export function contrast(a: Rgba, b: Rgba) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The nearest opaque background behind `el`, crossing shadow roots to their hosts. */
export function backdrop(el: Element): Rgba {
  for (let n: Node | null = el.parentNode; n; n = n instanceof ShadowRoot ? n.host : n.parentNode) {
    if (!(n instanceof Element)) continue;
    const bg = srgb(getComputedStyle(n).backgroundColor);
    if (bg[3] === 1) return bg;
  }
  return [255, 255, 255, 1];
}
