import { Button } from 'antd-mobile';
import { useCallback, useEffect, useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { drawStroke, drawStrokes, PAD_RATIO, penStyle, type Point, type Stroke } from './signature-strokes.ts';

/**
 * A box to sign in with a finger (or a stylus, or a mouse): pointer events
 * with the pointer captured, so a stroke that leaves the box ends cleanly and
 * the page does not scroll under the finger. The canvas has as many pixels
 * as the screen (device pixel ratio), so the line is sharp on any phone, and
 * is drawn again from the strokes when its size changes (a phone turned).
 */
export function SignaturePad({ strokes, onStroke, onClear }: { strokes: readonly Stroke[]; onStroke: (stroke: Stroke) => void; onClear: () => void }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const current = useRef<Point[] | null>(null);
  const [size, setSize] = useState({ width: 0, height: 0, ratio: 1 });

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const measure = () => {
      const width = el.clientWidth;
      setSize({ width, height: width / PAD_RATIO, ratio: window.devicePixelRatio || 1 });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const context = useCallback(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return null;
    // Drawn in CSS pixels; the canvas holds ratio × as many.
    ctx.setTransform(size.ratio, 0, 0, size.ratio, 0, 0);
    return ctx;
  }, [size.ratio]);

  useEffect(() => {
    const ctx = context();
    if (!ctx || size.width === 0) return;
    ctx.clearRect(0, 0, size.width, size.height);
    drawStrokes(ctx, strokes, size.width, size.height);
  }, [strokes, size, context]);

  const pointOf = (e: PointerEvent<HTMLCanvasElement>): Point => {
    const box = e.currentTarget.getBoundingClientRect();
    return [Math.min(1, Math.max(0, (e.clientX - box.left) / box.width)), Math.min(1, Math.max(0, (e.clientY - box.top) / box.height))];
  };

  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    current.current = [pointOf(e)];
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    const stroke = current.current;
    if (!stroke) return;
    e.preventDefault();
    // A fast finger gives several positions per event: keep them all for a smooth line.
    const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
    const box = e.currentTarget.getBoundingClientRect();
    const points: Point[] = events.length > 0 ? events.map((ev) => [Math.min(1, Math.max(0, (ev.clientX - box.left) / box.width)), Math.min(1, Math.max(0, (ev.clientY - box.top) / box.height))]) : [pointOf(e)];
    stroke.push(...points);
    const ctx = context();
    if (ctx) {
      penStyle(ctx, size.height);
      drawStroke(ctx, stroke.slice(-points.length - 2), size.width, size.height);
    }
  };
  const up = () => {
    const stroke = current.current;
    current.current = null;
    // Added to the strokes as they are when it lands, not as this render saw them: a quick second stroke is kept too.
    if (stroke && stroke.length > 0) onStroke(stroke);
  };

  return (
    <div className="obs-signature">
      <canvas
        ref={canvas}
        className="obs-signature-canvas"
        width={Math.round(size.width * size.ratio)}
        height={Math.round(size.height * size.ratio)}
        style={{ height: size.height || undefined }}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
        // A drag with a mouse would otherwise select the letter's text around the box.
        onMouseDown={(e) => e.preventDefault()}
        aria-label={t('observation-field:letter.padLabel')}
        data-testid="signature-pad"
        data-strokes={strokes.length}
      />
      {strokes.length === 0 && <span className="obs-signature-hint">{t('observation-field:letter.padHint')}</span>}
      <Button size="middle" fill="outline" disabled={strokes.length === 0} onClick={onClear} className="obs-signature-clear" data-testid="signature-clear">
        {t('observation-field:letter.clear')}
      </Button>
    </div>
  );
}
