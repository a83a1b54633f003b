// Draws the panel's icon (three rising bars on an indigo tile) and writes app/favicon.ico: a
// 16 and a 32 pixel PNG inside one ICO, which every browser asks for at /favicon.ico. Pixels are
// computed here rather than taken from an image tool, so the icon can be regenerated offline:
// `npx tsx scripts/brand/make-favicon.ts`.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const TILE = [79, 70, 229]; // indigo-600
const BAR = [255, 255, 255];

function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** RGBA pixel of the icon at (x, y) in a size × size square. */
function pixel(x: number, y: number, size: number): number[] {
  const u = (x + 0.5) / size;
  const v = (y + 0.5) / size;
  const r = 0.2; // corner radius, in tile widths
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return [0, 0, 0, 0];
  const bars = [
    { from: 0.2, to: 0.34, top: 0.58 },
    { from: 0.43, to: 0.57, top: 0.4 },
    { from: 0.66, to: 0.8, top: 0.2 },
  ];
  const inBar = bars.some((b) => u >= b.from && u < b.to && v >= b.top && v < 0.8);
  return [...(inBar ? BAR : TILE), 255];
}

function png(size: number): Buffer {
  const rows: number[] = [];
  for (let y = 0; y < size; y++) {
    rows.push(0);
    for (let x = 0; x < size; x++) rows.push(...pixel(x, y, size));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.from(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const images = [16, 32].map((size) => ({ size, data: png(size) }));
const dir = Buffer.alloc(6 + 16 * images.length);
dir.writeUInt16LE(0, 0);
dir.writeUInt16LE(1, 2); // icon
dir.writeUInt16LE(images.length, 4);
let offset = dir.length;
images.forEach(({ size, data }, i) => {
  const at = 6 + 16 * i;
  dir.writeUInt8(size, at);
  dir.writeUInt8(size, at + 1);
  dir.writeUInt16LE(1, at + 4); // planes
  dir.writeUInt16LE(32, at + 6); // bits per pixel
  dir.writeUInt32LE(data.length, at + 8);
  dir.writeUInt32LE(offset, at + 12);
  offset += data.length;
});
writeFileSync(new URL("../../app/favicon.ico", import.meta.url), Buffer.concat([dir, ...images.map((i) => i.data)]));
