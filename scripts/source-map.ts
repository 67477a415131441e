/**
 * Source map mappings decoded (Base64 VLQ, source map v3), for the size table (scripts/size-features.ts)
 * and the bench's trace (bench/trace.ts), which both name the source of the embed's minified code.
 */
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...B64].map((c, i) => [c, i]));

/**
 * A source map's mappings as [generated line][segments]: each segment [generated column, source index,
 * original line (0-based)], all 0-based; a segment with no source is [column, -1, -1].
 */
export function decodeMappings(mappings: string): [number, number, number][][] {
  const lines: [number, number, number][][] = [];
  let source = 0;
  let original = 0;
  for (const line of mappings.split(';')) {
    const segments: [number, number, number][] = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const c of segment) {
        const digit = DIGIT.get(c);
        if (digit === undefined) throw new Error(`not a source map mapping: ${segment}`);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0]!;
      if (fields.length > 1) {
        source += fields[1]!;
        original += fields[2]!;
        segments.push([column, source, original]);
      } else segments.push([column, -1, -1]);
    }
    lines.push(segments);
  }
  return lines;
}
