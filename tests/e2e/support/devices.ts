// Context presets for `test.use(...)`.

/** A mid-size phone (390×844 CSS px), as most patients open their payment link. */
export const mobile = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
} as const;
