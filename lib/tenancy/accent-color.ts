// Patient pages put white text on the practice's accent colour, so it must be dark enough to read.

function channel(hex: string, i: number): number {
  const v = Number.parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
  return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

/** WCAG contrast ratio of white text on a #rrggbb background. */
export function contrastWithWhite(hex: string): number {
  const l = 0.2126 * channel(hex, 0) + 0.7152 * channel(hex, 1) + 0.0722 * channel(hex, 2);
  return 1.05 / (l + 0.05);
}

/** True when white text on this colour meets WCAG AA for normal text (4.5:1). */
export function isReadableAccent(hex: string): boolean {
  return /^#[0-9a-f]{6}$/i.test(hex) && contrastWithWhite(hex) >= 4.5;
}
