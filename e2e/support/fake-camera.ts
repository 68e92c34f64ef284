import { writeFileSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import QRCode from 'qrcode';
import { CHROMIUM } from './chromium.ts';

/**
 * A camera for browser tests, which have none: Chromium's fake capture device
 * plays a Y4M file in a loop. The file shows one QR code, black on white,
 * in the middle of the picture, as a phone held up to the camera would.
 */
export interface QrVideoOptions {
  width?: number;
  height?: number;
  frames?: number;
  fps?: number;
}

const WHITE = 235;
const BLACK = 16;
const NEUTRAL_CHROMA = 128;

/** Writes `text` as a QR code to a YUV4MPEG2 (4:2:0) file: luma is the picture, chroma is neutral grey. */
export function writeQrVideo(text: string, path: string, options: QrVideoOptions = {}): void {
  const { width = 640, height = 480, frames = 10, fps = 10 } = options;
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const cells = modules.size + 2 * quiet;
  const scale = Math.floor((Math.min(width, height) * 0.8) / cells);
  if (scale < 2) throw new Error(`a ${width}×${height} picture is too small for a QR code of ${modules.size} modules`);
  const left = Math.floor((width - cells * scale) / 2) + quiet * scale;
  const top = Math.floor((height - cells * scale) / 2) + quiet * scale;

  const luma = Buffer.alloc(width * height, WHITE);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++) luma.fill(BLACK, (top + row * scale + y) * width + left + col * scale, (top + row * scale + y) * width + left + (col + 1) * scale);
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, NEUTRAL_CHROMA);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(path, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}

/** A headless Chromium whose camera plays `videoFile`, and which grants camera access without asking. */
export function launchWithFakeCamera(videoFile: string): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${videoFile}`,
    ],
  });
}
