/**
 * A signature as the strokes a finger drew, in the pad's own units (0–1
 * across, 0–1 down), so it can be drawn again at any size: crisp on the
 * screen at the device's pixel ratio, and as a small PNG of a fixed size for
 * the letter (600 × 300 px, black on white: some 10–40 KB, far below the
 * server's limit).
 */
export type Point = readonly [x: number, y: number];
export type Stroke = readonly Point[];

/** The pad is twice as wide as it is high. */
export const PAD_RATIO = 2;
export const PNG_WIDTH = 600;
export const PNG_HEIGHT = PNG_WIDTH / PAD_RATIO;
/** Stroke width as a share of the pad's height: a pen line, also on a small screen. */
const LINE = 0.016;

/** Draws strokes on a context whose drawing area is width × height (in its own pixels). */
export function drawStrokes(ctx: CanvasRenderingContext2D, strokes: readonly Stroke[], width: number, height: number): void {
  penStyle(ctx, height);
  for (const stroke of strokes) drawStroke(ctx, stroke, width, height);
}

/** Black, round, as wide as a pen on a pad `height` high. */
export function penStyle(ctx: CanvasRenderingContext2D, height: number): void {
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.strokeStyle = '#000';
  ctx.fillStyle = '#000';
  ctx.lineWidth = Math.max(1.5, LINE * height);
}

/** One stroke, smoothed through the midpoints of its segments; a tap is a dot. */
export function drawStroke(ctx: CanvasRenderingContext2D, stroke: Stroke, width: number, height: number): void {
  const first = stroke[0];
  if (!first) return;
  const at = (p: Point) => [p[0] * width, p[1] * height] as const;
  const [x0, y0] = at(first);
  if (stroke.length === 1) {
    ctx.beginPath();
    ctx.arc(x0, y0, ctx.lineWidth / 2, 0, Math.PI * 2);
    ctx.fill();
    return;
  }
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  for (let i = 1; i < stroke.length - 1; i++) {
    const [x, y] = at(stroke[i]!);
    const [nx, ny] = at(stroke[i + 1]!);
    ctx.quadraticCurveTo(x, y, (x + nx) / 2, (y + ny) / 2);
  }
  const [lx, ly] = at(stroke[stroke.length - 1]!);
  ctx.lineTo(lx, ly);
  ctx.stroke();
}

/** The signature as a PNG data URL, PNG_WIDTH × PNG_HEIGHT, black strokes on white. */
export function signaturePng(strokes: readonly Stroke[]): string {
  const canvas = document.createElement('canvas');
  canvas.width = PNG_WIDTH;
  canvas.height = PNG_HEIGHT;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas unavailable');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, PNG_WIDTH, PNG_HEIGHT);
  drawStrokes(ctx, strokes, PNG_WIDTH, PNG_HEIGHT);
  return canvas.toDataURL('image/png');
}
