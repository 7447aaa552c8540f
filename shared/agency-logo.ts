// The agency's logo for printable reports: only an image data URL (no external fetch, no script),
// small enough to travel in settings and to embed in every exported page.
/** The largest logo image the app keeps, in bytes of the image file. */
export const AGENCY_LOGO_MAX_BYTES = 256 * 1024;
/** The longest data URL such an image makes (base64 is 4 characters per 3 bytes, plus the prefix). */
export const AGENCY_LOGO_MAX_CHARS = Math.ceil(AGENCY_LOGO_MAX_BYTES / 3) * 4 + 64;
export const AGENCY_NAME_MAX = 120;
export const AGENCY_LOGO_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml'] as const;

const LOGO = /^data:image\/(?:png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/;

/** A base64 image data URL of an allowed type; `maxChars` caps its length. */
export const isSafeLogoDataUrl = (url: string, maxChars = 2_000_000): boolean => url.length < maxChars && LOGO.test(url);
