// Draws the field app's icons (a white house on a green rounded square) and
// writes them as PNG files with nothing but node:zlib, so the icons can be
// regenerated anywhere: `node scripts/make-icons.mjs`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const OUT = new URL('../src/web/public/icons/', import.meta.url).pathname;
const GREEN = [0x1f, 0x8a, 0x4c];
const WHITE = [0xff, 0xff, 0xff];
/** Samples per pixel side: 4×4 subsamples give smooth (anti-aliased) edges. */
const SS = 4;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes RGBA pixels (Uint8Array, width*height*4) as a PNG file. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Inside a square of side 1 with corners rounded by radius r (0 = square). */
function inRoundedSquare(x, y, r) {
  if (x < 0 || y < 0 || x > 1 || y > 1) return false;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/**
 * The house in unit coordinates, centred at (0.5, 0.5) and scaled by s: a
 * roof (triangle with eaves), a chimney, a body and a door left in green.
 */
function inHouse(x, y, s) {
  const u = (x - 0.5) / s + 0.5;
  const v = (y - 0.5) / s + 0.5;
  const roofTop = 0.2;
  const roofBase = 0.5;
  const halfBase = 0.36;
  const inRoof = v >= roofTop && v <= roofBase && Math.abs(u - 0.5) <= ((v - roofTop) / (roofBase - roofTop)) * halfBase;
  const inChimney = u >= 0.64 && u <= 0.72 && v >= 0.26 && v <= 0.42;
  const inBody = u >= 0.24 && u <= 0.76 && v >= 0.48 && v <= 0.8;
  const inDoor = u >= 0.44 && u <= 0.56 && v >= 0.62 && v <= 0.8;
  return (inRoof || inChimney || inBody) && !inDoor;
}

/**
 * Renders one icon. A maskable icon fills the whole square with green and
 * keeps the house inside the central safe zone (a circle of 80 % diameter).
 */
function render(size, { maskable }) {
  const rgba = new Uint8Array(size * size * 4);
  const radius = maskable ? 0 : 0.22;
  const houseScale = maskable ? 0.62 : 0.82;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          if (!inRoundedSquare(x, y, radius)) continue;
          if (inHouse(x, y, houseScale)) fg++;
          else bg++;
        }
      }
      const n = SS * SS;
      const alpha = (bg + fg) / n;
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) rgba[i + c] = alpha === 0 ? 0 : Math.round((GREEN[c] * bg + WHITE[c] * fg) / (bg + fg));
      rgba[i + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(size, size, rgba);
}

mkdirSync(OUT, { recursive: true });
const icons = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'maskable-512.png', size: 512, maskable: true },
  { file: 'apple-touch-icon-180.png', size: 180, maskable: true },
];
for (const icon of icons) {
  const png = render(icon.size, icon);
  writeFileSync(join(OUT, icon.file), png);
  console.log(`${icon.file}: ${icon.size}×${icon.size}, ${png.length} bytes`);
}
