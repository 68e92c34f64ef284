import jsQR from 'jsqr';

/**
 * QR codes read in JavaScript (jsQR): BarcodeDetector does not exist in
 * Chromium on Linux nor in many phones' browsers. A frame is drawn on a
 * canvas, scaled down first: a pass held up to the camera fills much of the
 * picture, and decoding 640 pixels instead of 1920 is ten times faster.
 */
export const VIDEO_MAX_SIDE = 640;
/** A photo may show the code small (taken from a step away), so it keeps more pixels. */
const PHOTO_SIDES = [1024, 1600, 640];

type Inversion = 'dontInvert' | 'attemptBoth';

/** Draws `source` (width × height) on `canvas` at most `maxSide` pixels wide or high and reads a QR code from it. */
export function decodeImage(source: CanvasImageSource, width: number, height: number, canvas: HTMLCanvasElement, maxSide: number, inversion: Inversion = 'dontInvert'): string | null {
  if (width === 0 || height === 0) return null;
  const scale = Math.min(1, maxSide / Math.max(width, height));
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  // Resizing a canvas clears and reallocates it: only when the size changes.
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(source, 0, 0, w, h);
  const pixels = context.getImageData(0, 0, w, h);
  return jsQR(pixels.data, w, h, { inversionAttempts: inversion })?.data ?? null;
}

/** Reads a QR code from a photo (a file the user picked or took); null when none is found. */
export async function decodePhoto(file: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  try {
    const canvas = document.createElement('canvas');
    for (const side of PHOTO_SIDES) {
      const text = decodeImage(bitmap, bitmap.width, bitmap.height, canvas, side, 'attemptBoth');
      if (text) return text;
    }
    return null;
  } finally {
    bitmap.close();
  }
}
